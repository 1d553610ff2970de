// Reading ease of the pages written for the public (summaries and leaflets): the Flesch reading
// ease of their paragraphs, with the hardest sentence pointed out when the page is below plain
// English.
#include <algorithm>
#include <cctype>
#include <cmath>

#include <cmark-gfm.h>

#include "check/nodes.hpp"
#include "check/site_view.hpp"

namespace boardpress::check {

namespace {

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// One run of lower-case letters.
int syllables_in_run(std::string word) {
    std::size_t n = word.size();
    auto consonant_at = [&](std::size_t i) { return i < word.size() && !is_vowel(word[i]); };
    if (n >= 3 && word.ends_with("le") && consonant_at(n - 3)) {
        // "table", "people": the "-le" is a syllable of its own
    } else if (n >= 4 && word.ends_with("les") && consonant_at(n - 4)) {
        // "tables"
    } else if (n >= 3 && word.ends_with("es")) {
        std::string_view before = std::string_view(word).substr(0, n - 2);
        bool sounded = before.ends_with("s") || before.ends_with("x") || before.ends_with("z") ||
                       before.ends_with("ch") || before.ends_with("sh") || before.ends_with("g") ||
                       before.ends_with("c");
        if (!sounded) word.resize(n - 2);  // "makes", "goes"
    } else if (n >= 3 && word.ends_with("ed")) {
        if (word[n - 3] != 't' && word[n - 3] != 'd') word.resize(n - 2);  // "helped", not "wanted"
    } else if (n >= 2 && word.back() == 'e' && word[n - 2] != 'e') {
        word.pop_back();  // "make", not "free"
    }
    int groups = 0;
    bool in_group = false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        bool vowel = is_vowel(word[i]) && !(i == 0 && word[i] == 'y');  // "year": y is a consonant
        if (vowel && !in_group) ++groups;
        in_group = vowel;
    }
    // A silent "e" before a suffix: "privately", "statement", "careful".
    for (std::string_view suffix : {"ly", "ment", "ful", "ness", "less"}) {
        std::size_t e = word.size() - std::min(word.size(), suffix.size() + 1);
        if (word.size() > suffix.size() + 2 && word.ends_with(suffix) && word[e] == 'e' &&
            consonant_at(e - 1) && consonant_at(e + 1) && groups > 1) {
            --groups;
            break;
        }
    }
    return std::max(groups, 1);
}

bool is_abbreviation(std::string_view word) {
    for (std::string_view short_form : {"e.g", "i.e", "eg", "ie", "Mr", "Mrs", "Ms", "Dr", "St"})
        if (word == short_form) return true;
    return false;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t start = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        std::string_view token = text.substr(start, i - start);
        if (std::any_of(token.begin(), token.end(),
                        [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
            words.emplace_back(token);
    }
    return words;
}

}  // namespace

int count_syllables(std::string_view word) {
    int total = 0;
    std::string run;
    auto flush = [&] {
        if (!run.empty()) total += syllables_in_run(run);
        run.clear();
    };
    for (std::size_t i = 0; i < word.size(); ++i) {
        char c = word[i];
        if (c == '\'') continue;                    // "children's"
        if (word.substr(i, 3) == "\xE2\x80\x99") {  // ’
            i += 2;
            continue;
        }
        if (std::isalpha(static_cast<unsigned char>(c)))
            run += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else
            flush();  // "child-protection" is two runs
    }
    flush();
    return std::max(total, 1);
}

std::vector<std::string> split_sentences(std::string_view text) {
    std::vector<std::string> sentences;
    std::string current;
    auto end_sentence = [&] {
        if (!words_of(current).empty()) {
            std::size_t start = current.find_first_not_of(" \t");
            sentences.push_back(current.substr(start));
        }
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n') {
            end_sentence();
            continue;
        }
        current += c;
        if (c != '.' && c != '!' && c != '?') continue;
        // Closing quotes and brackets stay with the sentence they end.
        while (i + 1 < text.size() &&
               (text[i + 1] == '"' || text[i + 1] == ')' || text[i + 1] == '\''))
            current += text[++i];
        while (text.substr(i + 1, 3) == "\xE2\x80\x9D" || text.substr(i + 1, 3) == "\xE2\x80\x99") {
            current += text.substr(i + 1, 3);
            i += 3;
        }
        bool at_end = i + 1 >= text.size() || std::isspace(static_cast<unsigned char>(text[i + 1]));
        if (!at_end) continue;  // "41.2", "nscb.example.org"
        std::string_view before(current);
        before.remove_suffix(1);
        std::size_t space = before.find_last_of(" \t(");
        std::string_view last_word =
            space == std::string_view::npos ? before : before.substr(space + 1);
        if (c == '.' && is_abbreviation(last_word)) continue;
        end_sentence();
    }
    end_sentence();
    return sentences;
}

double Readability::score() const {
    if (words == 0) return 100;
    double per_sentence = static_cast<double>(words) / std::max(sentences, 1);
    double per_word = static_cast<double>(syllables) / words;
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word;
}

Readability& Readability::operator+=(const Readability& other) {
    sentences += other.sentences;
    words += other.words;
    syllables += other.syllables;
    return *this;
}

Readability measure(std::string_view text) {
    Readability result;
    for (const auto& sentence : split_sentences(text)) {
        ++result.sentences;
        for (const auto& word : words_of(sentence)) {
            ++result.words;
            result.syllables += count_syllables(word);
        }
    }
    return result;
}

std::optional<ReadingScore> check_reading_ease(const SiteView& view, std::size_t page,
                                               const PageSource& source, Findings& findings) {
    const content::Page& from = view.site.tree.pages[page];
    if (from.kind != "summary" && from.kind != "leaflet") return std::nullopt;
    Readability total;
    // The hardest sentence of any length worth rewriting (a short one with one long word is not).
    struct Hardest {
        cmark_node* paragraph = nullptr;
        std::string sentence;
        Readability measured;
    } hardest;
    for (cmark_node* paragraph : nodes_of(view.site.bodies[page].document, CMARK_NODE_PARAGRAPH)) {
        std::string text = markdown::plain_text(paragraph);
        total += measure(text);
        for (const auto& sentence : split_sentences(text)) {
            Readability measured = measure(sentence);
            bool long_enough = measured.words >= 8;
            bool was_long = hardest.measured.words >= 8;
            if (!hardest.paragraph || (long_enough && !was_long) ||
                (long_enough == was_long && measured.score() < hardest.measured.score()))
                hardest = {paragraph, sentence, measured};
        }
    }
    if (total.words == 0) return std::nullopt;
    double score = total.score();
    if (score < kPlainEnglish && hardest.paragraph) {
        const Readability& worst = hardest.measured;
        // The sentence's first words find it in the file.
        std::vector<std::string> words = words_of(hardest.sentence);
        std::string opening;
        for (std::size_t w = 0; w < std::min<std::size_t>(words.size(), 4); ++w)
            opening += (w ? " " : "") + words[w];
        char per_word[16];
        std::snprintf(per_word, sizeof per_word, "%.1f",
                      static_cast<double>(worst.syllables) / std::max(worst.words, 1));
        std::string kind = from.kind == "summary" ? "summary" : "leaflet";
        findings.add(
            Kind::reading_ease,
            source.diagnostic(
                Severity::warning, source.place(hardest.paragraph, opening),
                "this " + kind + " scores " + std::to_string(std::lround(score)) +
                    " for reading ease, below " + std::to_string(std::lround(kPlainEnglish)) +
                    " (plain English): many readers will find it hard going",
                "its hardest sentence starts here (" + std::to_string(worst.words) + " words, " +
                    per_word +
                    " syllables a word): use shorter sentences (under 20 words) and everyday "
                    "words"));
    }
    return ReadingScore{from.source, score};
}

}  // namespace boardpress::check
