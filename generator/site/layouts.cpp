#include "site/layouts.hpp"

#include <map>
#include <optional>
#include <string>

#include "content/content.hpp"
#include "data/data.hpp"
#include "diag/diagnostics.hpp"

namespace fs = std::filesystem;

namespace boardpress::site {

namespace {

enum class Problem { none, outside, missing, empty };

// Whether the layout `name` is a file in templates/ with something in it. A name that climbs out
// of templates/ is wrong too (the template engine refuses it).
Problem layout_problem(const fs::path& templates, const std::string& name) {
    fs::path relative = fs::path(name).lexically_normal();
    if (name.empty() || relative.is_absolute() || (!relative.empty() && *relative.begin() == ".."))
        return Problem::outside;
    std::optional<std::string> text = data::try_read_file(templates / relative);
    if (!text) return Problem::missing;
    if (text->find_first_not_of(" \t\r\n") == std::string::npos) return Problem::empty;
    return Problem::none;
}

std::string problem_message(Problem problem, const std::string& name) {
    switch (problem) {
        case Problem::outside: return "the layout `" + name + "` is not a file in templates/";
        case Problem::missing: return "the layout `" + name + "` is not in templates/";
        case Problem::empty:
            return "the layout `templates/" + name +
                   "` is empty, so the pages laid out with it would be blank";
        case Problem::none: break;
    }
    return {};
}

// Who the site lays out with a usual layout, for the message about a missing one.
std::string usual_users(const std::string& name) {
    if (name == "index.html") return "the home page is laid out with it";
    if (name == "publication.html") return "each publication's first page is laid out with it";
    if (name == "section.html") return "the sections of publications are laid out with it";
    if (name == "page.html") return "pages are laid out with it";
    return "pages of that kind are laid out with it";
}

// Where `template:` is written in the page's front matter (read again: this is the error path).
Diagnostic at_template_key(const fs::path& root, const content::Page& page) {
    Diagnostic diagnostic{Severity::error, {page.source, 1, 1}, {}, {}, {}};
    std::string text = data::try_read_file(root / page.source).value_or(std::string());
    std::string_view body = data::skip_bom(text);
    try {
        content::FrontMatterSplit split = content::split_front_matter(body, page.source);
        content::FrontMatter front_matter =
            content::parse_front_matter_located(split.yaml, page.source, split.yaml_line);
        if (auto key = front_matter.keys.find("template"); key != front_matter.keys.end())
            diagnostic.location = key->second;
    } catch (const Error&) {
        // It was read without errors a moment ago; keep line 1 if it changed since.
    }
    attach_source(diagnostic, body);
    return diagnostic;
}

}  // namespace

void check_layouts(const fs::path& root, const std::vector<render::PageJob>& jobs,
                   std::vector<render::PageBody>& bodies) {
    const fs::path templates = root / "templates";
    std::map<std::string, Problem> problems;  // by layout name
    std::vector<std::string> layouts;  // the .html files in templates/, for did-you-mean
    bool listed = false;
    for (std::size_t i = 0; i < jobs.size() && i < bodies.size(); ++i) {
        const std::string& name = jobs[i].template_name;
        auto found = problems.find(name);
        if (found == problems.end())
            found = problems.emplace(name, layout_problem(templates, name)).first;
        if (found->second == Problem::none) continue;
        const content::Page& page = *jobs[i].page;
        Diagnostic diagnostic;
        if (!page.template_name.empty()) {
            if (!listed) {
                Diagnostics ignored;  // links out of templates/ are reported on loading
                for (const auto& file : data::list_files(templates, root, {".html"}, ignored))
                    layouts.push_back(file.relative);
                listed = true;
            }
            diagnostic = at_template_key(root, page);
            diagnostic.message = problem_message(found->second, name);
            diagnostic.hint = did_you_mean_hint(name, layouts);
            if (found->second == Problem::outside)
                diagnostic.hint = "name a file in templates/, as in `template: report.html`";
            else if (diagnostic.hint.empty())
                diagnostic.hint = "create templates/" + name +
                                  ", or leave `template:` out to use the usual layout";
        } else {
            // One message for every page that needs it, so the report has it once.
            diagnostic.location = {"templates/" + name, 0, 0};
            diagnostic.message = problem_message(found->second, name);
            if (found->second == Problem::missing) diagnostic.message += ", and " + usual_users(name);
            diagnostic.hint =
                "a layout puts `{{ page.content }}` inside the site's frame (see base.html)";
        }
        bodies[i].diagnostics.add(std::move(diagnostic));
    }
}

}  // namespace boardpress::site
