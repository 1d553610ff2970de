#include <catch2/catch.hpp>

#include "check/check.hpp"

using namespace boardpress::check;

TEST_CASE("syllables are counted by the simple rule", "[check][readability]") {
    struct Known {
        const char* word;
        int syllables;
    };
    for (auto [word, syllables] : {Known{"cat", 1},
                                   Known{"the", 1},
                                   Known{"make", 1},
                                   Known{"free", 1},
                                   Known{"year", 1},
                                   Known{"table", 2},
                                   Known{"tables", 2},
                                   Known{"children", 2},
                                   Known{"children's", 2},
                                   Known{"council", 2},
                                   Known{"changes", 2},
                                   Known{"boxes", 2},
                                   Known{"makes", 1},
                                   Known{"wanted", 2},
                                   Known{"helped", 1},
                                   Known{"agreed", 2},
                                   Known{"statement", 2},
                                   Known{"privately", 3},
                                   Known{"careful", 2},
                                   Known{"agency", 3},
                                   Known{"important", 3},
                                   Known{"communication", 5},
                                   Known{"child-protection", 4},
                                   Known{"2015", 1}}) {
        INFO(word);
        CHECK(count_syllables(word) == syllables);
    }
}

TEST_CASE("sentences end at full stops, question marks and line breaks", "[check][readability]") {
    auto sentences = split_sentences(
        "The rate was 41.2 per 10,000. Is that high? See nscb.example.org, e.g. the report.\n"
        "A list item without a stop\n\n“Quoted.” Then more");
    REQUIRE(sentences.size() == 6);
    CHECK(sentences[0] == "The rate was 41.2 per 10,000.");
    CHECK(sentences[1] == "Is that high?");
    CHECK(sentences[2] == "See nscb.example.org, e.g. the report.");
    CHECK(sentences[3] == "A list item without a stop");
    CHECK(sentences[4] == "“Quoted.”");
    CHECK(sentences[5] == "Then more");
}

TEST_CASE("Flesch reading ease", "[check][readability]") {
    Readability simple = measure("The cat sat on the mat.");
    CHECK(simple.sentences == 1);
    CHECK(simple.words == 6);
    CHECK(simple.syllables == 6);
    CHECK(simple.score() == Approx(116.145));

    // Eleven long words in one sentence: hard going.
    Readability hard = measure(
        "Multi-agency safeguarding arrangements necessitate comprehensive "
        "communication between statutory partners and commissioners.");
    CHECK(hard.words == 11);
    CHECK(hard.score() < 0);
    CHECK(hard.score() < kPlainEnglish);
    CHECK(measure("").score() == 100);
}
