// Block layout: turns paragraphs, rules, code, images and tables into a vertical list of
// unbreakable Items (a line of text, a table row, an image) with the spacing and keep-with-next
// flags that pagination needs. Coordinates are points, x from the text block's left edge, y down
// from the item's top. No libharu here: widths come from a Measure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pdf/line_breaker.hpp"
#include "pdf/style.hpp"

namespace boardpress::pdf {

// Typography of a report; the defaults are a 10.5pt sans body with 1.45 leading.
struct Theme {
    double body_size = 10.5;
    double leading = 1.45;  // line height / font size
    double paragraph_space = 7;
    double heading_sizes[6] = {15, 15, 12.5, 11, 10.5, 10.5};  // h1..h6
    double chapter_size = 22;
    double small_size = 8.5;  // footnotes, header and footer
    double code_size = 8.8;
    double table_size = 9;
    double number_column = 34;  // hanging indent of numbered paragraphs and headings
    double list_indent = 18;
    double quote_indent = 14;
    Color text{0.13, 0.13, 0.13};
    Color accent{0.07, 0.25, 0.47};
    Color muted{0.38, 0.40, 0.44};
    Color rule{0.75, 0.77, 0.80};
    Color shade{0.94, 0.95, 0.97};
    Align align = Align::left;
};

struct TextOp {
    double x = 0, baseline = 0;
    std::string text;
    Style style;
    double width = 0;
};
struct LineOp {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0, width = 0.5;
    Color color;
};
struct RectOp {
    double x = 0, y = 0, w = 0, h = 0;
    Color fill;
    bool stroke = false;  // outline only
};
// A vector shape (charts, status icons): subpaths of straight lines and Bézier curves, filled
// and/or stroked, or a clipping path for the paths after it.
enum class PathVerb { move, line, curve, close };
struct PathPoint {
    PathVerb verb = PathVerb::line;
    double x = 0, y = 0;                    // the end point
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;  // curve: the control points
};
struct PathOp {
    std::vector<PathPoint> points;
    bool fill = false, stroke = false;
    Color fill_color, stroke_color;
    double width = 0.5;
    std::vector<int> dash;  // on, off, ... lengths in whole points (libharu); empty: solid
    bool round = false;     // round joins and caps
    bool even_odd = false;  // fill (or clip) by the even-odd rule
    int clips = 0;          // > 0: not painted, but clips the next `clips` paths

    PathOp& move(double x, double y) { return add({PathVerb::move, x, y}); }
    PathOp& line(double x, double y) { return add({PathVerb::line, x, y}); }
    PathOp& curve(double x1, double y1, double x2, double y2, double x, double y) {
        return add({PathVerb::curve, x, y, x1, y1, x2, y2});
    }
    PathOp& close() { return add({PathVerb::close}); }
    PathOp& rectangle(double x, double y, double w, double h) {
        return move(x, y).line(x + w, y).line(x + w, y + h).line(x, y + h).close();
    }
    void shift(double dx, double dy);

  private:
    PathOp& add(PathPoint point) {
        points.push_back(point);
        return *this;
    }
};
struct ImageOp {
    std::string path;
    double x = 0, y = 0, w = 0, h = 0;
};
struct Anchor {
    std::string id;
    double y = 0;
};
// A heading, for bookmarks and the contents page.
struct Mark {
    int level = 0;  // 0 chapter, 1 h1/h2, 2 h3, ...
    std::string title;
    std::string anchor;
};

struct Item {
    double height = 0;
    double space_before = 0;  // dropped at the top of a page
    bool keep_with_next = false;
    bool page_break_before = false;
    std::vector<TextOp> texts;
    std::vector<LineOp> lines;
    std::vector<RectOp> rects;
    std::vector<PathOp> paths;  // drawn after the rects, before the lines
    std::vector<ImageOp> images;
    std::vector<Anchor> anchors;
    std::vector<Mark> marks;
    std::vector<double> quote_rules;  // x of the rule of each enclosing block quote
    int table = -1;                   // rows of table N; its header rows repeat after a break
    bool table_header = false;
};

struct ParagraphSpec {
    Align align = Align::left;
    double size = 0;           // line height is size * leading; 0: the context's body size
    double space_before = -1;  // -1: the theme's paragraph space
    double space_after = -1;
    bool keep_with_next = false;  // headings
    bool keep_together = false;   // headings, contents entries
    std::vector<Run> marker;      // number or bullet, right-aligned in the hanging column
    double marker_width = 0;      // the hanging column; 0: the theme's number column
    std::vector<Anchor> anchors;  // ids placed at the paragraph's top
    std::vector<Mark> marks;
    LineOp rule_below;  // x relative to the indent, y below the last line
    bool has_rule_below = false;
};

struct TableCell {
    std::vector<Run> runs;
    std::optional<Align> align;  // set: this cell's alignment, whatever the column and content
    // An icon before the text (a status shape): `icon_width` is kept clear before every line and
    // the paths are drawn there, x from the icon's left edge, y from the first line's baseline.
    std::vector<PathOp> icon;
    double icon_width = 0;
};
struct TableSpec {
    std::vector<std::vector<TableCell>> rows;
    std::size_t header_rows = 1;
    std::vector<Align> align;     // per column from the Markdown; left means "decide by content"
    std::size_t footer_rows = 0;  // the last rows are totals: bold, with a rule above
    // Rows whose one cell spans every column (a group heading, such as an objective), shaded and
    // kept with the row after them.
    std::vector<std::size_t> group_rows;
    double size = 0;  // the size the rows' line height is set for; 0: the theme's table size
    double space_before = -1;  // -1: one and a half times the theme's paragraph space
};

class Layout {
  public:
    Layout(const Measure& measure, const Theme& theme, double width);

    const Theme& theme() const { return theme_; }
    const Measure& measure() const { return measure_; }
    double width() const { return width_; }
    // The width left for text at the current nesting.
    double text_width() const { return width_ - left() - context().right; }
    double body_size() const { return context().size; }

    // Nesting: lists and block quotes indent what they hold; quotes draw a rule beside it.
    void push_indent(double left, double size = 0, double right = 0);
    void push_quote();
    void pop();
    // A marker (bullet, list number) for the first line of the next block, right-aligned in the
    // hanging space `column` wide left of the current indent.
    void set_marker(std::vector<Run> marker, double column);
    // Space wanted before the next block (the larger of this and its own space wins).
    void space(double points);
    void page_break();

    void paragraph(const std::vector<Run>& runs, ParagraphSpec spec = {});
    void code(std::string_view text);
    void rule();
    void image(const std::string& path, double pixel_width, double pixel_height,
               const std::string& alt);
    void table(const TableSpec& table);
    // Adds a ready-made item (components) at the current indent.
    void add(Item item);

    Item* last_item() { return items_.empty() ? nullptr : &items_.back(); }
    std::vector<Item> take() { return std::move(items_); }
    const std::vector<Item>& items() const { return items_; }

  private:
    struct Context {
        double left = 0, right = 0, size = 0;
        std::vector<double> quotes;
    };
    const Measure& measure_;
    const Theme& theme_;
    double width_;
    std::vector<Context> stack_;
    std::vector<Item> items_;
    double pending_space_ = 0;
    bool pending_break_ = false;
    std::vector<Run> marker_;
    double marker_column_ = 0;
    int tables_ = 0;

    const Context& context() const { return stack_.back(); }
    double left() const { return context().left; }
    Item& push_item(double height, double space_before);
    void text_line(Item& item, const Line& line, double x, double baseline);
    void draw_marker(Item& item, double baseline, double column);
};

}  // namespace boardpress::pdf
