#include <catch2/catch.hpp>

#include "diag/diagnostics.hpp"

using namespace boardpress;

TEST_CASE("locate counts lines and code points", "[diag]") {
    std::string text = "ab\n£cd\n";
    auto where = locate("f.md", text, text.find('c'));
    CHECK(where.file == "f.md");
    CHECK(where.line == 2);
    CHECK(where.column == 2);  // "£" is two bytes but one column
}

TEST_CASE("line_of returns the line without its ending", "[diag]") {
    CHECK(line_of("one\r\ntwo\nthree", 1) == "one");
    CHECK(line_of("one\r\ntwo\nthree", 3) == "three");
    CHECK(line_of("one", 4).empty());
}

TEST_CASE("format shows position, line, caret and hint", "[diag]") {
    Diagnostic d{Severity::error, {"content/a.md", 3, 5}, "unknown data key `cp.totl`", {}, ""};
    d.hint = did_you_mean_hint("totl", {"total", "plans"});
    attach_source(d, "x\ny\n{{ cp.totl }}\n");
    CHECK(describe(d) ==
          "content/a.md:3:5: error: unknown data key `cp.totl`\n"
          " 3 | {{ cp.totl }}\n"
          "   |     ^\n"
          " hint: did you mean `total`?\n");
}

TEST_CASE("did_you_mean suggests only close candidates", "[diag]") {
    CHECK(did_you_mean("plans_by_mnth", {"plans_by_month", "budget"}) == "plans_by_month");
    CHECK(did_you_mean("tilte", {"title", "date"}) == "title");
    CHECK_FALSE(did_you_mean("zzz", {"title", "date"}).has_value());
}

TEST_CASE("Diagnostics counts and sorts", "[diag]") {
    Diagnostics all;
    all.add(Diagnostic{Severity::warning, {"b", 1, 1}, "w", {}, {}});
    all.add(Error({"a", 2, 1}, "e"));
    all.sort();
    CHECK(all.items().front().location.file == "a");
    CHECK(all.error_count() == 1);
    CHECK(all.warning_count() == 1);
}

TEST_CASE("Diagnostics::sort reports a mistake met by many pages once", "[diag]") {
    // A layout's undefined variable fails for every page laid out with it.
    Diagnostics all;
    all.add(Error({"templates/page.html", 3, 9}, "`page.nope` is undefined", "keys: a, b"));
    all.add(Error({"templates/page.html", 3, 9}, "another mistake at the same place"));
    all.add(Error({"content/a.md", 1, 1}, "e"));
    all.add(Error({"templates/page.html", 3, 9}, "`page.nope` is undefined", "keys: a"));
    all.add(Diagnostic{Severity::warning, {"templates/page.html", 3, 9}, "`page.nope` is undefined",
                       {}, {}});
    all.sort();
    REQUIRE(all.items().size() == 4);
    CHECK(all.items()[0].location.file == "content/a.md");
    CHECK(all.items()[1].message == "`page.nope` is undefined");
    CHECK(all.items()[1].hint == "keys: a, b");  // the first one is kept
    CHECK(all.items()[2].message == "another mistake at the same place");
    CHECK(all.items()[3].severity == Severity::warning);
    CHECK(all.error_count() == 3);
}

TEST_CASE("describe shows a very long line around the column only", "[diag]") {
    // Nesting 10,000 deep on one line: the line is 130,000 characters.
    std::string line;
    for (int i = 0; i < 10'000; ++i) line += "{% if x %}";
    Diagnostic d{Severity::error, {"page.md", 4, 1004}, "too deep", line, ""};
    std::string text = describe(d);
    std::string expected_line = "..." + line.substr(1003 - 50, 100) + "...";
    CHECK(text == "page.md:4:1004: error: too deep\n"
                  " 4 | " + expected_line + "\n"
                  "   | " + std::string(53, ' ') + "^\n");
    CHECK(expected_line.substr(53, 4) == "if x");  // the caret is under column 1004
    // At the start of the line: cut at the end only; short lines are shown whole.
    d.location.column = 2;
    CHECK(describe(d).find(" 4 | " + line.substr(0, 100) + "...\n   |  ^\n") != std::string::npos);
}
