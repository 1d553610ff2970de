// The HTML writer: walks a markdown::Document and its Outline and writes accessible HTML5.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "markdown/glossary.hpp"
#include "markdown/markdown.hpp"

namespace boardpress::html {

struct CodeBlock {
    std::string_view info;     // the fence's info string: "table", "chart", "cpp", ...
    std::string_view literal;  // the block's text
    int line = 0;              // line of the opening fence in the parsed text
};

struct WriterOptions {
    // Fenced blocks whose info string names a component are rendered by this hook (components,
    // issue 3); returning nullopt falls back to <pre><code>.
    std::function<std::optional<std::string>(const CodeBlock&)> render_code_block;
    // The first use of each term on the page becomes <abbr title="expansion">.
    const markdown::Glossary* glossary = nullptr;
};

// Writes the document's blocks as HTML5 (no <html>/<body>: a template places it), then the
// footnotes as <section class="footnotes" aria-label="Footnotes">. Every node type is written by
// this walk (cmark's own renderer is not used), so the PDF writer can mirror it:
//  - ids and numbers come from `outline` (headings, numbered paragraphs, footnotes); an empty
//    Outline gives headings without ids and footnotes with the default ids fn-1 / fnref-1;
//  - raw HTML (blocks and inline) is written only when document.unsafe_html, and then through
//    GitHub's tag filter (<script>, <iframe>, ... have their "<" escaped); otherwise each piece
//    becomes the comment <!-- raw HTML omitted -->;
//  - links whose URL is not is_safe_url() are written as their text alone; such images as their
//    alt text.
//  - each table is wrapped in <div class="table-wrap" role="region" tabindex="0"> named by the
//    heading above it (aria-label="Table" when there is none), so a wide table can be scrolled
//    from the keyboard.
// The output depends only on the tree, the outline and the hook: the same input gives the same
// bytes.
std::string write(const markdown::Document& document, const markdown::Outline& outline,
                  const WriterOptions& options = {});

// Text and attribute-value escaping: & < > " become &amp; &lt; &gt; &quot;.
std::string escape_text(std::string_view text);
void escape_text(std::string_view text, std::string& out);

// A URL for an href/src attribute: characters outside the URL-safe set are percent-encoded
// (UTF-8 bytes, spaces, quotes, < >), & becomes &amp; and ' becomes &#x27;. Existing %XX stay.
std::string escape_url(std::string_view url);

// format::is_safe_url: false for javascript:, vbscript:, file: and data: URLs (except
// data:image/png, gif, jpeg and webp), ignoring case, leading blanks and embedded tabs/newlines.
bool is_safe_url(std::string_view url);

// GitHub's tagfilter extension: escapes the "<" of <title>, <textarea>, <style>, <xmp>,
// <iframe>, <noembed>, <noframes>, <script> and <plaintext> (opening and closing tags).
std::string filter_tags(std::string_view html);

}  // namespace boardpress::html
