// Rendering one page is a pure function of the page, the site index, the data and the templates:
// expand the Markdown body as a template, parse it, number it, write HTML, then lay it out.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "components/context.hpp"
#include "content/content.hpp"
#include "html/html_writer.hpp"
#include "markdown/markdown.hpp"
#include "template/template.hpp"

namespace boardpress::render {

// The two template environments of a site: one for layouts (HTML escaping) and one for Markdown
// bodies (Markdown escaping, so data values stay literal text).
struct Engines {
    tmpl::Environment layouts;
    tmpl::Environment bodies;
};

// What the project's settings change about rendering.
struct RenderSettings {
    bool unsafe_html = false;       // raw HTML in Markdown kept rather than dropped
    int suppression_threshold = 0;  // counts 1 .. threshold - 1 in sensitive data are hidden
    std::string suppression_mark = "*";
};

// Builds both environments with the project's templates/ on the search path and the `markdown`
// filter registered (HTML in layouts; in bodies, the value's own Markdown let through).
Engines make_engines(const std::filesystem::path& project_root, const RenderSettings& settings);

// The Markdown-to-HTML step shared by pages and the `markdown` filter.
struct BodyHtml {
    std::string html;
    std::vector<markdown::Heading> headings;
};
BodyHtml markdown_to_html(std::string_view markdown_text, const markdown::OutlineOptions& outline,
                          bool unsafe_html, const html::WriterOptions& writer = {});

struct PageJob {
    const content::Page* page = nullptr;
    std::string template_name;       // the layout to use
    nlohmann::ordered_json context;  // site, data, root, publication, build; `page` without content
    markdown::OutlineOptions outline;
    RenderSettings settings;
    const nlohmann::ordered_json* data = nullptr;  // the data tree components read
    std::string as_of;                             // ISO date business-plan ratings are judged at
    const markdown::Glossary* glossary = nullptr;  // terms explained at first use; null for none
};

struct RenderedPage {
    std::string output;  // site-relative path
    std::string html;
    Diagnostics diagnostics;
};

// Step 1: the body expanded as a template, parsed, numbered and written as HTML. The document
// stays for the PDF writer, which walks the same tree. Every broken component is reported.
struct PageBody {
    std::string markdown;  // the body with its template expanded, as the parser saw it
    markdown::Document document;
    markdown::Outline outline;
    std::string html;
    Diagnostics diagnostics;
};
PageBody render_body(const Engines& engines, const PageJob& job);

// Step 2: the page laid out by its template, with `page.content` and `page.toc` from `body`.
RenderedPage render_layout(const Engines& engines, PageJob job, const PageBody& body);

// Both steps. Never throws for user errors: they come back in `diagnostics` (`html` is then
// empty).
RenderedPage render_page(const Engines& engines, PageJob job);

// What a component in this page's fenced block (its text and its line in the expanded body)
// needs: the data, the page's file and the block's line in it, suppression, the as-of date.
components::ComponentContext component_context(const PageJob& job, std::string_view literal,
                                               int block_line);

}  // namespace boardpress::render
