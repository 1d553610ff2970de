#include "site/glossary_page.hpp"

#include <algorithm>

namespace boardpress::site {

namespace {
const char* const kGlossaryFile = "data/glossary.json";
}

markdown::Glossary read_glossary(const nlohmann::ordered_json& data, Diagnostics& diagnostics) {
    auto found = data.find("glossary");
    if (found == data.end()) return {};
    if (!found->is_object()) {
        diagnostics.add(Error({kGlossaryFile, 1, 1}, "the glossary must be an object of terms",
                              R"(write it as {"LSCB": "Local Safeguarding Children Board", ...})"));
        return {};
    }
    std::vector<markdown::GlossaryTerm> terms;
    for (const auto& [term, expansion] : found->items()) {
        if (!expansion.is_string() || expansion.get<std::string>().empty()) {
            diagnostics.add(Error({kGlossaryFile, 1, 1},
                                  "the glossary entry `" + term + "` has no expansion text",
                                  "give it the words the term stands for, in quotes"));
            continue;
        }
        terms.push_back({term, expansion.get<std::string>()});
    }
    return markdown::Glossary(std::move(terms));
}

std::optional<content::Page> glossary_page(const markdown::Glossary& glossary,
                                           const content::ContentTree& tree) {
    if (glossary.empty()) return std::nullopt;
    bool taken = std::any_of(tree.pages.begin(), tree.pages.end(),
                             [](const auto& page) { return page.output == "glossary.html"; });
    if (taken) return std::nullopt;
    content::Page page;
    page.source = kGlossaryFile;
    page.output = "glossary.html";
    page.slug = "glossary";
    page.title = "Glossary";
    page.kind = "page";
    page.front_matter = {
        {"title", page.title},
        {"summary", "The abbreviations and terms used in the board's publications."},
        {"glossary", false}};
    // A template body, so values are escaped as every page's data is.
    page.body =
        "| Term | What it stands for |\n"
        "|:---|:---|\n"
        "{% for term, meaning in data.glossary | dictsort(true) %}"
        "| {{ term }} | {{ meaning }} |\n"
        "{% endfor %}";
    return page;
}

}  // namespace boardpress::site
