#include "html/chart_html.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numbers>
#include <string_view>

#include "components/chart.hpp"
#include "components/figures.hpp"
#include "html/components_html.hpp"

namespace boardpress::html {

namespace {

using components::ChartKind;
using components::ChartModel;
using components::ChartSeries;
using components::ChartStyle;
using components::Pattern;
using components::ValueAxis;

constexpr double kWidth = 640;
constexpr double kHeight = 360;
constexpr double kCharWidth = 8.6;  // average advance of a 16px sans-serif character
constexpr double kMarker = 5;       // half the size of a line's point marker
constexpr double kDonutSize = 320;

// Used when no stylesheet sets --chart-N; each has at least 3:1 contrast on white.
constexpr std::array<std::string_view, components::kChartColours> kColours = {
    "#1d5373", "#b35806", "#2e7d32", "#7b3294", "#a50f15", "#0f6e7a", "#5a5a5a", "#7a5c00"};

std::string_view colour(const ChartStyle& style) {
    return kColours[static_cast<std::size_t>(style.colour - 1) % kColours.size()];
}

std::string n(int value) {
    return std::to_string(value);
}

// Coordinates: at most one decimal, no locale, no "-0", so the same data gives the same bytes.
std::string num(double value) {
    std::array<char, 64> buffer{};
    auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                std::chars_format::fixed, 1);
    std::string text(buffer.data(), result.ptr);
    if (text.ends_with(".0")) text.resize(text.size() - 2);
    if (text == "-0") text = "0";
    return text;
}

std::string esc(std::string_view text) {
    return components::figures::escape_html(text);
}

double text_width(std::string_view text) {
    double points = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++points;
    return points * kCharWidth;
}

// A fill pattern is defined once per pattern and colour, under the chart's id prefix.
std::string pattern_id(const std::string& prefix, const ChartStyle& style) {
    return prefix + "-" + std::string(components::pattern_name(style.pattern)) + "-" +
           n(style.colour);
}

// class and fill attributes of a filled shape: the pattern over the colour, or the colour.
std::string fill_attributes(std::string_view kind, const ChartStyle& style,
                            const std::string& prefix) {
    if (style.pattern == Pattern::solid)
        return "class=\"" + std::string(kind) + " chart-fill-" + n(style.colour) + "\" fill=\"" +
               std::string(colour(style)) + "\"";
    return "class=\"" + std::string(kind) + " chart-pattern-" +
           std::string(components::pattern_name(style.pattern)) + "\" fill=\"url(#" +
           pattern_id(prefix, style) + ")\"";
}

void pattern_def(const ChartStyle& style, const std::string& prefix, std::string& out) {
    out += "<pattern id=\"" + pattern_id(prefix, style) +
           "\" class=\"chart-pattern\" patternUnits=\"userSpaceOnUse\" width=\"8\" "
           "height=\"8\"><rect class=\"chart-fill-" +
           n(style.colour) + "\" width=\"8\" height=\"8\" fill=\"" + std::string(colour(style)) +
           "\"/>";
    std::string_view ink = "\" stroke=\"#fff\" stroke-width=\"1.5\"/>";
    switch (style.pattern) {
        case Pattern::diagonal:
            out += "<path class=\"chart-pattern-ink\" d=\"M-2 2L2 -2M0 8L8 0M6 10L10 6";
            out += ink;
            break;
        case Pattern::dots:
            out +=
                "<circle class=\"chart-pattern-dot\" cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#fff\"/>";
            break;
        case Pattern::crosshatch:
            out += "<path class=\"chart-pattern-ink\" d=\"M0 0L8 8M8 0L0 8";
            out += ink;
            break;
        case Pattern::horizontal:
            out += "<path class=\"chart-pattern-ink\" d=\"M0 4H8";
            out += ink;
            break;
        default:
            out += "<path class=\"chart-pattern-ink\" d=\"M4 0V8";
            out += ink;
            break;
    }
    out += "</pattern>";
}

void defs(const ChartModel& chart, const std::string& prefix, std::string& out) {
    if (chart.kind == ChartKind::line) return;  // lines use markers, not patterns
    std::vector<std::string> done;
    std::string body;
    auto add = [&](const ChartStyle& style) {
        if (style.pattern == Pattern::solid) return;
        std::string id = pattern_id(prefix, style);
        if (std::find(done.begin(), done.end(), id) != done.end()) return;
        done.push_back(id);
        pattern_def(style, prefix, body);
        body += '\n';
    };
    for (const auto& s : chart.series) add(s.style);
    for (const auto& entry : chart.legend) add(entry.style);
    if (!body.empty()) out += "<defs>\n" + body + "</defs>\n";
}

// A point marker centred on (x, y), as path data.
std::string marker_path(components::Marker marker, double x, double y) {
    const double r = kMarker;
    switch (marker) {
        case components::Marker::circle:
            return "M" + num(x - r) + " " + num(y) + "a" + num(r) + " " + num(r) + " 0 1 0 " +
                   num(2 * r) + " 0a" + num(r) + " " + num(r) + " 0 1 0 " + num(-2 * r) + " 0Z";
        case components::Marker::square:
            return "M" + num(x - 0.9 * r) + " " + num(y - 0.9 * r) + "h" + num(1.8 * r) + "v" +
                   num(1.8 * r) + "h" + num(-1.8 * r) + "Z";
        case components::Marker::triangle:
            return "M" + num(x) + " " + num(y - 1.2 * r) + "L" + num(x + 1.2 * r) + " " +
                   num(y + 0.9 * r) + "L" + num(x - 1.2 * r) + " " + num(y + 0.9 * r) + "Z";
        case components::Marker::diamond:
            return "M" + num(x) + " " + num(y - 1.3 * r) + "L" + num(x + 1.3 * r) + " " + num(y) +
                   "L" + num(x) + " " + num(y + 1.3 * r) + "L" + num(x - 1.3 * r) + " " + num(y) +
                   "Z";
        case components::Marker::triangle_down:
            return "M" + num(x) + " " + num(y + 1.2 * r) + "L" + num(x + 1.2 * r) + " " +
                   num(y - 0.9 * r) + "L" + num(x - 1.2 * r) + " " + num(y - 0.9 * r) + "Z";
        default: {  // a plus sign, as one outline so it fills like the others
            double a = 0.4 * r, b = r - a;
            return "M" + num(x - a) + " " + num(y - r) + "h" + num(2 * a) + "v" + num(b) + "h" +
                   num(b) + "v" + num(2 * a) + "h" + num(-b) + "v" + num(b) + "h" + num(-2 * a) +
                   "v" + num(-b) + "h" + num(-b) + "v" + num(-2 * a) + "h" + num(b) + "Z";
        }
    }
}

// A point's marker; `tip` (its tooltip) may be empty.
std::string marker(const ChartStyle& style, double x, double y, const std::string& tip) {
    std::string out;
    out += "<path class=\"chart-marker chart-marker-" +
           std::string(components::marker_name(style.marker)) + " chart-fill-" + n(style.colour) +
           "\" d=\"" + marker_path(style.marker, x, y) + "\" fill=\"" + std::string(colour(style)) +
           "\" stroke=\"#fff\" stroke-width=\"1.5\">";
    if (!tip.empty()) out += "<title>" + esc(tip) + "</title>";
    return out + "</path>";
}

// "March, 2014: 395" (or "March: 395" for one series): the tooltip of a point, bar or slice.
std::string tip(const ChartModel& chart, const ChartSeries& s, std::size_t c) {
    std::string where = chart.categories[c];
    if (chart.series.size() > 1) where += ", " + s.label;
    return where + ": " + s.texts[c];
}

// The plot area in viewBox units, and where values and categories fall in it.
struct Frame {
    double left = 0, top = 0, right = 0, bottom = 0;
    const ValueAxis* axis = nullptr;
    std::size_t categories = 1;
    bool horizontal = false;  // hbar: values across, categories down

    double band() const {
        double length = horizontal ? bottom - top : right - left;
        return length / static_cast<double>(std::max<std::size_t>(categories, 1));
    }
    double category(std::size_t c) const {  // the middle of category c's band
        return (horizontal ? top : left) + band() * (static_cast<double>(c) + 0.5);
    }
    double value(double v) const {
        double span = axis->max - axis->min;
        double at = (v - axis->min) / (span == 0 ? 1 : span);
        return horizontal ? left + at * (right - left) : bottom - at * (bottom - top);
    }
};

std::string open_series(const ChartStyle& style) {
    return "<g class=\"chart-series chart-series-" + n(style.colour) + "\">\n";
}

void axis_title_x(const std::string& title, double x, double y, std::string& out) {
    if (title.empty()) return;
    out += "<text class=\"chart-axis-title\" x=\"" + num(x) + "\" y=\"" + num(y) +
           "\" text-anchor=\"middle\">" + esc(title) + "</text>\n";
}

void axis_title_y(const std::string& title, double middle, std::string& out) {
    if (title.empty()) return;
    out += "<text class=\"chart-axis-title\" transform=\"rotate(-90)\" x=\"" + num(-middle) +
           "\" y=\"18\" text-anchor=\"middle\">" + esc(title) + "</text>\n";
}

void line(double x1, double y1, double x2, double y2, std::string& out) {
    out += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
           num(y2) + "\"/>\n";
}

// Grid lines and labels at the value axis's ticks.
void value_grid(const Frame& f, std::string& out) {
    out += "<g class=\"chart-grid\" stroke=\"#d9d9d9\" stroke-width=\"1\">\n";
    for (const auto& tick : f.axis->ticks) {
        double at = f.value(tick.value);
        if (f.horizontal)
            line(at, f.top, at, f.bottom, out);
        else
            line(f.left, at, f.right, at, out);
    }
    out += std::string("</g>\n<g class=\"chart-ticks chart-ticks-value\" text-anchor=\"") +
           (f.horizontal ? "middle" : "end") + "\">\n";
    for (const auto& tick : f.axis->ticks) {
        double at = f.value(tick.value);
        out += "<text x=\"" + num(f.horizontal ? at : f.left - 8) + "\" y=\"" +
               num(f.horizontal ? f.bottom + 22 : at + 5.5) + "\">" + esc(tick.label) + "</text>\n";
    }
    out += "</g>\n";
}

// The zero line, when zero is on the axis (a line chart's axis may start above it).
void zero_line(const Frame& f, std::string& out) {
    if (f.axis->min > 0 || f.axis->max < 0) return;
    double at = f.value(0);
    out += "<g class=\"chart-baseline\" stroke=\"#505a5f\" stroke-width=\"1.5\">\n";
    if (f.horizontal)
        line(at, f.top, at, f.bottom, out);
    else
        line(f.left, at, f.right, at, out);
    out += "</g>\n";
}

void draw_lines(const ChartModel& chart, const Frame& f, std::string& out) {
    for (const auto& s : chart.series) {
        out += open_series(s.style);
        for (const auto& segment : components::line_segments(s.values)) {
            if (segment.first == segment.last) continue;  // a lone point: its marker only
            std::string d;
            for (std::size_t c = segment.first; c <= segment.last; ++c)
                d += (c == segment.first ? "M" : "L") + num(f.category(c)) + " " +
                     num(f.value(*s.values[c]));
            out += "<path class=\"chart-line chart-stroke-" + n(s.style.colour) + "\" d=\"" + d +
                   "\" fill=\"none\" stroke=\"" + std::string(colour(s.style)) +
                   "\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>\n";
        }
        for (std::size_t c = 0; c < s.values.size(); ++c)
            if (s.values[c])
                out +=
                    marker(s.style, f.category(c), f.value(*s.values[c]), tip(chart, s, c)) + "\n";
        out += "</g>\n";
    }
}

// Grouped bars side by side in each band, or stacked ones (negatives below zero).
void draw_bars(const ChartModel& chart, const Frame& f, const std::string& prefix,
               std::string& out) {
    double group = f.band() * (chart.stacked ? 0.6 : 0.8);
    double thickness = chart.stacked ? group : group / static_cast<double>(chart.series.size());
    std::vector<double> up(f.categories, 0), down(f.categories, 0);  // stacks so far
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
        const ChartSeries& s = chart.series[i];
        out += open_series(s.style);
        for (std::size_t c = 0; c < s.values.size(); ++c) {
            if (!s.values[c]) continue;
            double from = 0, to = *s.values[c];
            if (chart.stacked) {
                double& base = to >= 0 ? up[c] : down[c];
                from = base;
                to += base;
                base = to;
            }
            double across = f.category(c) - group / 2 +
                            (chart.stacked ? 0 : thickness * static_cast<double>(i));
            double a = f.value(from), b = f.value(to);
            double start = std::min(a, b), length = std::abs(b - a);
            std::string x = num(f.horizontal ? start : across);
            std::string y = num(f.horizontal ? across : start);
            std::string w = num(f.horizontal ? length : thickness);
            std::string h = num(f.horizontal ? thickness : length);
            out += "<rect " + fill_attributes("chart-bar", s.style, prefix) + " x=\"" + x +
                   "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h +
                   "\" stroke=\"#fff\" stroke-width=\"1\"><title>" + esc(tip(chart, s, c)) +
                   "</title></rect>\n";
        }
        out += "</g>\n";
    }
}

// Line, bar and stacked bar: categories across, values up.
double vertical_chart(const ChartModel& chart, const std::string& prefix, std::string& out) {
    double label_width = 0;
    for (const auto& tick : chart.y.ticks)
        label_width = std::max(label_width, text_width(tick.label));
    Frame f;
    f.left = 12 + (chart.y.title.empty() ? 0 : 24) + label_width + 8;
    f.right = kWidth - 16;
    f.top = 14;
    f.bottom = kHeight - 34 - (chart.x.title.empty() ? 0 : 26);
    f.axis = &chart.y;
    f.categories = chart.categories.size();
    value_grid(f, out);
    // A crowded axis labels every n-th category only; the data table has them all.
    double widest = 0;
    for (const auto& label : chart.x.labels) widest = std::max(widest, text_width(label));
    auto every = static_cast<std::size_t>(std::max(1.0, std::ceil((widest + 8) / f.band())));
    out += "<g class=\"chart-ticks chart-ticks-category\" text-anchor=\"middle\">\n";
    for (std::size_t c = 0; c < f.categories; c += every)
        out += "<text x=\"" + num(f.category(c)) + "\" y=\"" + num(f.bottom + 22) + "\">" +
               esc(chart.x.labels[c]) + "</text>\n";
    out += "</g>\n";
    if (chart.kind == ChartKind::line) {
        zero_line(f, out);  // under the lines, so points at zero stay visible
        draw_lines(chart, f, out);
    } else {
        draw_bars(chart, f, prefix, out);
        zero_line(f, out);  // over the bars, a crisp edge
    }
    axis_title_x(chart.x.title, (f.left + f.right) / 2, kHeight - 8, out);
    axis_title_y(chart.y.title, (f.top + f.bottom) / 2, out);
    return kHeight;
}

// A long category label in up to three lines of about 26 characters, the last cut with "…".
std::vector<std::string> wrap(const std::string& text) {
    constexpr std::size_t kLine = 26, kLines = 3;
    std::vector<std::string> lines;
    std::string rest = text;
    while (!rest.empty()) {
        if (lines.size() + 1 == kLines || text_width(rest) <= kLine * kCharWidth) {
            lines.push_back(rest);
            break;
        }
        std::size_t cut = rest.rfind(' ', kLine);
        if (cut == std::string::npos || cut == 0) cut = rest.find(' ');
        if (cut == std::string::npos) {
            lines.push_back(rest);
            break;
        }
        lines.push_back(rest.substr(0, cut));
        rest = rest.substr(cut + 1);
    }
    std::string& last = lines.back();
    if (text_width(last) > (kLine + 2) * kCharWidth) {
        std::size_t keep = kLine - 1;
        while (keep > 0 && (static_cast<unsigned char>(last[keep]) & 0xC0) == 0x80) --keep;
        last = last.substr(0, keep) + "\xE2\x80\xA6";
    }
    return lines;
}

// Horizontal bars: categories down the left (long labels wrapped), values across.
double horizontal_chart(const ChartModel& chart, const std::string& prefix, std::string& out) {
    std::vector<std::vector<std::string>> labels;
    double label_width = 0;
    std::size_t most_lines = 1;
    for (const auto& label : chart.x.labels) {
        labels.push_back(wrap(label));
        for (const auto& text : labels.back())
            label_width = std::max(label_width, text_width(text));
        most_lines = std::max(most_lines, labels.back().size());
    }
    double bars = chart.stacked ? 1 : static_cast<double>(chart.series.size());
    double band = std::max({40.0, static_cast<double>(most_lines) * 19 + 10, bars * 14 + 14});
    Frame f;
    f.horizontal = true;
    f.axis = &chart.y;
    f.categories = chart.categories.size();
    f.left = 12 + (chart.x.title.empty() ? 0 : 24) + label_width + 10;
    double last_tick = chart.y.ticks.empty() ? 0 : text_width(chart.y.ticks.back().label);
    f.right = kWidth - std::max(16.0, last_tick / 2 + 4);
    f.top = 8;
    f.bottom = f.top + band * static_cast<double>(f.categories);
    double height = f.bottom + 34 + (chart.y.title.empty() ? 0 : 26);
    value_grid(f, out);
    out += "<g class=\"chart-ticks chart-ticks-category\" text-anchor=\"end\">\n";
    for (std::size_t c = 0; c < f.categories; ++c) {
        const auto& lines = labels[c];
        double first = f.category(c) + 5.5 - 9.5 * static_cast<double>(lines.size() - 1);
        out += "<text>";
        for (std::size_t l = 0; l < lines.size(); ++l)
            out += "<tspan x=\"" + num(f.left - 10) + "\" y=\"" +
                   num(first + 19 * static_cast<double>(l)) + "\">" + esc(lines[l]) + "</tspan>";
        out += "</text>\n";
    }
    out += "</g>\n";
    draw_bars(chart, f, prefix, out);
    zero_line(f, out);
    axis_title_x(chart.y.title, (f.left + f.right) / 2, height - 8, out);
    axis_title_y(chart.x.title, (f.top + f.bottom) / 2, out);
    return height;
}

// A donut: slices clockwise from twelve o'clock, the total in the middle.
double donut_chart(const ChartModel& chart, const std::string& prefix, std::string& out) {
    const double c = kDonutSize / 2, outer = 150, inner = 90;
    auto point = [&](double turn, double radius) {
        double angle = turn * 2 * std::numbers::pi;
        return num(c + radius * std::sin(angle)) + " " + num(c - radius * std::cos(angle));
    };
    double total = 0;
    for (const auto& slice : chart.slices) {
        total += slice.value;
        std::string d;
        if (slice.share >= 0.9999) {  // a whole ring: two half arcs each way
            d = "M" + point(0, outer) + "A150 150 0 1 1 " + point(0.5, outer) + "A150 150 0 1 1 " +
                point(0, outer) + "ZM" + point(0, inner) + "A90 90 0 1 0 " + point(0.5, inner) +
                "A90 90 0 1 0 " + point(0, inner) + "Z";
        } else {
            std::string large = slice.share > 0.5 ? "1" : "0";
            double end = slice.start + slice.share;
            d = "M" + point(slice.start, outer) + "A150 150 0 " + large + " 1 " +
                point(end, outer) + "L" + point(end, inner) + "A90 90 0 " + large + " 0 " +
                point(slice.start, inner) + "Z";
        }
        out +=
            "<path " + fill_attributes("chart-slice", slice.style, prefix) + " d=\"" + d +
            "\" fill-rule=\"evenodd\" stroke=\"#fff\" stroke-width=\"1.5\"><title>" +
            esc(chart.legend[slice.category].label + ": " + chart.legend[slice.category].detail) +
            "</title></path>\n";
    }
    out +=
        "<text class=\"chart-donut-total\" x=\"160\" y=\"160\" text-anchor=\"middle\" "
        "font-size=\"28\">" +
        esc(components::format_number(total, chart.how)) +
        "</text>\n<text class=\"chart-donut-label\" x=\"160\" y=\"184\" "
        "text-anchor=\"middle\">Total</text>\n";
    return kDonutSize;
}

void swatch(const ChartModel& chart, const ChartStyle& style, const std::string& prefix,
            std::string& out) {
    out +=
        "<svg class=\"chart-swatch\" width=\"28\" height=\"16\" viewBox=\"0 0 28 16\" "
        "aria-hidden=\"true\" focusable=\"false\">";
    if (chart.kind == ChartKind::line) {
        out += "<path class=\"chart-line chart-stroke-" + n(style.colour) +
               "\" d=\"M2 8H26\" stroke=\"" + std::string(colour(style)) +
               "\" stroke-width=\"2.5\"/>";
        out += marker(style, 14, 8, {});
    } else {
        out += "<rect " + fill_attributes("chart-swatch-fill", style, prefix) +
               " x=\"6\" y=\"1\" width=\"16\" height=\"14\" stroke=\"#505a5f\" "
               "stroke-width=\"0.5\"/>";
    }
    out += "</svg>";
}

void legend(const ChartModel& chart, const std::string& prefix, std::string& out) {
    if (chart.legend.empty()) return;
    // role="list": Safari drops list semantics from lists styled without bullets.
    out += "<ul class=\"chart-legend\" role=\"list\">\n";
    for (const auto& entry : chart.legend) {
        out += "<li class=\"chart-legend-item chart-series-" + n(entry.style.colour) + "\">";
        swatch(chart, entry.style, prefix, out);
        out += " <span class=\"chart-legend-label\">" + esc(entry.label) + "</span>";
        if (!entry.detail.empty())
            out += " <span class=\"chart-legend-detail\">" + esc(entry.detail) + "</span>";
        out += "</li>\n";
    }
    out += "</ul>\n";
}

}  // namespace

std::string chart_html(const ChartModel& chart) {
    std::string prefix = "chart-" + n(chart.line);
    std::string kind(components::kind_name(chart.kind));
    std::string out = "<figure class=\"component component-chart chart chart-" + kind +
                      (chart.stacked ? " chart-stacked" : "") +
                      "\">\n<figcaption class=\"chart-heading\"><p class=\"chart-title\">" +
                      esc(chart.title) + "</p>";
    if (!chart.caption.empty()) out += "<p class=\"chart-caption\">" + esc(chart.caption) + "</p>";
    out += "</figcaption>\n";

    std::string body;
    double height = chart.kind == ChartKind::donut  ? donut_chart(chart, prefix, body)
                    : chart.kind == ChartKind::hbar ? horizontal_chart(chart, prefix, body)
                                                    : vertical_chart(chart, prefix, body);
    double width = chart.kind == ChartKind::donut ? kDonutSize : kWidth;
    out +=
        // Focusable region: on a phone a chart keeps a readable size and scrolls sideways.
        "<div class=\"chart-frame\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" +
        prefix + "-title\">\n<svg class=\"chart-svg\" "
        "xmlns=\"http://www.w3.org/2000/svg\" "
        "viewBox=\"0 0 " +
        num(width) + " " + num(height) + "\" width=\"100%\" role=\"img\" aria-labelledby=\"" +
        prefix + "-title " + prefix +
        "-desc\" focusable=\"false\" font-size=\"16\">\n<title id=\"" + prefix + "-title\">" +
        esc(chart.title) + "</title>\n<desc id=\"" + prefix + "-desc\">" + esc(chart.description) +
        "</desc>\n";
    defs(chart, prefix, out);
    out += body + "</svg>\n</div>\n";
    legend(chart, prefix, out);
    out += "<details class=\"chart-data\">\n<summary>Show data</summary>\n" +
           table_html(chart.table) + "</details>\n";
    if (!chart.notes.empty()) out += "<p class=\"chart-note\">" + esc(chart.notes) + "</p>\n";
    if (!chart.source.empty()) out += "<p class=\"source\">Source: " + esc(chart.source) + "</p>\n";
    out += "</figure>\n";
    return out;
}

}  // namespace boardpress::html
