// The data tree the component and page fuzz targets give to components: small, fixed, and with
// the shapes the components' unit tests use.
#pragma once

#include <nlohmann/json.hpp>

namespace boardpress::fuzz {

// The shapes the components tests use (tests/unit/components/test_support.hpp): monthly rows
// with gaps, a dataset with metadata, budgets with negative variances, small counts to suppress,
// a business plan to rate.
inline const nlohmann::ordered_json& sample_data() {
    static const nlohmann::ordered_json tree = nlohmann::ordered_json::parse(R"({
      "cp": {
        "plans_by_month": [
          {"month": "January", "y2014": 383, "y2015": 368},
          {"month": "February", "y2014": 390, "y2015": null},
          {"month": "March", "y2014": 395, "y2015": 387}],
        "snapshot": {"children_on_plans": 387, "previous": 395, "hundred": 100, "up": 145,
                     "share": 0.1779, "previous_share": 0.15, "label": "n/a", "empty": null},
        "categories": {"title": "Categories of abuse", "source": "SASU <data> & co",
                       "unit": "children", "notes": "A child may be counted twice.",
                       "rows": [
          {"category": "Neglect", "children": 306, "share": 0.6322},
          {"category": "Total", "children": 430, "share": 0.8884}]},
        "by_year": [{"year": 2014, "April": 10, "May": 3}, {"year": 2015, "April": 12, "May": null}]
      },
      "finance": {"budget": [
        {"line": "Staffing", "budget": 114188, "actual": 116277.09, "variance": -2089.09},
        {"line": "Venue <hire> & \"co\"", "budget": 8500, "actual": 5234.05, "variance": 3265.95}]},
      "bad": [{"month": "Jan", "count": "n/a"}, {"month": "Feb", "count": 4}],
      "small": {"sensitive": true, "rows": [{"area": "North", "count": 3}, {"area": "South", "count": 12}]},
      "dates": [{"event": "Review", "when": "2015-03-31"}],
      "plan": {
        "bp": {"title": "Business plan 2015-16", "period": "2015-16", "source": "Business unit",
          "as_of": "2015-12-31",
          "priorities": [
            {"id": "1", "title": "Governance", "lead": "Business Committee", "objectives": [
              {"id": "1.1", "title": "Know how services work", "actions": [
                {"id": "1.1.1", "action": "Agree a dataset", "owner": "Business Manager",
                 "due": "2015-09-30", "impact": "Challenge", "measure": "Minutes",
                 "status": "complete", "update": "Done"},
                {"id": "1.1.2", "action": "Section 11 audit", "owner": "QEG", "due": "2015-12",
                 "status": "red"},
                {"id": "1.1.3", "action": "Savings report", "due": "March 2016", "status": "Amber"}]},
              {"title": "Hold partners to account", "actions": [
                {"action": "Challenge log", "due": "Ongoing", "status": "green"}]}]},
            {"id": "2", "title": "Learning", "objectives": [
              {"id": "2.1", "title": "Audit", "actions": [
                {"id": "2.1.1", "action": "Neglect audit", "due": "October 2015",
                 "status": "complete"},
                {"id": "2.1.2", "action": "Ask families", "due": "2016-06-30",
                 "status": "not-started"},
                {"id": "2.1.3", "action": "Join programme", "due": "Carry forward", "status": null},
                {"id": "2.1.4", "action": "Check actions", "due": "2015-12-31", "status": ""}]}]}]},
        "numbers": {"title": "T", "priorities": [{"id": 7, "title": "P", "objectives": [
          {"title": "O", "actions": [{"action": "A", "due": 2016, "status": "RED"}]}]}]}
      },
      "extremes": [{"k": "a", "v": 1e308}, {"k": "b", "v": -1e308}, {"k": "c", "v": 0},
                   {"k": "d", "v": 9223372036854775807}, {"k": "e", "v": -9223372036854775808}]
    })");
    return tree;
}

}  // namespace boardpress::fuzz
