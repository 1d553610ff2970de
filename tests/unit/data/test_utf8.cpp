#include <catch2/catch.hpp>

#include "data/data.hpp"

using boardpress::data::find_invalid_utf8;
using boardpress::data::utf8_from_latin1_bytes;

TEST_CASE("utf8_from_latin1_bytes re-encodes only the bytes that are not UTF-8", "[data][utf8]") {
    CHECK(utf8_from_latin1_bytes("") == "");
    CHECK(utf8_from_latin1_bytes("plain \xE2\x80\x93 text") == "plain \xE2\x80\x93 text");
    CHECK(utf8_from_latin1_bytes("a\xA0" "b\x85") == "a\xC2\xA0" "b\xC2\x85");
    // A sequence cut short: each of its bytes is taken as Latin-1.
    CHECK(utf8_from_latin1_bytes("\xE2\x80x") == "\xC3\xA2\xC2\x80x");
    CHECK_FALSE(find_invalid_utf8(utf8_from_latin1_bytes("\xFF\xC0\xED\xA0\x80")).has_value());
}
