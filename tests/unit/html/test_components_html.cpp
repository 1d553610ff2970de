// Components rendered as HTML: structure, accessibility attributes and escaping.
#include <catch2/catch.hpp>

#include <string>

#include "html/components_html.hpp"

using namespace boardpress;
using Catch::Matchers::Contains;
using components::Json;

namespace {

const Json& component_data() {
    static const Json tree = Json::parse(R"({
      "cp": {"plans": [{"month": "January", "y2014": 383, "y2015": 368},
                       {"month": "February <Feb> & 'co'", "y2014": 390, "y2015": null}],
             "snapshot": {"now": 387, "before": 395}},
      "small": {"sensitive": true, "rows": [{"area": "North", "count": 3}]}
    })");
    return tree;
}

std::string render_component(std::string_view info, std::string_view yaml, int fence_line = 3) {
    components::ComponentContext ctx{component_data(), "content/report.md", 1, 5};
    html::CodeBlock block{info, yaml, fence_line};
    auto out = html::render_component_html(block, ctx);
    REQUIRE(out.has_value());
    return *out;
}

}  // namespace

TEST_CASE("a table renders as an accessible, scrollable region", "[html][components]") {
    std::string out =
        render_component("table",
                         "data: cp.plans\ncaption: Plans <by> month\nsource: SASU & partners\n"
                         "total: sum\ncolumns: [{key: month, heading: Month}, y2014, y2015]\n");
    CHECK(out ==
          "<div class=\"component component-table\">\n"
          "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"table-8\" tabindex=\"0\">\n"
          "<table>\n"
          "<caption id=\"table-8\">Plans &lt;by&gt; month</caption>\n"
          "<thead>\n"
          "<tr><th scope=\"col\">Month</th><th scope=\"col\" class=\"num\">2014</th>"
          "<th scope=\"col\" class=\"num\">2015</th></tr>\n"
          "</thead>\n"
          "<tbody>\n"
          "<tr><th scope=\"row\">January</th><td class=\"num\">383</td>"
          "<td class=\"num\">368</td></tr>\n"
          "<tr><th scope=\"row\">February &lt;Feb&gt; &amp; &#39;co&#39;</th>"
          "<td class=\"num\">390</td><td class=\"num missing\"><span aria-hidden=\"true\">"
          "\xE2\x80\x93</span><span class=\"visually-hidden\">no data</span></td></tr>\n"
          "</tbody>\n"
          "<tfoot>\n"
          "<tr><th scope=\"row\">Total</th><td class=\"num\">773</td>"
          "<td class=\"num\">368</td></tr>\n"
          "</tfoot>\n"
          "</table>\n"
          "</div>\n"
          "<p class=\"source\">Source: SASU &amp; partners</p>\n"
          "</div>\n");
}

TEST_CASE("suppressed cells are explained to screen readers", "[html][components]") {
    components::ComponentContext ctx{component_data(), "content/report.md", 1, 1, 5, "*"};
    auto out =
        html::render_component_html(html::CodeBlock{"table", "data: small\ncaption: C\n", 1}, ctx);
    REQUIRE(out);
    CHECK_THAT(*out, Contains("<td class=\"num suppressed\"><span aria-hidden=\"true\">*</span>"
                              "<span class=\"visually-hidden\">fewer than 5</span></td>"));
    CHECK_THAT(*out, Contains("<p class=\"table-note\">* fewer than 5"));
}

TEST_CASE("row headers can be turned off; alignment classes", "[html][components]") {
    std::string out =
        render_component("table",
                         "data: cp.plans\ncaption: C\nrow_headers: false\n"
                         "columns: [{key: month, align: right}, {key: y2014, align: center}]\n");
    CHECK_THAT(out, Contains("<tr><td class=\"align-right\">January</td>"
                             "<td class=\"num align-center\">383</td></tr>"));
    CHECK_THAT(out, !Contains("scope=\"row\""));
}

TEST_CASE("stats render as a list with the change in words", "[html][components]") {
    std::string out =
        render_component("stats",
                         "title: Key <figures>\nitems:\n"
                         "  - {value: cp.snapshot.now, label: children & young people,"
                         " previous: cp.snapshot.before, previous_label: \"2013-14\","
                         " note: As at 31 March, source: SASU}\n");
    CHECK(out ==
          "<div class=\"component component-stats\">\n"
          "<p class=\"stats-title\" id=\"stats-8\">Key &lt;figures&gt;</p>\n"
          "<ul class=\"stats\" role=\"list\" aria-labelledby=\"stats-8\">\n"
          "<li class=\"stat\">\n"
          "<p class=\"stat-figure\"><span class=\"stat-value\">387</span> "
          "<span class=\"stat-label\">children &amp; young people</span></p>\n"
          "<p class=\"stat-change stat-down\"><span class=\"stat-arrow\" aria-hidden=\"true\">"
          "\xE2\x86\x93</span> down 2% on 2013-14</p>\n"
          "<p class=\"stat-note\">As at 31 March</p>\n"
          "<p class=\"source\">Source: SASU</p>\n"
          "</li>\n"
          "</ul>\n"
          "</div>\n");
}

TEST_CASE("code blocks that are not components are left alone", "[html][components]") {
    components::ComponentContext ctx{component_data(), "content/report.md"};
    CHECK_FALSE(html::render_component_html(html::CodeBlock{"cpp", "int main() {}", 1}, ctx));
    CHECK_FALSE(html::render_component_html(html::CodeBlock{"", "text", 1}, ctx));
}

TEST_CASE("errors point into the user's file from the fence line", "[html][components]") {
    // Body starts on file line 5; the fence is line 3 of the body, so the YAML starts on line 8.
    try {
        render_component("table", "data: cp.plans\ncolums: []\n");
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.diagnostic().location.file == "content/report.md");
        CHECK(error.diagnostic().location.line == 9);
        CHECK(error.diagnostic().location.column == 1);
        CHECK(error.diagnostic().message ==
              "unknown option `colums` for table; did you mean `columns`?");
    }
}

TEST_CASE("the writer's hook renders components inside a document", "[html][components]") {
    std::string text = "Intro\n\n```table\ndata: cp.plans\ncaption: C\n```\n\n```cpp\nx < y\n```\n";
    markdown::Document document = markdown::parse(text);
    components::ComponentContext ctx{component_data(), "content/report.md", 1, 1};
    html::WriterOptions options;
    options.render_code_block = [&](const html::CodeBlock& block) {
        return html::render_component_html(block, ctx);
    };
    std::string out = html::write(document, markdown::outline(document), options);
    CHECK_THAT(out, Contains("<caption id=\"table-4\">C</caption>"));
    CHECK_THAT(out, Contains("<pre><code class=\"language-cpp\">x &lt; y\n</code></pre>"));
}
