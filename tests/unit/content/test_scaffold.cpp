#include <catch2/catch.hpp>

#include "content/scaffold.hpp"
#include "diag/diagnostics.hpp"

using boardpress::content::scaffold;

TEST_CASE("new publications are a folder with an index and a first section", "[scaffold]") {
    auto files = scaffold("annual-report", "Annual Report 2015-16", "2016-09-30");
    REQUIRE(files.size() == 2);
    CHECK(files[0].path == "content/annual-report-2015-16/index.md");
    CHECK(files[1].path == "content/annual-report-2015-16/01-introduction.md");
    CHECK_THAT(files[0].text, Catch::Matchers::StartsWith("---\ntitle: Annual report 2015-16\n"
                                                          "kind: annual-report\n"
                                                          "date: 2016-09-30\ndraft: true\n"));
    CHECK_THAT(files[0].text, Catch::Matchers::Contains("pdf: true"));
}

TEST_CASE("new leaflets have six panels; pages are one file", "[scaffold]") {
    auto leaflet = scaffold("leaflet", "keeping-safe", "2016-01-01");
    REQUIRE(leaflet.size() == 1);
    CHECK(leaflet[0].path == "content/leaflets/keeping-safe.md");
    std::size_t breaks = 0;
    for (std::size_t at = leaflet[0].text.find("\n***\n"); at != std::string::npos;
         at = leaflet[0].text.find("\n***\n", at + 1))
        ++breaks;
    CHECK(breaks == 5);
    auto page = scaffold("summary", "Summary 2015-16", "2016-01-01");
    REQUIRE(page.size() == 1);
    CHECK(page[0].path == "content/summary-2015-16.md");
}

TEST_CASE("new refuses unknown kinds and names that could leave content/", "[scaffold]") {
    try {
        scaffold("leaflat", "x", "2016-01-01");
        FAIL("expected an error");
    } catch (const boardpress::Error& error) {
        CHECK(error.diagnostic().message == "unknown kind `leaflat`");
        CHECK_THAT(error.diagnostic().hint, Catch::Matchers::Contains("leaflet"));
    }
    CHECK_THROWS_AS(scaffold("page", "../..", "2016-01-01"), boardpress::Error);
    auto files = scaffold("page", "../../etc/passwd", "2016-01-01");
    CHECK(files[0].path == "content/etc-passwd.md");
}
