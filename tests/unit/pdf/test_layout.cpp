#include <catch2/catch.hpp>

#include "markdown/markdown.hpp"
#include "pdf/layout.hpp"
#include "pdf/line_breaker.hpp"
#include "pdf/paginate.hpp"
#include "pdf/table_text.hpp"
#include "pdf/tree_walk.hpp"
#include "pdf_test_support.hpp"

using namespace boardpress;
using namespace boardpress::pdf;

namespace {

std::vector<std::string> texts(const std::vector<Line>& lines) {
    std::vector<std::string> out;
    for (const Line& line : lines) out.push_back(line_text(line));
    return out;
}

Run run(std::string text, Face face = Face::regular) {
    Style style;
    style.face = face;
    style.size = 10;  // 5pt per character with FixedMeasure
    return {std::move(text), style, {}, false};
}

}  // namespace

TEST_CASE("greedy line breaking at spaces", "[pdf][wrap]") {
    test::FixedMeasure measure;
    // 35pt = 7 characters per line.
    auto lines = break_lines({run("aaa bbb ccc  ddd eeeeeee f")}, 35, measure);
    CHECK(texts(lines) == std::vector<std::string>{"aaa bbb", "ccc ddd", "eeeeeee", "f"});
    CHECK(lines[0].width == Approx(35));
}

TEST_CASE("words run on across styles; long words split without hyphens", "[pdf][wrap]") {
    test::FixedMeasure measure;
    auto lines = break_lines({run("see "), run("bold", Face::bold), run(", then abcdefghijkl")}, 40,
                             measure);
    CHECK(texts(lines) == std::vector<std::string>{"see", "bold,", "then", "abcdefgh", "ijkl"});
    CHECK(lines[1].fragments.size() == 2);  // "bold" and "," keep their styles
}

TEST_CASE("hard breaks and UTF-8 characters", "[pdf][wrap]") {
    test::FixedMeasure measure;
    Run brk = run("");
    brk.hard_break = true;
    auto lines = break_lines({run("£5 – café"), brk, run("“quoted”")}, 100, measure);
    CHECK(texts(lines) == std::vector<std::string>{"£5 – café", "“quoted”"});
    CHECK(lines[0].width == Approx(9 * 5));
}

TEST_CASE("justified lines fill the width except the last", "[pdf][wrap]") {
    test::FixedMeasure measure;
    auto lines = break_lines({run("aa bb cc dd ee ff gg")}, 42, measure, Align::justify);
    REQUIRE(lines.size() == 3);
    const Fragment& last_of_first = lines[0].fragments.back();
    CHECK(last_of_first.x + last_of_first.width == Approx(42));
    CHECK(lines[2].fragments.size() == 1);
}

TEST_CASE("numeric-looking table cells", "[pdf][table]") {
    for (const char* yes : {"1,234", "-5.2%", "£253,047", "(1,200)", "+3", "12k", "0.5"})
        CHECK(looks_numeric(yes));
    for (const char* no : {"", "n/a", "Q1", "2015-16", "abc", "–"}) CHECK_FALSE(looks_numeric(no));
}

namespace {

std::vector<Item> layout_markdown(const std::string& text, const Measure& measure, Theme& theme,
                                  double width = 400) {
    static thread_local markdown::Document document;
    static thread_local markdown::Outline outline;
    document = markdown::parse(text);
    outline = markdown::outline(document);
    Layout layout(measure, theme, width);
    WalkOptions options;
    options.document = &document;
    options.outline = &outline;
    options.resolve_link = [](std::string_view url) { return std::string(url); };
    walk(layout, options);
    return layout.take();
}

}  // namespace

TEST_CASE("no heading is the last thing on a page; no orphan or widow lines", "[pdf][pages]") {
    test::FixedMeasure measure;
    Theme theme;
    std::string text;
    for (int i = 0; i < 40; ++i) {
        text += "## Heading " + std::to_string(i) + "\n\n";
        for (int p = 0; p < (i % 3) + 1; ++p)
            text += std::string(i % 2 ? "word " : "longer words ") + "text that wraps over lines " +
                    std::string(20 + i * 7 % 50, 'x') + " and more words to fill it up\n\n";
    }
    std::vector<Item> items = layout_markdown(text, measure, theme);
    std::vector<Page> pages = paginate(items, 300);
    CHECK(pages.size() > 5);
    for (std::size_t p = 0; p + 1 < pages.size(); ++p) {
        const Placed& last = pages[p].back();
        INFO("page " << p + 1);
        CHECK(last.item->marks.empty());
        CHECK_FALSE(last.item->keep_with_next);
        CHECK(last.y + last.item->height <= 300 + 1e-6);
    }
    for (const Page& page : pages) CHECK(page.front().y == 0);
}

TEST_CASE("a long table repeats its header rows on each page", "[pdf][pages][table]") {
    test::FixedMeasure measure;
    Theme theme;
    std::string text = "| Month | Plans |\n|---|---|\n";
    for (int i = 0; i < 100; ++i)
        text += "| M" + std::to_string(i) + " | " + std::to_string(i * 3) + " |\n";
    std::vector<Item> items = layout_markdown(text, measure, theme);
    std::vector<Page> pages = paginate(items, 200);
    REQUIRE(pages.size() > 3);
    for (const Page& page : pages) CHECK(page.front().item->table_header);
    // The numbers are right-aligned: their text ends at the table's right edge, less padding.
    const Item& row = items[5];
    const TextOp& number = row.texts.back();
    CHECK(number.x + number.width == Approx(400 - 5));
}
