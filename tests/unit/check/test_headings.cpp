#include <catch2/catch.hpp>

#include "check/check.hpp"

using namespace boardpress;
using check::heading_skips;

TEST_CASE("a body starting at ## under the page title skips nothing", "[check][headings]") {
    markdown::Document document = markdown::parse("## One\n\n### Two\n\n## Three\n\n### Four\n");
    CHECK(heading_skips(document).empty());
}

TEST_CASE("going down two levels is a skip; going back up is not", "[check][headings]") {
    markdown::Document document =
        markdown::parse("### Before any two\n\n## Two\n\n#### Four\n\n##### Five\n\n## Up\n");
    auto skips = heading_skips(document);
    REQUIRE(skips.size() == 2);
    CHECK(skips[0].level == 3);
    CHECK(skips[0].previous == 1);  // the page title
    CHECK(skips[1].level == 4);
    CHECK(skips[1].previous == 2);
    CHECK(markdown::plain_text(skips[1].heading) == "Four");
}
