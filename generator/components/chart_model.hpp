// A chart as every writer sees it: categories, series of optional numbers, axes with their ticks
// already chosen, styles, a legend, the text alternative and the data table. No geometry in
// pixels and no markup: the HTML (SVG) writer and the PDF writer draw the same model.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "components/table_model.hpp"
#include "components/value_format.hpp"

namespace boardpress::components {

enum class ChartKind { line, bar, hbar, donut };

// Every series (or donut slice) gets a marker shape and a fill pattern as well as a colour, so
// none is told apart by colour alone.
enum class Marker { circle, square, triangle, diamond, triangle_down, cross };
enum class Pattern { solid, diagonal, dots, crosshatch, horizontal, vertical };

inline constexpr int kChartColours = 8;  // palette entries --chart-1 .. --chart-8
inline constexpr int kChartMarkers = 6;
inline constexpr int kChartPatterns = 6;

inline std::string_view kind_name(ChartKind kind) {
    switch (kind) {
        case ChartKind::line:
            return "line";
        case ChartKind::bar:
            return "bar";
        case ChartKind::hbar:
            return "hbar";
        default:
            return "donut";
    }
}

inline std::string_view marker_name(Marker marker) {
    switch (marker) {
        case Marker::circle:
            return "circle";
        case Marker::square:
            return "square";
        case Marker::triangle:
            return "triangle";
        case Marker::diamond:
            return "diamond";
        case Marker::triangle_down:
            return "triangle-down";
        default:
            return "cross";
    }
}

inline std::string_view pattern_name(Pattern pattern) {
    switch (pattern) {
        case Pattern::solid:
            return "solid";
        case Pattern::diagonal:
            return "diagonal";
        case Pattern::dots:
            return "dots";
        case Pattern::crosshatch:
            return "crosshatch";
        case Pattern::horizontal:
            return "horizontal";
        default:
            return "vertical";
    }
}

struct ChartStyle {
    int colour = 1;  // 1-based palette index
    Marker marker = Marker::circle;
    Pattern pattern = Pattern::solid;
};

struct Tick {
    double value = 0;
    std::string label;  // formatted like the data: "350", "25%", "£10,000"
};

// The axis of values (vertical for line and bar, horizontal for hbar; unused for donut).
struct ValueAxis {
    std::string title;  // "" for none
    double min = 0;
    double max = 1;
    double step = 1;
    std::vector<Tick> ticks;  // min, min + step, ... max
};

// The axis of categories: one label per category, shortened for ticks ("Jan" for "January" on a
// crowded axis). A writer may still show only every n-th label when they do not fit.
struct CategoryAxis {
    std::string title;  // "" for none
    std::vector<std::string> labels;
};

struct ChartSeries {
    std::string key;
    std::string label;
    ChartStyle style;
    std::vector<std::optional<double>> values;  // one per category; nullopt: no data or hidden
    std::vector<std::string> texts;             // the values formatted; "" where nullopt
    std::vector<bool> suppressed;               // a small count hidden there (value nullopt)
};

// A donut's slice: one category's share of the total, as fractions of the full turn.
struct DonutSlice {
    std::size_t category = 0;
    double value = 0;
    double start = 0;  // 0 at twelve o'clock, clockwise, up to 1
    double share = 0;
    ChartStyle style;
};

struct LegendEntry {
    std::string label;
    std::string detail;  // donut: "306 (63%)"; "" otherwise
    ChartStyle style;
};

struct ChartModel {
    ChartKind kind = ChartKind::line;
    bool stacked = false;
    int line = 0;             // file line where the block's YAML starts: makes ids unique on a page
    std::string title;        // never empty
    std::string caption;      // shown under the title, or ""
    std::string description;  // the text alternative: the data summarised in words
    std::string source;
    std::string notes;
    std::string unit;
    ValueFormat how;                      // how values (and tick labels) are formatted
    std::vector<std::string> categories;  // full labels, in data order
    CategoryAxis x;
    ValueAxis y;
    std::vector<ChartSeries> series;            // donut: exactly one
    std::vector<std::optional<double>> totals;  // stacked: per category; nullopt when hidden
    std::vector<DonutSlice> slices;             // donut only, categories with a value above 0
    std::vector<LegendEntry> legend;            // empty when there is one series (not donut)
    TableModel table;                           // the data behind the chart
};

}  // namespace boardpress::components
