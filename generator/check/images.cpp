// Images in the Markdown: the file must be there (beside the page's file, as the PDF looks for
// it, or among the site's files, as the web page does) and must say what it shows (alt text).
#include <algorithm>
#include <filesystem>

#include <cmark-gfm.h>

#include "check/nodes.hpp"
#include "check/site_view.hpp"

namespace fs = std::filesystem;

namespace boardpress::check {

namespace {

bool is_image_file(std::string_view path) {
    for (std::string_view extension : {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})
        if (path.size() > extension.size() &&
            path.substr(path.size() - extension.size()) == extension)
            return true;
    return false;
}

bool image_exists(const SiteView& view, const content::Page& page, std::string_view url) {
    LinkTarget in_site = resolve_link(page.output, url);
    if (!in_site.outside && view.outputs.count(in_site.path)) return true;
    // As the PDF writer finds it: beside the page's Markdown, inside the project.
    LinkTarget in_project = resolve_link(page.source, url);
    return !in_project.outside && fs::is_regular_file(view.site.root / in_project.path);
}

// Image files the author may have meant, written as they would be from this page.
std::vector<std::string> nearby_images(const SiteView& view, const content::Page& page) {
    std::vector<std::string> found;
    for (const auto& file : view.outputs)
        if (is_image_file(file)) found.push_back(relative_href(page.output, file));
    std::error_code error;
    fs::path folder = (view.site.root / page.source).parent_path();
    for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end;
         it.increment(error))
        if (it->is_regular_file() && is_image_file(it->path().generic_string()))
            found.push_back(it->path().lexically_relative(folder).generic_string());
    return found;
}

}  // namespace

void check_images(const SiteView& view, std::size_t page, const PageSource& source,
                  Findings& findings) {
    const content::Page& from = view.site.tree.pages[page];
    for (cmark_node* node : nodes_of(view.site.bodies[page].document, CMARK_NODE_IMAGE)) {
        const char* url_text = cmark_node_get_url(node);
        std::string url = url_text ? url_text : "";
        SourceLocation where = source.place(node, url);
        std::string alt = markdown::plain_text(node);
        if (alt.find_first_not_of(" \t\n") == std::string::npos) {
            findings.add(Kind::missing_alt,
                         source.diagnostic(Severity::error, source.place(node, "![]"),
                                           "the image `" + url +
                                               "` has no alt text, so people who cannot see "
                                               "it are not told what it shows",
                                           "describe what it shows between the square brackets: "
                                           "![what the picture shows](" +
                                               url + ")"));
        }
        LinkTarget target = resolve_link(from.output, url);
        if (target.external || url.starts_with("data:")) continue;
        if (url.empty() || !image_exists(view, from, url)) {
            std::string hint = did_you_mean_hint(url, nearby_images(view, from));
            if (hint.empty())
                hint =
                    "check the file name; an image is looked for beside this page's file and "
                    "among the site's files (templates/assets/ becomes assets/)";
            findings.add(Kind::missing_image,
                         source.diagnostic(Severity::error, where,
                                           "the image `" + url + "` is not there", hint));
        }
    }
}

}  // namespace boardpress::check
