// The ```rag component: "by when" dates, overdue flags, counts, filters, sorting and errors at the
// right place (the block's YAML starts on line 10 of content/plan.md).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "components/due_date.hpp"
#include "components/rag.hpp"
#include "data/data.hpp"
#include "diag/diagnostics.hpp"

using namespace boardpress::components;

namespace {

const Json& rag_data() {
    static const Json tree = Json::parse(R"({
      "plan": {
        "bp": {
          "title": "Business plan 2015-16",
          "period": "2015-16",
          "source": "Business unit",
          "as_of": "2015-12-31",
          "priorities": [
            {"id": "1", "title": "Governance", "lead": "Business Committee",
             "objectives": [
               {"id": "1.1", "title": "Know how services work",
                "actions": [
                  {"id": "1.1.1", "action": "Agree a dataset", "owner": "Business Manager",
                   "due": "2015-09-30", "impact": "Challenge", "measure": "Minutes",
                   "status": "complete", "update": "Done"},
                  {"id": "1.1.2", "action": "Section 11 audit", "owner": "QEG",
                   "due": "2015-12", "status": "red"},
                  {"id": "1.1.3", "action": "Savings report", "due": "March 2016",
                   "status": "Amber"}
                ]},
               {"title": "Hold partners to account",
                "actions": [
                  {"action": "Challenge log", "due": "Ongoing", "status": "green"},
                  {"action": "Memorandum", "due": "2015-11-30", "status": "green"}
                ]}
             ]},
            {"id": "2", "title": "Learning",
             "objectives": [
               {"id": "2.1", "title": "Audit",
                "actions": [
                  {"id": "2.1.1", "action": "Neglect audit", "due": "October 2015",
                   "status": "complete"},
                  {"id": "2.1.2", "action": "Ask families", "due": "2016-06-30",
                   "status": "not-started"},
                  {"id": "2.1.3", "action": "Join programme", "due": "Carry forward to 2016-17",
                   "status": null},
                  {"id": "2.1.4", "action": "Check actions", "due": "2015-12-31", "status": ""}
                ]}
             ]}
          ]
        },
        "typo": {"title": "T", "priorities": [{"id": "1", "title": "P", "objectives": [
          {"id": "1.1", "title": "O", "actions": [
            {"id": "1.1.1", "action": "A", "status": "green"},
            {"id": "1.1.2", "action": "B", "status": "gren"}]}]}]},
        "badkey": {"title": "T", "priorities": [{"id": "1", "title": "P", "objectives": [
          {"id": "1.1", "title": "O", "actions": [{"id": "1.1.1", "action": "A", "staus": "red"}]}]}]},
        "twice": {"title": "T", "priorities": [
          {"id": "1", "title": "P", "objectives": []},
          {"id": "1", "title": "Q", "objectives": []}]},
        "noaction": {"title": "T", "priorities": [{"title": "P", "objectives": [
          {"title": "O", "actions": [{"owner": "X"}]}]}]},
        "untitled": {"priorities": []},
        "nested": {"title": "T", "priorities": [{"title": "P", "objectives": [
          {"title": "O", "actions": [{"action": "A", "owner": ["X", "Y"]}]}]}]},
        "numbers": {"title": "T", "priorities": [{"id": 7, "title": "P", "objectives": [
          {"title": "O", "actions": [{"action": "A", "due": 2016, "status": "RED"}]}]}]}
      }
    })");
    return tree;
}

RagModel rag(std::string_view yaml, std::string as_of = {}) {
    ComponentContext ctx{rag_data(), "content/plan.md", 10};
    ctx.as_of = std::move(as_of);
    YamlSource source(yaml, ctx.file, ctx.line);
    return parse_rag(source.parse(), source, ctx);
}

boardpress::Diagnostic rag_error(std::string_view yaml, std::string as_of = {}) {
    try {
        rag(yaml, std::move(as_of));
    } catch (const boardpress::Error& error) {
        return error.diagnostic();
    }
    FAIL("expected an error for:\n" << yaml);
    return {};
}

const RagAction& find(const RagModel& model, std::string_view id) {
    for (const auto& p : model.priorities)
        for (const auto& a : p.actions)
            if (a.id == id) return a;
    FAIL("no action " << id);
    static const RagAction none;
    return none;
}

std::vector<std::string> ids(const RagPriority& priority) {
    std::vector<std::string> out;
    for (const auto& a : priority.actions) out.push_back(a.id);
    return out;
}

}  // namespace

TEST_CASE("by when: days, months, years and words", "[components][rag]") {
    auto day = parse_due(" 2016-03-31 ");
    CHECK(day.precision == DuePrecision::day);
    CHECK(day.iso == "2016-03-31");
    CHECK(day.display == "31 March 2016");
    CHECK(day.text == "2016-03-31");
    CHECK(day.is_date());

    auto month = parse_due("2016-03");
    CHECK(month.precision == DuePrecision::month);
    CHECK(month.iso == "2016-03-31");
    CHECK(month.display == "March 2016");

    auto words = parse_due("March 2016");
    CHECK(words.precision == DuePrecision::month);
    CHECK(words.iso == "2016-03-31");
    CHECK(words.display == "March 2016");

    CHECK(parse_due("2016-02").iso == "2016-02-29");  // leap year
    CHECK(parse_due("2015-02").iso == "2015-02-28");
    CHECK(parse_due("Nov 2015").iso == "2015-11-30");
    CHECK(parse_due("Sept 2015").display == "September 2015");
    CHECK(parse_due("31 October 2015").iso == "2015-10-31");
    CHECK(parse_due("31/10/2015").display == "31 October 2015");
    CHECK(parse_due("March 2016.").iso == "2016-03-31");  // a full stop at the end
    CHECK(parse_due("March 2016.").text == "March 2016.");

    auto year = parse_due("2016");
    CHECK(year.precision == DuePrecision::year);
    CHECK(year.iso == "2016-12-31");
    CHECK(year.display == "2016");

    for (std::string_view text :
         {"Ongoing", "Carry forward to 2016-17", "Ongoing \xE2\x80\x93 subject to regular review",
          "2015-02-30", "March 2016 (12 month project)"}) {
        auto due = parse_due(text);
        CHECK(due.precision == DuePrecision::text);
        CHECK_FALSE(due.is_date());
        CHECK(due.display == std::string(text));
    }
    auto none = parse_due("  ");
    CHECK(none.precision == DuePrecision::none);
    CHECK(none.display.empty());

    CHECK(iso_day("31 March 2016") == "2016-03-31");
    CHECK_FALSE(iso_day("March 2016"));
    CHECK_FALSE(iso_day("soon"));
}

TEST_CASE("overdue: due before as_of and not complete", "[components][rag]") {
    CHECK(due_before(parse_due("2015-12-30"), "2015-12-31"));
    CHECK_FALSE(due_before(parse_due("2015-12-31"), "2015-12-31"));  // due today: not yet
    CHECK_FALSE(due_before(parse_due("2015-12"), "2015-12-31"));     // end of the month
    CHECK(due_before(parse_due("2015-12"), "2016-01-01"));
    CHECK(due_before(parse_due("November 2015"), "2015-12-01"));
    CHECK_FALSE(due_before(parse_due("Ongoing"), "2099-01-01"));
    CHECK_FALSE(due_before(parse_due(""), "2099-01-01"));
    CHECK_FALSE(due_before(parse_due("2015-01-01"), ""));

    auto m = rag("data: plan.bp\n", "2016-01-15");
    CHECK(m.as_of == "2016-01-15");
    CHECK(m.as_of_display == "15 January 2016");
    CHECK_FALSE(find(m, "1.1.1").overdue);  // complete, though due before as_of
    CHECK(find(m, "1.1.2").overdue);        // red, due December 2015
    CHECK_FALSE(find(m, "1.1.3").overdue);  // March 2016 not reached
    CHECK_FALSE(find(m, "1.2.1").overdue);  // "Ongoing" is never overdue
    CHECK(find(m, "1.2.2").overdue);        // green, but its date has passed
    CHECK_FALSE(find(m, "2.1.1").overdue);  // complete
    CHECK_FALSE(find(m, "2.1.3").overdue);  // words
    CHECK(find(m, "2.1.4").overdue);        // unrated and past its date

    // The option wins over the page, the page over the dataset.
    CHECK(rag("data: plan.bp\nas_of: 2015-12-01\n", "2016-01-15").as_of == "2015-12-01");
    CHECK(rag("data: plan.bp\nas_of: 1 December 2015\n").as_of == "2015-12-01");
    auto from_data = rag("data: plan.bp\n");
    CHECK(from_data.as_of == "2015-12-31");
    CHECK(find(from_data, "1.2.2").overdue);
    CHECK_FALSE(find(from_data, "1.1.2").overdue);  // December 2015 ends on as_of
    CHECK_FALSE(find(from_data, "2.1.4").overdue);
}

TEST_CASE("rag: the plan as a model", "[components][rag]") {
    auto m = rag("data: plan.bp\n", "2016-01-15");
    CHECK(m.caption == "Business plan 2015-16");
    CHECK(m.period == "2015-16");
    CHECK(m.source == "Business unit");
    CHECK(m.line == 10);
    CHECK(m.sort == RagSort::plan);
    CHECK(m.group_objectives());
    CHECK(m.summary);
    CHECK(m.controls);
    CHECK(m.filter_note.empty());
    REQUIRE(m.priorities.size() == 2);
    const auto& p1 = m.priorities[0];
    CHECK(p1.id == "1");
    CHECK(p1.caption == "Priority 1: Governance");
    CHECK(p1.anchor == "rag-10-p-1");
    CHECK(p1.lead == "Business Committee");
    REQUIRE(p1.objectives.size() == 2);
    CHECK(p1.objectives[1].id == "1.2");  // numbered by position when not given
    CHECK(ids(p1) == std::vector<std::string>{"1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2"});
    CHECK(p1.actions[3].objective == 1);
    const auto& first = p1.actions[0];
    CHECK(first.action == "Agree a dataset");
    CHECK(first.owner == "Business Manager");
    CHECK(first.due.display == "30 September 2015");
    CHECK(first.impact == "Challenge");
    CHECK(first.measure == "Minutes");
    CHECK(first.update == "Done");
    CHECK(first.status == RagStatus::complete);
    CHECK(find(m, "1.1.3").status == RagStatus::amber);  // any case
    CHECK(find(m, "1.1.3").owner.empty());
    CHECK(find(m, "2.1.2").status == RagStatus::not_started);
    CHECK(find(m, "2.1.3").status == RagStatus::unrated);  // null
    CHECK(find(m, "2.1.4").status == RagStatus::unrated);  // ""

    auto n = rag("data: plan.numbers\n");
    CHECK(n.priorities[0].id == "7");
    CHECK(n.priorities[0].actions[0].id == "7.1.1");
    CHECK(n.priorities[0].actions[0].due.display == "2016");
    CHECK(n.priorities[0].actions[0].status == RagStatus::red);
    CHECK(n.as_of.empty());
    CHECK_FALSE(n.priorities[0].actions[0].overdue);  // no date to judge against
}

TEST_CASE("rag: counts per status for each priority and overall", "[components][rag]") {
    auto m = rag("data: plan.bp\n", "2016-01-15");
    const auto& c1 = m.priorities[0].counts;
    CHECK(c1[RagStatus::red] == 1);
    CHECK(c1[RagStatus::amber] == 1);
    CHECK(c1[RagStatus::green] == 2);
    CHECK(c1[RagStatus::complete] == 1);
    CHECK(c1[RagStatus::not_started] == 0);
    CHECK(c1[RagStatus::unrated] == 0);
    CHECK(c1.overdue == 2);
    CHECK(c1.total == 5);
    const auto& c2 = m.priorities[1].counts;
    CHECK(c2[RagStatus::complete] == 1);
    CHECK(c2[RagStatus::not_started] == 1);
    CHECK(c2[RagStatus::unrated] == 2);
    CHECK(c2.overdue == 1);
    CHECK(c2.total == 4);
    CHECK(m.totals[RagStatus::green] == 2);
    CHECK(m.totals[RagStatus::complete] == 2);
    CHECK(m.totals[RagStatus::unrated] == 2);
    CHECK(m.totals.overdue == 3);
    CHECK(m.totals.total == 9);
    // The key lists the statuses in use, in key order.
    REQUIRE(m.key.size() == 6);
    CHECK(m.key[0].status == RagStatus::red);
    CHECK(m.key[5].status == RagStatus::unrated);
    CHECK(m.key[0].meaning == std::string(rag_default_meaning(RagStatus::red)));

    auto one = rag("data: plan.bp\npriority: 2\n");
    REQUIRE(one.priorities.size() == 1);
    CHECK(one.priorities[0].id == "2");
    CHECK(one.totals.total == 4);
    REQUIRE(one.key.size() == 3);  // complete, not started, unrated
    CHECK(one.key[0].status == RagStatus::complete);
}

TEST_CASE("rag: status filter keeps the counts of the whole plan", "[components][rag]") {
    auto m = rag("data: plan.bp\nstatus: [red, amber]\n", "2016-01-15");
    CHECK(ids(m.priorities[0]) == std::vector<std::string>{"1.1.2", "1.1.3"});
    CHECK(m.priorities[1].actions.empty());
    CHECK(m.priorities[0].counts.total == 5);
    CHECK(m.totals.total == 9);
    CHECK(m.filter_note == "Showing actions with status Red or Amber only: 2 of 9.");

    auto overdue = rag("data: plan.bp\nstatus: overdue\n", "2016-01-15");
    CHECK(ids(overdue.priorities[0]) == std::vector<std::string>{"1.1.2", "1.2.2"});
    CHECK(ids(overdue.priorities[1]) == std::vector<std::string>{"2.1.4"});
    CHECK(overdue.filter_note == "Showing overdue actions only: 3 of 9.");

    auto both = rag("data: plan.bp\nstatus: [unrated, overdue]\n", "2016-01-15");
    CHECK(ids(both.priorities[0]) == std::vector<std::string>{"1.1.2", "1.2.2"});
    CHECK(ids(both.priorities[1]) == std::vector<std::string>{"2.1.3", "2.1.4"});
    CHECK(both.filter_note == "Showing actions with status Unrated, and overdue actions: 4 of 9.");
}

TEST_CASE("rag: sorting within each priority", "[components][rag]") {
    auto due = rag("data: plan.bp\nsort: due\n");
    CHECK(due.sort == RagSort::due);
    CHECK_FALSE(due.group_objectives());
    CHECK(ids(due.priorities[0]) ==
          std::vector<std::string>{"1.1.1", "1.2.2", "1.1.2", "1.1.3", "1.2.1"});
    CHECK(ids(due.priorities[1]) == std::vector<std::string>{"2.1.1", "2.1.4", "2.1.2", "2.1.3"});
    auto status = rag("data: plan.bp\nsort: status\n");
    CHECK(ids(status.priorities[0]) ==
          std::vector<std::string>{"1.1.2", "1.1.3", "1.2.1", "1.2.2", "1.1.1"});
    CHECK(ids(status.priorities[1]) ==
          std::vector<std::string>{"2.1.1", "2.1.2", "2.1.3", "2.1.4"});
}

TEST_CASE("rag: options", "[components][rag]") {
    auto m =
        rag("data: plan.bp\ncaption: Progress\nsummary: false\ncontrols: no\n"
            "hide: [measure, impact]\nsource: Me\nnotes: N\n");
    CHECK(m.caption == "Progress");
    CHECK_FALSE(m.summary);
    CHECK_FALSE(m.controls);
    CHECK(m.columns == std::vector<RagColumn>{RagColumn::owner, RagColumn::due, RagColumn::update});
    CHECK(m.has(RagColumn::owner));
    CHECK_FALSE(m.has(RagColumn::measure));
    CHECK(m.source == "Me");
    CHECK(m.notes == "N");
    CHECK(rag("data: plan.bp\ntitle: T\n").caption == "T");
    CHECK(rag("data: plan.bp\nhide: update\n").columns.size() == 4);
    auto two = rag("data: plan.bp\npriority: [\"2\", 1, 2]\n");
    REQUIRE(two.priorities.size() == 2);
    CHECK(two.priorities[0].id == "2");
    CHECK(two.priorities[1].id == "1");
}

TEST_CASE("rag: an unknown status is an error with did-you-mean", "[components][rag][errors]") {
    auto d = rag_error("caption: C\ndata: plan.typo\n");
    CHECK(d.message ==
          "unknown status `gren` for action 1.1.2 in `plan.typo`; did you mean `green`?");
    CHECK(d.location.file == "content/plan.md");
    CHECK(d.location.line == 11);  // the data: line
    CHECK(d.location.column == 7);
    CHECK(d.source_line == "data: plan.typo");
    CHECK(d.hint.find("red, amber, green, complete, not-started") != std::string::npos);
}

TEST_CASE("rag: mistakes in the dataset name their place", "[components][rag][errors]") {
    auto key = rag_error("data: plan.badkey\n");
    CHECK(key.message ==
          "unknown key `staus` for action 1.1.1 in `plan.badkey`; did you mean `status`?");
    CHECK(key.location.line == 10);
    auto twice = rag_error("data: plan.twice\n");
    CHECK(twice.message == "priority id `1` in `plan.twice` is used twice");
    auto no_action = rag_error("data: plan.noaction\n");
    CHECK(no_action.message == "action 1.1.1 in `plan.noaction` has no `action`");
    auto untitled = rag_error("data: plan.untitled\n");
    CHECK(untitled.message == "rag needs a `caption`");
    auto nested = rag_error("data: plan.nested\n");
    CHECK(nested.message == "`owner` of action 1.1.1 in `plan.nested` is a list, not a text");
    auto unknown = rag_error("data: plan.bq\n");
    CHECK(unknown.message == "unknown dataset `plan.bq`; did you mean `plan.bp`?");
    auto missing = rag_error("caption: C\n");
    CHECK(missing.message == "rag needs `data`: the business plan to show");
}

TEST_CASE("rag: mistakes in the options are errors at their line", "[components][rag][errors]") {
    auto option = rag_error("data: plan.bp\nsrot: due\n");
    CHECK(option.message == "unknown option `srot` for rag; did you mean `sort`?");
    CHECK(option.location.line == 11);
    CHECK(option.location.column == 1);
    CHECK(option.source_line == "srot: due");

    auto sort = rag_error("data: plan.bp\nsort: stauts\n");
    CHECK(sort.message == "`sort` cannot be `stauts`; did you mean `status`?");
    CHECK(sort.location.line == 11);
    CHECK(sort.location.column == 7);

    auto status = rag_error("data: plan.bp\nstatus: [red, ambre]\n");
    CHECK(status.message == "unknown status `ambre` in `status`; did you mean `amber`?");
    CHECK(status.location.line == 11);
    CHECK(status.location.column == 15);

    auto overdue = rag_error("data: plan.numbers\nstatus: overdue\n");
    CHECK(overdue.message == "`overdue` needs a date to judge against");
    CHECK(overdue.location.line == 11);

    auto priority = rag_error("data: plan.bp\npriority: 3\n");
    CHECK(priority.message.rfind("unknown priority `3` in `priority`", 0) == 0);
    CHECK(priority.hint == "use one of: 1, 2");
    CHECK(priority.location.line == 11);

    auto hide = rag_error("data: plan.bp\nhide: [owner, mesure]\n");
    CHECK(hide.message == "unknown column `mesure` in `hide`; did you mean `measure`?");

    auto as_of = rag_error("data: plan.bp\nas_of: March 2016\n");
    CHECK(as_of.message == "`as_of` must be a date such as 2016-03-31, not `March 2016`");
    CHECK(as_of.location.line == 11);

    auto both = rag_error("data: plan.bp\ncaption: A\ntitle: B\n");
    CHECK(both.message == "rag takes `caption` or `title`, not both");
    CHECK(both.location.line == 12);
}

TEST_CASE("rag: the example board's business plan loads", "[components][rag]") {
    std::ifstream in(std::string(BP_SOURCE_DIR) + "/data/plan/business_plan_2015_16.json",
                     std::ios::binary);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    Json tree;
    tree["plan"]["business_plan_2015_16"] =
        boardpress::data::parse_json(text.str(), "data/plan/business_plan_2015_16.json");
    ComponentContext ctx{tree, "content/plan.md", 10};
    YamlSource source("data: plan.business_plan_2015_16\n", ctx.file, ctx.line);
    RagModel m = parse_rag(source.parse(), source, ctx);
    CHECK(m.caption == "Business plan 2015-16: progress against actions");
    CHECK(m.as_of == "2016-01-31");
    REQUIRE(m.priorities.size() == 4);
    for (const auto& p : m.priorities) {
        CHECK(p.objectives.size() >= 1);
        CHECK(p.objectives.size() <= 3);
        CHECK(p.counts.total >= 2);
    }
    for (RagStatus s : kRagStatuses) CHECK(m.totals[s] > 0);  // every status is used
    CHECK(m.totals.overdue > 0);
    CHECK(m.key[0].meaning == "Not completed to timescale, or will not be without further action");
    CHECK(m.key[5].meaning == std::string(rag_default_meaning(RagStatus::unrated)));
}
