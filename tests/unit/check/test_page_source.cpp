#include <catch2/catch.hpp>

#include "check/page_source.hpp"

using namespace boardpress;

namespace {
content::Page page_with(std::string body) {
    content::Page page;
    page.source = "content/page.md";
    page.body = std::move(body);
    page.body_line = 5;  // four lines of front matter above
    return page;
}
}  // namespace

TEST_CASE("a body without template tags is the file's own", "[check][source]") {
    content::Page page = page_with("Intro line\n\nSee [the budget](budget.html).\n");
    check::PageSource source(page);
    SourceLocation where = source.place(3, 5, "budget.html");
    CHECK(where.file == "content/page.md");
    CHECK(where.line == 7);
    CHECK(where.column == 18);  // at the URL on that line
    CHECK(source.place(3, 5).column == 5);
    Diagnostic diagnostic = source.diagnostic(Severity::error, where, "m", "h");
    CHECK(diagnostic.source_line == "See [the budget](budget.html).");
}

TEST_CASE("below a loop, lines are lined up with the template that wrote them", "[check][source]") {
    content::Page page = page_with(
        "Top LADO.\n\n"                                            // 1-2
        "{% for x in data.rows %}\n| {{ x }} |\n{% endfor %}\n\n"  // 3-6
        "The LADO said {{ data.n }} things.\n\n"                   // 7-8
        "Again LADO.\n");                                          // 9
    std::string expanded =
        "Top LADO.\n\n| a |\n| b |\n| c |\n\nThe LADO said 3 things.\n\nAgain LADO.\n";
    check::PageSource source(page, expanded);
    CHECK(source.same_line(1) == 1);
    CHECK(source.same_line(9) == 9);
    CHECK(source.same_line(4) == 0);
    // Lines 2-8 of the expanded body lie between lines 1 and 9, the file's own: lines 2-8
    // of the file wrote them (blank lines are too common to line up on their own).
    CHECK(source.lines_behind(4) == std::make_pair(2, 8));
    SourceLocation word = source.place(7, 5, "LADO", true);
    CHECK(word.line == 5 + 6);
    CHECK(word.column == 5);
    // A value from the data is not in the file: the loop's first line, column unknown.
    SourceLocation value = source.place(4, 3, "b");
    CHECK(value.line == 5 + 2);
    CHECK(value.column == 0);
    CHECK(source.place(9, 7, "LADO", true).line == 5 + 8);
}

TEST_CASE("a line with only {{ }} in it wrote one line", "[check][source]") {
    content::Page page = page_with("First.\n{{ data.area }} has a LADO.\nLast.\n");
    check::PageSource source(page, "First.\nNorthmoor has a LADO.\nLast.\n");
    CHECK(source.lines_behind(2) == std::make_pair(2, 2));
    SourceLocation where = source.place(2, 17, "LADO", true);
    CHECK(where.line == 6);
    CHECK(where.column == 23);
}
