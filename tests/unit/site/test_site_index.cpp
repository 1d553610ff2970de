#include <catch2/catch.hpp>

#include "site/site_index.hpp"

using namespace boardpress;

static content::Page make_page(std::string output, std::string title, std::string kind,
                               std::string date = "") {
    content::Page page;
    page.output = std::move(output);
    page.title = std::move(title);
    page.kind = std::move(kind);
    page.date = std::move(date);
    page.front_matter = nlohmann::ordered_json::object();
    return page;
}

// A publication with two sections, a standalone report and a plain page.
static content::ContentTree sample_tree() {
    content::ContentTree tree;
    tree.pages.push_back(
        make_page("ar/index.html", "Annual Report", "annual-report", "2015-09-30"));
    tree.pages.back().is_publication_index = true;
    tree.pages.back().publication = 0;
    tree.pages.back().front_matter["numbering"] = "sections";
    tree.pages.push_back(make_page("ar/foreword.html", "Foreword", "annual-report"));
    tree.pages.back().publication = 0;
    tree.pages.push_back(make_page("ar/budget.html", "Budget", "annual-report"));
    tree.pages.back().publication = 0;
    tree.pages.push_back(make_page("cover.html", "Cover report", "report", "2016-03-06"));
    tree.pages.push_back(make_page("about.html", "About", "page"));
    tree.publications.push_back({0, {1, 2}, "ar"});
    return tree;
}

TEST_CASE("relative_root climbs one level per folder", "[site]") {
    CHECK(site::relative_root("index.html") == "");
    CHECK(site::relative_root("ar/foreword.html") == "../");
    CHECK(site::relative_root("a/b/c.html") == "../../");
}

TEST_CASE("site_json lists publications newest first, grouped by kind and year", "[site]") {
    config::SiteConfig config;
    config.title = "Board";
    config.organisation = "Council";
    auto site = site::site_json(config, sample_tree());
    REQUIRE(site["publications"].size() == 2);  // the plain page is not listed
    CHECK(site["publications"][0]["title"] == "Cover report");
    CHECK(site["publications"][1]["url"] == "ar/index.html");
    REQUIRE(site["groups"].size() == 2);
    CHECK(site["groups"][0]["title"] == "Annual reports");
    CHECK(site["groups"][0]["years"][0]["year"] == "2015");
    CHECK(site["groups"][1]["kind"] == "report");
}

TEST_CASE("page_json links sections in reading order and numbers them", "[site]") {
    auto tree = sample_tree();
    auto landing = site::page_json(tree, 0);
    CHECK(landing["prev"].is_null());
    CHECK(landing["next"]["url"] == "ar/foreword.html");
    CHECK(landing["number"] == "");
    auto foreword = site::page_json(tree, 1);
    CHECK(foreword["prev"]["url"] == "ar/index.html");
    CHECK(foreword["next"]["url"] == "ar/budget.html");
    CHECK(foreword["number"] == "1");
    auto budget = site::page_json(tree, 2);
    CHECK(budget["next"].is_null());
    CHECK(budget["number"] == "2");
    CHECK(site::page_json(tree, 4)["prev"].is_null());
}

TEST_CASE("publication_json marks the current section", "[site]") {
    auto tree = sample_tree();
    auto publication = site::publication_json(tree, 2);
    CHECK(publication["title"] == "Annual Report");
    CHECK(publication["year"] == "2015");
    REQUIRE(publication["sections"].size() == 2);
    CHECK(publication["sections"][0]["current"] == false);
    CHECK(publication["sections"][1]["current"] == true);
    CHECK(publication["sections"][1]["number"] == "2");
    CHECK(site::publication_json(tree, 3).is_null());
}

TEST_CASE("build_date comes from SOURCE_DATE_EPOCH or the newest content", "[site]") {
    auto tree = sample_tree();
    unsetenv("SOURCE_DATE_EPOCH");
    CHECK(site::build_date(tree) == "2016-03-06");
    setenv("SOURCE_DATE_EPOCH", "86400", 1);
    CHECK(site::build_date(tree) == "1970-01-02");
    unsetenv("SOURCE_DATE_EPOCH");
}
