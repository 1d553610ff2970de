// A project's glossary (data/glossary.json: term -> expansion) and finding its terms in text, so
// writers can explain the first use of each on a page (<abbr title> in HTML).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardpress::markdown {

struct GlossaryTerm {
    std::string term;       // "LSCB", as it is written in text (case matters: acronyms)
    std::string expansion;  // "Local Safeguarding Children Board"
};

class Glossary {
  public:
    Glossary() = default;
    explicit Glossary(std::vector<GlossaryTerm> terms);  // empty terms are dropped

    struct Match {
        std::size_t position = 0;  // byte offset in the text searched
        std::size_t length = 0;
        std::size_t term = 0;  // index into terms()
    };

    // The earliest term at or after `from` that stands as a whole word (not part of "LSCBs" or
    // "SLSCB"); where two terms start at the same place the longer wins ("LSCB" before "LSC").
    std::optional<Match> find(std::string_view text, std::size_t from = 0) const;

    const std::vector<GlossaryTerm>& terms() const { return terms_; }  // in the order given
    bool empty() const { return terms_.empty(); }

  private:
    std::vector<GlossaryTerm> terms_;
    std::vector<std::size_t> longest_first_;  // indices into terms_
};

}  // namespace boardpress::markdown
