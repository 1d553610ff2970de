#include <catch2/catch.hpp>

#include "site/search_index.hpp"

using boardpress::site::plain_text;
using boardpress::site::search_index_js;
using boardpress::site::search_lines_by_url;
using boardpress::site::SearchEntry;

TEST_CASE("page words for search: tags dropped, entities decoded, spaces collapsed", "[search]") {
    CHECK(plain_text("<h2 id=\"a\">The <abbr title=\"x\">LSCB</abbr></h2>\n<p>Fish &amp; chips"
                     " &lt;b&gt;  (<em>NSCB</em>)</p><ul><li>one</li><li>two</li></ul>") ==
          "The LSCB Fish & chips <b> (NSCB) one two");
    CHECK(plain_text("") == "");
    CHECK(plain_text("<p>unclosed <tag") == "unclosed");
}

TEST_CASE("the search index is a script that assigns the pages", "[search]") {
    std::string js = search_index_js(
        std::vector<SearchEntry>{{"A \"quoted\" </script> title", "a.html", "page", "", "words"}});
    CHECK_THAT(js,
               Catch::Matchers::StartsWith("window.BOARDPRESS_SEARCH = [\n{\"url\":\"a.html\""));
    CHECK_THAT(js, Catch::Matchers::Contains("\"title\":\"A \\\"quoted\\\" </script> title\""));
    CHECK_THAT(js, Catch::Matchers::EndsWith("];\n"));
}

TEST_CASE("the next build takes over the entry lines of unchanged pages", "[search]") {
    std::string js = search_index_js(std::vector<SearchEntry>{
        {"One", "a.html", "page", "", "first\nline"}, {"Two", "b/c.html", "page", "", "x, y"}});
    auto lines = search_lines_by_url(js);
    REQUIRE(lines.size() == 2);
    CHECK(lines.at("a.html") ==
          R"({"url":"a.html","title":"One","kind":"page","summary":"","text":"first\nline"})");
    CHECK(search_index_js({lines.at("a.html"), lines.at("b/c.html")}) == js);
    CHECK(search_lines_by_url("something else").empty());
}
