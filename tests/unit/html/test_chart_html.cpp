// Charts as HTML and SVG: accessibility, gaps, patterns, escaping, unique ids, same bytes.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>
#include <string_view>

#include "components/chart.hpp"
#include "html/chart_html.hpp"
#include "test_support.hpp"

using namespace boardpress;
using Catch::Matchers::Contains;
using components::Json;

using test_html::count;

namespace {

const Json& chart_data() {
    static const Json tree = Json::parse(R"json({
      "plans": {"title": "Children with a plan", "unit": "children", "source": "SASU & co",
                "notes": "Month end.", "rows": [
        {"month": "January", "y2014": 383, "y2015": 368},
        {"month": "February", "y2014": 390, "y2015": null},
        {"month": "March", "y2014": 395, "y2015": 387},
        {"month": "April", "y2014": 386, "y2015": 394}]},
      "gap": [{"k": "a", "v": 1}, {"k": "b", "v": 2}, {"k": "c", "v": null}, {"k": "d", "v": 4},
              {"k": "e", "v": 5}],
      "one": [{"k": "All", "v": 5}, {"k": "None", "v": 0}],
      "lone": [{"k": "a", "v": 1}, {"k": "b", "v": null}, {"k": "c", "v": 3}, {"k": "d", "v": 4}],
      "unsafe": {"title": "<script>alert(1)</script>", "rows": [
        {"name": "<script>x</script>", "v": 1}, {"name": "B & \"C\"", "v": 2}]},
      "long": [{"sector": "Health (including community and mental health trusts)", "n": 40},
               {"sector": "Police", "n": 12}],
      "cats": [{"category": "Neglect", "children": 306}, {"category": "Emotional abuse",
                "children": 124}, {"category": "Physical abuse", "children": 36}]
    })json");
    return tree;
}

components::ChartModel model(std::string_view yaml, int line = 10) {
    components::YamlSource source(yaml, "content/report.md", line);
    components::ComponentContext ctx{chart_data(), "content/report.md", line};
    return components::parse_chart(source.parse(), source, ctx);
}

std::string render_chart(std::string_view yaml, int line = 10) {
    return html::chart_html(model(yaml, line));
}

std::vector<std::string> ids(const std::string& html) {
    std::vector<std::string> out;
    std::regex id(" id=\"([^\"]+)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id); it != std::sregex_iterator();
         ++it)
        out.push_back((*it)[1]);
    return out;
}

}  // namespace

TEST_CASE("a chart is an accessible figure: role, title, desc, legend, data table",
          "[html][chart]") {
    std::string out = render_chart("type: line\ndata: plans\n");
    CHECK(
        out.starts_with("<figure class=\"component component-chart chart chart-line\">\n"
                        "<figcaption class=\"chart-heading\"><p class=\"chart-title\">"
                        "Children with a plan</p></figcaption>\n"));
    CHECK_THAT(out, Contains("role=\"img\" aria-labelledby=\"chart-10-title chart-10-desc\""));
    CHECK_THAT(out, Contains("viewBox=\"0 0 640 360\" width=\"100%\""));
    CHECK_THAT(out, Contains("<title id=\"chart-10-title\">Children with a plan</title>"));
    CHECK_THAT(out, Contains("<desc id=\"chart-10-desc\">Line chart of children with a plan, "
                             "2014 and 2015. 2014 ranges from 383 (January) to 395 (March); "
                             "2015 from 368 (January) to 394 (April); 1 month of 2015 has no "
                             "data.</desc>"));
    // The legend is text, with the same marker as the line.
    CHECK_THAT(out, Contains("<ul class=\"chart-legend\" role=\"list\">"));
    CHECK_THAT(out, Contains("<span class=\"chart-legend-label\">2015</span>"));
    CHECK(count(out, "chart-marker-square") == 3 + 1);  // 2015's three points and its swatch
    // Axis title from the dataset's unit; tick labels.
    CHECK_THAT(out, Contains("transform=\"rotate(-90)\""));
    CHECK_THAT(out, Contains(">Children</text>"));
    // The data behind it.
    CHECK_THAT(out, Contains("<details class=\"chart-data\">\n<summary>Show data</summary>\n"));
    CHECK_THAT(out, Contains("<caption id=\"table-10\">Children with a plan"));
    CHECK_THAT(out, Contains("<th scope=\"col\">Month</th>"));
    CHECK_THAT(out, Contains("<th scope=\"row\">February</th>"));
    CHECK_THAT(out, Contains("<p class=\"chart-note\">Month end.</p>"));
    CHECK_THAT(out, Contains("<p class=\"source\">Source: SASU &amp; co</p>"));
    CHECK(out.ends_with("</figure>\n"));
    CHECK_THAT(out, !Contains("nan"));
    CHECK_THAT(out, !Contains("inf"));
}

TEST_CASE("a gap splits the line in two, with no point drawn at zero", "[html][chart]") {
    std::string out = render_chart("type: line\ndata: gap\ntitle: Gap\n");
    CHECK(count(out, "<path class=\"chart-line ") == 2);
    CHECK(count(out, "<path class=\"chart-marker ") == 4);
    std::regex path("<path class=\"chart-line [^\"]*\" d=\"([^\"]*)\"");
    std::vector<std::string> paths;
    for (auto it = std::sregex_iterator(out.begin(), out.end(), path); it != std::sregex_iterator();
         ++it)
        paths.push_back((*it)[1]);
    REQUIRE(paths.size() == 2);
    for (const auto& d : paths) CHECK(count(d, "L") == 1);  // two points each
    CHECK_THAT(out, !Contains("c: "));                      // no tooltip for the missing point
    CHECK(count(out, "<title>") == 4);                      // a tooltip per point drawn
    // A lone point keeps its marker but draws no line.
    std::string lone = render_chart("type: line\ndata: lone\ntitle: Lone\n");
    CHECK(count(lone, "<path class=\"chart-line ") == 1);
    CHECK(count(lone, "<path class=\"chart-marker ") == 3);
}

TEST_CASE("bars: patterns as well as colours, defined once each", "[html][chart]") {
    std::string out = render_chart("type: bar\ndata: plans\n");
    CHECK(count(out, "<rect class=\"chart-bar ") == 7);  // one missing value: no bar
    CHECK_THAT(out, Contains("<rect class=\"chart-bar chart-fill-1\""));
    CHECK_THAT(out, Contains("<rect class=\"chart-bar chart-pattern-diagonal\""));
    CHECK_THAT(out, Contains("fill=\"url(#chart-10-diagonal-2)\""));
    CHECK(count(out, "<pattern id=\"chart-10-diagonal-2\"") == 1);
    CHECK(count(out, "<pattern ") == 1);
    // Every url(#...) points at an id on the page.
    std::regex url("url\\(#([^)]+)\\)");
    auto defined = ids(out);
    for (auto it = std::sregex_iterator(out.begin(), out.end(), url); it != std::sregex_iterator();
         ++it)
        CHECK(std::find(defined.begin(), defined.end(), (*it)[1]) != defined.end());
    std::string stacked = render_chart("type: bar\nstacked: true\ndata: plans\n");
    CHECK_THAT(stacked,
               Contains("class=\"component component-chart chart chart-bar chart-stacked\""));
    CHECK_THAT(stacked, Contains("<th scope=\"col\" class=\"num\">Total</th>"));
}

TEST_CASE("horizontal bars wrap long labels on the left", "[html][chart]") {
    std::string out = render_chart("type: hbar\ndata: long\ntitle: By sector\n");
    CHECK_THAT(out, Contains("<tspan"));
    CHECK_THAT(out, Contains(">Health (including</tspan>"));
    CHECK_THAT(out, Contains("class=\"chart-ticks chart-ticks-category\" text-anchor=\"end\""));
    CHECK(count(out, "<rect class=\"chart-bar ") == 2);
}

TEST_CASE("a donut: slices with patterns, percentages in the legend", "[html][chart]") {
    std::string out = render_chart("type: donut\ndata: cats\ntitle: Categories\n");
    CHECK_THAT(out, Contains("viewBox=\"0 0 320 320\""));
    CHECK(count(out, "<path class=\"chart-slice ") == 3);
    CHECK_THAT(out, Contains("<span class=\"chart-legend-label\">Neglect</span> "
                             "<span class=\"chart-legend-detail\">306 (66%)</span>"));
    CHECK_THAT(out, Contains(">466</text>"));  // the total in the middle
    CHECK(count(out, "<pattern ") == 2);
}

TEST_CASE("a donut of one value is a whole ring; a zero has no slice", "[html][chart]") {
    std::string out = render_chart("type: donut\ndata: one\ntitle: One\n");
    CHECK(count(out, "<path class=\"chart-slice ") == 1);
    CHECK(count(out, "A150 150 0 1 1 ") == 2);
    CHECK_THAT(out, Contains("<span class=\"chart-legend-detail\">0 (0%)</span>"));
}

TEST_CASE("a crowded category axis labels every n-th category", "[html][chart]") {
    Json rows = Json::array();
    for (int i = 1; i <= 24; ++i) rows.push_back({{"week", "Week " + std::to_string(i)}, {"v", i}});
    Json tree = {{"weeks", rows}};
    components::YamlSource source("type: line\ndata: weeks\ntitle: W\n", "f.md", 10);
    components::ComponentContext ctx{tree, "f.md", 10};
    std::string out = html::chart_html(components::parse_chart(source.parse(), source, ctx));
    auto group = out.substr(out.find("chart-ticks-category"));
    group = group.substr(0, group.find("</g>"));
    CHECK(count(group, "<text ") < 24);
    CHECK(count(group, "<text ") >= 6);
    CHECK_THAT(group, Contains(">Week 1<"));
}

TEST_CASE("text from the data is escaped everywhere", "[html][chart]") {
    std::string out = render_chart("type: bar\ndata: unsafe\nx_title: \"<b>x</b>\"\n");
    CHECK_THAT(out, !Contains("<script"));
    CHECK_THAT(out, !Contains("<b>"));
    CHECK_THAT(out, Contains("<title id=\"chart-10-title\">&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_THAT(out, Contains("&lt;script&gt;x&lt;/script&gt;"));
    CHECK_THAT(out, Contains("B &amp; &#34;C&#34;"));
}

TEST_CASE("ids are unique on a page; the same chart gives the same bytes", "[html][chart]") {
    std::string yaml = "type: bar\ndata: plans\n";
    std::string first = render_chart(yaml, 10);
    CHECK(first == render_chart(yaml, 10));
    std::string page =
        first + render_chart(yaml, 30) + render_chart("type: donut\ndata: cats\ntitle: C\n", 50);
    auto all = ids(page);
    std::set<std::string> unique(all.begin(), all.end());
    CHECK(unique.size() == all.size());
    CHECK(all.size() > 6);
}
