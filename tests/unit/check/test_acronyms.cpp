#include <catch2/catch.hpp>

#include "check/check.hpp"

using namespace boardpress;
using check::is_acronym;
using check::unexplained_acronyms;

TEST_CASE("what counts as an acronym", "[check][acronyms]") {
    for (const char* word : {"LADO", "LADOs", "NHS", "GCP2", "CAMHS"}) CHECK(is_acronym(word));
    for (const char* word : {"I", "A", "Ofsted", "OK", "UK", "II", "XIV", "2015", "Laptops"})
        CHECK_FALSE(is_acronym(word));
}

TEST_CASE("acronyms the glossary does not explain", "[check][acronyms]") {
    markdown::Glossary glossary({{"LADO", "Local Authority Designated Officer"},
                                 {"CP-IS", "Child Protection Information Sharing"}});
    auto uses = unexplained_acronyms(
        "The LADO and two LADOs met CAMHS staff about CP-IS at County Hall, NM1 2AB (part II).",
        glossary);
    REQUIRE(uses.size() == 1);
    CHECK(uses[0].acronym == "CAMHS");
    CHECK(uses[0].offset == 27);

    auto plural = unexplained_acronyms("Two ICPCs and an ICPC.", glossary);
    REQUIRE(plural.size() == 2);
    CHECK(plural[0].acronym == "ICPCs");
    CHECK(plural[1].acronym == "ICPC");
    CHECK(unexplained_acronyms("CAFÉ and éCSE are not acronyms", glossary).empty());
}
