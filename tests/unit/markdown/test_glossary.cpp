#include <catch2/catch.hpp>

#include "markdown/glossary.hpp"

using boardpress::markdown::Glossary;
using boardpress::markdown::GlossaryTerm;

TEST_CASE("glossary terms are found as whole words, longest first", "[glossary]") {
    Glossary glossary({{"LSC", "Learning and Skills Council"},
                       {"LSCB", "Local Safeguarding Children Board"},
                       {"", "dropped"}});
    REQUIRE(glossary.terms().size() == 2);

    auto match = glossary.find("The LSCB met.");
    REQUIRE(match);
    CHECK(match->position == 4);
    CHECK(match->length == 4);
    CHECK(glossary.terms()[match->term].term == "LSCB");

    CHECK_FALSE(glossary.find("LSCBs and SLSCB and lscb"));  // parts of words, other case
    auto later = glossary.find("LSCBs, then LSC.");
    REQUIRE(later);
    CHECK(later->position == 12);
    CHECK(glossary.terms()[later->term].term == "LSC");
    CHECK_FALSE(glossary.find("LSCB", 1));
    CHECK_FALSE(Glossary().find("LSCB"));
}

TEST_CASE("glossary words next to UTF-8 letters are not whole words", "[glossary]") {
    Glossary glossary(std::vector<GlossaryTerm>{{"CSE", "child sexual exploitation"}});
    CHECK_FALSE(glossary.find("éCSE"));
    auto match = glossary.find("“CSE”");
    REQUIRE(match);
    CHECK(match->position == 3);
}
