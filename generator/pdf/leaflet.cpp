// Leaflets: panels split at top-level thematic breaks, each laid out at the panel width by the
// report's tree walk, measured against its space, then placed on the two sides of an A4 sheet.
// Everything is placed in page coordinates (x from the page's left edge, y down from its top) and
// drawn by PageRenderer with zero margins.
#include "pdf/leaflet.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <deque>
#include <map>

#include "format/format.hpp"
#include "pdf/components_pdf_parts.hpp"
#include "pdf/fonts.hpp"
#include "pdf/hpdf_doc.hpp"
#include "pdf/metadata.hpp"
#include "pdf/page_render.hpp"
#include "pdf/tree_walk.hpp"

namespace boardpress::pdf {

namespace {

using parts::style;

constexpr double sheet_width = 841.89;  // A4 landscape
constexpr double sheet_height = 595.276;
constexpr double panel_width = sheet_width / 3;

double to_mm(double points) {
    return points * 25.4 / 72;
}

// Where a panel prints: the page (0 outside, 1 inside) and the column (0 left .. 2 right).
struct Slot {
    std::size_t page = 0;
    int column = 0;
};
// See the imposition in leaflet.hpp: outside 2 | 6 | 1, inside 3 | 4 | 5.
constexpr std::array<Slot, leaflet_panel_count> slots = {Slot{0, 2}, Slot{0, 0}, Slot{1, 0},
                                                         Slot{1, 1}, Slot{1, 2}, Slot{0, 1}};
// The order panels are drawn in, page by page, so text extracted in content order reads 1, 2, 6
// then 3, 4, 5.
constexpr std::array<int, leaflet_panel_count> drawing_order = {1, 2, 6, 3, 4, 5};

// Typewriter quotes in option strings (front matter) made typographic, as the Markdown's are:
// ' and " after a letter, digit or closing punctuation close, others open.
std::string smart_quotes(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c != '\'' && c != '"') {
            out += c;
            continue;
        }
        char before = i > 0 ? text[i - 1] : ' ';
        bool closing = std::isalnum(static_cast<unsigned char>(before)) || before == '.' ||
                       before == ',' || before == '!' || before == '?' ||
                       (static_cast<unsigned char>(before) & 0x80) != 0;
        if (c == '\'')
            out += closing ? "\xE2\x80\x99" : "\xE2\x80\x98";  // ’ ‘
        else
            out += closing ? "\xE2\x80\x9D" : "\xE2\x80\x9C";  // ” “
    }
    return out;
}

// "https://nscb.example.org/" -> "nscb.example.org", as printed on paper.
std::string website(std::string_view url) {
    for (std::string_view scheme : {"https://", "http://"})
        if (has_prefix(url, scheme)) {
            url.remove_prefix(scheme.size());
            while (!url.empty() && url.back() == '/') url.remove_suffix(1);
            return std::string(url);
        }
    return {};
}

Color mix(Color a, Color b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

void shift(Item& item, double dx) {
    for (TextOp& op : item.texts) op.x += dx;
    for (LineOp& op : item.lines) op.x1 += dx, op.x2 += dx;
    for (RectOp& op : item.rects) op.x += dx;
    for (PathOp& op : item.paths) op.shift(dx, 0);
    for (ImageOp& op : item.images) op.x += dx;
    for (double& x : item.quote_rules) x += dx;
}

std::size_t count_words(const std::string& text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

// “Who must tell the council”: the panel's first heading, else the start of its first block.
std::string panel_name(cmark_node* first, cmark_node* end) {
    for (cmark_node* node = first; node && node != end; node = cmark_node_next(node))
        if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
            std::string text = markdown::plain_text(node);
            if (!text.empty()) return text;
        }
    for (cmark_node* node = first; node && node != end; node = cmark_node_next(node)) {
        std::string text = markdown::plain_text(node);
        std::string name;
        std::size_t words = 0;
        bool cut = false;
        for (char c : text) {
            if (c == '\n' || c == ' ') {
                if (++words == 6) {
                    cut = true;
                    break;
                }
                if (!name.empty() && name.back() != ' ') name += ' ';
                continue;
            }
            name += c;
        }
        while (!name.empty() && name.back() == ' ') name.pop_back();
        if (!name.empty()) return cut ? name + "\xE2\x80\xA6" : name;  // …
    }
    return {};
}

struct Panel {
    int number = 0;               // 1..6
    cmark_node* first = nullptr;  // its first top-level block
    cmark_node* end = nullptr;    // the break after it (nullptr: the document's end)
    std::vector<Item> items;      // x from the panel's text edge, as laid out
    double content_height = 0;
    double top = 0;    // page y where its text starts
    double space = 0;  // height its text may take
    bool empty() const { return first == end; }
};

class LeafletWriter {
  public:
    LeafletWriter(const markdown::Document& document, const markdown::Outline& outline,
                  const LeafletOptions& options)
        : document_(document),
          outline_(outline),
          options_(options),
          theme_(options.pdf.theme),
          fonts_(doc_, options.pdf.font_folder.empty() ? default_font_files()
                                                       : font_files(options.pdf.font_folder)) {}

    // Splits, lays out and measures the panels; every problem goes to `diagnostics`.
    void lay_out(Diagnostics& diagnostics) {
        split(diagnostics);
        cover_band();
        for (Panel& panel : panels_) {
            place(panel);
            if (!panel.empty()) layout_panel(panel);
            if (panel.content_height > panel.space + 0.01) overflow(panel, diagnostics);
        }
    }

    PdfFile draw() {
        HPDF_SetCompressionMode(doc_.get(), HPDF_COMP_ALL);
        PageGeometry geometry;
        geometry.width = sheet_width;
        geometry.height = sheet_height;
        geometry.left = geometry.right = geometry.top = geometry.bottom = 0;
        std::array<Page, 2> pages;
        std::map<std::string, Location> anchors;
        for (int number : drawing_order) {
            const Panel& panel = panels_[static_cast<std::size_t>(number - 1)];
            Slot slot = slots[static_cast<std::size_t>(number - 1)];
            Page& page = pages[slot.page];
            // Backgrounds first, then the panel's text, then its foot: extracted in content
            // order, the text reads panel by panel.
            if (number == 1) put(page, cover_band_item());
            if (number == leaflet_panel_count) put(page, back_tint());
            if (number != 1 && !panel.empty()) put(page, panel_mark(number));
            double x = text_left(number);
            double y = panel.top;
            for (std::size_t i = 0; i < panel.items.size(); ++i) {
                Item item = panel.items[i];
                shift(item, x);
                if (i > 0) y += item.space_before;
                for (const Anchor& anchor : item.anchors)
                    anchors.emplace(anchor.id, Location{slot.page, y + anchor.y});
                for (const Mark& mark : item.marks)
                    anchors.emplace(mark.anchor, Location{slot.page, y});
                double height = item.height;
                put(page, std::move(item), y);
                y += height;
            }
            if (number == 1) put_at_foot(page, cover_foot(), number);
            if (number == leaflet_panel_count) put_at_foot(page, imprint(), number);
        }
        for (Page& page : pages) fold_marks(page);
        PageRenderer renderer(doc_, fonts_, theme_, geometry, pages.size());
        for (std::size_t p = 0; p < pages.size(); ++p) renderer.draw(p, pages[p], anchors);
        metadata();
        PdfFile file;
        file.bytes = doc_.save();
        file.pages = pages.size();
        return file;
    }

  private:
    const markdown::Document& document_;
    const markdown::Outline& outline_;
    const LeafletOptions& options_;
    const Theme& theme_;
    HpdfDoc doc_;
    FontSet fonts_;
    std::vector<Panel> panels_;
    double band_height_ = 0;
    std::vector<TextOp> band_texts_;
    std::deque<Item> drawn_;  // items placed on the pages (stable addresses)

    double margin() const { return std::clamp(options_.margin, 0.0, panel_width / 4); }
    double text_width() const { return panel_width - 2 * margin(); }
    double text_left(int number) const {
        return slots[static_cast<std::size_t>(number - 1)].column * panel_width + margin();
    }
    int file_line(cmark_node* node) const {
        return options_.body_line + cmark_node_get_start_line(node) - 1;
    }
    std::string source_line(cmark_node* node) const {
        return options_.source.empty() ? std::string()
                                       : line_of(options_.source, cmark_node_get_start_line(node));
    }

    void put(Page& page, Item item, double y = 0) {
        drawn_.push_back(std::move(item));
        page.push_back({&drawn_.back(), y, page.empty()});
    }

    // Panels between top-level thematic breaks; the seventh and later are an error.
    void split(Diagnostics& diagnostics) {
        cmark_node* root = document_.root();
        cmark_node* first = root ? cmark_node_first_child(root) : nullptr;
        std::vector<cmark_node*> breaks;
        Panel current;
        current.first = first;
        for (cmark_node* node = first; node; node = cmark_node_next(node)) {
            if (cmark_node_get_type(node) != CMARK_NODE_THEMATIC_BREAK) continue;
            current.end = node;
            panels_.push_back(current);
            current.first = cmark_node_next(node);
            breaks.push_back(node);
        }
        current.end = nullptr;
        panels_.push_back(current);
        // Footnote definitions sit at the document's end: they do not make a panel of their own.
        for (Panel& panel : panels_) {
            cmark_node* node = panel.first;
            while (node != panel.end && cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION)
                node = cmark_node_next(node);
            if (node == panel.end) panel.first = panel.end;
        }
        if (panels_.size() > leaflet_panel_count) {
            cmark_node* extra = breaks[leaflet_panel_count - 1];
            Diagnostic d;
            d.location = {options_.file, file_line(extra), 1};
            d.message = "the leaflet has " + std::to_string(panels_.size()) +
                        " panels, and a tri-fold leaflet has " +
                        std::to_string(leaflet_panel_count) + " (this break starts panel " +
                        std::to_string(leaflet_panel_count + 1) + ")";
            d.source_line = source_line(extra);
            d.hint =
                "remove a `***` line to join two panels, or move text to another page; panels "
                "are separated by `***` or `---` lines";
            diagnostics.add(std::move(d));
        }
        panels_.resize(leaflet_panel_count);  // missing panels are blank
        for (std::size_t i = 0; i < panels_.size(); ++i)
            panels_[i].number = static_cast<int>(i) + 1;
    }

    // ---- the cover ------------------------------------------------------------------------------

    double title_size() const { return theme_.chapter_size * 1.3; }

    // The title (and subtitle) in white on an accent band across the top of the front panel,
    // set near the band's foot; the band is at least a third of the page's height.
    void cover_band() {
        Color white{1, 1, 1};
        double y = 0;
        auto lines = [&](const std::string& text, Face face, double size, double leading,
                         Color color) {
            for (const Line& line :
                 break_lines({{text, style(face, size, color), {}, false}}, text_width(), fonts_)) {
                y += size * leading;
                for (const Fragment& f : line.fragments)
                    band_texts_.push_back({f.x, y - size * (leading - 1) / 2 - size * 0.22, f.text,
                                           f.style, f.width});
            }
        };
        std::string title =
            smart_quotes(options_.pdf.title.empty() ? "Leaflet" : options_.pdf.title);
        lines(title, Face::bold, title_size(), 1.12, white);
        if (!options_.pdf.subtitle.empty()) {
            y += 10;
            lines(smart_quotes(options_.pdf.subtitle), Face::regular, theme_.body_size * 1.2, 1.35,
                  mix(theme_.accent, white, 0.85));
        }
        double block = y;
        double foot_pad = margin() * 0.9;
        band_height_ = std::max(sheet_height * 0.36, block + margin() * 2.2 + foot_pad);
        double top = band_height_ - foot_pad - block;  // the block sits near the band's foot
        for (TextOp& op : band_texts_) op.baseline += top;
    }

    Item cover_band_item() const {
        Item item;
        double left = slots[0].column * panel_width;
        item.height = band_height_;
        item.rects.push_back({left, 0, panel_width, band_height_, theme_.accent, false});
        // A thin light rule above the title, as a publication mark.
        double rule_y = band_texts_.empty() ? band_height_ / 2
                                            : band_texts_.front().baseline - title_size() * 1.25;
        Color white{1, 1, 1};
        item.rects.push_back({text_left(1), rule_y, 36, 3, mix(theme_.accent, white, 0.55), false});
        for (TextOp op : band_texts_) {
            op.x += text_left(1);
            item.texts.push_back(op);
        }
        return item;
    }

    // The organisation's name at the foot of the front, under a rule.
    Item cover_foot() const {
        if (options_.pdf.organisation.empty()) return {};
        Style name = style(Face::bold, theme_.body_size, theme_.accent);
        Item item = stack({{smart_quotes(options_.pdf.organisation), name, {}, false}}, 1.3, 10);
        item.lines.push_back({0, 0, text_width(), 0, 1.2, theme_.accent});
        return item;
    }

    // Lines of text, one run each (wrapped at the text width), `gap` below the item's top; x from
    // the text's left edge.
    Item stack(const std::vector<Run>& runs, double leading, double gap) const {
        Item item;
        double y = gap;
        for (const Run& run : runs)
            for (const Line& line : break_lines({run}, text_width(), fonts_)) {
                double size = run.style.size;
                y += size * leading;
                double baseline = y - size * (leading - 1) / 2 - size * 0.22;
                for (const Fragment& f : line.fragments)
                    item.texts.push_back({f.x, baseline, f.text, f.style, f.width});
            }
        item.height = y;
        return item;
    }

    // Puts `item`, laid out at a panel's text edge, at the foot of panel `number`.
    void put_at_foot(Page& page, Item item, int number) {
        if (item.texts.empty() && item.lines.empty()) return;
        shift(item, text_left(number));
        double y = sheet_height - margin() - item.height;
        put(page, std::move(item), y);
    }

    // A short accent bar over each inside panel's text, as over the cover's title.
    Item panel_mark(int number) const {
        Item item;
        item.rects.push_back(
            {text_left(number), margin(), mark_width, mark_height, theme_.accent, false});
        return item;
    }
    static constexpr double mark_width = 36, mark_height = 3, mark_space = 16;

    // ---- the back -------------------------------------------------------------------------------

    Color tint() const { return mix(theme_.accent, {1, 1, 1}, 0.92); }
    // The back is tinted, so it reads as the leaflet's cover-to-cover "about us" panel.
    Item back_tint() const {
        Item item;
        double left = slots[leaflet_panel_count - 1].column * panel_width;
        item.rects.push_back({left, 0, panel_width, sheet_height, tint(), false});
        return item;
    }

    // The organisation, its website and the date, small, at the foot of the back.
    Item imprint() const {
        const PdfOptions& o = options_.pdf;
        std::vector<Run> lines;
        Style small = style(Face::regular, theme_.small_size, theme_.muted);
        if (!o.organisation.empty()) {
            Style bold = small;
            bold.face = Face::bold;
            bold.color = theme_.text;
            lines.push_back({smart_quotes(o.organisation), bold, {}, false});
        }
        if (std::string site = website(o.base_url); !site.empty()) {
            Style link = small;
            link.color = theme_.accent;
            link.link = o.base_url;
            lines.push_back({site, link, {}, false});
        }
        if (!o.date.empty()) {
            std::string date = format::date(o.date, format::DateStyle::month);
            lines.push_back({"Published " + (date.empty() ? o.date : date), small, {}, false});
        }
        if (lines.empty()) return {};
        Item item = stack(lines, 1.45, 10);
        item.lines.push_back({0, 0, text_width(), 0, 0.6, theme_.rule});
        return item;
    }

    // ---- panels ---------------------------------------------------------------------------------

    // The space each panel's text has: the whole text block, less the cover's band and foot and
    // the back's imprint.
    void place(Panel& panel) const {
        double top = margin() + mark_height + mark_space, bottom = sheet_height - margin();
        if (panel.number == 1) {
            top = band_height_ + margin() * 0.75;
            if (double foot = cover_foot().height; foot > 0) bottom -= foot + 12;
        }
        if (panel.number == leaflet_panel_count)
            if (double foot = imprint().height; foot > 0) bottom -= foot + 12;
        panel.top = top;
        panel.space = std::max(0.0, bottom - top);
    }

    void layout_panel(Panel& panel) {
        Layout layout(fonts_, theme_, text_width());
        WalkOptions walk_options;
        walk_options.document = &document_;
        walk_options.outline = &outline_;
        walk_options.resolve_link = [&](std::string_view url) {
            return resolve_link(url, "", options_.pdf.base_url);
        };
        walk_options.resolve_image = options_.pdf.resolve_image;
        walk_options.render_code_block = options_.pdf.render_code_block;
        walk_blocks(layout, walk_options, panel.first, panel.end);
        panel.items = layout.take();
        double y = 0;
        for (std::size_t i = 0; i < panel.items.size(); ++i)
            y += (i > 0 ? panel.items[i].space_before : 0) + panel.items[i].height;
        panel.content_height = y;
    }

    void overflow(const Panel& panel, Diagnostics& diagnostics) const {
        double over = panel.content_height - panel.space;
        auto mm = static_cast<long>(std::ceil(to_mm(over) - 0.05));
        mm = std::max(1L, mm);
        std::size_t words = 0;
        for (const Item& item : panel.items)
            for (const TextOp& op : item.texts) words += count_words(op.text);
        std::string name = panel_name(panel.first, panel.end);
        Diagnostic d;
        cmark_node* first = panel.first;
        d.location = {options_.file, file_line(first), 1};
        d.source_line = source_line(first);
        d.message = "panel " + std::to_string(panel.number) +
                    (name.empty() ? "" : " (\xE2\x80\x9C" + name + "\xE2\x80\x9D)") + " is " +
                    std::to_string(mm) + " mm too long for its space";
        if (words > 0 && panel.content_height > 0) {
            double cut = over * static_cast<double>(words) / panel.content_height;
            auto about = static_cast<long>(std::ceil(cut / 5) * 5);
            d.hint = "shorten it by about " + std::to_string(std::max(5L, about)) +
                     " words or move text to another panel";
        } else {
            d.hint = "make it smaller or move something to another panel";
        }
        diagnostics.add(std::move(d));
    }

    // ---- the sheet ------------------------------------------------------------------------------

    // Fold marks: short ticks in the top and bottom margins where the sheet folds.
    void fold_marks(Page& page) {
        if (!options_.fold_marks) return;
        Item item;
        double length = margin() * 0.4;
        for (int fold = 1; fold <= 2; ++fold) {
            double x = fold * panel_width;
            item.lines.push_back({x, 0, x, length, 0.5, theme_.rule});
            item.lines.push_back({x, sheet_height - length, x, sheet_height, 0.5, theme_.rule});
        }
        put(page, std::move(item));
    }

    void metadata() { write_metadata(doc_, options_.pdf); }
};

}  // namespace

Theme leaflet_theme() {
    Theme theme;
    theme.body_size = 11;
    theme.leading = 1.42;
    theme.paragraph_space = 7;
    theme.list_indent = 16;
    double headings[6] = {19, 16.5, 13, 11, 11, 11};
    std::copy(std::begin(headings), std::end(headings), std::begin(theme.heading_sizes));
    return theme;
}

PdfOptions leaflet_pdf_options() {
    PdfOptions options;
    options.page.width = sheet_width;
    options.page.height = sheet_height;
    options.page.left = options.page.right = options.page.top = options.page.bottom = 34.016;
    options.cover = false;
    options.contents = false;
    options.theme = leaflet_theme();
    return options;
}

Diagnostics check_leaflet(const markdown::Document& document, const markdown::Outline& outline,
                          const LeafletOptions& options) {
    Diagnostics diagnostics;
    LeafletWriter(document, outline, options).lay_out(diagnostics);
    diagnostics.sort();
    return diagnostics;
}

std::optional<PdfFile> write_leaflet(const markdown::Document& document,
                                     const markdown::Outline& outline,
                                     const LeafletOptions& options, Diagnostics& diagnostics) {
    LeafletWriter writer(document, outline, options);
    Diagnostics found;
    writer.lay_out(found);
    found.sort();
    bool failed = found.has_errors();
    diagnostics.append(found);
    if (failed) return std::nullopt;
    return writer.draw();
}

PdfFile write_leaflet(const markdown::Document& document, const markdown::Outline& outline,
                      const LeafletOptions& options) {
    Diagnostics diagnostics;
    std::optional<PdfFile> file = write_leaflet(document, outline, options, diagnostics);
    if (file) return std::move(*file);
    Diagnostic first = diagnostics.items().front();
    std::size_t more = diagnostics.error_count() - 1;
    if (more > 0)
        first.hint += (first.hint.empty() ? "" : "; ") + std::string("and ") +
                      std::to_string(more) + (more == 1 ? " more problem" : " more problems") +
                      " (boardpress check lists them all)";
    throw Error(std::move(first));
}

}  // namespace boardpress::pdf
