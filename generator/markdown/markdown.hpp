// The document model: a cmark-gfm tree (tables, strikethrough, autolinks, tag filter, task lists,
// footnotes; smart punctuation), owned by an RAII Document, plus an Outline that gives headings
// stable unique ids and, where asked, report-style numbers. HTML and PDF writers walk the same tree.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diag/diagnostics.hpp"

struct cmark_node;

namespace boardpress::markdown {

struct NodeDeleter {
    void operator()(cmark_node* node) const;
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

struct ParseOptions {
    bool smart = true;         // “curly quotes”, en/em dashes, ellipses
    bool unsafe_html = false;  // raw HTML is dropped unless true
};

// The deepest nesting parse() accepts: the writers walk the tree recursively, and lists or block
// quotes nested thousands deep would exhaust the stack. A list level is two nodes (list, item).
inline constexpr std::size_t kMaxNesting = 100;

class Document {
public:
    Document() = default;
    explicit Document(NodePtr root) : root_(std::move(root)) {}
    cmark_node* root() const { return root_.get(); }
    // The cmark-gfm options it was parsed with (writers need the same for extensions).
    int cmark_options = 0;
    bool unsafe_html = false;

private:
    NodePtr root_;
};

// Parses Markdown. Node positions (cmark_node_get_start_line) are lines of `text`; callers add the
// line the body starts on in its file to report positions in the user's file. Nesting deeper than
// kMaxNesting throws an Error at the first node too deep, its line counted from `origin` (the
// file, and the line of it where `text` starts).
Document parse(std::string_view text, const ParseOptions& options = {},
               const SourceLocation& origin = {});

// Table captions, as in Pandoc: a paragraph "Table: What it shows" right before or right after a
// GFM table is that table's caption. parse() takes the "Table: " off and marks the paragraph;
// writers put it in the table (and nowhere else), and it is never a numbered paragraph.
bool is_table_caption(const cmark_node* paragraph);
cmark_node* table_caption(const cmark_node* table);  // its caption paragraph, or null

enum class Numbering {
    none,
    paragraphs,  // 1., 2., 3. across the whole page (committee reports)
    sections,    // 2.1, 2.2 under "2" headings; 4.2.1 under "4.2" (annual reports)
};
Numbering parse_numbering(std::string_view name, bool* ok = nullptr);  // "paragraphs", ...

struct Heading {
    int level = 0;
    std::string id;      // unique within the page: "budget", "budget-2", ...
    std::string text;    // plain text of the heading
    std::string number;  // "2.1" under Numbering::sections; empty otherwise
    const cmark_node* node = nullptr;
};

struct Outline {
    std::vector<Heading> headings;
    // Numbers for numbered paragraphs ("1", "2", ... or "2.1", "2.2") and headings, keyed by node.
    std::unordered_map<const cmark_node*, std::string> numbers;
    std::unordered_map<const cmark_node*, std::string> ids;
};

// `start` lets a publication number its sections on from the previous section (section 3 of a
// report starts at 3). Numbered paragraphs are top-level paragraphs (children of the document);
// paragraphs inside lists, block quotes and footnotes are not numbered.
//
// Numbering::paragraphs: top-level paragraphs are "N", "N+1", ... from first_number, straight
// through the headings; headings are not numbered.
// Numbering::sections: the page is section N = first_number. The first level-1 heading is N (a
// later level-1 heading starts section N+1). Its subsections are the first heading level below it
// (## usually): "## Budget" is 4.4 and shares one running counter with the paragraphs before it
// (4.1, 4.2, 4.3 "Chairing", 4.4 "Budget"), and the paragraphs under it are 4.4.1, 4.4.2, ... as
// annual reports print them. Deeper headings are subheads: unnumbered, with the paragraph count
// running on through them (4.4.3 follows "### Staffing").
// Headings inside lists or block quotes get ids but no numbers.
//
// Outline::ids holds the id of every heading (anywhere in the tree), of every numbered paragraph
// ("p-4-4-1"), of every footnote reference ("fnref-1", "fnref-1-2" for a second reference to the
// same note) and footnote definition ("fn-1"). All are unique within the page: heading slugs are
// de-duplicated against the generated ids too. Outline::headings lists the top-level headings in
// document order (for tables of contents).
struct OutlineOptions {
    Numbering numbering = Numbering::none;
    int first_number = 1;  // the first section or paragraph number on this page
};
Outline outline(const Document& document, const OutlineOptions& options = {});

// Plain text of a node and its descendants (for heading ids, titles, search). Soft and hard line
// breaks become spaces, blocks are separated by "\n", raw HTML and footnote markers are left out, an
// image contributes its alt text.
std::string plain_text(const cmark_node* node);

// The id a heading's text gives before de-duplication: lowercase ASCII letters and digits joined by
// single hyphens; common Latin accents folded (é -> e, ß -> ss), apostrophes dropped
// ("Children’s" -> "childrens"), anything else separates words. Empty when nothing is left.
std::string slugify(std::string_view text);

// How a number from Outline::numbers is printed: a plain paragraph or section number gets a
// trailing full stop ("12" -> "12.", as committee reports print it); a dotted one is printed as it
// is ("4.4.1"). HTML and PDF writers both use this.
std::string display_number(std::string_view number);

// The id of a numbered paragraph: "4.4.1" -> "p-4-4-1".
std::string paragraph_id(std::string_view number);

}  // namespace boardpress::markdown
