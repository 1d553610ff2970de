// The ```chart component: a dataset as a ChartModel (line, bar, stacked bar, hbar, donut).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "components/chart_model.hpp"
#include "components/context.hpp"
#include "components/yaml_source.hpp"

namespace boardpress::components {

// Options: type (required: line, bar, hbar, donut), data (required), x (the key of the
// categories, default the first key), series (a list of keys or {key, label}; default every
// numeric key but x, or the first one for a donut), stacked (bar and hbar), title (else the
// dataset's; one is required), caption, desc (replaces the generated text alternative), x_title
// (the category axis), y_title (the value axis, whichever way it runs; default the dataset's
// unit), format (number, percent, gbp), decimals, source and notes (else the dataset's), missing
// (the data table's mark for no data), suppress (default: the dataset's `sensitive`).
// Missing values stay missing (gaps, absent bars), never zero.
ChartModel parse_chart(const YAML::Node& root, const YamlSource& source,
                       const ComponentContext& ctx);

// An axis from `min` to `max` by `step`, where step is 1, 2, 2.5 or 5 times a power of ten and
// there are 4 to 7 ticks (fewer only when `whole` and the range is under 3). `whole` keeps the
// step a whole number, for counts. The range covers [lo, hi]; an empty one grows to include 0
// (or 0 to 1).
struct NiceScale {
    double min = 0;
    double max = 1;
    double step = 1;
};
NiceScale nice_scale(double lo, double hi, bool whole = false);

// The runs of present values in a line: a gap (nullopt) ends one. `first` and `last` are
// inclusive indices; a run of one is a lone point, drawn as a marker without a line.
struct Segment {
    std::size_t first = 0;
    std::size_t last = 0;
};
std::vector<Segment> line_segments(const std::vector<std::optional<double>>& values);

// The colour, marker and pattern of the index-th series (or donut slice), 0-based.
ChartStyle chart_style(std::size_t index);

}  // namespace boardpress::components
