#include "diag/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace boardpress {

Error::Error(Diagnostic diagnostic)
    : std::runtime_error(diagnostic.message), diagnostic_(std::move(diagnostic)) {}

Error::Error(SourceLocation location, std::string message, std::string hint)
    : Error(Diagnostic{Severity::error, std::move(location), std::move(message), {},
                       std::move(hint)}) {}

std::string line_of(std::string_view text, int line) {
    if (line < 1) return {};
    std::size_t start = 0;
    for (int current = 1; current < line; ++current) {
        std::size_t newline = text.find('\n', start);
        if (newline == std::string_view::npos) return {};
        start = newline + 1;
    }
    std::size_t end = text.find('\n', start);
    std::string_view result = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
    return std::string(result);
}

Diagnostic& attach_source(Diagnostic& diagnostic, std::string_view text) {
    if (diagnostic.source_line.empty())
        diagnostic.source_line = line_of(text, diagnostic.location.line);
    return diagnostic;
}

static bool is_continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

SourceLocation locate(std::string file, std::string_view text, std::size_t offset) {
    SourceLocation location{std::move(file), 1, 1};
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++location.line;
            location.column = 1;
        } else if (!is_continuation_byte(c)) {
            ++location.column;
        }
    }
    return location;
}

// A line too long to read in a terminal (generated or minified text, nesting thousands deep) is
// shown around `column` only, with "..." where it is cut; `column` becomes the column in it.
static std::string shown_part(std::string_view line, int& column) {
    constexpr std::size_t kLongest = 120, kBefore = 50, kWidth = 100;  // in code points
    std::vector<std::size_t> starts;  // byte offset of each code point
    for (std::size_t i = 0; i < line.size(); ++i)
        if (!is_continuation_byte(static_cast<unsigned char>(line[i]))) starts.push_back(i);
    if (starts.size() <= kLongest) return std::string(line);
    std::size_t at = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
    std::size_t first = at > kBefore ? std::min(at - kBefore, starts.size() - kWidth) : 0;
    std::size_t last = first + kWidth;  // one past
    std::string shown = first > 0 ? "..." : "";
    shown += line.substr(starts[first],
                         last < starts.size() ? starts[last] - starts[first] : std::string::npos);
    if (last < starts.size()) shown += "...";
    if (column > 0) column = column - static_cast<int>(first) + (first > 0 ? 3 : 0);
    return shown;
}

std::string describe(const Diagnostic& diagnostic, bool colour) {
    const char* bold = colour ? "\033[1m" : "";
    const char* red = colour ? "\033[1;31m" : "";
    const char* magenta = colour ? "\033[1;35m" : "";
    const char* cyan = colour ? "\033[1;36m" : "";
    const char* reset = colour ? "\033[0m" : "";
    const auto& where = diagnostic.location;
    std::string out = bold;
    out += where.file.empty() ? "boardpress" : where.file;
    if (where.line > 0) out += ":" + std::to_string(where.line);
    if (where.line > 0 && where.column > 0) out += ":" + std::to_string(where.column);
    out += std::string(": ") + reset;
    out += diagnostic.severity == Severity::error ? std::string(red) + "error: "
                                                  : std::string(magenta) + "warning: ";
    out += reset;
    out += std::string(bold) + diagnostic.message + reset + "\n";
    if (!diagnostic.source_line.empty()) {
        std::string gutter = std::to_string(where.line);
        int caret_column = where.column;
        std::string line = shown_part(diagnostic.source_line, caret_column);
        out += " " + gutter + " | " + line + "\n";
        if (caret_column > 0) {
            // Tabs are kept so the caret lines up under the same column in a terminal.
            std::string pad;
            int column = 1;
            for (std::size_t i = 0; i < line.size() && column < caret_column; ++i) {
                unsigned char c = static_cast<unsigned char>(line[i]);
                if (is_continuation_byte(c)) continue;
                pad += c == '\t' ? '\t' : ' ';
                ++column;
            }
            out += " " + std::string(gutter.size(), ' ') + " | " + pad + red + "^" + reset +
                   "\n";
        }
    }
    if (!diagnostic.hint.empty())
        out += std::string(" ") + cyan + "hint: " + reset + diagnostic.hint + "\n";
    return out;
}

static std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            // A swap of two neighbouring letters is one typo, not two.
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], previous[j - 1]);
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const auto& candidate : candidates) {
        if (candidate == word) continue;
        std::size_t distance = edit_distance(word, candidate);
        if (!best || distance < best_distance ||
            (distance == best_distance && candidate < *best)) {
            best = candidate;
            best_distance = distance;
        }
    }
    if (!best) return std::nullopt;
    std::size_t longest = std::max(word.size(), best->size());
    std::size_t allowed = std::max<std::size_t>(1, longest / 3);
    if (best_distance > allowed) return std::nullopt;
    return best;
}

std::string did_you_mean_hint(std::string_view word, const std::vector<std::string>& candidates) {
    auto best = did_you_mean(word, candidates);
    return best ? "did you mean `" + *best + "`?" : std::string{};
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return std::count_if(items_.begin(), items_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

void Diagnostics::sort() {
    auto place = [](const Diagnostic& d) {
        return std::tie(d.location.file, d.location.line, d.location.column);
    };
    std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        return place(a) < place(b);
    });
    // A mistake in a template is met by every page laid out with it: it is reported once.
    std::vector<Diagnostic> kept;
    kept.reserve(items_.size());
    for (auto& diagnostic : items_) {
        bool repeat = false;
        for (auto it = kept.rbegin(); it != kept.rend() && place(*it) == place(diagnostic); ++it)
            repeat = repeat ||
                     (it->severity == diagnostic.severity && it->message == diagnostic.message);
        if (!repeat) kept.push_back(std::move(diagnostic));
    }
    items_ = std::move(kept);
}

}  // namespace boardpress
