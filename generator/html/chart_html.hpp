// A chart as HTML: a figure with a visible title, an inline SVG (role="img", named by its
// <title> and <desc>), a legend as an HTML list, and the data in a table under "Show data".
#pragma once

#include <string>

#include "components/chart_model.hpp"

namespace boardpress::html {

// Ids start "chart-<line>-" (the table's is "table-<line>"), so charts on one page never clash.
// Colours come from classes (chart-fill-N, chart-stroke-N) that a stylesheet maps to
// var(--chart-N); the fill/stroke attributes are the fallback when it does not. The same data
// gives the same bytes.
std::string chart_html(const components::ChartModel& chart);

}  // namespace boardpress::html
