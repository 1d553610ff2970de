#include <catch2/catch.hpp>

#include <cmark-gfm.h>

#include "check/check.hpp"

using namespace boardpress;

TEST_CASE("a Markdown table needs a heading or a caption beside it", "[check][tables]") {
    markdown::Document document = markdown::parse(
        "Some text.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"       // bare: reported
        "## Attendance\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"    // under a heading
        "Table: Budget\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"  // a caption above
        "Text.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nTable: Spending by heading\n\n"  // below
        "Tablets are not captions.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n");
    auto tables = check::uncaptioned_tables(document);
    REQUIRE(tables.size() == 2);
    CHECK(cmark_node_get_start_line(const_cast<cmark_node*>(tables[0])) == 3);
    CHECK(cmark_node_get_start_line(const_cast<cmark_node*>(tables[1])) == 29);
}
