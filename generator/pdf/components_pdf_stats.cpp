// ```stats in the PDF: key figures as tinted panels, two or three to a row, kept on one page.
#include <algorithm>
#include <cmath>

#include "pdf/components_pdf.hpp"
#include "pdf/components_pdf_parts.hpp"

namespace boardpress::pdf {

namespace {

constexpr double gap = 9;  // between panels, across and down
constexpr double pad = 9;  // inside a panel
constexpr double bar = 3;  // the accent bar along a panel's top
constexpr double value_size = 20;

// Panels per row: three when the figures fill rows of three (or there are many), else two.
std::size_t columns_for(std::size_t count) {
    if (count <= 2) return 2;
    return count % 3 == 0 || count >= 5 ? 3 : 2;
}

// Sets one figure into `item` at x, its panel `width` wide; returns the height it needs.
double panel(Item& item, const components::StatItem& stat, double x, double width,
             const Layout& layout) {
    const Theme& theme = layout.theme();
    const Measure& measure = layout.measure();
    double inner = width - 2 * pad;
    double y = bar + pad - 2;

    std::vector<Run> value;
    bool marked = !stat.hidden.empty() || stat.missing;
    value.push_back({stat.value,
                     parts::style(Face::bold, value_size, marked ? theme.muted : theme.accent),
                     {},
                     false});
    // A mark alone says little on paper: the words a screen reader hears are printed beside it.
    if (!stat.hidden.empty())
        value.push_back(
            {" " + stat.hidden, parts::style(Face::regular, 9, theme.muted), {}, false});
    y = parts::set_text(item, value, x + pad, y, inner, measure, value_size, 1.2);

    Style label = parts::style(Face::bold, 9.5, theme.text);
    y = parts::set_text(item, {{stat.label, label, {}, false}}, x + pad, y + 1, inner, measure,
                        9.5);

    Style small = parts::style(Face::regular, 8.5, theme.muted);
    if (!stat.change.empty()) {
        using components::Trend;
        // The words carry the meaning; the arrow only repeats it.
        std::string arrow = stat.trend == Trend::up     ? "\xE2\x86\x91"   // ↑
                            : stat.trend == Trend::down ? "\xE2\x86\x93"   // ↓
                                                        : "\xE2\x86\x92";  // →
        Style bold = small;
        bold.face = Face::bold;
        bold.color = theme.text;
        y = parts::set_text(item, {{arrow, bold, {}, false}, {" " + stat.change, small, {}, false}},
                            x + pad, y + 3, inner, measure, 8.5);
    }
    if (!stat.note.empty())
        y = parts::set_text(item, {{stat.note, small, {}, false}}, x + pad, y + 2, inner, measure,
                            8.5);
    if (!stat.source.empty()) {
        Style source = parts::style(Face::regular, 7.5, theme.muted);
        y = parts::set_text(item, {{"Source: " + stat.source, source, {}, false}}, x + pad, y + 2,
                            inner, measure, 7.5);
    }
    return y + pad;
}

}  // namespace

void layout_stats(const components::StatsModel& stats, Layout& layout) {
    const Theme& theme = layout.theme();
    if (!stats.title.empty())
        parts::heading(
            layout,
            {{stats.title, parts::style(Face::bold, theme.body_size, theme.text), {}, false}});
    std::size_t count = stats.items.size();
    double width = layout.text_width();
    // No panel narrower than about 130 points: a narrow column (a leaflet panel) takes fewer.
    auto fit = static_cast<std::size_t>(std::max(1.0, std::floor((width + gap) / (130 + gap))));
    std::size_t columns = std::min(columns_for(count), fit);
    double panel_width =
        (width - gap * static_cast<double>(columns - 1)) / static_cast<double>(columns);
    Color fill = theme.shade;
    for (std::size_t first = 0; first < count; first += columns) {
        Item row;
        std::size_t last = std::min(count, first + columns);
        double height = 0;
        for (std::size_t i = first; i < last; ++i) {
            double x = static_cast<double>(i - first) * (panel_width + gap);
            height = std::max(height, panel(row, stats.items[i], x, panel_width, layout));
        }
        // Panels of a row share its height; backgrounds go under the text.
        std::vector<RectOp> panels;
        for (std::size_t i = first; i < last; ++i) {
            double x = static_cast<double>(i - first) * (panel_width + gap);
            panels.push_back({x, 0, panel_width, height, fill, false});
            panels.push_back({x, 0, panel_width, bar, theme.accent, false});
        }
        row.rects = std::move(panels);
        row.height = height;
        row.space_before =
            first == 0 ? (stats.title.empty() ? theme.paragraph_space * 1.5 : 5) : gap;
        row.keep_with_next = last < count;  // the group stays on one page
        layout.add(std::move(row));
    }
    std::vector<std::string> lines;
    if (!stats.source.empty()) lines.push_back("Source: " + stats.source);
    parts::notes(layout, lines);
    layout.space(theme.paragraph_space * 1.5);
}

}  // namespace boardpress::pdf
