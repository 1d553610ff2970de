// The document model: a cmark-gfm tree (tables, strikethrough, autolinks, tag filter, task lists,
// footnotes; smart punctuation), owned by an RAII Document, plus an Outline that gives headings
// stable unique ids and, where asked, report-style numbers. HTML and PDF writers walk the same tree.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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
// line the body starts on in its file to report positions in the user's file.
Document parse(std::string_view text, const ParseOptions& options = {});

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
// report starts at 3). Numbered paragraphs are top-level paragraphs and top-level list items'
// first paragraphs are not numbered.
struct OutlineOptions {
    Numbering numbering = Numbering::none;
    int first_number = 1;  // the first section or paragraph number on this page
};
Outline outline(const Document& document, const OutlineOptions& options = {});

// Plain text of a node and its descendants (for heading ids, titles, search).
std::string plain_text(const cmark_node* node);

}  // namespace boardpress::markdown
