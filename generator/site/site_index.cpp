#include "site/site_index.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>

namespace boardpress::site {

std::string relative_root(const std::string& output_path) {
    std::string root;
    for (char c : output_path)
        if (c == '/') root += "../";
    return root;
}

static std::string year_of(const std::string& iso_date) {
    return iso_date.size() >= 4 ? iso_date.substr(0, 4) : std::string{};
}

static std::string summary_of(const content::Page& page) {
    auto it = page.front_matter.find("summary");
    return it != page.front_matter.end() && it->is_string() ? it->get<std::string>() : "";
}

// A listing entry for the index: a publication (its landing page) or a standalone document.
static nlohmann::ordered_json listing_entry(const content::Page& page) {
    nlohmann::ordered_json entry = page.front_matter;
    entry["title"] = page.title;
    entry["kind"] = page.kind;
    entry["date"] = page.date;
    entry["year"] = year_of(page.date);
    entry["url"] = page.output;
    entry["summary"] = summary_of(page);
    return entry;
}

static bool is_listed(const content::Page& page) {
    if (page.is_publication_index) return true;
    return page.publication < 0 && page.kind != "page" && page.output != "index.html";
}

static std::string kind_title(const std::string& kind) {
    static const std::map<std::string, std::string> titles = {{"annual-report", "Annual reports"},
                                                              {"business-plan", "Business plans"},
                                                              {"leaflet", "Leaflets"},
                                                              {"summary", "Summaries"},
                                                              {"report", "Reports"},
                                                              {"page", "Pages"}};
    auto it = titles.find(kind);
    return it != titles.end() ? it->second : kind;
}

nlohmann::ordered_json site_json(const config::SiteConfig& config,
                                 const content::ContentTree& tree) {
    nlohmann::ordered_json site = config::to_json(config);
    std::vector<const content::Page*> listed;
    for (const auto& page : tree.pages)
        if (is_listed(page)) listed.push_back(&page);
    // Newest first; ties by title so the order never depends on the file system.
    std::stable_sort(listed.begin(), listed.end(), [](const auto* a, const auto* b) {
        return a->date != b->date ? a->date > b->date : a->title < b->title;
    });

    nlohmann::ordered_json publications = nlohmann::ordered_json::array();
    for (const auto* page : listed) publications.push_back(listing_entry(*page));

    nlohmann::ordered_json groups = nlohmann::ordered_json::array();
    for (const auto& kind : content::kinds) {
        nlohmann::ordered_json years = nlohmann::ordered_json::array();
        for (const auto& entry : publications) {
            if (entry["kind"] != kind) continue;
            std::string year = entry["year"].get<std::string>();
            if (years.empty() || years.back()["year"] != year)
                years.push_back(
                    {{"year", year}, {"publications", nlohmann::ordered_json::array()}});
            years.back()["publications"].push_back(entry);
        }
        if (!years.empty())
            groups.push_back({{"kind", kind}, {"title", kind_title(kind)}, {"years", years}});
    }
    site["publications"] = std::move(publications);
    site["groups"] = std::move(groups);
    return site;
}

static nlohmann::ordered_json link_to(const content::Page& page) {
    return {{"title", page.title}, {"url", page.output}};
}

// Section pages are numbered 1, 2, ... in file order when the publication numbers its sections.
static std::string section_number(const content::ContentTree& tree, const content::Page& page) {
    if (page.publication < 0 || page.is_publication_index) return {};
    const auto& publication = tree.publications[static_cast<std::size_t>(page.publication)];
    const auto& index = tree.pages[publication.index_page];
    auto numbering = index.front_matter.value("numbering", std::string{});
    if (numbering != "sections") return {};
    for (std::size_t i = 0; i < publication.sections.size(); ++i)
        if (&tree.pages[publication.sections[i]] == &page) return std::to_string(i + 1);
    return {};
}

nlohmann::ordered_json page_json(const content::ContentTree& tree, std::size_t page_index) {
    const content::Page& page = tree.pages[page_index];
    nlohmann::ordered_json json = page.front_matter;
    json["title"] = page.title;
    json["kind"] = page.kind;
    json["date"] = page.date;
    json["url"] = page.output;
    json["source"] = page.source;
    json["summary"] = summary_of(page);
    json["number"] = section_number(tree, page);
    json["prev"] = nullptr;
    json["next"] = nullptr;
    if (page.publication >= 0) {
        const auto& publication = tree.publications[static_cast<std::size_t>(page.publication)];
        // Reading order: the landing page, then the sections.
        std::vector<std::size_t> order{publication.index_page};
        order.insert(order.end(), publication.sections.begin(), publication.sections.end());
        auto at = std::find(order.begin(), order.end(), page_index);
        if (at != order.end() && at != order.begin()) json["prev"] = link_to(tree.pages[*(at - 1)]);
        if (at != order.end() && at + 1 != order.end())
            json["next"] = link_to(tree.pages[*(at + 1)]);
    }
    return json;
}

nlohmann::ordered_json publication_json(const content::ContentTree& tree, std::size_t page_index) {
    const content::Page& page = tree.pages[page_index];
    if (page.publication < 0) return nullptr;
    const auto& publication = tree.publications[static_cast<std::size_t>(page.publication)];
    const content::Page& index = tree.pages[publication.index_page];
    nlohmann::ordered_json json = listing_entry(index);
    json["pdf"] = false;
    nlohmann::ordered_json sections = nlohmann::ordered_json::array();
    for (std::size_t section_index : publication.sections) {
        const content::Page& section = tree.pages[section_index];
        sections.push_back({{"title", section.title},
                            {"url", section.output},
                            {"number", section_number(tree, section)},
                            {"summary", summary_of(section)},
                            {"current", section_index == page_index}});
    }
    json["sections"] = std::move(sections);
    return json;
}

std::string source_date_epoch() {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !*epoch) return {};
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (!end || *end != '\0' || seconds < 0) return {};
    std::time_t time = static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

std::string build_date(const content::ContentTree& tree) {
    if (std::string epoch = source_date_epoch(); !epoch.empty()) return epoch;
    std::string newest;
    for (const auto& page : tree.pages) newest = std::max(newest, page.date);
    return newest;
}

}  // namespace boardpress::site
