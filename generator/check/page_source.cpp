#include "check/page_source.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <tuple>

#include <cmark-gfm.h>

namespace boardpress::check {

namespace {

bool is_word_byte(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// The part of `text` before its first non-ASCII byte: smart punctuation turns ' into ’ in the
// parsed text, so the author's own bytes match only up to there.
std::string_view ascii_prefix(std::string_view text) {
    auto end = std::find_if(text.begin(), text.end(),
                            [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    return text.substr(0, static_cast<std::size_t>(end - text.begin()));
}

bool has_tag(std::string_view line) {
    return line.find("{{") != std::string_view::npos || line.find("{%") != std::string_view::npos ||
           line.find("{#") != std::string_view::npos;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace

PageSource::PageSource(const content::Page& page, std::string_view expanded) : page_(page) {
    const std::string& body = page_.body;
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < body.size(); ++i)
        if (body[i] == '\n' && i + 1 < body.size()) line_starts_.push_back(i + 1);
    std::vector<std::string_view> source_lines = split_lines(body);
    bool templated = std::any_of(source_lines.begin(), source_lines.end(), has_tag);
    std::vector<std::string_view> parsed_lines =
        templated && !expanded.empty() ? split_lines(expanded) : source_lines;
    expanded_lines_ = static_cast<int>(parsed_lines.size());
    if (!templated) {
        for (int n = 1; n <= expanded_lines_; ++n) anchors_.emplace_back(n, n);
        return;
    }
    if (expanded.empty()) {
        // Not known: only the lines above the first tag are certainly the file's own.
        for (int n = 1; n <= expanded_lines_ && !has_tag(source_lines[n - 1]); ++n)
            anchors_.emplace_back(n, n);
        expanded_lines_ = 0;  // the rest are placed by searching the whole file
        return;
    }
    // Each line typed without tags (blank ones are too common to tell apart) is found in order.
    std::size_t next = 0;
    for (std::size_t s = 0; s < source_lines.size(); ++s) {
        std::string_view line = source_lines[s];
        if (has_tag(line) || line.find_first_not_of(" \t") == std::string_view::npos) continue;
        for (std::size_t e = next; e < parsed_lines.size(); ++e)
            if (parsed_lines[e] == line) {
                anchors_.emplace_back(static_cast<int>(e) + 1, static_cast<int>(s) + 1);
                next = e + 1;
                break;
            }
    }
}

int PageSource::body_line_of(std::size_t offset) const {
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return static_cast<int>(after - line_starts_.begin());
}

SourceLocation PageSource::at_offset(std::size_t offset) const {
    SourceLocation where = locate(page_.source, page_.body, offset);
    where.line += page_.body_line - 1;
    return where;
}

SourceLocation PageSource::at_body_line(int body_line, int column) const {
    body_line = std::clamp(body_line, 1, std::max(1, line_count()));
    return {page_.source, page_.body_line + body_line - 1, column};
}

int PageSource::same_line(int line) const {
    auto found = std::lower_bound(anchors_.begin(), anchors_.end(), std::make_pair(line, 0));
    return found != anchors_.end() && found->first == line ? found->second : 0;
}

std::pair<int, int> PageSource::lines_behind(int line) const {
    if (int same = same_line(line)) return {same, same};
    if (expanded_lines_ == 0) return {1, line_count()};  // not lined up: anywhere
    auto after = std::lower_bound(anchors_.begin(), anchors_.end(), std::make_pair(line, 0));
    int first = after == anchors_.begin() ? 1 : std::prev(after)->second + 1;
    int last = after == anchors_.end() ? line_count() : after->second - 1;
    int gap_before = after == anchors_.begin() ? 0 : std::prev(after)->first;
    int gap_after = after == anchors_.end() ? expanded_lines_ + 1 : after->first;
    if (last < first) return {std::max(1, last), std::max(1, last)};
    // As many lines written as template lines with only {{ }} in them: each wrote one.
    bool line_for_line = true;
    for (int n = first; n <= last && line_for_line; ++n) {
        std::string text = line_of(page_.body, n);
        line_for_line =
            text.find("{%") == std::string::npos && text.find("{#") == std::string::npos;
    }
    if (line_for_line && last - first == gap_after - gap_before - 2) {
        int one = first + (line - gap_before - 1);
        return {one, one};
    }
    return {first, last};
}

std::optional<std::size_t> PageSource::find_in(std::string_view needle, int first, int last,
                                               int line, int column, bool whole_word) const {
    const std::string& body = page_.body;
    std::size_t from = line_starts_[static_cast<std::size_t>(first - 1)];
    std::size_t to =
        last < line_count() ? line_starts_[static_cast<std::size_t>(last)] : body.size();
    std::optional<std::size_t> best;
    auto best_score = std::make_tuple(std::numeric_limits<int>::max(), 0);
    for (std::size_t at = body.find(needle, from);
         !needle.empty() && at != std::string::npos && at + needle.size() <= to;
         at = body.find(needle, at + 1)) {
        if (whole_word &&
            ((at > 0 && is_word_byte(body[at - 1])) ||
             (at + needle.size() < body.size() && is_word_byte(body[at + needle.size()]))))
            continue;
        int at_line = body_line_of(at);
        int at_column =
            static_cast<int>(at - line_starts_[static_cast<std::size_t>(at_line - 1)]) + 1;
        auto score = std::make_tuple(std::abs(at_line - line), std::abs(at_column - column));
        if (!best || score < best_score) {
            best = at;
            best_score = score;
        }
    }
    return best;
}

SourceLocation PageSource::place(int line, int column, std::string_view needle,
                                 bool whole_word) const {
    auto [first, last] = lines_behind(line);
    // Where in the range to prefer a needle: the line itself when the range is the whole file.
    int near = first == last ? first : (expanded_lines_ == 0 ? line : first);
    std::optional<std::size_t> found = find_in(needle, first, last, near, column, whole_word);
    if (!found && !whole_word) {
        std::string_view shorter = ascii_prefix(needle);
        if (shorter.size() >= 4 && shorter.size() < needle.size())
            found = find_in(shorter, first, last, near, column, false);
    }
    if (found) return at_offset(*found);
    if (int same = same_line(line)) {
        // The line is the file's own, byte for byte: the column carries over.
        std::size_t start = line_starts_[static_cast<std::size_t>(same - 1)];
        std::size_t end = page_.body.find('\n', start);
        if (end == std::string::npos) end = page_.body.size();
        return at_offset(std::min(start + static_cast<std::size_t>(std::max(column, 1) - 1), end));
    }
    if (expanded_lines_ == 0) return at_body_line(line, 0);
    // A value from the data: the first template line among those that wrote it (a loop's start).
    for (int n = first; n <= last; ++n)
        if (has_tag(line_of(page_.body, n))) return at_body_line(n, 0);
    return at_body_line(first, 0);
}

SourceLocation PageSource::place(const cmark_node* node, std::string_view needle,
                                 bool whole_word) const {
    auto* mutable_node = const_cast<cmark_node*>(node);  // cmark's getters take non-const nodes
    int line = cmark_node_get_start_line(mutable_node);
    int column = cmark_node_get_start_column(mutable_node);
    // Soft breaks and some inlines carry no position: use their parent's.
    for (cmark_node* up = mutable_node; line <= 0 && up; up = cmark_node_parent(up)) {
        line = cmark_node_get_start_line(up);
        column = cmark_node_get_start_column(up);
    }
    return place(std::max(line, 1), std::max(column, 1), needle, whole_word);
}

Diagnostic PageSource::diagnostic(Severity severity, SourceLocation where, std::string message,
                                  std::string hint) const {
    Diagnostic diagnostic{severity, where, std::move(message), {}, std::move(hint)};
    diagnostic.source_line = line_of(page_.body, where.line - page_.body_line + 1);
    return diagnostic;
}

}  // namespace boardpress::check
