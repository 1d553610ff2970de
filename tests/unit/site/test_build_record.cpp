#include <catch2/catch.hpp>

#include "site/build_record.hpp"

using namespace boardpress::site;

TEST_CASE("a build record reads back what was written", "[site][record]") {
    BuildRecord record;
    record.outputs["index.html"] = {.key = 0xabcdef0123456789ull, .size = 1234, .mtime = -5};
    record.outputs["a b/report.pdf"] = {
        .key = 42, .size = 196076, .mtime = 1763937000123456789, .pages = 32};
    std::string text = record_text(record, "1.0");
    auto read = parse_record(text, "1.0");
    REQUIRE(read);
    CHECK(read->outputs.at("index.html").key == 0xabcdef0123456789ull);
    CHECK(read->outputs.at("a b/report.pdf").pages == 32);
    CHECK(read->outputs.at("a b/report.pdf").size == 196076);
    CHECK(read->outputs.at("a b/report.pdf").mtime == 1763937000123456789);
    CHECK(read->outputs.at("index.html").mtime == -5);
}

TEST_CASE("a damaged, cut-short or foreign record is not trusted", "[site][record]") {
    BuildRecord record;
    record.outputs["index.html"] = {1, 2, 0};
    record.outputs["about.html"] = {3, 4, 0};
    std::string text = record_text(record, "1.0");
    CHECK_FALSE(parse_record(text, "1.1"));                             // another version
    CHECK_FALSE(parse_record(text.substr(0, text.size() / 2), "1.0"));  // cut short
    CHECK_FALSE(parse_record(text.substr(0, text.rfind("end")), "1.0"));
    CHECK_FALSE(parse_record("", "1.0"));
    CHECK_FALSE(parse_record("garbage\n", "1.0"));
    std::string extra = text;
    extra.insert(extra.find('\n') + 1, "zz 1 0 x.html\n");  // not a hex key
    CHECK_FALSE(parse_record(extra, "1.0"));
    std::string miscounted = text;
    miscounted.replace(miscounted.rfind("end 2"), 5, "end 3");
    CHECK_FALSE(parse_record(miscounted, "1.0"));
}
