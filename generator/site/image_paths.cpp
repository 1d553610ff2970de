#include "site/image_paths.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "content/content.hpp"
#include "diag/diagnostics.hpp"

namespace fs = std::filesystem;

namespace boardpress::site {

namespace {

bool is_under(const fs::path& path, const fs::path& folder) {
    fs::path relative = path.lexically_relative(folder);
    return !relative.empty() && *relative.begin() != "..";
}

// The project file an image address names, relative to the project ("content/pic.png"), or
// nullopt for an address that is not a file of the project (a scheme, "//host", "/x", "#x").
std::optional<fs::path> image_file(const content::Page& page, std::string_view url) {
    url = url.substr(0, url.find_first_of("?#"));
    if (url.empty() || url.front() == '/') return std::nullopt;
    if (std::size_t colon = url.find(':');
        colon != std::string_view::npos && url.find('/') > colon)
        return std::nullopt;
    return (fs::path(page.source).parent_path() / fs::path(std::string(url))).lexically_normal();
}

// Where an image is: its own line and column, else those of the block it is in.
std::pair<int, int> position_of(cmark_node* node) {
    while (cmark_node_parent(node) && cmark_node_get_start_line(node) == 0)
        node = cmark_node_parent(node);
    return {std::max(cmark_node_get_start_line(node), 1),
            std::max(cmark_node_get_start_column(node), 1)};
}

}  // namespace

void check_image_paths(const fs::path& root, const std::vector<render::PageJob>& jobs,
                       std::vector<render::PageBody>& bodies) {
    std::error_code error;
    const fs::path project = fs::weakly_canonical(root, error);
    for (std::size_t i = 0; i < jobs.size() && i < bodies.size(); ++i) {
        render::PageBody& body = bodies[i];
        if (!body.document.root()) continue;  // not rendered, or broken
        const content::Page& page = *jobs[i].page;
        std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(
            cmark_iter_new(body.document.root()), &cmark_iter_free);
        for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
            cmark_node* node = cmark_iter_get_node(iter.get());
            if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_IMAGE)
                continue;
            const char* url_text = cmark_node_get_url(node);
            std::string url = url_text ? url_text : "";
            std::optional<fs::path> file = image_file(page, url);
            if (!file) continue;
            bool climbs = !file->empty() && *file->begin() == "..";
            // A file of the project that is a link leading out of it.
            bool links_out = !climbs && fs::is_symlink(fs::symlink_status(root / *file, error)) &&
                             !is_under(fs::weakly_canonical(root / *file, error), project);
            if (!climbs && !links_out) continue;
            auto [line, column] = position_of(node);
            Diagnostic diagnostic{
                Severity::error,
                {page.source, page.body_line + line - 1, column},
                climbs ? "the image `" + url + "` is outside the project"
                       : "the image `" + url + "` links to a file outside the project",
                line_of(body.markdown, line),
                "copy the picture into the project, beside this page or in templates/assets/, "
                "and show it from there"};
            body.diagnostics.add(std::move(diagnostic));
        }
    }
}

}  // namespace boardpress::site
