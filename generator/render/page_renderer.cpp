#include "render/page_renderer.hpp"

#include <algorithm>

#include "html/components_html.hpp"
#include "html/html_writer.hpp"

namespace boardpress::render {

BodyHtml markdown_to_html(std::string_view markdown_text, const markdown::OutlineOptions& options,
                          bool unsafe_html, const html::WriterOptions& writer) {
    markdown::ParseOptions parse_options;
    parse_options.unsafe_html = unsafe_html;
    markdown::Document document = markdown::parse(markdown_text, parse_options);
    markdown::Outline outline = markdown::outline(document, options);
    BodyHtml result;
    result.html = html::write(document, outline, writer);
    result.headings = std::move(outline.headings);
    return result;
}

Engines make_engines(const std::filesystem::path& project_root, const RenderSettings& settings) {
    const bool unsafe_html = settings.unsafe_html;
    tmpl::Options layout_options;
    layout_options.suppression_threshold = settings.suppression_threshold;
    layout_options.suppression_mark = settings.suppression_mark;
    layout_options.autoescape = tmpl::Escape::html;
    layout_options.search_paths = {project_root / "templates"};
    layout_options.display_root = project_root;
    tmpl::Options body_options = layout_options;
    body_options.autoescape = tmpl::Escape::markdown;

    Engines engines{tmpl::Environment(layout_options), tmpl::Environment(body_options)};
    engines.layouts.add_filter(
        "markdown", tmpl::HostFilter{[unsafe_html](std::string_view text) {
                                         return markdown_to_html(text, {}, unsafe_html).html;
                                     },
                                     true});
    // In a Markdown body the value is spliced in as Markdown source, unescaped.
    engines.bodies.add_filter(
        "markdown",
        tmpl::HostFilter{[](std::string_view text) { return std::string(text); }, true});
    return engines;
}

static nlohmann::ordered_json table_of_contents(const std::vector<markdown::Heading>& headings) {
    nlohmann::ordered_json toc = nlohmann::ordered_json::array();
    for (const auto& heading : headings) {
        toc.push_back({{"level", heading.level},
                       {"id", heading.id},
                       {"title", heading.text},
                       {"number", heading.number}});
    }
    return toc;
}

// The file line where a component's fenced block starts, as components::ComponentContext wants
// it (body_line + block.line is the YAML's first line). The block is looked for in the page's own
// source, so its errors point at the file even when template tags above it changed the line count;
// a block that a template wrote is placed by the expanded text instead.
static int component_body_line(const content::Page& page, std::string_view literal,
                               int block_line) {
    if (!literal.empty()) {
        std::size_t at = page.body.find(literal);
        if (at != std::string::npos && page.body.find(literal, at + 1) == std::string::npos) {
            auto newlines = std::count(page.body.begin(),
                                       page.body.begin() + static_cast<std::ptrdiff_t>(at), '\n');
            return page.body_line + static_cast<int>(newlines) - block_line;
        }
    }
    return page.body_line;
}

components::ComponentContext component_context(const PageJob& job, std::string_view literal,
                                               int block_line) {
    const content::Page& page = *job.page;
    components::ComponentContext context{*job.data};
    context.file = page.source;
    context.body_line = component_body_line(page, literal, block_line);
    context.suppression_threshold = job.settings.suppression_threshold;
    context.suppression_mark = job.settings.suppression_mark;
    context.as_of = job.as_of;
    return context;
}

static html::WriterOptions page_writer(const PageJob& job, Diagnostics& diagnostics) {
    html::WriterOptions writer;
    writer.glossary = job.glossary;
    if (!job.data) return writer;
    writer.render_code_block =
        [&job, &diagnostics](const html::CodeBlock& block) -> std::optional<std::string> {
        try {
            return html::render_component_html(block,
                                               component_context(job, block.literal, block.line));
        } catch (const Error& error) {
            diagnostics.add(error);  // go on, so every broken block on the page is reported
            return std::string();
        }
    };
    return writer;
}

PageBody render_body(const Engines& engines, const PageJob& job) {
    const content::Page& page = *job.page;
    PageBody body;
    try {
        body.markdown = engines.bodies.render_string(
            page.body, SourceLocation{page.source, page.body_line, 1}, job.context);
        markdown::ParseOptions parse_options;
        parse_options.unsafe_html = job.settings.unsafe_html;
        body.document = markdown::parse(body.markdown, parse_options,
                                        {page.source, page.body_line, 1});
        body.outline = markdown::outline(body.document, job.outline);
        body.html = html::write(body.document, body.outline, page_writer(job, body.diagnostics));
    } catch (const Error& error) {
        body.diagnostics.add(error);
    }
    return body;
}

RenderedPage render_layout(const Engines& engines, PageJob job, const PageBody& body) {
    RenderedPage result;
    result.output = job.page->output;
    try {
        nlohmann::ordered_json& page_json = job.context["page"];
        page_json["content"] = tmpl::markup(body.html);
        page_json["toc"] = table_of_contents(body.outline.headings);
        result.html = engines.layouts.render_file(job.template_name, job.context);
    } catch (const Error& error) {
        result.diagnostics.add(error);
        result.html.clear();
    }
    return result;
}

RenderedPage render_page(const Engines& engines, PageJob job) {
    PageBody body = render_body(engines, job);
    if (body.diagnostics.has_errors()) {
        RenderedPage result;
        result.output = job.page->output;
        result.diagnostics = std::move(body.diagnostics);
        return result;
    }
    return render_layout(engines, std::move(job), body);
}

}  // namespace boardpress::render
