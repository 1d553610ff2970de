// Diagnostics: every user mistake becomes a Diagnostic with a position, the offending line and a
// hint. Libraries throw boardpress::Error (one diagnostic) or collect many into a Diagnostics list;
// only the CLI prints them.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace boardpress {

struct SourceLocation {
    std::string file;  // path as shown to the user (relative to the project where possible)
    int line = 0;      // 1-based; 0 when unknown
    int column = 0;    // 1-based, in characters (UTF-8 code points); 0 when unknown
};

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    SourceLocation location;
    std::string message;
    std::string source_line;  // the text of location.line, without its newline; may be empty
    std::string hint;         // a suggested fix; may be empty
};

// The one exception type of the library. It carries a complete diagnostic.
class Error : public std::runtime_error {
public:
    explicit Error(Diagnostic diagnostic);
    Error(SourceLocation location, std::string message, std::string hint = {});
    const Diagnostic& diagnostic() const { return diagnostic_; }
    Diagnostic& diagnostic() { return diagnostic_; }

private:
    Diagnostic diagnostic_;
};

// Line `line` (1-based) of `text`, without the line ending; empty when out of range.
std::string line_of(std::string_view text, int line);

// Fills `source_line` from the text the location points into, when it is still empty.
Diagnostic& attach_source(Diagnostic& diagnostic, std::string_view text);

// Line and column (both 1-based, column in code points) of byte `offset` in `text`.
SourceLocation locate(std::string file, std::string_view text, std::size_t offset);

// "file:line:column: error: message", then the source line, a caret under the column, and the hint.
std::string describe(const Diagnostic& diagnostic, bool colour = false);

// The closest candidate to `word` by edit distance, if one is close enough to be a likely typo.
std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates);

// "did you mean `x`?" or an empty string.
std::string did_you_mean_hint(std::string_view word, const std::vector<std::string>& candidates);

// An ordered collection of diagnostics: a build gathers every error before giving up.
class Diagnostics {
public:
    void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
    void add(const Error& error) { items_.push_back(error.diagnostic()); }
    void append(const Diagnostics& other);
    bool has_errors() const;
    std::size_t error_count() const;
    std::size_t warning_count() const;
    const std::vector<Diagnostic>& items() const { return items_; }
    bool empty() const { return items_.empty(); }
    // Sorts by file, line and column so the report reads in source order and is reproducible,
    // and drops repeats (the same severity and message at the same place).
    void sort();

private:
    std::vector<Diagnostic> items_;
};

}  // namespace boardpress
