#include "pdf/layout.hpp"

#include <algorithm>
#include <cmath>

#include "pdf/utf8.hpp"

namespace boardpress::pdf {

namespace {

// Baseline of text of `size` in a line `height` tall: the cap height (about 0.7 em) centred.
double baseline_in(double height, double size) {
    return (height + size * 0.7) / 2;
}

}  // namespace

void PathOp::shift(double dx, double dy) {
    for (PathPoint& point : points) {
        point.x += dx, point.y += dy;
        point.x1 += dx, point.y1 += dy;
        point.x2 += dx, point.y2 += dy;
    }
}

Layout::Layout(const Measure& measure, const Theme& theme, double width)
    : measure_(measure), theme_(theme), width_(width) {
    stack_.push_back({0, 0, theme.body_size, {}});
}

void Layout::push_indent(double left, double size, double right) {
    Context next = context();
    next.left += left;
    next.right += right;
    if (size > 0) next.size = size;
    stack_.push_back(next);
}

void Layout::push_quote() {
    Context next = context();
    next.quotes.push_back(next.left + 1);
    next.left += theme_.quote_indent;
    stack_.push_back(next);
}

void Layout::pop() {
    if (stack_.size() > 1) stack_.pop_back();
}

void Layout::set_marker(std::vector<Run> marker, double column) {
    marker_ = std::move(marker);
    marker_column_ = column;
}

void Layout::space(double points) {
    pending_space_ = std::max(pending_space_, points);
}

void Layout::page_break() {
    pending_break_ = true;
}

Item& Layout::push_item(double height, double space_before) {
    Item item;
    item.height = height;
    item.space_before = std::max(space_before, pending_space_);
    item.page_break_before = pending_break_;
    item.quote_rules = context().quotes;
    pending_space_ = 0;
    pending_break_ = false;
    items_.push_back(std::move(item));
    if (!marker_.empty()) {
        double size = context().size;
        draw_marker(items_.back(), baseline_in(size * theme_.leading, size), marker_column_);
    }
    return items_.back();
}

void Layout::draw_marker(Item& item, double baseline, double column) {
    std::vector<Run> marker = std::move(marker_);
    marker_.clear();
    std::vector<Line> lines = break_lines(marker, 1e6, measure_);
    if (lines.empty()) return;
    double gap = std::min(6.0, column / 3);
    double x = std::max(left() - column, left() - gap - lines[0].width);
    text_line(item, lines[0], x, baseline);
}

void Layout::text_line(Item& item, const Line& line, double x, double baseline) {
    for (const Fragment& fragment : line.fragments) {
        if (!fragment.anchor.empty()) item.anchors.push_back({fragment.anchor, 0});
        if (fragment.text.empty()) continue;
        double fx = x + fragment.x;
        const Style& style = fragment.style;
        item.texts.push_back({fx, baseline - style.rise, fragment.text, style, fragment.width});
        double thickness = style.size * 0.05;
        if (style.underline) {
            double y = baseline - style.rise + style.size * 0.12;
            item.lines.push_back({fx, y, fx + fragment.width, y, thickness, style.color});
        }
        if (style.strike) {
            double y = baseline - style.rise - style.size * 0.28;
            item.lines.push_back({fx, y, fx + fragment.width, y, thickness, style.color});
        }
    }
}

void Layout::paragraph(const std::vector<Run>& runs, ParagraphSpec spec) {
    double size = spec.size > 0 ? spec.size : context().size;
    double line_height = size * theme_.leading;
    double hang = spec.marker.empty()     ? 0
                  : spec.marker_width > 0 ? spec.marker_width
                                          : theme_.number_column;
    double x = left() + hang;
    double width = text_width() - hang;
    std::vector<Line> lines = break_lines(runs, width, measure_, spec.align);
    if (lines.empty()) {
        if (spec.marker.empty() && marker_.empty() && spec.anchors.empty()) return;
        lines.push_back({});
    }
    double before = spec.space_before < 0 ? theme_.paragraph_space : spec.space_before;
    std::size_t n = lines.size();
    for (std::size_t i = 0; i < n; ++i) {
        double height = std::max(line_height, lines[i].max_size * theme_.leading);
        Item& item = push_item(height, i == 0 ? before : 0);
        double baseline = baseline_in(height, size);
        text_line(item, lines[i], x, baseline);
        if (i == 0) {
            if (!spec.marker.empty()) {
                // The marker hangs left of the text, whatever the enclosing indent.
                marker_ = spec.marker;
                Context saved = stack_.back();
                stack_.back().left = x;
                draw_marker(item, baseline, hang);
                stack_.back() = saved;
            }
            for (const Anchor& anchor : spec.anchors) item.anchors.push_back(anchor);
            item.marks = spec.marks;
        }
        // No first line alone at a page foot, no last line alone at a page head.
        bool keep = spec.keep_together || (n >= 2 && (i == 0 || i == n - 2));
        item.keep_with_next = i + 1 < n ? keep : spec.keep_with_next;
        if (i + 1 == n && spec.has_rule_below) {
            LineOp rule = spec.rule_below;
            rule.x1 += left();
            rule.x2 += left();
            rule.y1 += height;
            rule.y2 += height;
            item.lines.push_back(rule);
            item.height += rule.y1 - height;
        }
    }
    pending_space_ = spec.space_after < 0 ? theme_.paragraph_space : spec.space_after;
}

void Layout::code(std::string_view text) {
    double size = theme_.code_size;
    double line_height = size * 1.4;
    double pad = 6;
    double char_width = measure_.width(Face::mono, "M", size);
    double width = text_width();
    auto columns =
        static_cast<std::size_t>(std::max(8.0, std::floor((width - 2 * pad) / char_width)));
    // Split into lines, tabs to four spaces, then wrap each line every `columns` characters.
    std::vector<std::string> lines;
    std::string current;
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = utf8_length(text, i);
        if (text[i] == '\n') {
            lines.push_back(std::move(current));
            current.clear();
            count = 0;
        } else {
            if (count >= columns) {
                lines.push_back(std::move(current));
                current.clear();
                count = 0;
            }
            if (text[i] == '\t') {
                current += "    ";
                count += 4;
            } else {
                current.append(text.substr(i, n));
                ++count;
            }
        }
        i += n;
    }
    if (!current.empty() || lines.empty()) lines.push_back(std::move(current));
    Style style;
    style.face = Face::mono;
    style.size = size;
    style.color = theme_.text;
    std::size_t n = lines.size();
    for (std::size_t i = 0; i < n; ++i) {
        bool first = i == 0, last = i + 1 == n;
        double top = first ? pad : 0, bottom = last ? pad : 0;
        Item& item = push_item(line_height + top + bottom, first ? theme_.paragraph_space : 0);
        item.rects.push_back({left(), 0, width, item.height, theme_.shade, false});
        if (!lines[i].empty())
            item.texts.push_back(
                {left() + pad, top + baseline_in(line_height, size), lines[i], style, 0});
        item.keep_with_next = n >= 2 && (i == 0 || i == n - 2) && !last;
    }
    pending_space_ = theme_.paragraph_space;
}

void Layout::rule() {
    Item& item = push_item(14, theme_.paragraph_space);
    item.lines.push_back({left(), 7, left() + text_width(), 7, 0.6, theme_.rule});
    pending_space_ = theme_.paragraph_space;
}

void Layout::image(const std::string& path, double pixel_width, double pixel_height,
                   const std::string& alt) {
    (void)alt;  // PDF alternate text needs a tagged PDF, which libharu cannot write
    // Pixels at 96 dpi, shrunk to the text width and to about two thirds of an A4 text block.
    double w = pixel_width * 0.75, h = pixel_height * 0.75;
    double scale = std::min({1.0, text_width() / w, 480.0 / h});
    w *= scale;
    h *= scale;
    Item& item = push_item(h, theme_.paragraph_space * 1.5);
    item.images.push_back({path, left(), 0, w, h});
    pending_space_ = theme_.paragraph_space * 1.5;
}

void Layout::add(Item item) {
    Item& placed = push_item(item.height, item.space_before);
    double shift = left();
    for (TextOp& op : item.texts) op.x += shift;
    for (LineOp& op : item.lines) op.x1 += shift, op.x2 += shift;
    for (RectOp& op : item.rects) op.x += shift;
    for (PathOp& op : item.paths) op.shift(shift, 0);
    for (ImageOp& op : item.images) op.x += shift;
    item.space_before = placed.space_before;
    item.page_break_before = placed.page_break_before || item.page_break_before;
    item.quote_rules = placed.quote_rules;
    // push_item may have drawn a pending list marker into `placed`.
    item.texts.insert(item.texts.begin(), placed.texts.begin(), placed.texts.end());
    placed = std::move(item);
}

}  // namespace boardpress::pdf
