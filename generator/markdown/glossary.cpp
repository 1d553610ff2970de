#include "markdown/glossary.hpp"

#include <algorithm>
#include <cctype>

namespace boardpress::markdown {

namespace {

// Letters and digits join a word; so do non-ASCII characters except punctuation and spaces
// (curly quotes, dashes, ellipses, no-break spaces), which smart punctuation puts next to terms.
bool word_char(char32_t c) {
    if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
    if (c >= 0xA0 && c <= 0xBF) return false;      // Latin-1 punctuation and no-break space
    if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation: ‘ ’ “ ” – — …
    return c != 0xD7 && c != 0xF7;
}

// The code point that ends just before `end` / starts at `start` (0 for none or broken UTF-8).
char32_t decode_at(std::string_view text, std::size_t start) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(start);
    int length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || start + static_cast<std::size_t>(length) > text.size()) return 0;
    if (length == 1) return lead;
    char32_t c = lead & (0x7F >> length);
    for (int i = 1; i < length; ++i)
        c = (c << 6) | (byte(start + static_cast<std::size_t>(i)) & 0x3F);
    return c;
}

char32_t before(std::string_view text, std::size_t end) {
    std::size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return decode_at(text, start);
}

bool whole_word(std::string_view text, std::size_t position, std::size_t length) {
    bool starts = position == 0 || !word_char(before(text, position));
    bool ends = position + length >= text.size() || !word_char(decode_at(text, position + length));
    return starts && ends;
}

}  // namespace

Glossary::Glossary(std::vector<GlossaryTerm> terms) {
    for (auto& term : terms)
        if (!term.term.empty()) terms_.push_back(std::move(term));
    longest_first_.resize(terms_.size());
    for (std::size_t i = 0; i < terms_.size(); ++i) longest_first_[i] = i;
    std::stable_sort(longest_first_.begin(), longest_first_.end(),
                     [this](std::size_t a, std::size_t b) {
                         return terms_[a].term.size() > terms_[b].term.size();
                     });
}

std::optional<Glossary::Match> Glossary::find(std::string_view text, std::size_t from) const {
    std::optional<Match> best;
    for (std::size_t index : longest_first_) {
        const std::string& term = terms_[index].term;
        for (std::size_t at = text.find(term, from); at != std::string_view::npos;
             at = text.find(term, at + 1)) {
            if (best && at >= best->position) break;  // longest first: a tie keeps the longer
            if (whole_word(text, at, term.size())) {
                best = Match{at, term.size(), index};
                break;
            }
        }
    }
    return best;
}

}  // namespace boardpress::markdown
