// The ```chart model: scales, gaps, stacks, donuts, the text alternative and every error.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <string_view>

#include "components/chart.hpp"
#include "diag/diagnostics.hpp"

using namespace boardpress::components;

namespace {

const Json& chart_data() {
    static const Json tree = Json::parse(R"({
      "cp": {
        "plans_by_month": {"title": "Children with a plan by month", "unit": "children",
                           "source": "SASU", "rows": [
          {"month": "January",   "y2014": 383, "y2015": 368},
          {"month": "February",  "y2014": 390, "y2015": 372},
          {"month": "March",     "y2014": 395, "y2015": 387},
          {"month": "April",     "y2014": 386, "y2015": 394},
          {"month": "May",       "y2014": 374, "y2015": 401},
          {"month": "June",      "y2014": 366, "y2015": 398},
          {"month": "July",      "y2014": 358, "y2015": 392},
          {"month": "August",    "y2014": 351, "y2015": 389},
          {"month": "September", "y2014": 347, "y2015": null},
          {"month": "October",   "y2014": 341, "y2015": null},
          {"month": "November",  "y2014": 349, "y2015": null},
          {"month": "December",  "y2014": 360, "y2015": null}]},
        "categories": [
          {"category": "Neglect",         "children": 306, "share": 0.6322},
          {"category": "Emotional abuse", "children": 124, "share": 0.2562},
          {"category": "Physical abuse",  "children": 36,  "share": 0.0744},
          {"category": "Sexual abuse",    "children": 18,  "share": 0.0372}]
      },
      "gappy": [{"m": "A", "v": 1}, {"m": "B", "v": null}, {"m": "C", "v": 3}, {"m": "D", "v": 4},
                {"m": "E", "v": ""}, {"m": "F", "v": 6}],
      "stack": [{"area": "North", "a": 10, "b": 5}, {"area": "South", "a": null, "b": 7},
                {"area": "East", "a": -2, "b": 3}],
      "bad": [{"month": "Jan", "count": "n/a"}, {"month": "Feb", "count": 4}],
      "small": {"sensitive": true, "title": "Small areas", "rows": [
          {"area": "North", "a": 3, "b": 12}, {"area": "South", "a": 8, "b": 9}]},
      "untitled": [{"k": "a", "v": 1}],
      "words": [{"k": "a", "note": "x"}]
    })");
    return tree;
}

ComponentContext chart_context(int threshold = 0) {
    return ComponentContext{chart_data(), "content/report.md", 10, 1, threshold, "*"};
}

// A block whose YAML starts on line 10 of content/report.md.
ChartModel chart(std::string_view yaml, int threshold = 0) {
    YamlSource source(yaml, "content/report.md", 10);
    return parse_chart(source.parse(), source, chart_context(threshold));
}

boardpress::Diagnostic chart_error(std::string_view yaml) {
    try {
        chart(yaml);
    } catch (const boardpress::Error& error) {
        return error.diagnostic();
    }
    FAIL("expected an error for:\n" << yaml);
    return {};
}

std::vector<double> tick_values(const ValueAxis& axis) {
    std::vector<double> out;
    for (const auto& tick : axis.ticks) out.push_back(tick.value);
    return out;
}

}  // namespace

TEST_CASE("nice scales: 1, 2, 2.5 or 5 times a power of ten, 4 to 7 ticks", "[components][chart]") {
    auto s = nice_scale(0, 395);
    CHECK(s.min == 0);
    CHECK(s.max == 400);
    CHECK(s.step == 100);
    s = nice_scale(341, 401);
    CHECK(s.min == 340);
    CHECK(s.max == 420);
    CHECK(s.step == 20);
    s = nice_scale(0, 0.6322);
    CHECK(s.max == Approx(0.8));
    CHECK(s.step == Approx(0.2));
    s = nice_scale(-2, 15);
    CHECK(s.min == -5);
    CHECK(s.max == 15);
    CHECK(s.step == 5);
    s = nice_scale(0, 0);
    CHECK(s.min == 0);
    CHECK(s.max == 1);
    CHECK(nice_scale(0, 3).step == 0.5);
    CHECK(nice_scale(0, 3, true).step == 1);  // whole counts: no half a child
    CHECK(nice_scale(0, 25).step == 5);

    for (double hi : {0.07, 0.9, 1.0, 3.3, 7.0, 12.0, 99.0, 101.0, 430.0, 1234.0, 116277.09}) {
        for (double lo : {0.0, -hi / 3, hi / 2}) {
            CAPTURE(lo, hi);
            auto scale = nice_scale(lo, hi);
            double intervals = std::round((scale.max - scale.min) / scale.step);
            CHECK(intervals >= 3);
            CHECK(intervals <= 6);
            CHECK(scale.min <= lo + 1e-12);
            CHECK(scale.max >= hi - 1e-12);
            double mantissa = scale.step / std::pow(10.0, std::floor(std::log10(scale.step)));
            bool nice = std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 ||
                        std::abs(mantissa - 2.5) < 1e-9 || std::abs(mantissa - 5) < 1e-9;
            CHECK(nice);
        }
    }
}

TEST_CASE("a line chart: categories, series, axes and the text alternative",
          "[components][chart]") {
    auto c = chart("type: line\ndata: cp.plans_by_month\n");
    CHECK(c.kind == ChartKind::line);
    CHECK(c.line == 10);
    CHECK(c.title == "Children with a plan by month");
    CHECK(c.source == "SASU");
    REQUIRE(c.categories.size() == 12);
    CHECK(c.categories[0] == "January");
    CHECK(c.x.labels[0] == "Jan");  // twelve months crowd the axis
    CHECK(c.x.labels[8] == "Sep");
    REQUIRE(c.series.size() == 2);  // every numeric key but x
    CHECK(c.series[0].label == "2014");
    CHECK(c.series[1].key == "y2015");
    CHECK(c.series[0].style.marker != c.series[1].style.marker);
    CHECK(c.series[0].style.colour != c.series[1].style.colour);
    CHECK(c.series[1].values[7] == 389);
    CHECK_FALSE(c.series[1].values[8].has_value());  // no data is a gap, not zero
    CHECK(c.y.title == "Children");                  // the dataset's unit
    // Far from zero, so the line's axis does not start there.
    CHECK(tick_values(c.y) == std::vector<double>{340, 360, 380, 400, 420});
    CHECK(c.y.ticks.front().label == "340");
    REQUIRE(c.legend.size() == 2);
    CHECK(c.legend[1].label == "2015");
    CHECK(c.description ==
          "Line chart of children with a plan by month, 2014 and 2015. 2014 ranges from 341 "
          "(October) to 395 (March); 2015 from 368 (January) to 401 (May); 4 months of 2015 have "
          "no data.");
    // The data table behind it.
    CHECK(c.table.caption == c.title);
    REQUIRE(c.table.head.size() == 3);
    CHECK(c.table.head[0].text == "Month");
    CHECK(c.table.body[8][2].missing);
    CHECK(c.table.body[0][1].text == "383");
}

TEST_CASE("chart options: x, series with labels, titles, format", "[components][chart]") {
    auto c = chart(
        "type: bar\ndata: cp.categories\nx: category\ntitle: Plans by category\n"
        "series: [{key: share, label: Share of plans}]\nformat: percent\nx_title: Category\n"
        "y_title: Share\ncaption: At 31 March\nsource: Own\nnotes: N\n");
    CHECK(c.title == "Plans by category");
    CHECK(c.caption == "At 31 March");
    CHECK(c.source == "Own");
    CHECK(c.notes == "N");
    CHECK(c.x.title == "Category");
    CHECK(c.y.title == "Share");
    CHECK(c.x.labels[1] == "Emotional abuse");
    CHECK(c.series.size() == 1);
    CHECK(c.legend.empty());  // one series: the title says what it is
    CHECK(c.series[0].texts[0] == "63.2%");
    CHECK(c.y.min == 0);  // bars start at zero
    CHECK(c.y.ticks.back().label == "80%");
    CHECK(c.description ==
          "Bar chart of plans by category. Share of plans ranges from 3.7% (Sexual abuse) to "
          "63.2% (Neglect).");
    auto d = chart("type: line\ndata: cp.plans_by_month\nseries: [y2014]\ndesc: Own words\n");
    CHECK(d.description == "Own words");
}

TEST_CASE("gaps: missing values stay missing and split a line", "[components][chart]") {
    auto c = chart("type: line\ndata: gappy\ntitle: Gaps\n");
    const auto& values = c.series.at(0).values;
    REQUIRE(values.size() == 6);
    CHECK_FALSE(values[1].has_value());
    CHECK_FALSE(values[4].has_value());  // an empty string is no data too
    CHECK(values[2] == 3);
    auto segments = line_segments(values);
    REQUIRE(segments.size() == 3);
    CHECK((segments[0].first == 0 && segments[0].last == 0));  // a lone point
    CHECK((segments[1].first == 2 && segments[1].last == 3));
    CHECK((segments[2].first == 5 && segments[2].last == 5));
    CHECK(line_segments({1.0, std::nullopt, 2.0, 3.0}).size() == 2);
    CHECK(line_segments({std::nullopt, std::nullopt}).empty());
    CHECK(c.description ==
          "Line chart of gaps. V ranges from 1 (A) to 6 (F); 2 ms of V have no data.");
}

TEST_CASE("stacked bars add up; negatives stack below zero", "[components][chart]") {
    auto c = chart("type: bar\nstacked: true\ndata: stack\ntitle: Stacked\n");
    CHECK(c.stacked);
    REQUIRE(c.totals.size() == 3);
    CHECK(c.totals[0] == 15);
    CHECK(c.totals[1] == 7);  // a missing part adds nothing, and is not a zero
    CHECK(c.totals[2] == 1);
    CHECK(c.y.min == -5);  // East's -2 below zero
    CHECK(c.y.max == 15);
    REQUIRE(c.table.head.size() == 4);
    CHECK(c.table.head[3].text == "Total");
    CHECK(c.table.body[0][3].text == "15");
    CHECK(c.table.body[1][1].missing);
    CHECK(c.description ==
          "Stacked bar chart of stacked, A and B. A ranges from \xE2\x88\x92"
          "2 (East) to 10 (North); B from 3 (East) to 7 (South); Totals range from 1 (East) to "
          "15 (North); 1 area of A has no data.");
    auto h = chart("type: hbar\nstacked: true\ndata: stack\ntitle: Stacked\n");
    CHECK(h.totals == c.totals);
    CHECK(h.x.labels[0] == "North");
}

TEST_CASE("a donut: one series as shares of the whole", "[components][chart]") {
    auto c = chart("type: donut\ndata: cp.categories\ntitle: Categories of abuse\n");
    REQUIRE(c.series.size() == 1);
    CHECK(c.series[0].key == "children");  // the first numeric key
    REQUIRE(c.slices.size() == 4);
    CHECK(c.slices[0].start == 0);
    CHECK(c.slices[0].share == Approx(306.0 / 484));
    CHECK(c.slices[3].start + c.slices[3].share == Approx(1));
    CHECK(c.slices[1].style.pattern != c.slices[0].style.pattern);
    REQUIRE(c.legend.size() == 4);
    CHECK(c.legend[0].label == "Neglect");
    CHECK(c.legend[0].detail == "306 (63%)");
    CHECK(c.table.head.back().text == "Share");
    CHECK(c.table.body[3].back().text == "4%");
    CHECK(c.description ==
          "Donut chart of categories of abuse: Neglect 306 (63%), Emotional abuse 124 (26%), "
          "Physical abuse 36 (7%) and Sexual abuse 18 (4%); total 484.");
}

TEST_CASE("small numbers in a sensitive dataset are not drawn", "[components][chart]") {
    auto c = chart("type: bar\nstacked: true\ndata: small\n", 5);
    CHECK(c.title == "Small areas");
    CHECK_FALSE(c.series[0].values[0].has_value());  // 3 < 5
    CHECK(c.series[0].values[1] == 8);
    CHECK_FALSE(c.totals[0].has_value());  // the total would give the 3 away
    CHECK(c.table.body[0][1].suppressed);
    CHECK(c.table.body[0][3].suppressed);
    CHECK(c.table.footnotes.size() == 1);
    CHECK_THAT(c.description, Catch::Matchers::Contains(
                                  "1 area of A is not shown, to protect the people counted"));
    auto shown = chart("type: bar\ndata: small\nsuppress: false\n", 5);
    CHECK(shown.series[0].values[0] == 3);
}

TEST_CASE("chart errors point at the YAML with a fix", "[components][chart][errors]") {
    auto d = chart_error("type: line\ndata: cp.plans_by_month\nseris: [y2014]\n");
    CHECK(d.message == "unknown option `seris` for chart; did you mean `series`?");
    CHECK(d.location.file == "content/report.md");
    CHECK(d.location.line == 12);
    CHECK(d.location.column == 1);
    CHECK(d.source_line == "seris: [y2014]");

    d = chart_error(
        "type: line\ndata: cp.plans_by_month\nseries:\n  - y2014\n"
        "  - {key: y2105, label: Next}\n");
    CHECK(d.message == "unknown column `y2105` in `cp.plans_by_month`; did you mean `y2015`?");
    CHECK(d.location.line == 14);
    CHECK(d.location.column == 11);
    d = chart_error("type: line\ndata: cp.plans_by_month\nseries: [y2014, y2105]\n");
    CHECK(d.location.line == 12);
    CHECK(d.location.column == 17);
    d = chart_error("type: line\ndata: cp.plans_by_month\nx: mnth\n");
    CHECK(d.message == "unknown column `mnth` in `cp.plans_by_month`; did you mean `month`?");
    CHECK(d.location.line == 12);
    CHECK(d.location.column == 4);
    d = chart_error("type: line\ndata: cp.plans_by_month\nseries: [{key: y2014, lable: x}]\n");
    CHECK(d.message == "unknown option `lable` for series; did you mean `label`?");

    d = chart_error("type: bar\ndata: bad\ntitle: T\nseries:\n  - count\n");
    CHECK(d.message == "`count` in row 1 (Jan) of `bad` is the text \"n/a\", not a number");
    CHECK(d.location.line == 14);
    CHECK(d.location.column == 5);
    CHECK_FALSE(d.hint.empty());

    d = chart_error("type: line\ntitle: T\n");
    CHECK(d.message == "chart needs `data`: the dataset to draw");
    CHECK(d.location.line == 10);
    d = chart_error("data: cp.plans_by_month\n");
    CHECK(d.message == "chart needs `type`: line, bar, hbar or donut");
    d = chart_error("data: cp.plans_by_month\ntype: lien\n");
    CHECK(d.message == "`type` cannot be `lien`; did you mean `line`?");
    CHECK(d.location.line == 11);
    CHECK(d.location.column == 7);
    d = chart_error("type: line\ndata: cp.plans_by_mnth\n");
    CHECK(d.message == "unknown dataset `cp.plans_by_mnth`; did you mean `cp.plans_by_month`?");
    CHECK(d.location.line == 11);
    d = chart_error("type: line\ndata: untitled\n");
    CHECK(d.message == "chart needs a `title`");
    d = chart_error("type: line\ndata: words\ntitle: T\n");
    CHECK(d.message == "`words` has no numeric keys to chart besides `k`");
    CHECK(d.location.line == 11);
    d = chart_error("type: line\nstacked: true\ndata: stack\ntitle: T\n");
    CHECK(d.message == "`stacked` is for bar and hbar charts");
    CHECK(d.location.line == 11);
    d = chart_error("type: donut\ndata: stack\ntitle: T\nseries: [a, b]\n");
    CHECK(d.message == "a donut shows one series, but `series` lists 2");
    CHECK(d.location.line == 13);
    d = chart_error("type: donut\ndata: stack\ntitle: T\nseries: [a]\n");
    CHECK(d.message == "`a` in row 3 (East) of `stack` is -2, below zero");
    d = chart_error("type: bar\ndata: stack\ntitle: T\nformat: date\n");
    CHECK(d.message.rfind("`format` cannot be `date`", 0) == 0);
    d = chart_error("type: bar\ndata: stack\ntitle: T\ndecimals: 9\n");
    CHECK(d.location.line == 13);
}
