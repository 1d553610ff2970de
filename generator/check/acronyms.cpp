// Acronyms not in the glossary: readers of a board's reports are often not professionals, and
// the glossary (data/glossary.json) is how the site explains each acronym (<abbr title>, and the
// glossary page). Each unexplained one is reported once a page, where it is first used.
#include <algorithm>
#include <array>
#include <set>

#include <cmark-gfm.h>

#include "check/nodes.hpp"
#include "check/site_view.hpp"

namespace boardpress::check {

namespace {

bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_word(char c) {
    return is_upper(c) || is_digit(c) || (c >= 'a' && c <= 'z');
}
// Bytes of UTF-8 letters (é in "CAFÉ") belong to the word they touch.
bool is_word_byte(char c) {
    return is_ascii_word(c) || static_cast<unsigned char>(c) >= 0x80;
}

bool is_roman_numeral(std::string_view word) {
    return std::all_of(word.begin(), word.end(),
                       [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
}

// "NM1 2AB": the outward part of a UK postcode (one or two letters, a digit, maybe one more
// letter or digit) before its inward part (a digit and two letters).
bool is_postcode_part(std::string_view text, std::size_t start, std::size_t end) {
    std::string_view word = text.substr(start, end - start);
    std::size_t letters = 0;
    while (letters < word.size() && is_upper(word[letters])) ++letters;
    bool outward = (letters == 1 || letters == 2) && letters < word.size() &&
                   is_digit(word[letters]) && word.size() - letters <= 2 &&
                   (word.size() - letters == 1 || is_upper(word.back()) || is_digit(word.back()));
    std::string_view after = text.substr(end);
    bool inward = after.size() >= 4 && after[0] == ' ' && is_digit(after[1]) &&
                  is_upper(after[2]) && is_upper(after[3]) &&
                  (after.size() == 4 || !is_word_byte(after[4]));
    return outward && inward;
}

}  // namespace

const std::vector<std::string_view>& common_capitals() {
    // Everyday words in capitals that need no glossary entry. Kept short on purpose: anything a
    // member of the public might not know belongs in the glossary.
    static const std::vector<std::string_view> words = {"OK", "UK", "TV", "AM", "PM"};
    return words;
}

bool is_acronym(std::string_view word) {
    if (word.size() < 2 || !is_upper(word[0])) return false;
    std::string_view stem = word.back() == 's' ? word.substr(0, word.size() - 1) : word;
    if (!std::all_of(stem.begin(), stem.end(), [](char c) { return is_upper(c) || is_digit(c); }))
        return false;
    if (std::count_if(stem.begin(), stem.end(), is_upper) < 2) return false;
    if (is_roman_numeral(stem)) return false;
    const auto& common = common_capitals();
    return std::find(common.begin(), common.end(), stem) == common.end();
}

std::vector<AcronymUse> unexplained_acronyms(std::string_view text,
                                             const markdown::Glossary& glossary) {
    // Terms the glossary explains are blanked first, so a term of any shape ("CP-IS") counts.
    std::string rest(text);
    for (auto match = glossary.find(text); match;
         match = glossary.find(text, match->position + match->length))
        std::fill_n(rest.begin() + static_cast<std::ptrdiff_t>(match->position), match->length,
                    ' ');
    std::set<std::string> terms;
    for (const auto& term : glossary.terms()) terms.insert(term.term);

    std::vector<AcronymUse> uses;
    for (std::size_t i = 0; i < rest.size();) {
        if (!is_word_byte(rest[i])) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < rest.size() && is_word_byte(rest[i])) ++i;
        std::string word = rest.substr(start, i - start);
        if (!is_acronym(word) || is_postcode_part(rest, start, i)) continue;
        // "LADOs": the plural of a term the glossary explains.
        if (word.back() == 's' && terms.count(word.substr(0, word.size() - 1))) continue;
        uses.push_back({word, start});
    }
    return uses;
}

void check_acronyms(const SiteView& view, std::size_t page, const PageSource& source,
                    Findings& findings) {
    const markdown::Glossary& glossary = view.site.glossary;
    std::set<std::string> reported;
    // Text nodes only: code spans and code blocks (components' YAML) are not prose.
    for (cmark_node* node : nodes_of(view.site.bodies[page].document, CMARK_NODE_TEXT)) {
        const char* literal = cmark_node_get_literal(node);
        if (!literal) continue;
        for (const AcronymUse& use : unexplained_acronyms(literal, glossary)) {
            std::string stem = use.acronym.back() == 's'
                                   ? use.acronym.substr(0, use.acronym.size() - 1)
                                   : use.acronym;
            if (!reported.insert(stem).second) continue;
            findings.add(
                Kind::acronym,
                source.diagnostic(Severity::warning, source.place(node, use.acronym, true),
                                  "`" + stem +
                                      "` is not in the glossary, so readers may not know "
                                      "what it stands for",
                                  "add it to data/glossary.json, as in \"" + stem + "\": \"what " +
                                      stem + " stands for\", or write it out in full"));
        }
    }
}

}  // namespace boardpress::check
