// Components in the PDF: tables, key figures, charts and business plans laid out by
// render_component_pdf, checked through pdftotext, qpdf and the bytes themselves.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>

#include "diag/diagnostics.hpp"
#include "markdown/markdown.hpp"
#include "pdf/components_pdf.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf_test_support.hpp"

using namespace boardpress;
using namespace boardpress::pdf;
using components::Json;

using boardpress::pdf::test::in_order;

namespace {

const Json& data() {
    static const Json tree = Json::parse(R"json({
      "cp": {
        "plans": {"title": "Children with a plan", "unit": "children", "source": "SASU",
                  "notes": "Counted at month end.", "rows": [
          {"month": "January", "y2014": 383, "y2015": 368},
          {"month": "February", "y2014": 390, "y2015": null},
          {"month": "March", "y2014": 395, "y2015": 387},
          {"month": "April", "y2014": 386, "y2015": 394},
          {"month": "May", "y2014": 374, "y2015": 401},
          {"month": "June", "y2014": 366, "y2015": 398}]},
        "snapshot": {"now": 387, "before": 395, "rate": 30.34, "new": 461, "new_before": 534},
        "categories": [{"category": "Neglect", "children": 306},
                       {"category": "Emotional abuse", "children": 124},
                       {"category": "Physical abuse", "children": 36},
                       {"category": "Sexual abuse", "children": 18}]
      },
      "small": {"sensitive": true, "rows": [{"area": "North", "count": 3},
                                             {"area": "South", "count": 12},
                                             {"area": "East", "count": 25}]},
      "plan": {
        "title": "Business plan 2015-16",
        "source": "Business unit",
        "priorities": [
          {"id": "1", "title": "Governance", "lead": "Business Committee",
           "objectives": [
             {"id": "1.1", "title": "Know how services work",
              "actions": [
                {"id": "1.1.1", "action": "Agree a dataset", "owner": "Business Manager",
                 "due": "2015-12", "impact": "Challenge", "measure": "Minutes",
                 "status": "red", "update": "Late"},
                {"id": "1.1.2", "action": "Keep a log", "due": "Ongoing", "status": "complete"}]}]},
          {"id": "2", "title": "Learning",
           "objectives": [
             {"id": "2.1", "title": "Audit",
              "actions": [
                {"id": "2.1.1", "action": "Neglect audit", "due": "October 2015",
                 "status": "green"},
                {"id": "2.1.2", "action": "Check actions", "due": "2016-06-30",
                 "status": "amber"}]}]}]
      }
    })json");
    return tree;
}

std::string long_rows() {
    std::string rows = "[";
    for (int i = 0; i < 90; ++i)
        rows += std::string(i ? "," : "") + "{\"area\": \"Area number " + std::to_string(i) +
                "\", \"count\": " + std::to_string(100 + i) + "}";
    return rows + "]";
}

struct ComponentSource {
    markdown::Document document;
    markdown::Outline outline;
    explicit ComponentSource(const std::string& text)
        : document(markdown::parse(text)), outline(markdown::outline(document, {})) {}
};

std::string write_pdf(const std::string& markdown, const Json& tree = data(),
                      std::string as_of = "2016-01-15") {
    ComponentSource source(markdown);
    components::ComponentContext ctx{tree, "content/report.md", 1, 1, 5, "*"};
    ctx.as_of = std::move(as_of);
    PdfOptions options;
    options.title = "Annual report";
    options.cover = false;
    options.contents = false;
    options.date = "2015-09-30";
    options.render_code_block = [&](const CodeBlock& block, Layout& layout) {
        return render_component_pdf(block, ctx, layout);
    };
    std::vector<Chapter> chapters{{"Figures", "", &source.document, &source.outline}};
    return write(chapters, options);
}

// The first chart colour (#1d5373).
Color parts_colour_1() {
    return {0x1d / 255.0, 0x53 / 255.0, 0x73 / 255.0};
}

bool qpdf_ok(const test::TempPdf& pdf) {
    return std::system(("qpdf --check '" + pdf.path() + "' >/dev/null 2>&1").c_str()) == 0;
}

// The page content streams, uncompressed, for looking at the drawing operators.
std::string content_streams(const test::TempPdf& pdf) {
    return test::run_command("qpdf --qdf --object-streams=disable '" + pdf.path() +
                             "' - 2>/dev/null");
}

}  // namespace

TEST_CASE("a table component: caption, header, right-aligned numbers, totals, notes, source",
          "[pdf][components]") {
    std::string bytes = write_pdf(
        "Before.\n\n```table\ndata: cp.plans\ncaption: Plans by month\ntotal: sum\n"
        "columns: [{key: month, heading: Month}, {key: y2014, heading: \"2014\"}, "
        "{key: y2015, heading: \"2015\"}]\n```\n\nAfter.\n");
    test::TempPdf pdf(bytes, "table.pdf");
    std::string text = pdf.text();
    CHECK(in_order(text, {"Before.", "Plans by month (children)", "Month", "2014", "2015",
                          "January", "383", "368", "February", "390", "\xE2\x80\x93", "Total",
                          "2,294", "1,948", "Counted at month end.", "Source: SASU", "After."}));
    CHECK(qpdf_ok(pdf));
}

TEST_CASE("suppressed counts show the mark and its footnote", "[pdf][components]") {
    std::string bytes = write_pdf("```table\ndata: small\ncaption: By area\n```\n");
    test::TempPdf pdf(bytes, "suppressed.pdf");
    std::string text = pdf.text();
    CHECK(in_order(text, {"By area", "North", "*", "South", "12", "* fewer than 5"}));
    CHECK(text.find("3 ") == std::string::npos);
}

TEST_CASE("a long table component repeats its header row on every page", "[pdf][components]") {
    Json tree = data();
    tree["long"] = Json::parse(long_rows());
    std::string bytes = write_pdf(
        "```table\ndata: long\ncaption: Counts by area\n"
        "columns: [{key: area, heading: Area of the county}, {key: count, heading: Count}]\n"
        "source: Register\n```\n",
        tree);
    test::TempPdf pdf(bytes, "long.pdf");
    int pages = pdf.pages();
    REQUIRE(pages >= 2);
    for (int p = 1; p <= pages; ++p) {
        INFO("page " << p);
        CHECK(std::regex_search(pdf.text(p), std::regex("Area of the county +Count")));
    }
    CHECK(pdf.text(1).find("Counts by area") != std::string::npos);
    CHECK(in_order(pdf.text(pages), {"Area number 89", "189", "Source: Register"}));
    CHECK(qpdf_ok(pdf));
}

TEST_CASE("key figures: big numbers, labels and the change in words", "[pdf][components]") {
    std::string bytes = write_pdf(
        "```stats\ntitle: Key figures\nsource: SASU\nitems:\n"
        "  - {value: cp.snapshot.now, label: children with a plan, previous: cp.snapshot.before,"
        " previous_label: \"2013-14\", note: At 31 March}\n"
        "  - {value: cp.snapshot.new, label: new plans, previous: cp.snapshot.new_before}\n"
        "  - {value: cp.snapshot.rate, label: \"per 10,000 children\", decimals: 1}\n```\n");
    test::TempPdf pdf(bytes, "stats.pdf");
    std::string text = pdf.text();
    // Three panels side by side: each line of the page reads across them.
    CHECK(in_order(text, {"Key figures", "387", "461", "30.3"}));
    CHECK(in_order(text, {"children with a plan", "new plans", "per 10,000 children"}));
    CHECK(in_order(text, {"down 2% on 2013-14", "down 14% on last year"}));
    CHECK(text.find("At 31 March") != std::string::npos);
    CHECK(text.find("Source: SASU") != std::string::npos);
    CHECK(qpdf_ok(pdf));
}

TEST_CASE("a line chart is vector paths with real text", "[pdf][components][chart]") {
    std::string bytes = write_pdf(
        "Text before.\n\n```chart\ntype: line\ndata: cp.plans\ny_title: Children\n"
        "x_title: Month\n```\n");
    test::TempPdf pdf(bytes, "chart.pdf");
    std::string text = pdf.text();
    CHECK(in_order(text, {"Text before.", "Children with a plan", "2014", "2015", "Children"}));
    CHECK(text.find("January") != std::string::npos);
    CHECK(text.find("Month") != std::string::npos);
    CHECK(text.find("Source: SASU") != std::string::npos);
    // Tick labels (nice numbers) are text.
    CHECK(std::regex_search(text, std::regex("\\b(360|370|380|390|400)\\b")));
    // No images: lines and curves drawn with path operators.
    CHECK(test::run_command("pdfimages -list '" + pdf.path() + "' 2>/dev/null").find(" image ") ==
          std::string::npos);
    std::string streams = content_streams(pdf);
    CHECK(streams.find(" l\n") != std::string::npos);
    CHECK(streams.find(" c\n") != std::string::npos);  // circle markers are curves
    CHECK(qpdf_ok(pdf));
}

TEST_CASE("bar, stacked, horizontal and donut charts", "[pdf][components][chart]") {
    std::string bytes = write_pdf(
        "```chart\ntype: bar\ndata: cp.plans\n```\n\n"
        "```chart\ntype: bar\nstacked: true\ndata: cp.plans\ntitle: Stacked\n```\n\n"
        "```chart\ntype: hbar\ndata: cp.categories\ntitle: By category\n```\n\n"
        "```chart\ntype: donut\ndata: cp.categories\ntitle: Shares\n```\n");
    test::TempPdf pdf(bytes, "charts.pdf");
    std::string text = pdf.text();
    CHECK(in_order(text, {"Children with a plan", "Stacked", "By category", "Shares"}));
    CHECK(text.find("Emotional abuse") != std::string::npos);
    CHECK(std::regex_search(text, std::regex("306 \\(63%\\)")));
    CHECK(text.find("Total") != std::string::npos);
    std::string streams = content_streams(pdf);
    CHECK(streams.find("\nW\nn\n") != std::string::npos);  // patterns clipped to their shapes
    CHECK(qpdf_ok(pdf));
}

TEST_CASE("a business plan: counts, key, priorities, statuses in words, overdue",
          "[pdf][components][rag]") {
    std::string bytes = write_pdf("```rag\ndata: plan\n```\n");
    test::TempPdf pdf(bytes, "rag.pdf");
    std::string text = pdf.text();
    CHECK(in_order(
        text, {"Business plan 2015-16", "Red", "Amber", "Green", "Complete", "Overdue", "Total"}));
    // Rows read line by line: the first line of every cell, then the second...
    CHECK(in_order(text, {"Priority 1: Governance",
                          "Objective 1.1: Know how services work",
                          "1.1.1",
                          "Business",
                          "December 2015",
                          "Challenge",
                          "Minutes",
                          "Red",
                          "Late",
                          "Agree a dataset",
                          "Manager",
                          "Overdue",
                          "1.1.2",
                          "Ongoing",
                          "Complete",
                          "Keep a log",
                          "Lead: Business Committee",
                          "Priority 2: Learning",
                          "2.1.2",
                          "Amber",
                          "Source: Business unit"}));
    CHECK(qpdf_ok(pdf));
}

TEST_CASE("components: same input, same bytes; code blocks stay code", "[pdf][components]") {
    std::string markdown =
        "```table\ndata: cp.plans\ncaption: C\n```\n\n```stats\nitems: [{value: 3, label: L}]\n"
        "```\n\n```chart\ntype: bar\ndata: cp.plans\n```\n\n```rag\ndata: plan\n```\n\n"
        "```cpp\nint x = 1;\n```\n";
    std::string first = write_pdf(markdown);
    CHECK(first == write_pdf(markdown));
    test::TempPdf pdf(first, "same.pdf");
    CHECK(pdf.text().find("int x = 1;") != std::string::npos);
    CHECK(qpdf_ok(pdf));
}

TEST_CASE("component errors point into the user's file", "[pdf][components]") {
    components::ComponentContext ctx{data(), "content/report.md", 1, 5};
    test::FixedMeasure measure;
    Theme theme;
    Layout layout(measure, theme, 400);
    CHECK_FALSE(render_component_pdf(CodeBlock{"cpp", "int x;", 1}, ctx, layout));
    CHECK(layout.items().empty());
    try {
        render_component_pdf(CodeBlock{"table", "data: cp.plans\ncolums: []\n", 3}, ctx, layout);
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.diagnostic().location.file == "content/report.md");
        CHECK(error.diagnostic().location.line == 9);
    }
}

TEST_CASE("table layout: numbers end together, totals bold under a rule, notes grey",
          "[pdf][components]") {
    components::TableModel table;
    table.caption = "Caption";
    table.source = "Somewhere";
    auto cell = [](std::string text, bool numeric) {
        components::Cell c;
        c.text = std::move(text);
        c.numeric = numeric;
        c.align = numeric ? components::Align::right : components::Align::left;
        return c;
    };
    table.head = {cell("Month", false), cell("Plans", true)};
    table.body = {{cell("January", false), cell("383", true)},
                  {cell("February", false), cell("1,390", true)},
                  {cell("March", false), cell("7", true)}};
    table.totals = {cell("Total", false), cell("1,780", true)};
    test::FixedMeasure measure;
    Theme theme;
    Layout layout(measure, theme, 400);
    layout_table(table, layout);
    const std::vector<Item>& items = layout.items();
    // Caption, header, three rows, totals, source.
    REQUIRE(items.size() == 7);
    CHECK(items[0].texts.front().style.face == Face::bold);
    CHECK(items[0].keep_with_next);
    CHECK(items[1].table_header);
    double right = items[1].texts.back().x + items[1].texts.back().width;
    for (std::size_t i = 2; i <= 5; ++i) {
        const TextOp& number = items[i].texts.back();
        CHECK(number.x + number.width == Approx(right));
    }
    const Item& totals = items[5];
    for (const TextOp& op : totals.texts) CHECK(op.style.face == Face::bold);
    CHECK(std::any_of(totals.lines.begin(), totals.lines.end(),
                      [](const LineOp& line) { return line.y1 == 0 && line.width >= 1; }));
    CHECK(items[4].keep_with_next);  // the totals never start a page alone
    CHECK(items[5].keep_with_next);  // nor leave the source behind
    CHECK(items[6].texts.front().text == "Source: Somewhere");
    CHECK(items[6].texts.front().style.color == theme.muted);
}

TEST_CASE("key figures stay together; a chart stays with its title", "[pdf][components]") {
    test::FixedMeasure measure;
    Theme theme;
    Layout layout(measure, theme, 450);  // an A4 page's text width
    components::StatsModel stats;
    for (int i = 0; i < 5; ++i) {
        components::StatItem item;
        item.value = std::to_string(i * 100);
        item.label = "label " + std::to_string(i);
        stats.items.push_back(item);
    }
    layout_stats(stats, layout);
    const std::vector<Item>& items = layout.items();
    REQUIRE(items.size() == 2);  // three panels, then two
    CHECK(items[0].keep_with_next);
    CHECK(items[0].rects.size() == 6);  // a tint and an accent bar per panel
    CHECK(items[1].rects.size() == 4);
    Layout narrow(measure, theme, 240);  // a leaflet panel: one figure to a row
    layout_stats(stats, narrow);
    CHECK(narrow.items().size() == 5);

    Layout charts(measure, theme, 400);
    components::ChartModel chart;
    chart.kind = components::ChartKind::bar;
    chart.title = "Title";
    chart.categories = {"a", "b"};
    chart.x.labels = chart.categories;
    chart.y = {"", 0, 10, 5, {{0, "0"}, {5, "5"}, {10, "10"}}};
    components::ChartSeries series;
    series.label = "S";
    series.values = {3.0, std::nullopt};
    series.texts = {"3", ""};
    chart.series.push_back(series);
    layout_chart(chart, charts);
    REQUIRE(charts.items().size() == 2);
    CHECK(charts.items()[0].keep_with_next);
    const Item& drawing = charts.items()[1];
    CHECK(drawing.images.empty());
    CHECK_FALSE(drawing.paths.empty());
    // One bar: the missing value draws nothing (not a bar of zero).
    std::size_t bars = 0;
    for (const PathOp& path : drawing.paths)
        if (path.fill && path.fill_color == parts_colour_1()) ++bars;
    CHECK(bars == 1);
}

// Not run by default: writes every component, from the example project's data, to
// /tmp/bp-components.pdf to look at: `test_pdf "[.components-sample]"`.
TEST_CASE("components sample", "[.components-sample]") {
    Json tree;
    auto load = [&](const std::string& path, std::vector<std::string> keys) {
        std::ifstream in(std::string(BP_SOURCE_DIR) + "/data/" + path);
        Json* at = &tree;
        for (const auto& key : keys) at = &(*at)[key];
        *at = Json::parse(in);
    };
    load("cp/plans_by_month.json", {"cp", "plans_by_month"});
    load("cp/categories.json", {"cp", "categories"});
    load("cp/snapshot.json", {"cp", "snapshot"});
    load("finance/budget.json", {"finance", "budget"});
    load("lado/by_sector.json", {"lado", "by_sector"});
    load("plan/business_plan_2015_16.json", {"plan", "business_plan_2015_16"});
    // Edge cases: negative values, gaps, a lone point, one slice, several series of bars.
    tree["edge"] = Json::parse(R"json({
      "variance": [{"line": "Staff", "v": -1200.5}, {"line": "Training", "v": 800},
                   {"line": "Reviews", "v": 2300}, {"line": "Other", "v": -300}],
      "lone": [{"k": "Q1", "a": 1, "b": 4}, {"k": "Q2", "a": null, "b": 5},
               {"k": "Q3", "a": 3, "b": null}, {"k": "Q4", "a": null, "b": 6},
               {"k": "Q5", "a": 2, "b": 7}],
      "one": [{"k": "Only", "v": 5}, {"k": "None", "v": 0}],
      "agencies": [{"agency": "Police", "a": 12, "b": 7, "c": 3},
                   {"agency": "Health (including community and mental health trusts)",
                    "a": 20, "b": 5, "c": 9},
                   {"agency": "Schools", "a": 30, "b": 12, "c": null}],
      "stats": {"none": null}
    })json");
    // BP_SAMPLE_MD names another Markdown file to lay out with the same data.
    const char* md = std::getenv("BP_SAMPLE_MD");
    std::ifstream in(md ? std::string(md)
                        : std::string(BP_SOURCE_DIR) + "/tests/unit/pdf/components_sample.md");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream("/tmp/bp-components.pdf", std::ios::binary)
        << write_pdf(text, tree, "2016-01-31");
}
