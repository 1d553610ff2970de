// The ```rag component as HTML: structure, accessibility attributes, escaping, determinism.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <string_view>

#include "components/rag.hpp"
#include "html/rag_html.hpp"
#include "test_support.hpp"

using namespace boardpress;
using Catch::Matchers::Contains;
using components::Json;

using test_html::count;

namespace {

const Json& rag_data() {
    static const Json tree = Json::parse(R"({
      "plan": {
        "tiny": {
          "title": "Plan <2015-16>",
          "source": "Business unit & partners",
          "priorities": [
            {"id": "1", "title": "Governance",
             "objectives": [
               {"id": "1.1", "title": "Know how services work",
                "actions": [
                  {"id": "1.1.1", "action": "Agree a dataset", "owner": "Business Manager",
                   "due": "2015-12", "impact": "Challenge", "measure": "Minutes",
                   "status": "red", "update": "Late"},
                  {"id": "1.1.2", "action": "Keep a log", "due": "Ongoing", "status": "complete"}
                ]}
             ]}
          ]
        },
        "bp": {
          "title": "Business plan",
          "priorities": [
            {"id": "1", "title": "Governance", "lead": "Business Committee", "update": "Going well",
             "objectives": [
               {"id": "1.1", "title": "Know",
                "actions": [
                  {"id": "1.1.1", "action": "<script>alert('x')</script>",
                   "owner": "Head of Safeguarding, \"NHS\"", "due": "2015-09-30",
                   "impact": "A & B", "status": "green", "update": "It's <b>done</b>"},
                  {"id": "1.1.2", "action": "Audit", "due": "March 2016", "status": "amber"}
                ]},
               {"id": "1.2", "title": "Hold to account",
                "actions": [
                  {"id": "1.2.1", "action": "Log", "due": "Carry forward to 2016-17",
                   "status": "not-started"},
                  {"id": "1.2.2", "action": "Memo", "due": "2015", "status": null}
                ]}
             ]},
            {"id": "2", "title": "Learning",
             "objectives": [
               {"id": "2.1", "title": "Audit",
                "actions": [
                  {"id": "2.1.1", "action": "Neglect audit", "due": "October 2015",
                   "status": "complete"},
                  {"id": "2.1.2", "action": "Check actions", "due": "2015-12-31", "status": "red"}
                ]}
             ]}
          ]
        }
      }
    })");
    return tree;
}

std::string render_rag(std::string_view yaml, std::string as_of = "2016-01-15", int line = 10) {
    components::ComponentContext ctx{rag_data(), "content/plan.md", line};
    ctx.as_of = std::move(as_of);
    components::YamlSource source(yaml, ctx.file, ctx.line);
    return html::rag_html(components::parse_rag(source.parse(), source, ctx));
}

std::vector<std::string> ids_in(const std::string& html) {
    std::vector<std::string> ids;
    std::string_view marker = " id=\"";
    for (auto at = html.find(marker); at != std::string::npos; at = html.find(marker, at + 1)) {
        auto start = at + marker.size();
        ids.push_back(html.substr(start, html.find('"', start) - start));
    }
    return ids;
}

}  // namespace

TEST_CASE("rag html: the whole output for a small plan", "[html][rag]") {
    std::string out = render_rag("data: plan.tiny\n");
    CHECK(out ==
          "<div class=\"component component-rag\" id=\"rag-10\">\n"
          "<p class=\"rag-title\">Plan &lt;2015-16&gt;</p>\n"
          "<p class=\"rag-as-of\">Ratings as at 15 January 2016. Actions due before then that "
          "are not complete are marked Overdue.</p>\n"
          "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"rag-10-summary\" "
          "tabindex=\"0\">\n"
          "<table class=\"rag-summary\">\n"
          "<caption id=\"rag-10-summary\">Number of actions by status</caption>\n"
          "<thead>\n"
          "<tr><th scope=\"col\">Priority</th>"
          "<th scope=\"col\" class=\"num\"><span class=\"rag-status rag-red\"><span "
          "class=\"rag-shape\" aria-hidden=\"true\">\xE2\x97\x8F</span> Red</span></th>"
          "<th scope=\"col\" class=\"num\"><span class=\"rag-status rag-complete\"><span "
          "class=\"rag-shape\" aria-hidden=\"true\">\xE2\x9C\x93</span> Complete</span></th>"
          "<th scope=\"col\" class=\"num\">Overdue</th><th scope=\"col\" class=\"num\">Total</th>"
          "</tr>\n"
          "</thead>\n"
          "<tbody>\n"
          "<tr><th scope=\"row\"><a href=\"#rag-10-p-1\">Priority 1: Governance</a></th>"
          "<td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">1</td>"
          "<td class=\"num\">2</td></tr>\n"
          "</tbody>\n"
          "</table>\n"
          "</div>\n"
          "<details class=\"rag-key\">\n"
          "<summary>What the ratings mean</summary>\n"
          "<dl>\n"
          "<div><dt><span class=\"rag-status rag-red\"><span class=\"rag-shape\" "
          "aria-hidden=\"true\">\xE2\x97\x8F</span> Red</span></dt><dd>Not on track: will not be "
          "completed to timescale without action</dd></div>\n"
          "<div><dt><span class=\"rag-status rag-complete\"><span class=\"rag-shape\" "
          "aria-hidden=\"true\">\xE2\x9C\x93</span> Complete</span></dt><dd>Completed</dd></div>\n"
          "<div><dt><strong class=\"rag-overdue\">Overdue</strong></dt><dd>Due before 15 January "
          "2016 and not complete</dd></div>\n"
          "</dl>\n"
          "</details>\n"
          "<details class=\"rag-filter\">\n"
          "<summary>Filter actions by status</summary>\n"
          "<fieldset>\n"
          "<legend>Show</legend>\n"
          "<span class=\"rag-filter-option\"><input type=\"radio\" name=\"rag-10-filter\" "
          "id=\"rag-10-filter-all\" value=\"all\" checked> <label for=\"rag-10-filter-all\">All "
          "actions (2)</label></span>\n"
          "<span class=\"rag-filter-option\"><input type=\"radio\" name=\"rag-10-filter\" "
          "id=\"rag-10-filter-red\" value=\"red\"> <label for=\"rag-10-filter-red\"><span "
          "class=\"rag-status rag-red\"><span class=\"rag-shape\" aria-hidden=\"true\">\xE2\x97\x8F"
          "</span> Red</span> (1)</label></span>\n"
          "<span class=\"rag-filter-option\"><input type=\"radio\" name=\"rag-10-filter\" "
          "id=\"rag-10-filter-complete\" value=\"complete\"> <label "
          "for=\"rag-10-filter-complete\"><span class=\"rag-status rag-complete\"><span "
          "class=\"rag-shape\" aria-hidden=\"true\">\xE2\x9C\x93</span> Complete</span> "
          "(1)</label></span>\n"
          "<span class=\"rag-filter-option\"><input type=\"radio\" name=\"rag-10-filter\" "
          "id=\"rag-10-filter-overdue\" value=\"overdue\"> <label "
          "for=\"rag-10-filter-overdue\">Overdue (1)</label></span>\n"
          "</fieldset>\n"
          "</details>\n"
          "<div class=\"rag-priority\" id=\"rag-10-p-1\">\n"
          "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"rag-10-p-1-caption\" "
          "tabindex=\"0\">\n"
          "<table class=\"rag-table\">\n"
          "<caption id=\"rag-10-p-1-caption\">Priority 1: Governance</caption>\n"
          "<thead>\n"
          "<tr><th scope=\"col\">Action</th><th scope=\"col\">By whom</th><th scope=\"col\">By "
          "when</th><th scope=\"col\">Intended impact</th><th scope=\"col\">Measure</th>"
          "<th scope=\"col\">Status</th><th scope=\"col\">Latest update</th></tr>\n"
          "</thead>\n"
          "<tbody class=\"rag-group\">\n"
          "<tr class=\"rag-objective\"><th scope=\"rowgroup\" colspan=\"7\">Objective 1.1: Know "
          "how services work</th></tr>\n"
          "<tr class=\"rag-action\" data-status=\"red\" data-due=\"2015-12-31\" "
          "data-overdue=\"true\"><th scope=\"row\" data-label=\"Action\"><span "
          "class=\"rag-id\">1.1.1</span> Agree a dataset</th>"
          "<td data-label=\"By whom\">Business Manager</td>"
          "<td class=\"rag-due\" data-label=\"By when\"><time datetime=\"2015-12\">December "
          "2015</time> <strong class=\"rag-overdue\">Overdue</strong></td>"
          "<td data-label=\"Intended impact\">Challenge</td>"
          "<td data-label=\"Measure\">Minutes</td>"
          "<td class=\"rag-status-cell\" data-label=\"Status\"><span class=\"rag-status "
          "rag-red\"><span class=\"rag-shape\" aria-hidden=\"true\">\xE2\x97\x8F</span> "
          "Red</span></td>"
          "<td data-label=\"Latest update\">Late</td></tr>\n"
          "<tr class=\"rag-action\" data-status=\"complete\"><th scope=\"row\" "
          "data-label=\"Action\"><span class=\"rag-id\">1.1.2</span> Keep a log</th>"
          "<td class=\"rag-missing\" data-label=\"By whom\"><span aria-hidden=\"true\">"
          "\xE2\x80\x93</span><span class=\"visually-hidden\">not given</span></td>"
          "<td class=\"rag-due\" data-label=\"By when\">Ongoing</td>"
          "<td class=\"rag-missing\" data-label=\"Intended impact\"><span aria-hidden=\"true\">"
          "\xE2\x80\x93</span><span class=\"visually-hidden\">not given</span></td>"
          "<td class=\"rag-missing\" data-label=\"Measure\"><span aria-hidden=\"true\">"
          "\xE2\x80\x93</span><span class=\"visually-hidden\">not given</span></td>"
          "<td class=\"rag-status-cell\" data-label=\"Status\"><span class=\"rag-status "
          "rag-complete\"><span class=\"rag-shape\" aria-hidden=\"true\">\xE2\x9C\x93</span> "
          "Complete</span></td>"
          "<td class=\"rag-missing\" data-label=\"Latest update\"><span aria-hidden=\"true\">"
          "\xE2\x80\x93</span><span class=\"visually-hidden\">not given</span></td></tr>\n"
          "</tbody>\n"
          "</table>\n"
          "</div>\n"
          "</div>\n"
          "<p class=\"source\">Source: Business unit &amp; partners</p>\n"
          "</div>\n");
}

TEST_CASE("rag html: every status has a word and a hidden shape", "[html][rag]") {
    std::string out = render_rag("data: plan.bp\n");
    for (std::string_view word : {"Red", "Amber", "Green", "Complete", "Not started", "Unrated"})
        CHECK_THAT(out, Contains("</span> " + std::string(word) + "</span>"));
    CHECK_THAT(out, Contains("<span class=\"rag-shape\" aria-hidden=\"true\">\xE2\x96\xB2</span> "
                             "Amber"));
    CHECK_THAT(out, Contains("<span class=\"rag-shape\" aria-hidden=\"true\">\xE2\x96\xA0</span> "
                             "Green"));
    CHECK_THAT(out, Contains("<span class=\"rag-shape\" aria-hidden=\"true\">\xE2\x97\x8B</span> "
                             "Not started"));
    CHECK_THAT(out, Contains("<span class=\"rag-shape\" aria-hidden=\"true\">\xE2\x80\x93</span> "
                             "Unrated"));
    // Every shape is hidden from screen readers.
    CHECK(count(out, "class=\"rag-shape\"") == count(out, "class=\"rag-shape\" aria-hidden"));
    // Overdue in words, not colour alone: 1.1.1 (green, September 2015), 1.2.2 (unrated, 2015)
    // and 2.1.2 (red, December 2015).
    CHECK(count(out, "<strong class=\"rag-overdue\">Overdue</strong></td>") == 3);
    CHECK(count(out, "data-overdue=\"true\"") == 3);
    CHECK_THAT(out, Contains("data-status=\"not-started\""));
    CHECK_THAT(out, Contains("data-status=\"unrated\""));
    CHECK_THAT(out, Contains("<td class=\"rag-due\" data-label=\"By when\">Carry forward to "
                             "2016-17</td>"));
    CHECK_THAT(out, Contains("<time datetime=\"2015\">2015</time>"));
    CHECK_THAT(out, Contains("<time datetime=\"2016-03\">March 2016</time></td>"));
}

TEST_CASE("rag html: tables are captioned, scoped and scroll in a named region", "[html][rag]") {
    std::string out = render_rag("data: plan.bp\n");
    CHECK(count(out, "<table") == 3);  // the summary and one per priority
    CHECK(count(out, "<caption id=") == 3);
    CHECK(count(out, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=") == 3);
    CHECK(count(out, "tabindex=\"0\"") == 3);
    CHECK(count(out, "<th scope=\"row\" data-label=\"Action\">") == 6);
    CHECK(count(out, "<th scope=\"rowgroup\" colspan=\"7\">") == 3);
    CHECK_THAT(out, Contains("<caption id=\"rag-10-p-2-caption\">Priority 2: Learning</caption>"));
    CHECK_THAT(out, Contains("<caption id=\"rag-10-summary\">Number of actions by status and "
                             "priority</caption>"));
    CHECK_THAT(out, Contains("<tfoot>\n<tr><th scope=\"row\">All priorities</th>"));
    CHECK_THAT(out, Contains("<a href=\"#rag-10-p-2\">Priority 2: Learning</a>"));
    CHECK_THAT(out, Contains("<p class=\"rag-lead\">Lead: Business Committee</p>"));
    CHECK_THAT(out, Contains("<p class=\"rag-priority-update\">Update: Going well</p>"));
    // Every aria-labelledby and jump link points at an id on the page; ids are unique.
    auto ids = ids_in(out);
    std::set<std::string> unique(ids.begin(), ids.end());
    CHECK(unique.size() == ids.size());
    for (std::string_view attr : {"aria-labelledby=\"", "href=\"#", "for=\""}) {
        for (auto at = out.find(attr); at != std::string::npos; at = out.find(attr, at + 1)) {
            auto start = at + attr.size();
            CHECK(unique.count(out.substr(start, out.find('"', start) - start)) == 1);
        }
    }
}

TEST_CASE("rag html: text from the data is escaped", "[html][rag]") {
    std::string out = render_rag("data: plan.bp\ncaption: \"Plan \\\"A\\\" <b>\"\n");
    CHECK(out.find("<script>") == std::string::npos);
    CHECK(out.find("<b>") == std::string::npos);
    CHECK_THAT(out, Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</th>"));
    CHECK_THAT(out,
               Contains("<td data-label=\"By whom\">Head of Safeguarding, &#34;NHS&#34;</td>"));
    CHECK_THAT(out, Contains("<td data-label=\"Intended impact\">A &amp; B</td>"));
    CHECK_THAT(out, Contains("It&#39;s &lt;b&gt;done&lt;/b&gt;"));
    CHECK_THAT(out, Contains("<p class=\"rag-title\">Plan &#34;A&#34; &lt;b&gt;</p>"));
}

TEST_CASE("rag html: sorted plans name the objective in a column", "[html][rag]") {
    std::string out = render_rag("data: plan.bp\nsort: due\nhide: [impact, measure]\n");
    CHECK(out.find("rowgroup") == std::string::npos);
    CHECK_THAT(out, Contains("<tr><th scope=\"col\">Action</th><th scope=\"col\">Objective</th>"
                             "<th scope=\"col\">By whom</th><th scope=\"col\">By when</th>"
                             "<th scope=\"col\">Status</th><th scope=\"col\">Latest update</th>"
                             "</tr>"));
    CHECK_THAT(out, Contains("<td data-label=\"Objective\"><span class=\"rag-id\">1.2</span> Hold "
                             "to account</td>"));
    CHECK(out.find("Intended impact") == std::string::npos);
    // September 2015, March 2016, then 2015 (end of year), then words.
    auto a = out.find("1.1.1</span>");
    auto b = out.find("1.2.2</span>");
    auto c = out.find("1.1.2</span>");
    auto d = out.find("1.2.1</span>");
    CHECK(a < b);
    CHECK(b < c);
    CHECK(c < d);
}

TEST_CASE("rag html: filters and options", "[html][rag]") {
    std::string filtered = render_rag("data: plan.bp\nstatus: [red, overdue]\nsummary: false\n");
    CHECK(filtered.find("rag-summary") == std::string::npos);
    CHECK_THAT(filtered, Contains("<p class=\"rag-filter-note\">Showing actions with status Red, "
                                  "and overdue actions: 3 of 6.</p>"));
    CHECK(count(filtered, "class=\"rag-action\"") == 3);
    // Only the objectives with shown actions get a heading.
    CHECK(count(filtered, "rowgroup") == 3);

    std::string plain = render_rag("data: plan.bp\ncontrols: false\n", "");
    CHECK(plain.find("rag-filter") == std::string::npos);
    CHECK(plain.find("Overdue") == std::string::npos);  // no date to judge against
    CHECK(plain.find("rag-as-of") == std::string::npos);

    std::string none = render_rag("data: plan.bp\nstatus: amber\npriority: 2\n");
    CHECK_THAT(none, Contains("<p class=\"rag-empty\">No actions to show.</p>"));
    CHECK(none.find("href=\"#") == std::string::npos);  // no table to jump to
}

TEST_CASE("rag html: deterministic, with ids unique per block", "[html][rag]") {
    CHECK(render_rag("data: plan.bp\n") == render_rag("data: plan.bp\n"));
    std::string first = render_rag("data: plan.bp\n", "2016-01-15", 10);
    std::string second = render_rag("data: plan.bp\n", "2016-01-15", 40);
    auto ids = ids_in(first + second);
    std::set<std::string> unique(ids.begin(), ids.end());
    CHECK(unique.size() == ids.size());
    CHECK_THAT(second, Contains("name=\"rag-40-filter\""));
}
