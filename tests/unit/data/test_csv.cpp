#include <catch2/catch.hpp>

#include "data/data.hpp"

using namespace boardpress;
using data::parse_csv;
using json = nlohmann::ordered_json;

namespace {

Diagnostic csv_error(std::string_view text) {
    try {
        parse_csv(text, "data/x.csv");
    } catch (const Error& e) {
        return e.diagnostic();
    }
    FAIL("expected a CSV error for: " << text);
    return {};
}

}  // namespace

TEST_CASE("parse_csv reads rows into objects keyed by the header", "[data][csv]") {
    auto rows = parse_csv("month,plans\n2014-04,120\n2014-05,131\n", "x.csv");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["month"] == "2014-04");
    CHECK(rows[0]["plans"] == 120);
    CHECK(rows[1]["plans"] == 131);
    CHECK(rows[0].begin().key() == "month");  // keys in column order
}

TEST_CASE("parse_csv types cells", "[data][csv]") {
    auto rows = parse_csv(
        "a,b,c,d,e,f,g,h,i,j\n"
        "12,-5,3.5,007,\"1,234\",true,FALSE,,text,1e3\n",
        "x.csv");
    const auto& r = rows.at(0);
    CHECK(r["a"].is_number_integer());
    CHECK(r["a"] == 12);
    CHECK(r["b"] == -5);
    CHECK(r["c"].is_number_float());
    CHECK(r["c"] == 3.5);
    CHECK(r["d"] == "007");
    CHECK(r["e"] == "1,234");
    CHECK(r["f"] == true);
    CHECK(r["g"] == false);
    CHECK(r["h"].is_null());
    CHECK(r["i"] == "text");
    CHECK(r["j"] == 1000.0);

    auto more = parse_csv("a,b,c,d\n+5,.5,-0.25,99999999999999999999\n", "x.csv").at(0);
    CHECK(more["a"] == "+5");
    CHECK(more["b"] == ".5");
    CHECK(more["c"] == -0.25);
    CHECK(more["d"] == "99999999999999999999");  // too big for 64 bits: kept as text
}

TEST_CASE("parse_csv handles quoting as RFC 4180 does", "[data][csv]") {
    auto rows = parse_csv(
        "name,note\r\n"
        "\"Smith, J\",\"said \"\"hi\"\"\"\r\n"
        "\"two\r\nlines\",x\r\n",
        "x.csv");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["name"] == "Smith, J");
    CHECK(rows[0]["note"] == "said \"hi\"");
    CHECK(rows[1]["name"] == "two\nlines");
    CHECK(rows[1]["note"] == "x");
}

TEST_CASE("parse_csv: BOM, no final newline, blank lines, spaces", "[data][csv]") {
    auto rows = parse_csv("\xEF\xBB\xBF" "a,b\n\n1, \"x\" \n\n2,y", "x.csv");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["a"] == 1);
    CHECK(rows[0]["b"] == "x");
    CHECK(rows[1]["b"] == "y");
    CHECK(rows[0].contains("a"));  // the BOM is not part of the first heading

    CHECK(parse_csv("a,b\n", "x.csv") == json::array());
    CHECK_THROWS_AS(parse_csv("a\n,\n", "x.csv"), Error);  // a line of one comma is two cells
}

TEST_CASE("a ragged row is an error at that row", "[data][csv]") {
    auto more = csv_error("a,b\n1,2\n3,4,5\n");
    CHECK(more.location.file == "data/x.csv");
    CHECK(more.location.line == 3);
    CHECK(more.location.column == 5);
    CHECK(more.message == "this row has 3 cells but the heading row has 2");
    CHECK(more.source_line == "3,4,5");

    auto thousands = csv_error("name,total\nA,1,234\n");
    CHECK(thousands.location.line == 2);
    CHECK(thousands.location.column == 5);
    CHECK(thousands.hint == "a number written with a thousands comma must be in quotes "
                            "(`\"1,234\"`) or written without it (`1234`)");

    auto trailing = csv_error("a,b\n1,2,\n");
    CHECK(trailing.hint == "remove the extra `,` at the end of the row");

    auto fewer = csv_error("a,b,c\r\n1,2\r\n");
    CHECK(fewer.location.line == 2);
    CHECK(fewer.location.column == 4);
    CHECK(fewer.message == "this row has 2 cells but the heading row has 3");
}

TEST_CASE("an unterminated quote is an error at the opening quote", "[data][csv]") {
    auto d = csv_error("a,b\n1,\"open\n2,3\n");
    CHECK(d.location.line == 2);
    CHECK(d.location.column == 3);
    CHECK(d.message == "this quoted cell is never closed");
}

TEST_CASE("text after a closing quote", "[data][csv]") {
    auto d = csv_error("a\n\"say \"hi\"\"\n");
    CHECK(d.location.line == 2);
    CHECK(d.location.column == 7);
    CHECK(d.message == "unexpected text after the closing quote of a cell");
}

TEST_CASE("headings must be present and distinct", "[data][csv]") {
    auto empty = csv_error("a,,c\n1,2,3\n");
    CHECK(empty.location.line == 1);
    CHECK(empty.location.column == 3);
    CHECK(empty.message == "column 2 has no heading");

    auto twice = csv_error("month,plans,month\n");
    CHECK(twice.location.column == 13);
    CHECK(twice.message == "the heading `month` is used twice (columns 1 and 3)");

    auto nothing = csv_error("\xEF\xBB\xBF");
    CHECK(nothing.message == "the CSV file is empty");
}

TEST_CASE("CSV that is not UTF-8", "[data][csv]") {
    auto d = csv_error("name\nCaf\xE9\n");
    CHECK(d.location.line == 2);
    CHECK(d.location.column == 4);
    CHECK(d.message == "the file is not valid UTF-8 (byte 0xE9)");
    CHECK(d.source_line == "Caf");
}

// Found by fuzzing (fuzz/csv.cpp): std::regex recursed once per character, so a long cell
// overflowed the stack and crashed the build.
TEST_CASE("long cells are read without running out of stack", "[data][csv]") {
    std::string digits(300'000, '1');
    auto rows = parse_csv("a,b\n" + digits + ",1." + digits + "\n", "x.csv");
    CHECK(rows[0]["a"] == digits);  // too big for 64 bits: kept as text
    CHECK(rows[0]["b"].is_number_float());
    // The hint about thousands commas looks at every cell of a row that is too long.
    auto d = csv_error("a\n1,234." + digits + "\n");
    CHECK(d.message == "this row has 2 cells but the heading row has 1");
    CHECK(d.hint.find("thousands comma") != std::string::npos);
}
