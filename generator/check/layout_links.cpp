// Links and images that templates write around the content (navigation, breadcrumbs, the
// header): broken ones are placed where they are written, in boardpress.json's navigation or in
// templates/, and reported once however many pages show them.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "check/site_view.hpp"
#include "site/site_index.hpp"

namespace fs = std::filesystem;

namespace boardpress::check {

namespace {

struct TextFile {
    std::string name;  // as shown: "templates/partials/header.html"
    std::string text;
};

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

// boardpress.json first (navigation URLs are written there), then the page's own layout, then
// the other templates in name order.
std::vector<TextFile> written_in(const fs::path& root) {
    std::vector<TextFile> files;
    if (fs::is_regular_file(root / "boardpress.json"))
        files.push_back({"boardpress.json", read_text(root / "boardpress.json")});
    std::vector<std::string> names;
    std::error_code error;
    for (fs::recursive_directory_iterator it(root / "templates", error), end; !error && it != end;
         it.increment(error))
        if (it->is_regular_file() && it->path().extension() == ".html")
            names.push_back(it->path().lexically_relative(root).generic_string());
    std::sort(names.begin(), names.end());
    for (const auto& name : names) files.push_back({name, read_text(root / name)});
    return files;
}

struct Place {
    SourceLocation where;
    std::string source_line;
    std::string written;  // the link as written there
};

// Where a page's link is written: its URL as boardpress.json gives it, or as a template writes
// it after `{{ root }}` or in full.
std::optional<Place> find_written(const std::vector<TextFile>& files, const std::string& layout,
                                  const std::string& url, const std::string& root) {
    std::string bare = !root.empty() && url.starts_with(root) ? url.substr(root.size()) : url;
    auto search = [&](const TextFile& file, const std::string& needle,
                      std::size_t skip) -> std::optional<Place> {
        std::size_t at = file.text.find(needle);
        if (needle.size() <= skip || at == std::string::npos) return std::nullopt;
        SourceLocation where = locate(file.name, file.text, at + skip);
        return Place{where, line_of(file.text, where.line), bare};
    };
    if (!bare.empty() && !files.empty() && files.front().name == "boardpress.json")
        if (auto found = search(files.front(), "\"" + bare + "\"", 1)) return found;
    std::vector<const TextFile*> order;
    for (const auto& file : files)
        if (file.name == "templates/" + layout)
            order.insert(order.begin(), &file);
        else if (file.name != "boardpress.json")
            order.push_back(&file);
    for (const TextFile* file : order) {
        if (!bare.empty())
            if (auto found = search(*file, "}}" + bare + "\"", 2)) return found;
        if (auto found = search(*file, "\"" + url + "\"", 1)) {
            found->written = url;
            return found;
        }
    }
    return std::nullopt;
}

struct Seen {
    Kind kind = Kind::broken_link;
    Diagnostic diagnostic;
    std::vector<std::string> pages;
};

}  // namespace

void check_layout_links(const SiteView& view, Findings& findings) {
    const site::RenderedSite& site = view.site;
    std::vector<TextFile> files = written_in(site.root);
    std::map<std::string, Seen> problems;  // by place, kind and link as written
    std::vector<std::string> order;        // the keys of `problems` in the order first seen
    auto note = [&](std::size_t page, Kind kind, const HtmlReference& reference,
                    const std::string& message, const std::string& hint) {
        const content::Page& from = site.tree.pages[page];
        std::string root = site::relative_root(from.output);
        auto place = find_written(files, site.jobs[page].template_name, reference.url, root);
        Diagnostic diagnostic;
        diagnostic.severity = Severity::error;
        diagnostic.hint = hint;
        if (place) {
            diagnostic.location = place->where;
            diagnostic.source_line = place->source_line;
        } else {
            diagnostic.location = {
                from.source.empty() ? "templates/" + site.jobs[page].template_name : from.source, 0,
                0};
        }
        diagnostic.message = message;
        std::string key = diagnostic.location.file + ":" +
                          std::to_string(diagnostic.location.line) + ":" +
                          std::to_string(diagnostic.location.column) + ":" +
                          kind_name(kind).data() + (place ? place->written : reference.url);
        auto [it, added] = problems.try_emplace(key, Seen{kind, diagnostic, {}});
        if (added) order.push_back(key);
        it->second.pages.push_back(from.output);
    };

    // Top-level pages first: there a link reads as boardpress.json and templates write it (no
    // `../` in front), so the first report of it, the one kept, says it the same way.
    std::vector<std::size_t> pages;
    for (std::size_t i = 0; i < view.html.size(); ++i)
        if (!view.layout(i).empty()) pages.push_back(i);
    auto depth = [&](std::size_t i) {
        return std::count(site.tree.pages[i].output.begin(), site.tree.pages[i].output.end(), '/');
    };
    std::stable_sort(pages.begin(), pages.end(),
                     [&](std::size_t a, std::size_t b) { return depth(a) < depth(b); });
    for (std::size_t i : pages) {
        // What the page's body wrote is checked in its Markdown, where it can be placed exactly.
        std::set<std::string> from_body;
        if (i < site.bodies.size())
            for (const auto& reference : scan_html(site.bodies[i].html).references)
                from_body.insert(reference.url);
        for (const auto& reference : view.html[i].references) {
            if (from_body.count(reference.url)) continue;
            if (reference.tag == "img" && !reference.has_alt)
                note(i, Kind::missing_alt, reference,
                     "an image in the page layout has no alt text (`<img src=\"" + reference.url +
                         "\">`)",
                     "add alt=\"what it shows\" to the <img> tag, or alt=\"\" if it is only "
                     "decoration");
            if (reference.url.empty()) continue;
            if (auto problem = link_problem(view, i, reference.url)) {
                Kind kind = problem->kind;
                if (reference.tag == "img" && kind == Kind::broken_link) kind = Kind::missing_image;
                note(i, kind, reference, problem->message, problem->hint);
            }
        }
    }
    for (const auto& key : order) {
        Seen& seen = problems[key];
        std::size_t count = seen.pages.size();
        seen.diagnostic.message += count == 1 ? " (on " + seen.pages.front() + ")"
                                              : " (on " + std::to_string(count) +
                                                    " pages, such as " + seen.pages.front() + ")";
        findings.add(seen.kind, std::move(seen.diagnostic));
    }
}

}  // namespace boardpress::check
