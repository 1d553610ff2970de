#include "render/page_renderer.hpp"

#include "html/html_writer.hpp"

namespace boardpress::render {

BodyHtml markdown_to_html(std::string_view markdown_text, const markdown::OutlineOptions& options,
                          bool unsafe_html) {
    markdown::ParseOptions parse_options;
    parse_options.unsafe_html = unsafe_html;
    markdown::Document document = markdown::parse(markdown_text, parse_options);
    markdown::Outline outline = markdown::outline(document, options);
    BodyHtml result;
    result.html = html::write(document, outline);
    result.headings = std::move(outline.headings);
    return result;
}

Engines make_engines(const std::filesystem::path& project_root, bool unsafe_html) {
    tmpl::Options layout_options;
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
        "markdown", tmpl::HostFilter{[](std::string_view text) { return std::string(text); }, true});
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

RenderedPage render_page(const Engines& engines, PageJob job) {
    const content::Page& page = *job.page;
    RenderedPage result;
    result.output = page.output;
    try {
        std::string markdown_text = engines.bodies.render_string(
            page.body, SourceLocation{page.source, page.body_line, 1}, job.context);
        BodyHtml body = markdown_to_html(markdown_text, job.outline, job.unsafe_html);
        nlohmann::ordered_json& page_json = job.context["page"];
        page_json["content"] = tmpl::markup(body.html);
        page_json["toc"] = table_of_contents(body.headings);
        result.html = engines.layouts.render_file(job.template_name, job.context);
    } catch (const Error& error) {
        result.diagnostics.add(error);
        result.html.clear();
    }
    return result;
}

}  // namespace boardpress::render
