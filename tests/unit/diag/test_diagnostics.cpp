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
