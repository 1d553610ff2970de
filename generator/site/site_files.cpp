#include "site/site_files.hpp"

#include <algorithm>

#include "html/html_writer.hpp"

namespace boardpress::site {

namespace {

// Escaped, and without the characters XML 1.0 forbids even as references (control characters
// but tab and line breaks, U+FFFE, U+FFFF): one in a title would make the whole feed unreadable.
// The text is valid UTF-8 (checked when read).
std::string xml(std::string_view text) {
    std::string allowed;
    allowed.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        if (c == 0xEF && text.substr(i + 1, 1) == "\xBF" &&
            (text.substr(i + 2, 1) == "\xBE" || text.substr(i + 2, 1) == "\xBF")) {
            i += 2;
            continue;
        }
        allowed += text[i];
    }
    return html::escape_text(allowed);
}

// "2015-09-30" as an Atom date-time; the feed's dates are days.
std::string atom_time(const std::string& date) {
    return (date.empty() ? std::string("1970-01-01") : date) + "T00:00:00Z";
}

bool listed_in_feed(const content::Page& page) {
    if (page.output == "404.html" || page.date.empty()) return false;
    if (page.is_publication_index) return true;
    return page.publication < 0 && page.kind != "page";
}

}  // namespace

std::string sitemap_xml(const config::SiteConfig& config, const content::ContentTree& tree) {
    if (config.base_url.empty()) return {};
    std::vector<const content::Page*> pages;
    for (const auto& page : tree.pages)
        if (page.output != "404.html") pages.push_back(&page);
    std::sort(pages.begin(), pages.end(),
              [](const auto* a, const auto* b) { return a->output < b->output; });
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto* page : pages) {
        out += "  <url><loc>" + xml(config.base_url + page->output) + "</loc>";
        if (!page->date.empty()) out += "<lastmod>" + xml(page->date) + "</lastmod>";
        out += "</url>\n";
    }
    out += "</urlset>\n";
    return out;
}

std::string atom_feed(const config::SiteConfig& config, const content::ContentTree& tree,
                      const std::string& updated) {
    if (config.base_url.empty()) return {};
    std::vector<const content::Page*> entries;
    for (const auto& page : tree.pages)
        if (listed_in_feed(page)) entries.push_back(&page);
    std::stable_sort(entries.begin(), entries.end(), [](const auto* a, const auto* b) {
        return a->date != b->date ? a->date > b->date : a->output < b->output;
    });
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
        xml(config.language) + "\">\n";
    out += "  <title>" + xml(config.title) + "</title>\n";
    out += "  <id>" + xml(config.base_url) + "</id>\n";
    out += "  <link rel=\"alternate\" href=\"" + xml(config.base_url) + "\"/>\n";
    out += "  <link rel=\"self\" href=\"" + xml(config.base_url + "feed.xml") + "\"/>\n";
    out += "  <updated>" + atom_time(updated) + "</updated>\n";
    out += "  <author><name>" + xml(config.organisation) + "</name></author>\n";
    for (const auto* page : entries) {
        std::string url = config.base_url + page->output;
        out += "  <entry>\n    <title>" + xml(page->title) + "</title>\n";
        out += "    <id>" + xml(url) + "</id>\n";
        out += "    <link rel=\"alternate\" href=\"" + xml(url) + "\"/>\n";
        out += "    <updated>" + atom_time(page->date) + "</updated>\n";
        std::string summary = page->front_matter.value("summary", std::string());
        if (!summary.empty()) out += "    <summary>" + xml(summary) + "</summary>\n";
        out += "  </entry>\n";
    }
    out += "</feed>\n";
    return out;
}

std::optional<content::Page> not_found_page(const content::ContentTree& tree) {
    bool taken = std::any_of(tree.pages.begin(), tree.pages.end(),
                             [](const auto& page) { return page.output == "404.html"; });
    if (taken) return std::nullopt;
    content::Page page;
    page.source = "404.html";
    page.output = "404.html";
    page.slug = "404";
    page.title = "Page not found";
    page.kind = "page";
    page.front_matter = {{"title", page.title}};
    page.body =
        "If you typed the web address, check it is correct. If you followed a link, the page "
        "may have moved.\n\n"
        "The [home page]({{ root }}index.html) lists every publication.\n";
    return page;
}

std::optional<content::Page> search_page(const content::ContentTree& tree) {
    bool taken = std::any_of(tree.pages.begin(), tree.pages.end(),
                             [](const auto& page) { return page.output == "search.html"; });
    if (taken) return std::nullopt;
    content::Page page;
    page.source = "templates/search.html";
    page.output = "search.html";
    page.slug = "search";
    page.title = "Search";
    page.kind = "page";
    page.template_name = "search.html";
    page.front_matter = {{"title", page.title}};
    return page;
}

}  // namespace boardpress::site
