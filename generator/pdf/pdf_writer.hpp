// The PDF writer: lays out chapters (a publication's landing page and sections, each a parsed
// Markdown document with its Outline) with libharu, adding a cover, a contents page with page
// numbers, bookmarks, a running header and a "Page X of Y" footer. Output is reproducible: the same
// input gives the same bytes (no clock, no random /ID).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/markdown.hpp"
#include "pdf/layout.hpp"
#include "pdf/page_render.hpp"

namespace boardpress::pdf {

struct CodeBlock {
    std::string_view info;     // fence info string: "table", "chart", ...
    std::string_view literal;  // the block's text
    int line = 0;
};

struct PdfOptions {
    PageGeometry page;        // A4 with ~25 mm margins; set width/height/margins in points
    std::string font_folder;  // empty: Liberation Sans; else see font_files()
    std::string title, subtitle, organisation, author, subject, keywords;
    std::string language = "en-GB";
    std::string date;  // ISO "2015-06-30": cover date and CreationDate; empty: neither
    bool cover = true;
    std::string logo;  // a PNG or JPEG file for the cover's top-right corner; empty: none
    bool contents = true;
    std::string header;  // running header; empty: the title
    Theme theme;
    // Links: "#id" stays inside its chapter; absolute http(s)/mailto links are kept; a relative
    // link is made absolute with base_url (when set) or printed as its text alone.
    std::string base_url;
    // Maps an image URL to a file path (empty: not found; the alt text is printed instead).
    std::function<std::string(std::string_view url)> resolve_image;
    // Fenced blocks that name a component (issue 4) are laid out by this hook; false falls back
    // to a code block.
    std::function<bool(const CodeBlock&, Layout&)> render_code_block;
};

struct Chapter {
    std::string title;
    std::string number;  // shown before the title ("3"); may be empty
    const markdown::Document* document = nullptr;
    const markdown::Outline* outline = nullptr;
};

// The PDF's bytes. Throws boardpress::Error (libharu failures, unreadable fonts or images).
std::string write(const std::vector<Chapter>& chapters, const PdfOptions& options);

// The same, with the number of pages (for "Download PDF, 24 pages, 310 KB").
struct PdfFile {
    std::string bytes;
    std::size_t pages = 0;
};
PdfFile write_file(const std::vector<Chapter>& chapters, const PdfOptions& options);

}  // namespace boardpress::pdf
