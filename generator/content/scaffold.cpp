#include "content/scaffold.hpp"

#include <algorithm>
#include <cctype>

#include "content/content.hpp"
#include "diag/diagnostics.hpp"
#include "markdown/markdown.hpp"

namespace boardpress::content {

namespace {

// "annual-report-2015-16" -> "Annual report 2015-16": hyphens between digits stay.
std::string title_of(const std::string& slug) {
    auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(slug[i])); };
    std::string title = slug;
    for (std::size_t i = 1; i + 1 < title.size(); ++i)
        if (title[i] == '-' && !(digit(i - 1) && digit(i + 1))) title[i] = ' ';
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    return title;
}

std::string front_matter(const std::string& title, std::string_view kind, std::string_view date,
                         const std::string& extra) {
    std::string text = "---\ntitle: " + title + "\nkind: " + std::string(kind) +
                       "\ndate: " + std::string(date) + "\ndraft: true\n" + extra + "---\n";
    return text;
}

}  // namespace

std::vector<NewFile> scaffold(std::string_view kind, std::string_view name, std::string_view date) {
    std::string kind_text(kind);
    if (std::find(kinds.begin(), kinds.end(), kind_text) == kinds.end()) {
        std::string hint = did_you_mean_hint(kind_text, kinds);
        throw Error({"boardpress new", 0, 0}, "unknown kind `" + kind_text + "`",
                    hint.empty() ? "use one of: annual-report, business-plan, leaflet, summary, "
                                   "report, page"
                                 : hint);
    }
    std::string slug = markdown::slugify(name);
    if (slug.empty())
        throw Error({"boardpress new", 0, 0},
                    "the name `" + std::string(name) + "` has no letters or digits",
                    "name it like `annual-report-2015-16`");
    std::string title = title_of(slug);
    std::vector<NewFile> files;
    if (kind == "annual-report" || kind == "business-plan") {
        std::string folder = "content/" + slug + "/";
        files.push_back(
            {folder + "index.md",
             front_matter(title, kind, date,
                          "summary: One sentence on what this " +
                              std::string(kind == "annual-report" ? "report" : "plan") +
                              " covers.\nnumbering: sections\npdf: true\n") +
                 "Say who this is for and what period it covers. Figures come from `data/`: "
                 "write `{% raw %}{{ data.folder.file.key | number }}{% endraw %}` rather than "
                 "typing "
                 "them.\n"});
        files.push_back({folder + "01-introduction.md",
                         "---\ntitle: Introduction\nsummary: What this section is about.\n---\n"
                         "The first paragraph of the first section.\n\n## A first heading\n\n"
                         "Headings and paragraphs are numbered by section when the build runs.\n"});
    } else if (kind == "leaflet") {
        std::string panels;
        const char* headings[] = {"What this is about", "Why it matters",  "Who this is for",
                                  "What happens next",  "How to get help", "About us"};
        for (std::size_t i = 0; i < 6; ++i) {
            if (i) panels += "\n***\n\n";
            panels += "## " + std::string(headings[i]) + "\n\nA few short sentences for panel " +
                      std::to_string(i + 1) + ". Panels are separated by `***`: the front, the " +
                      "inside flap, three inside panels and the back.\n";
        }
        files.push_back({"content/leaflets/" + slug + ".md",
                         front_matter(title, kind, date,
                                      "summary: One line for the front cover.\npdf: true\n") +
                             panels});
    } else {
        files.push_back({"content/" + slug + ".md",
                         front_matter(title, kind, date, "summary: One sentence on this page.\n") +
                             "The first paragraph.\n\n## A first heading\n\nMore text.\n"});
    }
    return files;
}

}  // namespace boardpress::content
