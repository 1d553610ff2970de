#include <catch2/catch.hpp>

#include "data/data.hpp"

using namespace boardpress;
using data::parse_json;

namespace {

Diagnostic json_error(std::string_view text) {
    try {
        parse_json(text, "data/x.json");
    } catch (const Error& e) {
        return e.diagnostic();
    }
    FAIL("expected a JSON error for: " << text);
    return {};
}

}  // namespace

TEST_CASE("parse_json parses valid JSON", "[data][json]") {
    auto j = parse_json(R"({"a": [1, 2.5, "x", true, null], "b": {"c": -3}})", "f.json");
    CHECK(j["a"][0] == 1);
    CHECK(j["a"][1] == 2.5);
    CHECK(j["a"][2] == "x");
    CHECK(j["b"]["c"] == -3);
}

TEST_CASE("parse_json keeps key order, and the last of a repeated key", "[data][json]") {
    auto j = parse_json(R"({"b": 1, "a": 2, "b": 3})", "f.json");
    CHECK(j.dump() == R"({"b":3,"a":2})");
}

TEST_CASE("parse_json skips a byte order mark", "[data][json]") {
    CHECK(parse_json("\xEF\xBB\xBF[1]", "f.json") == nlohmann::ordered_json::array({1}));
    // Positions are counted after the BOM.
    auto d = json_error("\xEF\xBB\xBF[1,]");
    CHECK(d.location.line == 1);
    CHECK(d.location.column == 4);
}

TEST_CASE("a trailing comma in an object", "[data][json]") {
    auto d = json_error("{\n  \"a\": 1,\n}\n");
    CHECK(d.location.file == "data/x.json");
    CHECK(d.location.line == 3);
    CHECK(d.location.column == 1);
    CHECK(d.message == "JSON syntax error: expected a key in double quotes, found `}`");
    CHECK(d.hint ==
          "remove the trailing comma at line 2, column 9: JSON does not allow a comma after the last item");
    CHECK(d.source_line == "}");
}

TEST_CASE("a trailing comma in an array", "[data][json]") {
    auto d = json_error("[1, 2,]");
    CHECK(d.location.line == 1);
    CHECK(d.location.column == 7);
    CHECK(d.message == "JSON syntax error: expected a value, found `]`");
    CHECK(d.hint ==
          "remove the trailing comma at line 1, column 6: JSON does not allow a comma after the last item");
}

TEST_CASE("single quotes", "[data][json]") {
    auto d = json_error("{\"a\": 'hello'}");
    CHECK(d.location.column == 7);
    CHECK(d.message == "JSON syntax error: strings must be in double quotes, found `'hello'`");
    CHECK(d.hint == "write `\"hello\"` instead of `'hello'`");

    auto key = json_error("{'a': 1}");
    CHECK(key.location.column == 2);
    CHECK(key.message == "JSON syntax error: keys must be in double quotes, found `'a'`");
}

TEST_CASE("a missing comma between items", "[data][json]") {
    auto d = json_error("{\n  \"a\": 1\n  \"b\": 2\n}");
    CHECK(d.location.line == 3);
    CHECK(d.location.column == 3);
    CHECK(d.message == "JSON syntax error: expected `,` or `}`, found `\"b\"`");
    CHECK(d.hint == "add a `,` at the end of line 2, after the previous item");

    auto same_line = json_error("[1 2]");
    CHECK(same_line.location.column == 4);
    CHECK(same_line.message == "JSON syntax error: expected `,` or `]`, found `2`");
    CHECK(same_line.hint == "add a `,` before this item");
}

TEST_CASE("an unquoted key", "[data][json]") {
    auto d = json_error("{\n  title: \"x\"\n}");
    CHECK(d.location.line == 2);
    CHECK(d.location.column == 3);
    CHECK(d.message == "JSON syntax error: the key `title` is not in double quotes");
    CHECK(d.hint == "write it as `\"title\"`");
}

TEST_CASE("comments", "[data][json]") {
    auto line = json_error("{\"a\": 1 // the count\n}");
    CHECK(line.location.column == 9);
    CHECK(line.message == "JSON syntax error: JSON does not allow comments");
    auto block = json_error("/* header */\n[1]");
    CHECK(block.location.line == 1);
    CHECK(block.location.column == 1);
    CHECK(block.message == "JSON syntax error: JSON does not allow comments");
    auto hash = json_error("[1, # no\n2]");
    CHECK(hash.location.column == 5);
    CHECK(hash.message == "JSON syntax error: expected a value, found `#`");
}

TEST_CASE("unclosed strings and brackets", "[data][json]") {
    auto s = json_error("{\"a\": \"hello\n}");
    CHECK(s.location.line == 1);
    CHECK(s.location.column == 7);
    CHECK(s.message == "JSON syntax error: this string has no closing `\"`");

    auto b = json_error("{\"a\": [1, 2\n");
    CHECK(b.location.line == 2);
    CHECK(b.location.column == 1);
    CHECK(b.message == "JSON syntax error: expected `,` or `]`, found the end of the file");
    CHECK(b.hint == "the `[` at line 1, column 7 is never closed");

    auto wrong = json_error("{\"a\": [1, 2}");
    CHECK(wrong.location.column == 12);
    CHECK(wrong.hint == "the `[` at line 1, column 7 is closed with `}`; use `]`");
}

TEST_CASE("bad values", "[data][json]") {
    auto t = json_error("[True]");
    CHECK(t.location.column == 2);
    CHECK(t.message == "JSON syntax error: `True` is not a JSON value");
    CHECK(t.hint == "write `true` in lower case");

    auto word = json_error("{\"a\": hello}");
    CHECK(word.location.column == 7);
    CHECK(word.hint == "put text in double quotes: `\"hello\"`");

    auto zero = json_error("[007]");
    CHECK(zero.location.column == 2);
    CHECK(zero.message == "JSON syntax error: `007` is not a valid JSON number");
    CHECK(zero.hint == "a number cannot start with 0: write `7`, or `\"007\"` in quotes to keep "
                       "the zeros");

    auto date = json_error("{\"d\": 2015-06-30}");
    CHECK(date.location.column == 7);
    CHECK(date.hint == "put dates in double quotes: `\"2015-06-30\"`");

    CHECK(json_error("[.5]").hint == "write a 0 before the point: `0.5`");
    CHECK(json_error("[+1]").hint == "write the number without the `+`: `1`");
    CHECK(json_error("[1.]").hint == "write a digit after the point, or drop it: `1`");
}

TEST_CASE("bad escapes and control characters", "[data][json]") {
    auto e = json_error("[\"C:\\data\"]");
    CHECK(e.location.column == 5);
    CHECK(e.message == "JSON syntax error: `\\d` is not a valid escape");

    auto tab = json_error("[\"a\tb\"]");
    CHECK(tab.location.column == 4);
    CHECK(tab.message == "JSON syntax error: a tab inside a string");
    CHECK(tab.hint == "write the tab as `\\t`");
}

TEST_CASE("structure errors", "[data][json]") {
    auto empty = json_error("  \n");
    CHECK(empty.message == "JSON syntax error: the file is empty");
    CHECK(empty.location.line == 2);

    auto extra = json_error("{}\n}");
    CHECK(extra.location.line == 2);
    CHECK(extra.message == "JSON syntax error: unexpected `}` after the end of the data");

    auto two = json_error("{} {}");
    CHECK(two.location.column == 4);
    CHECK(two.hint ==
          "a JSON file holds one value; to give several, put them in a list: `[ ..., ... ]`");

    auto equals = json_error("{\"a\" = 1}");
    CHECK(equals.location.column == 6);
    CHECK(equals.message == "JSON syntax error: expected `:` after the key, found `=`");
    CHECK(equals.hint == "use `:` between a key and its value");

    auto missing_value = json_error("{\"a\": }");
    CHECK(missing_value.location.column == 7);
    CHECK(missing_value.message == "JSON syntax error: expected a value, found `}`");

    auto commas = json_error("[1,,2]");
    CHECK(commas.location.column == 4);
    CHECK(commas.hint == "there are two commas in a row");
}

TEST_CASE("columns count characters, not bytes", "[data][json]") {
    auto d = json_error("{\"café\": 1,}");
    CHECK(d.location.column == 12);
}

TEST_CASE("invalid UTF-8 is reported at the bad byte", "[data][json]") {
    auto d = json_error("{\"a\": \"caf\xE9\"}");
    CHECK(d.location.line == 1);
    CHECK(d.location.column == 11);
    CHECK(d.message == "the file is not valid UTF-8 (byte 0xE9)");
}

TEST_CASE("index_json_positions finds keys and values", "[data][json]") {
    std::string text = "{\n  \"title\": \"x\",\n  \"nav\": [ {\"url\": 1} ],\n  \"a/b\": 2\n}";
    auto positions = data::index_json_positions(text);
    CHECK(positions.at.at("").value == 0);
    CHECK(positions.at.at("/title").key == text.find("\"title\""));
    CHECK(positions.at.at("/title").value == text.find("\"x\""));
    CHECK(positions.at.at("/nav/0").key == data::JsonPosition::none);
    CHECK(positions.at.at("/nav/0").value == text.find("{\"url\""));
    CHECK(positions.at.at("/nav/0/url").key == text.find("\"url\""));
    CHECK(positions.at.at("/a~1b").value == text.find('2'));
    CHECK(positions.duplicates.empty());
}

TEST_CASE("index_json_positions decodes escaped keys and notes duplicates", "[data][json]") {
    std::string text = R"({"caf\u00e9": {"x": 1}, "b": 1, "caf\u00e9": 2})";
    auto positions = data::index_json_positions(text);
    CHECK(positions.at.count("/café") == 1);
    CHECK(positions.at.at("/café").value == text.rfind('2'));
    CHECK(positions.at.count("/café/x") == 0);  // belonged to the value that was replaced
    REQUIRE(positions.duplicates.size() == 1);
    CHECK(positions.duplicates[0].first == "/café");
    CHECK(positions.duplicates[0].second == text.rfind("\"caf"));
}

TEST_CASE("find_invalid_utf8", "[data]") {
    CHECK_FALSE(data::find_invalid_utf8("plain £ € 𝄞").has_value());
    CHECK(data::find_invalid_utf8("ab\xC0\xAF") == 2u);      // overlong
    CHECK(data::find_invalid_utf8("\xED\xA0\x80") == 0u);    // surrogate
    CHECK(data::find_invalid_utf8("x\xE2\x82") == 1u);       // truncated
    CHECK(data::find_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // above U+10FFFF
}

// Found by fuzzing (fuzz/json.cpp): a number beyond a double made nlohmann throw out_of_range,
// which nothing caught, and a long number overflowed the stack in std::regex.
TEST_CASE("a number too large for a double is an error at the number", "[data][json]") {
    auto d = json_error("{\"a\": [1, 1e400]}");
    CHECK(d.location.line == 1);
    CHECK(d.location.column == 11);
    CHECK(d.message == "the number `1e400` is too large");
    CHECK(d.source_line == "{\"a\": [1, 1e400]}");
    std::string long_number = "[" + std::string(300'000, '1') + "]";
    CHECK(json_error(long_number).location.column == 2);
    std::string zeros = "[0" + std::string(300'000, '1') + "]";
    CHECK(json_error(zeros).message.find("number") != std::string::npos);
}

TEST_CASE("number_syntax follows JSON's grammar", "[data][json]") {
    using data::NumberSyntax;
    using data::number_syntax;
    for (const char* integer : {"0", "-0", "12", "-5", "9223372036854775808"})
        CHECK(number_syntax(integer) == NumberSyntax::integer);
    for (const char* decimal : {"3.5", "-0.25", "1e6", "1E+6", "2.5e-3"})
        CHECK(number_syntax(decimal) == NumberSyntax::decimal);
    for (const char* none : {"", "-", "007", "+5", ".5", "5.", "1e", "1e+", "1,234", "0x1F", "1 "})
        CHECK(number_syntax(none) == NumberSyntax::none);
    CHECK(number_syntax(std::string(300'000, '7')) == NumberSyntax::integer);
}
