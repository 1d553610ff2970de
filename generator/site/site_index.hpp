// The site index: what every page's template context shares (site settings, the list of
// publications grouped by kind and year) and what is particular to one page (root, prev/next).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "content/content.hpp"

namespace boardpress::site {

// "" for "index.html", "../" for "annual-report/chair.html".
std::string relative_root(const std::string& output_path);

// The `site` object of docs/templates.md: settings plus `publications` and `groups`.
nlohmann::ordered_json site_json(const config::SiteConfig& config,
                                 const content::ContentTree& tree);

// A page's own `page` object (front matter plus computed keys), without `content` and `toc`.
nlohmann::ordered_json page_json(const content::ContentTree& tree, std::size_t page_index);

// The `publication` object for pages of a publication; null otherwise.
nlohmann::ordered_json publication_json(const content::ContentTree& tree, std::size_t page_index);

// The newest date among the pages (ISO), or SOURCE_DATE_EPOCH when set; never the clock.
std::string build_date(const content::ContentTree& tree);

// SOURCE_DATE_EPOCH as YYYY-MM-DD (UTC), or "" when it is not set: builds never read the clock.
std::string source_date_epoch();

}  // namespace boardpress::site
