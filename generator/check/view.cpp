#include <algorithm>
#include <filesystem>

#include "check/site_view.hpp"
#include "site/pdf_output.hpp"

namespace fs = std::filesystem;

namespace boardpress::check {

std::string_view SiteView::layout(std::size_t page) const {
    return page < site.pages.size() ? std::string_view(site.pages[page].html) : std::string_view();
}

bool SiteView::has_body(std::size_t page) const {
    return page < site.bodies.size() && site.bodies[page].document.root() &&
           site.tree.pages[page].source.starts_with("content/");
}

std::optional<std::size_t> SiteView::page_at(const std::string& output) const {
    auto found = page_by_output.find(output);
    if (found == page_by_output.end()) return std::nullopt;
    return found->second;
}

std::optional<std::string> SiteView::output_for(const std::string& path) const {
    if (outputs.count(path)) return path;
    // "reports" for the folder reports/ with its index.html
    if (std::string index = path + "/index.html"; outputs.count(index)) return index;
    return std::nullopt;
}

SiteView make_view(const site::RenderedSite& site) {
    SiteView view(site);
    const content::ContentTree& tree = site.tree;
    for (std::size_t i = 0; i < tree.pages.size(); ++i) {
        view.outputs.insert(tree.pages[i].output);
        view.page_by_output.emplace(tree.pages[i].output, i);
    }
    for (const auto& unit : site::plan_pdfs(tree)) view.outputs.insert(unit.output);
    std::error_code error;
    const fs::path assets = site.root / "templates" / "assets";
    for (fs::recursive_directory_iterator it(assets, error), end; !error && it != end;
         it.increment(error))
        if (it->is_regular_file())
            view.outputs.insert("assets/" + it->path().lexically_relative(assets).generic_string());
    if (site.has_search) view.outputs.insert("search-index.js");
    if (!site.config.base_url.empty()) {
        view.outputs.insert("sitemap.xml");
        view.outputs.insert("feed.xml");
    }

    for (std::size_t i = 0; i < tree.pages.size(); ++i)
        view.html.push_back(scan_html(view.layout(i)));
    return view;
}

void Findings::add(Kind kind, Diagnostic diagnostic) {
    const SourceLocation& where = diagnostic.location;
    std::string key = where.file + ":" + std::to_string(where.line) + ":" +
                      std::to_string(where.column) + ":" + diagnostic.message;
    if (!seen_.insert(key).second) return;
    items_.push_back({kind, std::move(diagnostic)});
}

std::vector<Finding> Findings::take() {
    std::vector<Finding> taken = std::move(items_);
    items_.clear();
    seen_.clear();
    return taken;
}

}  // namespace boardpress::check
