// The tree walk: turns a cmark-gfm document into Layout calls, node type by node type as
// html::write does (see html_writer.cpp), with ids and numbers from the Outline.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "markdown/markdown.hpp"
#include "pdf/layout.hpp"
#include "pdf/pdf_writer.hpp"

namespace boardpress::pdf {

struct WalkOptions {
    const markdown::Document* document = nullptr;
    const markdown::Outline* outline = nullptr;
    std::string anchor_prefix;  // makes ids unique across chapters: "c2:" + "budget"
    // URL -> "#anchor" (prefixed), an absolute URI, or "" for no link.
    std::function<std::string(std::string_view url)> resolve_link;
    std::function<std::string(std::string_view url)> resolve_image;
    std::function<bool(const CodeBlock&, Layout&)> render_code_block;
};

// The usual WalkOptions::resolve_link: "#id" stays in the document (as "#" + anchor_prefix +
// "id"), http(s) and mailto links stay, a site-relative link is made absolute with `base_url`,
// or dropped ("") without one.
std::string resolve_link(std::string_view url, std::string_view anchor_prefix,
                         const std::string& base_url);

// Whether `text` starts with `prefix` (lower case), ignoring case: URL schemes.
bool has_prefix(std::string_view text, std::string_view prefix);

// Lays out the document's blocks, then its footnotes under a "Notes" rule.
void walk(Layout& layout, const WalkOptions& options);

// Lays out part of a document: the top-level blocks from `first` up to, not including, `end`
// (nullptr: to the end of the document), then the notes of the footnotes referenced in them.
// Numbers, ids and footnote numbers are the whole document's, so a document can be laid out piece
// by piece (the panels of a leaflet).
void walk_blocks(Layout& layout, const WalkOptions& options, cmark_node* first, cmark_node* end);

}  // namespace boardpress::pdf
