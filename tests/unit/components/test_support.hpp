// Shared fixtures for the components tests: a small data tree and helpers that parse a block
// whose YAML starts on line 10 of content/report.md.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "components/component.hpp"
#include "diag/diagnostics.hpp"

namespace test_components {

using boardpress::components::Json;

inline const Json& data() {
    static const Json tree = Json::parse(R"({
      "cp": {
        "plans_by_month": [
          {"month": "January", "y2014": 383, "y2015": 368},
          {"month": "February", "y2014": 390, "y2015": null},
          {"month": "March", "y2014": 395, "y2015": 387}
        ],
        "snapshot": {"children_on_plans": 387, "previous": 395, "hundred": 100, "up": 145,
                     "share": 0.1779, "previous_share": 0.15, "label": "n/a", "empty": null},
        "categories": {"title": "Categories of abuse", "source": "SASU <data> & co",
                       "unit": "children", "notes": "A child may be counted twice.",
                       "rows": [
          {"category": "Neglect", "children": 306, "share": 0.6322},
          {"category": "Emotional abuse", "children": 124, "share": 0.2562},
          {"category": "Total", "children": 430, "share": 0.8884}]},
        "by_year": [{"year": 2014, "April": 10, "May": 3}, {"year": 2015, "April": 12, "May": null}]
      },
      "finance": {"budget": [
        {"line": "Staffing", "budget": 114188, "actual": 116277.09, "variance": -2089.09},
        {"line": "Venue <hire> & \"co\"", "budget": 8500, "actual": 5234.05, "variance": 3265.95}]},
      "bad": [{"month": "Jan", "count": "n/a"}, {"month": "Feb", "count": 4}],
      "small": {"sensitive": true, "rows": [{"area": "North", "count": 3}, {"area": "South", "count": 12}]},
      "dates": [{"event": "Review", "when": "2015-03-31"}]
    })");
    return tree;
}

inline boardpress::components::ComponentContext context(int line = 10) {
    return boardpress::components::ComponentContext{data(), "content/report.md", line};
}

inline boardpress::components::Model parse(std::string_view info, std::string_view yaml) {
    auto model = boardpress::components::parse_component(info, yaml, context());
    REQUIRE(model.has_value());
    return *model;
}

inline boardpress::components::TableModel table(std::string_view yaml) {
    return std::get<boardpress::components::TableModel>(parse("table", yaml));
}

inline boardpress::components::StatsModel stats(std::string_view yaml) {
    return std::get<boardpress::components::StatsModel>(parse("stats", yaml));
}

// The diagnostic a broken block gives (the test fails when it parses).
inline boardpress::Diagnostic error_of(std::string_view info, std::string_view yaml) {
    try {
        boardpress::components::parse_component(info, yaml, context());
    } catch (const boardpress::Error& error) {
        return error.diagnostic();
    }
    FAIL("expected an error for:\n" << yaml);
    return {};
}

}  // namespace test_components
