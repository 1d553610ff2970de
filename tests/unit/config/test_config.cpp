#include <catch2/catch.hpp>

#include "../data/temp_project.hpp"
#include "config/config.hpp"

using namespace boardpress;
using boardpress::testing::TempProject;
using config::parse_config;

namespace {

struct Parsed {
    config::SiteConfig config;
    Diagnostics diagnostics;
};

Parsed parse(std::string_view text) {
    Parsed out;
    out.config = parse_config(text, "boardpress.json", out.diagnostics);
    return out;
}

// The only diagnostic of `text`.
Diagnostic only_error(std::string_view text) {
    auto parsed = parse(text);
    INFO(text);
    REQUIRE(parsed.diagnostics.items().size() == 1);
    return parsed.diagnostics.items().front();
}

const char* minimal = R"({"title": "Board", "organisation": "Council"})";

}  // namespace

TEST_CASE("parse_config reads every setting", "[config]") {
    auto parsed = parse(R"({
  "title": "Safeguarding Board",
  "organisation": "Example Council",
  "base_url": "https://example.org/board",
  "language": "cy",
  "description": "Reports",
  "navigation": [{"title": "Home", "url": "index.html"}, {"title": "About", "url": "about.html"}],
  "theme": {"colours": {"primary": "#123456"}, "fonts": {}},
  "suppression": {"threshold": 10, "mark": "<10"},
  "pdf": {"page_size": "A4"},
  "unsafe_html": true,
  "params": {"phone": "01234 567890"}
})");
    CHECK(parsed.diagnostics.empty());
    const auto& c = parsed.config;
    CHECK(c.title == "Safeguarding Board");
    CHECK(c.organisation == "Example Council");
    CHECK(c.base_url == "https://example.org/board/");
    CHECK(c.language == "cy");
    CHECK(c.description == "Reports");
    REQUIRE(c.navigation.size() == 2);
    CHECK(c.navigation[1].title == "About");
    CHECK(c.navigation[1].url == "about.html");
    CHECK(c.theme["colours"]["primary"] == "#123456");
    CHECK(c.suppression_threshold == 10);
    CHECK(c.suppression_mark == "<10");
    CHECK(c.pdf["page_size"] == "A4");
    CHECK(c.unsafe_html);
    CHECK(c.params["phone"] == "01234 567890");
}

TEST_CASE("parse_config defaults", "[config]") {
    auto parsed = parse(minimal);
    CHECK(parsed.diagnostics.empty());
    CHECK(parsed.config.language == "en-GB");
    CHECK(parsed.config.suppression_threshold == 5);
    CHECK(parsed.config.suppression_mark == "*");
    CHECK_FALSE(parsed.config.unsafe_html);
    CHECK(parsed.config.navigation.empty());
}

TEST_CASE("an unknown key is an error at its line and column", "[config]") {
    auto d = only_error("{\n  \"title\": \"Board\",\n  \"organisation\": \"C\",\n  \"titel\": \"x\"\n}");
    CHECK(d.location.file == "boardpress.json");
    CHECK(d.location.line == 4);
    CHECK(d.location.column == 3);
    CHECK(d.message == "unknown setting `titel`");
    CHECK(d.hint == "did you mean `title`?");
    CHECK(d.source_line == "  \"titel\": \"x\"");

}

TEST_CASE("a misspelt required key reports the typo and the missing key", "[config]") {
    auto parsed = parse(R"({"title": "B", "organization": "C"})");
    REQUIRE(parsed.diagnostics.items().size() == 2);
    CHECK(parsed.diagnostics.items()[0].message == "unknown setting `organization`");
    CHECK(parsed.diagnostics.items()[0].location.column == 16);
    CHECK(parsed.diagnostics.items()[1].message == "`organisation` is missing");
    CHECK(parsed.diagnostics.items()[1].location.column == 1);
}

TEST_CASE("an unknown key with no close match points to params", "[config]") {
    auto d = only_error(R"({"title": "B", "organisation": "C", "phone": "1"})");
    CHECK(d.location.column == 37);
    CHECK(d.hint.find("put values of your own under `params`") != std::string::npos);
}

TEST_CASE("unknown keys in navigation items and suppression", "[config]") {
    auto nav = only_error(
        "{\"title\": \"B\", \"organisation\": \"C\",\n"
        " \"navigation\": [\n"
        "   {\"title\": \"Home\", \"url\": \"index.html\"},\n"
        "   {\"title\": \"About\", \"link\": \"about.html\", \"url\": \"a.html\"}\n"
        " ]}");
    CHECK(nav.location.line == 4);
    CHECK(nav.location.column == 23);
    CHECK(nav.message == "unknown setting `link` in navigation item 2");
    CHECK(nav.hint == "a navigation item has only `title` and `url`");

    auto sup = only_error(
        R"({"title": "B", "organisation": "C", "suppression": {"treshold": 3}})");
    CHECK(sup.location.column == 53);
    CHECK(sup.message == "unknown setting `treshold` in `suppression`");
    CHECK(sup.hint == "did you mean `threshold`?");

    // theme, pdf and params are free-form.
    CHECK(parse(R"({"title": "B", "organisation": "C", "theme": {"anything": 1},
                    "pdf": {"x": 2}, "params": {"y": 3}})")
              .diagnostics.empty());
}

TEST_CASE("a navigation address that runs script is an error at it", "[config]") {
    // Templates write it into every page's menu as it is: it would run when clicked.
    auto js = only_error(
        "{\"title\": \"B\", \"organisation\": \"C\",\n"
        " \"navigation\": [{\"title\": \"Home\", \"url\": \" JaVa\\tScript:alert(1)\"}]}");
    CHECK(js.location.line == 2);
    CHECK(js.location.column == 42);
    CHECK(js.message ==
          "`url` in navigation item 1 is an address that runs script or opens a local file");
    CHECK(only_error(R"({"title": "B", "organisation": "C",
                         "navigation": [{"title": "x", "url": "data:text/html,<b>"}]})")
              .message.starts_with("`url` in navigation item 1"));
    auto fine = parse(R"({"title": "B", "organisation": "C", "navigation": [
        {"title": "a", "url": "about.html"}, {"title": "b", "url": "https://example.org/"},
        {"title": "c", "url": "mailto:board@example.org"}, {"title": "d", "url": "javascript.html"}]})");
    CHECK(fine.diagnostics.empty());
    CHECK(fine.config.navigation.size() == 4);
}

TEST_CASE("wrong types are errors at the value", "[config]") {
    auto title = only_error("{\n  \"title\": 2015,\n  \"organisation\": \"C\"\n}");
    CHECK(title.location.line == 2);
    CHECK(title.location.column == 12);
    CHECK(title.message == "`title` must be a string, not a number");

    auto nav = only_error(R"({"title": "B", "organisation": "C", "navigation": {"a": 1}})");
    CHECK(nav.location.column == 51);
    CHECK(nav.message == "`navigation` must be a list `[ ... ]`, not an object");

    auto item = only_error(R"({"title": "B", "organisation": "C", "navigation": ["Home"]})");
    CHECK(item.location.column == 52);
    CHECK(item.message == "navigation item 1 must be an object, not a string");

    auto url = only_error(R"({"title": "B", "organisation": "C", "navigation": [{"title": "H", "url": 3}]})");
    CHECK(url.location.column == 74);
    CHECK(url.message == "`url` in navigation item 1 must be a string, not a number");

    auto missing_url = only_error(R"({"title": "B", "organisation": "C", "navigation": [{"title": "H"}]})");
    CHECK(missing_url.location.column == 52);
    CHECK(missing_url.message == "`url` is missing in navigation item 1");

    auto theme = only_error(R"({"title": "B", "organisation": "C", "theme": "dark"})");
    CHECK(theme.location.column == 46);
    CHECK(theme.message == "`theme` must be an object `{ ... }`, not a string");

    auto html = only_error(R"({"title": "B", "organisation": "C", "unsafe_html": "yes"})");
    CHECK(html.location.column == 52);
    CHECK(html.message == "`unsafe_html` must be true or false, not a string");

    auto params = only_error(R"({"title": "B", "organisation": "C", "params": []})");
    CHECK(params.message == "`params` must be an object `{ ... }`, not a list");
}

TEST_CASE("suppression threshold must be a whole number of at least 1", "[config]") {
    auto zero = only_error(R"({"title": "B", "organisation": "C", "suppression": {"threshold": 0}})");
    CHECK(zero.location.column == 66);
    CHECK(zero.message == "`suppression.threshold` must be at least 1");

    auto fraction =
        only_error(R"({"title": "B", "organisation": "C", "suppression": {"threshold": 2.5}})");
    CHECK(fraction.message == "`suppression.threshold` must be a whole number, not a fraction");

    auto text =
        only_error(R"({"title": "B", "organisation": "C", "suppression": {"threshold": "5"}})");
    CHECK(text.message == "`suppression.threshold` must be a whole number, not a string");

    auto mark = only_error(R"({"title": "B", "organisation": "C", "suppression": {"mark": 1}})");
    CHECK(mark.message == "`suppression.mark` must be a string, not a number");
}

TEST_CASE("required keys", "[config]") {
    auto parsed = parse("{}");
    REQUIRE(parsed.diagnostics.items().size() == 2);
    CHECK(parsed.diagnostics.items()[0].message == "`title` is missing");
    CHECK(parsed.diagnostics.items()[0].hint == "add \"title\": \"...\" to boardpress.json");
    CHECK(parsed.diagnostics.items()[1].message == "`organisation` is missing");

    auto empty = only_error(R"({"title": "", "organisation": "C"})");
    CHECK(empty.message == "`title` is empty");
    CHECK(empty.location.column == 11);
}

TEST_CASE("base_url and language are checked", "[config]") {
    auto url = only_error(R"({"title": "B", "organisation": "C", "base_url": "example.org"})");
    CHECK(url.location.column == 49);
    CHECK(url.message == "`base_url` must start with https://, http:// or /");

    auto language = only_error(R"({"title": "B", "organisation": "C", "language": "en_GB"})");
    CHECK(language.message == "`language` must be a language tag such as `en-GB` or `cy`");
    CHECK(language.hint == "write `en-GB`");
}

TEST_CASE("a key given twice is an error at the second", "[config]") {
    auto d = only_error("{\"title\": \"A\",\n \"organisation\": \"C\",\n \"title\": \"B\"}");
    CHECK(d.location.line == 3);
    CHECK(d.location.column == 2);
    CHECK(d.message == "the setting `title` is given twice");
}

TEST_CASE("syntax errors and non-objects", "[config]") {
    auto syntax = only_error("{\"title\": \"B\",\n}");
    CHECK(syntax.location.line == 2);
    CHECK(syntax.message == "JSON syntax error: expected a key in double quotes, found `}`");

    auto list = only_error("[]");
    CHECK(list.message == "boardpress.json must be an object `{ ... }`, not a list");

    // A BOM is skipped; columns are counted after it.
    auto bom = only_error("\xEF\xBB\xBF{\"title\": 1, \"organisation\": \"C\"}");
    CHECK(bom.location.column == 11);
}

TEST_CASE("to_json gives templates their `site`", "[config]") {
    auto parsed = parse(R"({"title": "B", "organisation": "C",
        "navigation": [{"title": "Home", "url": "index.html"}],
        "suppression": {"threshold": 3}, "params": {"x": 1}})");
    auto site = config::to_json(parsed.config);
    CHECK(site["title"] == "B");
    CHECK(site["organisation"] == "C");
    CHECK(site["base_url"] == "");
    CHECK(site["language"] == "en-GB");
    CHECK(site["description"] == "");
    CHECK(site["navigation"] == nlohmann::ordered_json::parse(R"([{"title": "Home", "url": "index.html"}])"));
    CHECK(site["theme"] == nlohmann::ordered_json::object());
    CHECK(site["params"]["x"] == 1);
    CHECK(site["suppression"] == nlohmann::ordered_json::parse(R"({"threshold": 3, "mark": "*"})"));
}

TEST_CASE("load_config", "[config]") {
    TempProject project;
    Diagnostics missing;
    config::load_config(project.root(), missing);
    REQUIRE(missing.items().size() == 1);
    CHECK(missing.items()[0].location.file == "boardpress.json");
    CHECK(missing.items()[0].message.find("there is no boardpress.json") == 0);

    project.write("boardpress.json", "{\r\n  \"title\": \"B\",\r\n  \"organisation\": \"C\",\r\n  \"x\": 1\r\n}\r\n");
    Diagnostics diagnostics;
    auto c = config::load_config(project.root(), diagnostics);
    CHECK(c.title == "B");
    REQUIRE(diagnostics.items().size() == 1);
    CHECK(diagnostics.items()[0].location.line == 4);
    CHECK(diagnostics.items()[0].location.column == 3);
    CHECK(diagnostics.items()[0].source_line == "  \"x\": 1");
}
