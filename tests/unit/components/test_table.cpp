#include "test_support.hpp"

using namespace test_components;
using boardpress::components::Align;

namespace {

std::vector<std::string> column_text(const boardpress::components::TableModel& t, std::size_t c) {
    std::vector<std::string> out;
    for (const auto& row : t.body) out.push_back(row.at(c).text);
    return out;
}

}  // namespace

TEST_CASE("a table shows the columns asked for, formatted", "[components][table]") {
    auto t = table(
        "data: cp.plans_by_month\n"
        "caption: Children with a plan\n"
        "columns:\n"
        "  - {key: month, heading: Month}\n"
        "  - {key: y2014, heading: \"2014\", format: number}\n"
        "  - {key: y2015, heading: \"2015\"}\n");
    CHECK(t.caption == "Children with a plan");
    CHECK(t.line == 10);
    REQUIRE(t.head.size() == 3);
    CHECK(t.head[0].text == "Month");
    CHECK_FALSE(t.head[0].numeric);
    CHECK(t.head[1].text == "2014");
    CHECK(t.head[1].numeric);
    CHECK(t.head[1].align == Align::right);
    REQUIRE(t.body.size() == 3);
    CHECK(t.body[0][0].text == "January");
    CHECK(t.body[0][1].text == "383");
    CHECK(t.body[0][1].value == 383);
    CHECK(t.body[0][1].numeric);
    CHECK(t.row_headers);
    CHECK(t.totals.empty());
}

TEST_CASE("missing values are marked and explained", "[components][table]") {
    auto t = table("data: cp.plans_by_month\ncaption: C\n");
    const auto& cell = t.body[1][2];  // February 2015 is null
    CHECK(cell.missing);
    CHECK(cell.text == "\xE2\x80\x93");
    CHECK(cell.hidden == "no data");
    CHECK_FALSE(cell.value.has_value());
    auto custom = table("data: cp.plans_by_month\ncaption: C\nmissing: n/a\n");
    CHECK(custom.body[1][2].text == "n/a");
}

TEST_CASE("without columns every key is shown, headed from its name", "[components][table]") {
    auto t = table("data: cp.plans_by_month\ncaption: C\n");
    REQUIRE(t.head.size() == 3);
    CHECK(t.head[0].text == "Month");
    CHECK(t.head[1].text == "2014");
    CHECK(t.head[2].text == "2015");
}

TEST_CASE("totals row: sum, mean, per-column opt-out", "[components][table]") {
    auto sum = table("data: cp.plans_by_month\ncaption: C\ntotal: sum\n");
    REQUIRE(sum.totals.size() == 3);
    CHECK(sum.totals[0].text == "Total");
    CHECK(sum.totals[1].text == "1,168");
    CHECK(sum.totals[2].text == "755");  // the missing month is skipped
    auto mean = table("data: cp.plans_by_month\ncaption: C\ntotal: mean\n");
    CHECK(mean.totals[0].text == "Average");
    CHECK(mean.totals[2].text == "378");  // 377.5 rounds half away from zero
    auto opt_out = table(
        "data: cp.plans_by_month\ncaption: C\ntotal: sum\ntotal_label: All months\n"
        "columns:\n  - month\n  - {key: y2014, total: false}\n  - y2015\n");
    CHECK(opt_out.totals[0].text == "All months");
    CHECK(opt_out.totals[1].text.empty());
    CHECK(opt_out.totals[2].text == "755");
}

TEST_CASE("sort: numbers as numbers, missing values last", "[components][table]") {
    auto desc = table("data: cp.plans_by_month\ncaption: C\nsort: {key: y2014, order: desc}\n");
    CHECK(column_text(desc, 0) == std::vector<std::string>{"March", "February", "January"});
    auto asc = table("data: cp.plans_by_month\ncaption: C\nsort: y2015\n");
    CHECK(column_text(asc, 0) == std::vector<std::string>{"January", "March", "February"});
    auto asc_desc = table("data: cp.plans_by_month\ncaption: C\nsort: {key: y2015, order: desc}\n");
    CHECK(column_text(asc_desc, 0) == std::vector<std::string>{"March", "January", "February"});
}

TEST_CASE("where filters rows", "[components][table]") {
    auto t = table("data: cp.categories\nwhere: {key: category, not: Total}\n");
    CHECK(column_text(t, 0) == std::vector<std::string>{"Neglect", "Emotional abuse"});
    auto is = table("data: cp.categories\nwhere: {key: children, is: 124}\n");
    CHECK(column_text(is, 0) == std::vector<std::string>{"Emotional abuse"});
    auto list = table(
        "data: cp.categories\nwhere:\n  - {key: category, not: Total}\n  - {key: children, min: "
        "200}\n");
    CHECK(column_text(list, 0) == std::vector<std::string>{"Neglect"});
}

TEST_CASE("dataset metadata gives the caption, source, unit and notes", "[components][table]") {
    auto t = table("data: cp.categories\n");
    CHECK(t.caption == "Categories of abuse");
    CHECK(t.source == "SASU <data> & co");
    CHECK(t.unit == "children");
    CHECK(t.notes == "A child may be counted twice.");
    auto own = table("data: data.cp.categories\ncaption: Mine\nsource: Me\n");
    CHECK(own.caption == "Mine");
    CHECK(own.source == "Me");
}

TEST_CASE("transpose turns one row per year into one column per year", "[components][table]") {
    auto t = table("data: cp.by_year\ncaption: C\ntranspose: {key: year, heading: Month}\n");
    REQUIRE(t.head.size() == 3);
    CHECK(t.head[0].text == "Month");
    CHECK(t.head[1].text == "2014");  // not "2,014"
    CHECK(t.head[2].text == "2015");
    CHECK(t.head[1].align == Align::right);
    REQUIRE(t.body.size() == 2);
    CHECK(t.body[0][0].text == "April");
    CHECK(t.body[0][1].text == "10");
    CHECK(t.body[0][2].text == "12");
    CHECK(t.body[1][0].text == "May");
    CHECK(t.body[1][2].missing);
    auto totals = table("data: cp.by_year\ncaption: C\ntranspose: true\ntotal: sum\n");
    REQUIRE(totals.totals.size() == 3);
    CHECK(totals.totals[1].text == "13");
    CHECK(totals.totals[2].text == "12");
}

TEST_CASE("formats: gbp with pence and negatives, percent, date, text", "[components][table]") {
    auto t = table(
        "data: finance.budget\ncaption: Budget\n"
        "columns: [line, {key: budget, format: gbp}, {key: actual, format: gbp},"
        " {key: variance, format: gbp, align: center}]\n");
    CHECK(t.body[0][1].text ==
          "\xC2\xA3"
          "114,188");
    CHECK(t.body[0][2].text ==
          "\xC2\xA3"
          "116,277.09");
    CHECK(t.body[0][3].text ==
          "\xE2\x88\x92\xC2\xA3"
          "2,089.09");
    CHECK(t.body[0][3].align == Align::center);
    auto p = table("data: cp.categories\ncolumns: [category, {key: share, format: percent}]\n");
    CHECK(p.body[0][1].text == "63.2%");
    auto p0 = table(
        "data: cp.categories\ncolumns: [category, {key: share, format: percent, decimals: 0}]\n");
    CHECK(p0.body[0][1].text == "63%");
    auto d = table("data: dates\ncaption: C\n");
    CHECK(d.body[0][1].text == "31 March 2015");
    auto ds = table("data: dates\ncaption: C\ncolumns: [event, {key: when, date_style: short}]\n");
    CHECK(ds.body[0][1].text == "31 Mar 2015");
    auto text = table("data: bad\ncaption: C\ncolumns: [month, {key: count, format: text}]\n");
    CHECK(text.body[0][1].text == "n/a");
    CHECK(text.body[1][1].text == "4");
    CHECK_FALSE(text.body[1][1].numeric);
}

TEST_CASE("small counts in a sensitive dataset are suppressed", "[components][table]") {
    auto ctx = context();
    ctx.suppression_threshold = 5;
    auto model = boardpress::components::parse_component("table", "data: small\ncaption: C\n", ctx);
    auto& t = std::get<boardpress::components::TableModel>(*model);
    CHECK(t.body[0][1].suppressed);
    CHECK(t.body[0][1].text == "*");
    CHECK_FALSE(t.body[0][1].value.has_value());
    CHECK(t.body[1][1].text == "12");
    CHECK_FALSE(t.footnotes.empty());
}

TEST_CASE("a hidden count cannot be worked out from a total or a share", "[components][table]") {
    auto ctx = context();
    ctx.suppression_threshold = 5;
    auto model = boardpress::components::parse_component(
        "table", "data: small\ncaption: C\ntotal: sum\n", ctx);
    auto& t = std::get<boardpress::components::TableModel>(*model);
    CHECK(t.body[0][1].suppressed);  // 3: fewer than 5
    CHECK(t.body[0][1].hidden == "fewer than 5");
    CHECK(t.body[1][1].suppressed);  // 12: hidden too, or 15 - 12 gives the 3 away
    CHECK_THAT(t.body[1][1].hidden, Catch::Matchers::StartsWith("not shown"));
    CHECK(t.totals[1].text == "15");
    CHECK_THAT(t.footnotes.at(0), Catch::Matchers::Contains("cannot be worked out"));

    // Without a total, nothing can be subtracted: only the small count is hidden.
    model = boardpress::components::parse_component("table", "data: small\ncaption: C\n", ctx);
    auto& plain = std::get<boardpress::components::TableModel>(*model);
    CHECK_FALSE(plain.body[1][1].suppressed);
}

TEST_CASE("info strings that are not components stay code", "[components]") {
    CHECK_FALSE(boardpress::components::parse_component("cpp", "int x;", context()));
    CHECK_FALSE(boardpress::components::parse_component("", "x", context()));
    CHECK(boardpress::components::component_name("table {.wide}") == "table");
    CHECK(boardpress::components::component_name("tables").empty());
}

// Found by fuzzing: yaml-cpp writes these double-quoted escapes as lone Latin-1 bytes, which
// reached the page as invalid UTF-8.
TEST_CASE("the escapes \\_ and \\N in option text give UTF-8", "[components][table]") {
    auto t = table("data: cp.plans_by_month\ncaption: \"Children\\_with a plan\\N\"\n");
    CHECK(t.caption == "Children\xC2\xA0with a plan\xC2\x85");
}
