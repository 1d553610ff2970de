// ```chart in the PDF: the ChartModel drawn with vector paths (libharu's path operators), its
// words set as real text. Every series has a marker or fill pattern (and lines a dash) besides its
// colour, so the chart reads in black and white; missing values leave gaps, never zeros.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

#include "components/chart.hpp"
#include "pdf/components_pdf.hpp"
#include "pdf/components_pdf_parts.hpp"

namespace boardpress::pdf {

namespace {

// Where a bar runs along the value axis: from zero, or, stacked, on from the stack so far
// (positive values build one way from zero, negative ones the other), which it then extends.
std::pair<double, double> bar_extent(double value, bool stacked, double& positive,
                                     double& negative) {
    if (!stacked) return {0, value};
    double& base = value >= 0 ? positive : negative;
    double from = base;
    base += value;
    return {from, base};
}

using components::ChartKind;
using components::ChartModel;
using components::ChartSeries;
using components::ChartStyle;
using components::Marker;
using components::Pattern;

constexpr double tick_size = 7.5;
constexpr double axis_size = 8;
constexpr double legend_size = 8.5;
constexpr double marker_radius = 2.8;
constexpr Color grid_colour{0.85, 0.86, 0.87};
constexpr Color axis_colour{0.31, 0.35, 0.37};
constexpr Color white{1, 1, 1};

struct Box {
    double left = 0, top = 0, right = 0, bottom = 0;
};

class ChartDrawing {
  public:
    ChartDrawing(const ChartModel& chart, const Layout& layout)
        : chart_(chart),
          theme_(layout.theme()),
          measure_(layout.measure()),
          width_(layout.text_width()) {}

    Item draw() {
        double y = 0;
        if (chart_.kind != ChartKind::donut) y = legend_row(y);
        switch (chart_.kind) {
            case ChartKind::donut:
                y = donut(y);
                break;
            case ChartKind::hbar:
                y = horizontal(y);
                break;
            default:
                y = vertical(y);
                break;
        }
        item_.height = y;
        return std::move(item_);
    }

  private:
    const ChartModel& chart_;
    const Theme& theme_;
    const Measure& measure_;
    double width_;
    Item item_;

    Style text(double size, Color color, Face face = Face::regular) const {
        return parts::style(face, size, color);
    }
    double text_width(const std::string& text, double size, Face face = Face::regular) const {
        return measure_.width(face, text, size);
    }
    void put(const std::string& text, const Style& style, double x, double baseline,
             Align align = Align::left) {
        parts::put_text(item_, text, style, x, baseline, measure_, align);
    }

    // ---- shapes ----

    void line(double x1, double y1, double x2, double y2, double width, Color color) {
        PathOp path;
        path.move(x1, y1).line(x2, y2);
        path.stroke = true;
        path.stroke_color = color;
        path.width = width;
        item_.paths.push_back(std::move(path));
    }

    static std::vector<int> dash_of(const ChartStyle& style) {
        switch (style.pattern) {
            case Pattern::solid:
                return {};
            case Pattern::diagonal:
                return {5, 2};
            case Pattern::dots:
                return {1, 2};
            case Pattern::crosshatch:
                return {6, 2, 1, 2};
            case Pattern::horizontal:
                return {3, 2};
            case Pattern::vertical:
                break;
        }
        return {8, 2, 2, 2};
    }

    // A point marker centred on (x, y): the colour with a white edge, so crossing lines show.
    void marker(const ChartStyle& style, double x, double y) {
        const double r = marker_radius;
        PathOp path;
        switch (style.marker) {
            case Marker::circle:
                parts::circle(path, x, y, r);
                break;
            case Marker::square:
                path.rectangle(x - 0.9 * r, y - 0.9 * r, 1.8 * r, 1.8 * r);
                break;
            case Marker::triangle:
                path.move(x, y - 1.25 * r)
                    .line(x + 1.2 * r, y + 0.9 * r)
                    .line(x - 1.2 * r, y + 0.9 * r)
                    .close();
                break;
            case Marker::diamond:
                path.move(x, y - 1.3 * r)
                    .line(x + 1.3 * r, y)
                    .line(x, y + 1.3 * r)
                    .line(x - 1.3 * r, y)
                    .close();
                break;
            case Marker::triangle_down:
                path.move(x, y + 1.25 * r)
                    .line(x + 1.2 * r, y - 0.9 * r)
                    .line(x - 1.2 * r, y - 0.9 * r)
                    .close();
                break;
            case Marker::cross: {
                double a = 0.4 * r;
                path.move(x - a, y - r)
                    .line(x + a, y - r)
                    .line(x + a, y - a)
                    .line(x + r, y - a)
                    .line(x + r, y + a)
                    .line(x + a, y + a)
                    .line(x + a, y + r)
                    .line(x - a, y + r)
                    .line(x - a, y + a)
                    .line(x - r, y + a)
                    .line(x - r, y - a)
                    .line(x - a, y - a)
                    .close();
                break;
            }
        }
        path.fill = path.stroke = true;
        path.fill_color = parts::chart_colour(style.colour);
        path.stroke_color = white;
        path.width = 0.6;
        item_.paths.push_back(std::move(path));
    }

    // White ink over `bounds`, clipped to `shape`: the pattern that tells a fill apart without
    // its colour. Lines run on a grid fixed to the chart, so neighbouring shapes line up.
    void pattern(const ChartStyle& style, PathOp shape, Box bounds) {
        if (style.pattern == Pattern::solid) return;
        constexpr double step = 4.5;
        PathOp ink;
        auto from = [&](double v) { return std::floor(v / step) * step; };
        switch (style.pattern) {
            case Pattern::horizontal:
                for (double y = from(bounds.top); y <= bounds.bottom + step; y += step)
                    ink.move(bounds.left - 1, y).line(bounds.right + 1, y);
                break;
            case Pattern::vertical:
                for (double x = from(bounds.left); x <= bounds.right + step; x += step)
                    ink.move(x, bounds.top - 1).line(x, bounds.bottom + 1);
                break;
            case Pattern::dots:
                for (double y = from(bounds.top); y <= bounds.bottom + step; y += step)
                    for (double x = from(bounds.left); x <= bounds.right + step; x += step)
                        parts::circle(ink, x + step / 2, y + step / 2, 0.85);
                break;
            default: {
                // Diagonals x - y = k (rising to the right) and, for crosshatch, x + y = k.
                double h = bounds.bottom - bounds.top;
                for (double k = from(bounds.left - h) - step; k <= bounds.right + step; k += step)
                    ink.move(k, bounds.bottom + 1).line(k + h + 2, bounds.top - 1);
                if (style.pattern == Pattern::crosshatch)
                    for (double k = from(bounds.left) - step; k <= bounds.right + h + step;
                         k += step)
                        ink.move(k, bounds.top - 1).line(k - h - 2, bounds.bottom + 1);
                break;
            }
        }
        shape.clips = 1;
        shape.fill = shape.stroke = false;
        item_.paths.push_back(std::move(shape));
        if (style.pattern == Pattern::dots) {
            ink.fill = true;
            ink.fill_color = white;
        } else {
            ink.stroke = true;
            ink.stroke_color = white;
            ink.width = 0.9;
        }
        item_.paths.push_back(std::move(ink));
    }

    // A filled shape: its colour, its pattern, then a thin white edge between neighbours.
    void filled(const ChartStyle& style, const PathOp& shape, Box bounds, bool even_odd = false) {
        PathOp fill = shape;
        fill.fill = true;
        fill.fill_color = parts::chart_colour(style.colour);
        fill.even_odd = even_odd;
        item_.paths.push_back(fill);
        PathOp clip = shape;
        clip.even_odd = even_odd;
        pattern(style, clip, bounds);
        PathOp edge = shape;
        edge.stroke = true;
        edge.stroke_color = white;
        edge.width = 0.6;
        item_.paths.push_back(std::move(edge));
    }

    void bar(const ChartStyle& style, Box box) {
        if (box.right - box.left < 0.01 || box.bottom - box.top < 0.01) return;
        PathOp shape;
        shape.rectangle(box.left, box.top, box.right - box.left, box.bottom - box.top);
        filled(style, shape, box);
    }

    // A sample of a series for the legend, `w` wide, centred on y.
    double swatch(const ChartStyle& style, double x, double y) {
        if (chart_.kind == ChartKind::line) {
            PathOp path;
            path.move(x, y).line(x + 18, y);
            path.stroke = true;
            path.stroke_color = parts::chart_colour(style.colour);
            path.width = 1.6;
            path.dash = dash_of(style);
            item_.paths.push_back(std::move(path));
            marker(style, x + 9, y);
            return 18;
        }
        // The colour and pattern in a thin frame (no white edge: it stands alone).
        PathOp square;
        square.rectangle(x, y - 5, 10, 10);
        PathOp fill = square;
        fill.fill = true;
        fill.fill_color = parts::chart_colour(style.colour);
        item_.paths.push_back(std::move(fill));
        pattern(style, square, {x, y - 5, x + 10, y + 5});
        square.stroke = true;
        square.stroke_color = axis_colour;
        square.width = 0.4;
        item_.paths.push_back(std::move(square));
        return 10;
    }

    // ---- legend ----

    // Entries across the top, wrapping onto more rows; returns the y below them.
    double legend_row(double y) {
        if (chart_.legend.empty()) return y;
        const double row = 14, gap = 14;
        double x = 0;
        y += row / 2;
        Style label = text(legend_size, theme_.text);
        for (const auto& entry : chart_.legend) {
            double sample = chart_.kind == ChartKind::line ? 18 : 10;
            double need = sample + 4 + text_width(entry.label, legend_size);
            if (x > 0 && x + need > width_) {
                x = 0;
                y += row;
            }
            double w = swatch(entry.style, x, y);
            put(entry.label, label, x + w + 4, y + legend_size * 0.35);
            x += need + gap;
        }
        return y + row / 2 + 6;
    }

    // ---- axes ----

    double along(double value, double from, double to) const {
        double span = chart_.y.max - chart_.y.min;
        return from + (value - chart_.y.min) / (span == 0 ? 1 : span) * (to - from);
    }

    // Line, bar and stacked bar: categories across, values up.
    double vertical(double y) {
        Style tick = text(tick_size, theme_.muted);
        Style title = text(axis_size, theme_.muted);
        if (!chart_.y.title.empty()) {
            put(chart_.y.title, title, 0, y + axis_size);
            y += axis_size + 6;
        }
        double label_width = 0;
        for (const auto& t : chart_.y.ticks)
            label_width = std::max(label_width, text_width(t.label, tick_size));
        Box plot;
        plot.left = label_width + 6;
        plot.right = width_ - 2;
        plot.top = y + 4;
        plot.bottom = plot.top + std::clamp(width_ * 0.42, 130.0, 200.0);
        auto y_of = [&](double v) { return along(v, plot.bottom, plot.top); };
        std::size_t count = chart_.categories.size();
        double band =
            (plot.right - plot.left) / static_cast<double>(std::max<std::size_t>(count, 1));
        auto x_of = [&](std::size_t c) {
            return plot.left + band * (static_cast<double>(c) + 0.5);
        };

        for (const auto& t : chart_.y.ticks) {
            line(plot.left, y_of(t.value), plot.right, y_of(t.value), 0.4, grid_colour);
            put(t.label, tick, plot.left - 5, y_of(t.value) + tick_size * 0.35, Align::right);
        }
        // A crowded axis labels every n-th category only.
        double widest = 0;
        for (const auto& label : chart_.x.labels)
            widest = std::max(widest, text_width(label, tick_size));
        auto every = static_cast<std::size_t>(std::max(1.0, std::ceil((widest + 6) / band)));
        for (std::size_t c = 0; c < count; c += every)
            put(chart_.x.labels[c], tick, x_of(c), plot.bottom + 11, Align::center);

        if (chart_.kind == ChartKind::line) {
            for (const ChartSeries& s : chart_.series) {
                for (const auto& segment : components::line_segments(s.values)) {
                    if (segment.first == segment.last) continue;  // a lone point: its marker only
                    PathOp path;
                    for (std::size_t c = segment.first; c <= segment.last; ++c)
                        c == segment.first ? path.move(x_of(c), y_of(*s.values[c]))
                                           : path.line(x_of(c), y_of(*s.values[c]));
                    path.stroke = true;
                    path.stroke_color = parts::chart_colour(s.style.colour);
                    path.width = 1.6;
                    path.round = true;
                    path.dash = dash_of(s.style);
                    item_.paths.push_back(std::move(path));
                }
            }
            // Markers over every line, so no line hides another's points.
            for (const ChartSeries& s : chart_.series)
                for (std::size_t c = 0; c < count; ++c)
                    if (s.values[c]) marker(s.style, x_of(c), y_of(*s.values[c]));
        } else {
            double group = band * (chart_.stacked ? 0.6 : 0.8);
            double w = chart_.stacked ? group : group / static_cast<double>(chart_.series.size());
            std::vector<double> up(count, 0), down(count, 0);
            for (std::size_t i = 0; i < chart_.series.size(); ++i) {
                const ChartSeries& s = chart_.series[i];
                for (std::size_t c = 0; c < count; ++c) {
                    if (!s.values[c]) continue;
                    auto [from, to] = bar_extent(*s.values[c], chart_.stacked, up[c], down[c]);
                    double x =
                        x_of(c) - group / 2 + (chart_.stacked ? 0 : w * static_cast<double>(i));
                    bar(s.style, {x, y_of(std::max(from, to)), x + w, y_of(std::min(from, to))});
                }
            }
        }
        double zero = y_of(std::clamp(0.0, chart_.y.min, chart_.y.max));
        line(plot.left, zero, plot.right, zero, 0.9, axis_colour);
        double bottom = plot.bottom + 15;
        if (!chart_.x.title.empty()) {
            put(chart_.x.title, title, (plot.left + plot.right) / 2, bottom + axis_size,
                Align::center);
            bottom += axis_size + 6;
        }
        return bottom;
    }

    // Horizontal bars: categories down the left (wrapped), values across.
    double horizontal(double y) {
        Style tick = text(tick_size, theme_.muted);
        Style title = text(axis_size, theme_.muted);
        Style label = text(axis_size, theme_.text);
        if (!chart_.x.title.empty()) {
            put(chart_.x.title, title, 0, y + axis_size);
            y += axis_size + 6;
        }
        std::size_t count = chart_.categories.size();
        double limit = width_ * 0.32, label_width = 0;
        std::vector<std::vector<Line>> labels;
        std::size_t most = 1;
        for (const auto& text : chart_.x.labels) {
            labels.push_back(break_lines({{text, label, {}, false}}, limit, measure_));
            for (const Line& l : labels.back()) label_width = std::max(label_width, l.width);
            most = std::max(most, labels.back().size());
        }
        double line_height = axis_size * 1.2;
        double bars = chart_.stacked ? 1 : static_cast<double>(chart_.series.size());
        double band = std::max({20.0, static_cast<double>(most) * line_height + 6, bars * 9 + 10});
        // Very many categories would run off the page: the bars get thinner instead.
        band = std::min(band,
                        std::max(10.0, 520 / static_cast<double>(std::max<std::size_t>(count, 1))));
        Box plot;
        plot.left = label_width + 8;
        double last =
            chart_.y.ticks.empty() ? 0 : text_width(chart_.y.ticks.back().label, tick_size);
        plot.right = width_ - std::max(2.0, last / 2);
        plot.top = y + 2;
        plot.bottom = plot.top + band * static_cast<double>(count);
        auto x_of = [&](double v) { return along(v, plot.left, plot.right); };
        auto y_of = [&](std::size_t c) { return plot.top + band * (static_cast<double>(c) + 0.5); };

        for (const auto& t : chart_.y.ticks) {
            line(x_of(t.value), plot.top, x_of(t.value), plot.bottom, 0.4, grid_colour);
            put(t.label, tick, x_of(t.value), plot.bottom + 11, Align::center);
        }
        for (std::size_t c = 0; c < count; ++c) {
            const auto& lines = labels[c];
            double first = y_of(c) - line_height * static_cast<double>(lines.size()) / 2;
            for (const Line& l : lines) {
                double baseline = first + (line_height + axis_size * 0.7) / 2;
                put(line_text(l), label, plot.left - 6, baseline, Align::right);
                first += line_height;
            }
        }
        double group = band * 0.7;
        double thickness = chart_.stacked ? group : group / bars;
        std::vector<double> right(count, 0), left(count, 0);
        for (std::size_t i = 0; i < chart_.series.size(); ++i) {
            const ChartSeries& s = chart_.series[i];
            for (std::size_t c = 0; c < count; ++c) {
                if (!s.values[c]) continue;
                auto [from, to] = bar_extent(*s.values[c], chart_.stacked, right[c], left[c]);
                double top =
                    y_of(c) - group / 2 + (chart_.stacked ? 0 : thickness * static_cast<double>(i));
                bar(s.style,
                    {x_of(std::min(from, to)), top, x_of(std::max(from, to)), top + thickness});
            }
        }
        double zero = x_of(std::clamp(0.0, chart_.y.min, chart_.y.max));
        line(zero, plot.top, zero, plot.bottom, 0.9, axis_colour);
        double bottom = plot.bottom + 15;
        if (!chart_.y.title.empty()) {
            put(chart_.y.title, title, (plot.left + plot.right) / 2, bottom + axis_size,
                Align::center);
            bottom += axis_size + 6;
        }
        return bottom;
    }

    // ---- donut ----

    // The point at `turn` (0 at twelve o'clock, clockwise) on a circle of radius r.
    static std::pair<double, double> at(double cx, double cy, double r, double turn) {
        double a = turn * 2 * std::numbers::pi;
        return {cx + r * std::sin(a), cy - r * std::cos(a)};
    }

    // Appends an arc from turn t0 to t1 (either way) as Bézier curves of at most a quarter turn;
    // the current point must be the arc's start.
    static void arc(PathOp& path, double cx, double cy, double r, double t0, double t1) {
        int pieces = std::max(1, static_cast<int>(std::ceil(std::abs(t1 - t0) * 4 - 1e-9)));
        double step = (t1 - t0) / pieces;
        double k = 4.0 / 3.0 * std::tan(step * 2 * std::numbers::pi / 4) * r;
        for (int i = 0; i < pieces; ++i) {
            double a = t0 + step * i, b = a + step;
            double aa = a * 2 * std::numbers::pi, bb = b * 2 * std::numbers::pi;
            auto [x0, y0] = at(cx, cy, r, a);
            auto [x1, y1] = at(cx, cy, r, b);
            // The tangent of (sin, -cos) is (cos, sin).
            path.curve(x0 + k * std::cos(aa), y0 + k * std::sin(aa), x1 - k * std::cos(bb),
                       y1 - k * std::sin(bb), x1, y1);
        }
    }

    double donut(double y) {
        const double outer = 68, inner = 41;
        double cx = outer + 2, cy = y + outer + 4;
        double total = 0;
        for (const auto& slice : chart_.slices) {
            total += slice.value;
            PathOp shape;
            Box bounds{cx - outer, cy - outer, cx + outer, cy + outer};
            bool ring = slice.share >= 0.9999;
            if (ring) {  // a whole ring: two circles, filled even-odd
                parts::circle(shape, cx, cy, outer);
                parts::circle(shape, cx, cy, inner);
            } else {
                double end = slice.start + slice.share;
                auto [sx, sy] = at(cx, cy, outer, slice.start);
                shape.move(sx, sy);
                arc(shape, cx, cy, outer, slice.start, end);
                auto [ex, ey] = at(cx, cy, inner, end);
                shape.line(ex, ey);
                arc(shape, cx, cy, inner, end, slice.start);
                shape.close();
            }
            filled(slice.style, shape, bounds, ring);
        }
        put(components::format_number(total, chart_.how), text(17, theme_.text, Face::bold), cx,
            cy + 3, Align::center);
        put("Total", text(axis_size, theme_.muted), cx, cy + 14, Align::center);

        // The legend beside the ring (below it in a narrow column): every category, with its
        // value and share; a short one is centred on the ring.
        bool beside = width_ - (2 * outer + 26) >= 140;
        double x = beside ? 2 * outer + 26 : 0, limit = width_ - x - 14;
        Style label = text(legend_size, theme_.text);
        Style detail = text(legend_size, theme_.muted);
        std::vector<std::vector<Run>> entries;
        double height = 0;
        for (const auto& entry : chart_.legend) {
            entries.push_back({{entry.label, label, {}, false}});
            if (!entry.detail.empty())
                entries.back().push_back({"  " + entry.detail, detail, {}, false});
            height += static_cast<double>(break_lines(entries.back(), limit, measure_).size()) *
                          legend_size * 1.35 +
                      3;
        }
        double row_y = beside ? std::max(y + 4, cy - height / 2) : cy + outer + 12;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            double top = row_y;
            row_y = parts::set_text(item_, entries[i], x + 14, top, limit, measure_, legend_size,
                                    1.35) +
                    3;
            swatch(chart_.legend[i].style, x, top + legend_size * 1.35 / 2);
        }
        return std::max(cy + outer + 4, row_y) + 4;
    }
};

}  // namespace

void layout_chart(const ChartModel& chart, Layout& layout) {
    const Theme& theme = layout.theme();
    // Title, caption and drawing are kept together: the title never ends a page.
    parts::heading(
        layout, {{chart.title, parts::style(Face::bold, theme.body_size, theme.text), {}, false}});
    if (!chart.caption.empty()) {
        ParagraphSpec spec;
        spec.size = theme.small_size + 0.5;
        spec.space_before = 1;
        spec.space_after = 0;
        spec.keep_with_next = true;
        spec.keep_together = true;
        layout.paragraph(
            {{chart.caption, parts::style(Face::regular, spec.size, theme.muted), {}, false}},
            spec);
    }
    Item drawing = ChartDrawing(chart, layout).draw();
    drawing.space_before = 8;
    layout.add(std::move(drawing));
    layout.space(6);
    parts::notes(layout, {chart.notes, chart.source.empty() ? "" : "Source: " + chart.source});
}

}  // namespace boardpress::pdf
