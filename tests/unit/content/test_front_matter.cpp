#include <catch2/catch.hpp>

#include "content/content.hpp"

using namespace boardpress;
using namespace boardpress::content;
using json = nlohmann::ordered_json;

namespace {

// The error parse_front_matter throws for `yaml` starting on line 2 of content/a.md.
Diagnostic yaml_error(std::string_view yaml) {
    try {
        parse_front_matter(yaml, "content/a.md", 2);
    } catch (const Error& e) {
        return e.diagnostic();
    }
    FAIL("expected a YAML error for: " << yaml);
    return {};
}

Diagnostics check(std::string_view text) {
    Diagnostics diagnostics;
    auto split = split_front_matter(text, "content/a.md");
    FrontMatter front_matter;
    if (split.yaml_line > 0)
        front_matter = parse_front_matter_located(split.yaml, "content/a.md", split.yaml_line);
    check_front_matter(front_matter, "content/a.md", text, diagnostics);
    return diagnostics;
}

Diagnostic only_error(std::string_view text) {
    auto diagnostics = check(text);
    INFO(text);
    REQUIRE(diagnostics.items().size() == 1);
    return diagnostics.items().front();
}

}  // namespace

TEST_CASE("split_front_matter finds the fences", "[content][front matter]") {
    auto split = split_front_matter("---\ntitle: A\n---\n# Body\n", "a.md");
    CHECK(split.yaml == "title: A\n");
    CHECK(split.body == "# Body\n");
    CHECK(split.yaml_line == 2);
    CHECK(split.body_line == 4);

    auto none = split_front_matter("# Just a body\n---\n", "a.md");
    CHECK(none.yaml.empty());
    CHECK(none.yaml_line == 0);
    CHECK(none.body == "# Just a body\n---\n");
    CHECK(none.body_line == 1);

    auto empty = split_front_matter("---\n---\n", "a.md");
    CHECK(empty.yaml.empty());
    CHECK(empty.yaml_line == 2);
    CHECK(empty.body.empty());
    CHECK(empty.body_line == 3);

    auto at_end = split_front_matter("---\na: 1\n---", "a.md");
    CHECK(at_end.yaml == "a: 1\n");
    CHECK(at_end.body.empty());
}

TEST_CASE("split_front_matter accepts a BOM, CRLF and trailing spaces", "[content][front matter]") {
    auto split = split_front_matter("\xEF\xBB\xBF---\r\ntitle: A\r\n---  \r\nBody\r\n", "a.md");
    CHECK(split.yaml == "title: A\r\n");
    CHECK(split.body == "Body\r\n");
    CHECK(split.body_line == 4);
}

TEST_CASE("an unclosed front matter is an error at the opening fence", "[content][front matter]") {
    try {
        split_front_matter("---\ntitle: A\n\n# Body\n", "content/a.md");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.diagnostic().location.file == "content/a.md");
        CHECK(e.diagnostic().location.line == 1);
        CHECK(e.diagnostic().location.column == 1);
        CHECK(e.diagnostic().message == "the front matter opened here is never closed");
        CHECK(e.diagnostic().hint == "add a line with only `---` after the front matter");
        CHECK(e.diagnostic().source_line == "---");
    }
}

TEST_CASE("parse_front_matter types scalars as YAML 1.2 core", "[content][front matter]") {
    auto fm = parse_front_matter(
        "title: Annual report\n"
        "date: 2015-06-30\n"
        "quoted: \"12\"\n"
        "single: 'true'\n"
        "n: 12\n"
        "neg: -7\n"
        "hex: 0x1F\n"
        "f: 1.5\n"
        "e: 1e3\n"
        "yes_is_text: yes\n"
        "t: true\n"
        "F: False\n"
        "z: ~\n"
        "nothing:\n"
        "null_word: null\n"
        "tagged: !!str 5\n"
        "inf: .inf\n"
        "list: [1, a, {b: 2}]\n"
        "block: |\n"
        "  line one\n"
        "  line two\n"
        "nested:\n"
        "  x: 1\n",
        "a.md", 2);
    CHECK(fm["title"] == "Annual report");
    CHECK(fm["date"] == "2015-06-30");
    CHECK(fm["quoted"] == "12");
    CHECK(fm["single"] == "true");
    CHECK(fm["n"] == 12);
    CHECK(fm["n"].is_number_integer());
    CHECK(fm["neg"] == -7);
    CHECK(fm["hex"] == 31);
    CHECK(fm["f"] == 1.5);
    CHECK(fm["e"] == 1000.0);
    CHECK(fm["yes_is_text"] == "yes");
    CHECK(fm["t"] == true);
    CHECK(fm["F"] == false);
    CHECK(fm["z"].is_null());
    CHECK(fm["nothing"].is_null());
    CHECK(fm["null_word"].is_null());
    CHECK(fm["tagged"] == "5");
    CHECK(fm["inf"] == ".inf");
    CHECK(fm["list"] == json::parse(R"([1, "a", {"b": 2}])"));
    CHECK(fm["block"] == "line one\nline two\n");
    CHECK(fm["nested"]["x"] == 1);
    CHECK(fm.begin().key() == "title");  // keys keep their order
    CHECK(parse_front_matter("", "a.md", 2) == json::object());
    CHECK(parse_front_matter("# only a comment\n", "a.md", 2) == json::object());
}

TEST_CASE("parse_front_matter_located keeps key positions", "[content][front matter]") {
    auto fm = parse_front_matter_located("title: é\n  \ndraft: true\n", "content/a.md", 2);
    CHECK(fm.keys.at("title").line == 2);
    CHECK(fm.keys.at("title").column == 1);
    CHECK(fm.keys.at("draft").line == 4);
    CHECK(fm.keys.at("draft").file == "content/a.md");
}

TEST_CASE("YAML errors at the file's line and column", "[content][front matter]") {
    SECTION("a tab indent") {
        auto d = yaml_error("title: A\n\tdate: 1\n");
        CHECK(d.location.file == "content/a.md");
        CHECK(d.location.line == 3);
        CHECK(d.location.column == 1);
        CHECK(d.message == "YAML syntax error: a tab is used for indentation");
        CHECK(d.hint == "indent with spaces; YAML does not allow tabs for indentation");
        CHECK(d.source_line == "\tdate: 1");
    }
    SECTION("a missing space after a colon") {
        auto d = yaml_error("title: A\ndate:2015-06-30\n");
        CHECK(d.location.line == 3);
        CHECK(d.location.column == 5);
        CHECK(d.message == "YAML syntax error: no space after the `:` of `date`");
        CHECK(d.hint == "write `date: 2015-06-30`");

        auto only = yaml_error("title:A\n");
        CHECK(only.location.line == 2);
        CHECK(only.message == "the front matter must be `key: value` lines");
        CHECK(only.hint == "put a space after the colon: `title: A`");
    }
    SECTION("an unclosed quote") {
        auto d = yaml_error("title: \"Annual report\ndate: 2015-06-30\n");
        CHECK(d.location.line == 2);
        CHECK(d.location.column == 8);
        CHECK(d.message == "YAML syntax error: this quoted text is never closed");
        CHECK(d.hint == "add the closing `\"` at the end of the text");

        auto single = yaml_error("a: 1\nb: 'x\n");
        CHECK(single.location.line == 3);
        CHECK(single.location.column == 4);
        CHECK(single.message == "YAML syntax error: this quoted text is never closed");
    }
    SECTION("a colon inside a value") {
        auto d = yaml_error("title: Annual report: 2015\n");
        CHECK(d.location.line == 2);
        CHECK(d.location.column == 21);
        CHECK(d.message == "YAML syntax error: `: ` inside a value");
        CHECK(d.hint == "put the value in quotes: `title: \"Annual report: 2015\"`");
    }
    SECTION("an apostrophe inside single quotes") {
        auto d = yaml_error("title: 'it's here'\n");
        CHECK(d.location.column == 12);
        CHECK(d.message == "YAML syntax error: the text in single quotes ends early");
    }
    SECTION("indentation") {
        auto more = yaml_error("title: A\n  date: 1\n");
        CHECK(more.location.line == 3);
        CHECK(more.location.column == 3);
        CHECK(more.message == "YAML syntax error: this line is indented more than the line above");

        auto list = yaml_error("tags:\n  - a\n - b\n");
        CHECK(list.location.line == 4);
        CHECK(list.location.column == 2);
        CHECK(list.message == "YAML syntax error: this list item does not line up with the one above");

        auto stray = yaml_error("title: A\n- b\n");
        CHECK(stray.location.line == 3);
        CHECK(stray.message == "YAML syntax error: a list item where a key was expected");

        auto bare = yaml_error("title\ndate: 1\n");
        CHECK(bare.location.line == 2);
        CHECK(bare.location.column == 1);
        CHECK(bare.message == "YAML syntax error: this line is not `key: value`");
    }
    SECTION("unclosed brackets") {
        auto d = yaml_error("title: A\ntags: [a, b\nc: 1\n");
        CHECK(d.location.line == 3);
        CHECK(d.location.column == 7);
        CHECK(d.message == "YAML syntax error: a `[` list is never closed");
    }
    SECTION("escapes, unknown tokens, anchors") {
        auto escape = yaml_error("path: \"C:\\docs\"\n");
        CHECK(escape.location.column == 10);
        CHECK(escape.message == "YAML syntax error: `\\d` is not a valid escape in double quotes");

        auto at = yaml_error("contact: @board\n");
        CHECK(at.location.column == 10);
        CHECK(at.message == "YAML syntax error: a value cannot start with `@`");

        auto star = yaml_error("rating: *five\n");
        CHECK(star.location.column == 9);
        CHECK(star.message == "YAML syntax error: `*five` refers to an anchor that is not defined");
    }
    SECTION("duplicate keys and odd keys") {
        auto twice = yaml_error("title: A\ndate: 2015-06-30\ntitle: B\n");
        CHECK(twice.location.line == 4);
        CHECK(twice.location.column == 1);
        CHECK(twice.message == "`title` is given twice");

        auto list_key = yaml_error("? [a, b]\n: 1\n");
        CHECK(list_key.message == "YAML syntax error: a key must be plain text");

        auto not_map = yaml_error("- a\n- b\n");
        CHECK(not_map.message == "the front matter must be `key: value` lines");
    }
    SECTION("columns count characters") {
        auto d = yaml_error("title: café: x\n");
        CHECK(d.location.column == 12);
    }
}

TEST_CASE("check_front_matter accepts good front matter", "[content][front matter]") {
    auto diagnostics = check(
        "---\n"
        "title: Annual report 2014-15\n"
        "kind: annual-report\n"
        "date: 2015-06-30\n"
        "as_of: 2015-03-31\n"
        "draft: false\n"
        "weight: 2.5\n"
        "numbering: sections\n"
        "pdf: {page_size: A4}\n"
        "template: report.html\n"
        "summary: What we did\n"
        "anything_else: [kept]\n"
        "---\n");
    CHECK(diagnostics.empty());
    CHECK(check("---\ntitle: A\npdf: true\n---\n").empty());
}

TEST_CASE("check_front_matter: title", "[content][front matter]") {
    auto missing = only_error("---\ndate: 2015-06-30\n---\nBody\n");
    CHECK(missing.location.line == 1);
    CHECK(missing.location.column == 1);
    CHECK(missing.message == "the page has no `title`");
    CHECK(missing.hint == "add `title: ...` to the front matter");
    CHECK(missing.source_line == "---");

    auto no_front_matter = only_error("# Heading\n");
    CHECK(no_front_matter.location.line == 1);
    CHECK(no_front_matter.hint.find("start the file with front matter") == 0);

    auto number = only_error("---\ntitle: 2015\n---\n");
    CHECK(number.location.line == 2);
    CHECK(number.location.column == 1);
    CHECK(number.message == "`title` must be text, not a number");
    CHECK(number.hint == "put it in quotes: `title: \"2015\"`");

    auto empty = only_error("---\ntitle: ''\n---\n");
    CHECK(empty.message == "`title` is empty");
}

TEST_CASE("check_front_matter: each known key at its line", "[content][front matter]") {
    auto kind = only_error("---\ntitle: A\nkind: anual-report\n---\n");
    CHECK(kind.location.line == 3);
    CHECK(kind.location.column == 1);
    CHECK(kind.message == "`kind` must be one of annual-report, business-plan, leaflet, summary, "
                          "report, page, not `anual-report`");
    CHECK(kind.hint == "did you mean `annual-report`?");
    CHECK(kind.source_line == "kind: anual-report");

    auto date = only_error("---\ntitle: A\n\ndate: 30/06/2015\n---\n");
    CHECK(date.location.line == 4);
    CHECK(date.message == "`date` must be a date written YYYY-MM-DD, like 2015-06-30");
    CHECK(date.hint == "write `date: 2015-06-30`");

    auto short_date = only_error("---\ntitle: A\ndate: 2015-6-3\n---\n");
    CHECK(short_date.hint == "write `date: 2015-06-03`");

    auto unreal = only_error("---\ntitle: A\nas_of: 2015-02-29\n---\n");
    CHECK(unreal.location.line == 3);
    CHECK(unreal.message == "`as_of` is not a real date: 2015-02-29");

    auto year = only_error("---\ntitle: A\ndate: 2015\n---\n");
    CHECK(year.hint == "write the whole date, like `date: 2015-06-30`");

    auto draft = only_error("---\ntitle: A\ndraft: yes\n---\n");
    CHECK(draft.location.line == 3);
    CHECK(draft.message == "`draft` must be true or false, not text");
    CHECK(draft.hint == "write `draft: true` or `draft: false`, without quotes");

    auto weight = only_error("---\ntitle: A\nweight: '3'\n---\n");
    CHECK(weight.message == "`weight` must be a number, not text");

    auto numbering = only_error("---\ntitle: A\nnumbering: section\n---\n");
    CHECK(numbering.message ==
          "`numbering` must be one of none, paragraphs, sections, not `section`");
    CHECK(numbering.hint == "did you mean `sections`?");

    auto pdf = only_error("---\ntitle: A\npdf: [a]\n---\n");
    CHECK(pdf.message == "`pdf` must be true, false or a mapping of PDF settings, not a list");

    auto layout = only_error("---\ntitle: A\ntemplate: report\n---\n");
    CHECK(layout.location.line == 3);
    CHECK(layout.message == "`template` must name an .html file in templates/, not `report`");
    CHECK(layout.hint == "write `template: report.html`");

    auto summary = only_error("---\ntitle: A\nsummary: [a, b]\n---\n");
    CHECK(summary.message == "`summary` must be text, not a list");

    // Every problem is reported, in order.
    auto all = check("---\ntitle: A\ndraft: 1\nweight: x\n---\n");
    REQUIRE(all.items().size() == 2);
    CHECK(all.items()[0].location.line == 3);
    CHECK(all.items()[1].location.line == 4);
}

TEST_CASE("is_iso_date and section_slug", "[content]") {
    CHECK(is_iso_date("2015-06-30"));
    CHECK(is_iso_date("2016-02-29"));
    CHECK_FALSE(is_iso_date("2015-02-29"));
    CHECK_FALSE(is_iso_date("1900-02-29"));
    CHECK(is_iso_date("2000-02-29"));
    CHECK_FALSE(is_iso_date("2015-13-01"));
    CHECK_FALSE(is_iso_date("2015-6-30"));
    CHECK_FALSE(is_iso_date("2015-06-30T10:00"));

    CHECK(section_slug("02-chair") == "chair");
    CHECK(section_slug("1_intro") == "intro");
    CHECK(section_slug("001-a") == "a");
    CHECK(section_slug("2015-figures") == "2015-figures");  // four digits: not an order prefix
    CHECK(section_slug("chair") == "chair");
    CHECK(section_slug("01-") == "01-");
    CHECK(section_slug("01") == "01");
}

// Found by fuzzing (fuzz/front_matter.cpp): yaml-cpp writes these escapes as lone Latin-1 bytes,
// and the invalid UTF-8 then broke every later use of the front matter (JSON dumps threw).
TEST_CASE("front matter escapes \\_ and \\N give UTF-8", "[content][front matter]") {
    auto values = parse_front_matter("title: \"Annual\\_report\"\nnote: \"a\\Nb\"\nkey: [\"\\_\"]\n",
                                     "content/a.md", 2);
    CHECK(values["title"] == "Annual\xC2\xA0report");
    CHECK(values["note"] == "a\xC2\x85" "b");
    CHECK(values["key"][0] == "\xC2\xA0");
    CHECK_NOTHROW(values.dump());
    auto keys = parse_front_matter("\"a\\_b\": 1\n", "content/a.md", 2);
    CHECK(keys.begin().key() == "a\xC2\xA0" "b");
}

TEST_CASE("a NUL byte in front matter is an error at its place", "[content][front matter]") {
    // yaml-cpp read "\0_" in plain text as an escape and gave a lone 0xA0 byte.
    auto d = yaml_error(std::string_view("title: A\ni\x0b\x00_: x\n", 17));
    CHECK(d.location.file == "content/a.md");
    CHECK(d.location.line == 3);
    CHECK(d.location.column == 3);
    CHECK(d.message == "the front matter contains a NUL character (byte 0)");
}

// Found by fuzzing: aliases of aliases ("billion laughs") made the conversion to JSON take
// exponential time and memory; a few lines of front matter hung the build.
TEST_CASE("front matter that aliases expand too far is an error", "[content][front matter]") {
    std::string yaml = "title: A\na: &a [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]\n";
    for (char name : std::string("bcd")) {
        yaml += std::string(1, name) + ": &" + name + " [";
        for (int i = 0; i < 20; ++i) yaml += std::string(i ? ", " : "") + "*" + char(name - 1);
        yaml += "]\n";
    }
    auto d = yaml_error(yaml);  // 20^4 values: too many
    CHECK(d.message ==
          "the front matter holds more than 100000 values once its aliases (`*name`) are copied out");
    CHECK(d.location.file == "content/a.md");
    // A few aliases are fine.
    auto values = parse_front_matter("a: &a [1, 2]\nb: [*a, *a]\n", "content/a.md", 2);
    CHECK(values["b"][1][1] == 2);
}
