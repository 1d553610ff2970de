#include <catch2/catch.hpp>

#include "check/check.hpp"

using namespace boardpress::check;

TEST_CASE("links resolve from the page's folder as a browser would", "[check][links]") {
    LinkTarget sibling = resolve_link("annual-report/chair.html", "budget.html#staffing");
    CHECK_FALSE(sibling.external);
    CHECK(sibling.path == "annual-report/budget.html");
    CHECK(sibling.has_fragment);
    CHECK(sibling.fragment == "staffing");

    CHECK(resolve_link("annual-report/chair.html", "../about.html").path == "about.html");
    CHECK(resolve_link("annual-report/chair.html", "/about.html?x=1").path == "about.html");
    CHECK(resolve_link("annual-report/chair.html", "./").path == "annual-report/index.html");
    CHECK(resolve_link("index.html", "annual-report/").path == "annual-report/index.html");
    CHECK(resolve_link("index.html", "my%20file.pdf").path == "my file.pdf");

    LinkTarget same = resolve_link("leaflets/pf.html", "#how-to-tell-us");
    CHECK(same.path == "leaflets/pf.html");
    CHECK(same.fragment == "how-to-tell-us");

    CHECK(resolve_link("index.html", "../../etc/passwd").outside);
    for (const char* external : {"https://example.org/x", "mailto:a@b.org", "tel:01632960412",
                                 "//cdn.example.org/x.js", "HTTP://EXAMPLE.ORG"})
        CHECK(resolve_link("index.html", external).external);
}

TEST_CASE("relative hrefs between site files", "[check][links]") {
    CHECK(relative_href("index.html", "about.html") == "about.html");
    CHECK(relative_href("a/b.html", "c.html") == "../c.html");
    CHECK(relative_href("a/b.html", "a/c.html") == "c.html");
    CHECK(relative_href("a/b/c.html", "a/d/e.html") == "../d/e.html");
    CHECK(relative_href("index.html", "assets/logo.png") == "assets/logo.png");
}

TEST_CASE("laid-out HTML gives its ids, links and images", "[check][html]") {
    HtmlFacts facts = scan_html(
        "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"../assets/style.css\">"
        "<script>if (a < b) document.write('<a href=\"x.html\">')</script></head>"
        "<body><a class=skip href=#main>Skip</a><main id=\"main\">"
        "<!-- <a href=\"commented.html\"> -->"
        "<h2 id='key-figures'>Key</h2><a name=\"old\"></a>"
        "<a href=\"a.html?x=1&amp;y=2\">A</a><img src=\"logo.png\"><img src=\"b.png\" alt=\"\">"
        "</main></body></html>");
    CHECK(facts.ids == std::set<std::string>{"main", "key-figures", "old"});
    REQUIRE(facts.references.size() == 5);
    CHECK(facts.references[0].tag == "link");
    CHECK(facts.references[0].url == "../assets/style.css");
    CHECK(facts.references[1].url == "#main");
    CHECK(facts.references[2].url == "a.html?x=1&y=2");
    CHECK(facts.references[3].tag == "img");
    CHECK_FALSE(facts.references[3].has_alt);
    CHECK(facts.references[4].has_alt);  // alt="" marks a decorative image
}
