// Where something in a page's parsed body is in the user's file. The parser sees the body after
// its template tags ran, so its lines drift from the file's below the first tag (a loop writes
// many lines from one). The expanded body is lined up with the file: a line the author typed
// without tags is found again as it is, and what lies between two such lines came from the
// template lines between them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/content.hpp"
#include "diag/diagnostics.hpp"

struct cmark_node;

namespace boardpress::check {

class PageSource {
  public:
    // `expanded` is the body as the parser saw it; "" when it is not known, and then text is
    // looked for in the whole file nearest the line it was seen on.
    explicit PageSource(const content::Page& page, std::string_view expanded = {});

    const std::string& file() const { return page_.source; }
    const std::string& body() const { return page_.body; }
    int line_count() const { return static_cast<int>(line_starts_.size()); }

    // The place of what the parser saw at `line`:`column` of the expanded body (1-based, column
    // in bytes). `needle` is the text as the author wrote it (a URL, a word): on a line of the
    // file's own it only refines the column; on a line a template wrote it is looked for in the
    // template lines that wrote it. When it cannot be found there (a data value), the place is
    // the first of those lines, column unknown.
    SourceLocation place(int line, int column, std::string_view needle = {},
                         bool whole_word = false) const;
    // The same for a node of the parsed body.
    SourceLocation place(const cmark_node* node, std::string_view needle = {},
                         bool whole_word = false) const;
    // Body line `body_line` (1-based), at `column` (code points; 0 for unknown), in the file.
    SourceLocation at_body_line(int body_line, int column) const;
    // Where body byte `offset` is in the file.
    SourceLocation at_offset(std::size_t offset) const;

    // The body line (1-based) expanded line `line` is a copy of, or 0 when a template wrote it.
    int same_line(int line) const;
    // The body lines [first, last] that wrote expanded line `line` (same_line() when it is a copy).
    std::pair<int, int> lines_behind(int line) const;

    // A diagnostic at `where` in this page, showing the file's line.
    Diagnostic diagnostic(Severity severity, SourceLocation where, std::string message,
                          std::string hint) const;

  private:
    std::optional<std::size_t> find_in(std::string_view needle, int first, int last, int line,
                                       int column, bool whole_word) const;
    int body_line_of(std::size_t offset) const;  // 1-based

    const content::Page& page_;
    std::vector<std::size_t> line_starts_;  // byte offset where each body line starts
    int expanded_lines_ = 0;
    // (expanded line, body line) of the lines the author typed that came through unchanged, in
    // order of both.
    std::vector<std::pair<int, int>> anchors_;
};

}  // namespace boardpress::check
