#include <catch2/catch.hpp>

#include "check/check.hpp"
#include "components/component.hpp"

using namespace boardpress;

namespace {
const components::Json& plan_data() {
    static const components::Json data = components::Json::parse(R"({"plan": {
      "title": "Business plan", "as_of": "2016-01-31",
      "priorities": [{"id": "2", "title": "Neglect", "objectives": [{"id": "2.1", "actions": [
        {"id": "2.1.1", "action": "Publish the neglect strategy", "due": "December 2015",
         "status": "amber"},
        {"id": "2.1.2", "action": "Train staff", "due": "2015-06-30", "status": "complete"},
        {"id": "2.1.3", "action": "Audit cases", "due": "2016-03-31", "status": "green"},
        {"id": "2.1.4", "action": "Review", "due": "Ongoing", "status": "red"}]}]}]}})");
    return data;
}
}  // namespace

TEST_CASE("overdue actions are those due before as_of and not complete", "[check][rag]") {
    components::ComponentContext context{plan_data()};
    context.file = "content/plan.md";
    context.as_of = "2016-01-31";
    auto model = components::parse_component("rag", "data: plan\n", context);
    REQUIRE(model);
    const auto& plan = std::get<components::RagModel>(*model);
    auto overdue = check::overdue_actions(plan);
    REQUIRE(overdue.size() == 1);
    CHECK(overdue[0]->id == "2.1.1");
    CHECK(check::overdue_message(*overdue[0], plan) ==
          "action 2.1.1 ‘Publish the neglect strategy’ was due by December 2015 and is not "
          "complete (as of 31 January 2016; its status is Amber)");
}
