// The site's own files beside its pages: sitemap.xml and an Atom feed of publications (both need
// absolute URLs, so only when boardpress.json has a base_url), and the 404 page.
#pragma once

#include <optional>
#include <string>

#include "config/config.hpp"
#include "content/content.hpp"

namespace boardpress::site {

// Every page, with its date as <lastmod> where it has one. "" without a base_url.
std::string sitemap_xml(const config::SiteConfig& config, const content::ContentTree& tree);

// Publications and dated pages of other kinds than `page`, newest first. "" without a base_url.
// `updated` is the feed's own date (the build date).
std::string atom_feed(const config::SiteConfig& config, const content::ContentTree& tree,
                      const std::string& updated);

// The page "404.html" (a plain page telling the reader the page was not found), or nullopt when
// the project writes its own.
std::optional<content::Page> not_found_page(const content::ContentTree& tree);

// The page "search.html", laid out by templates/search.html (the project has one when it wants
// search), or nullopt when the project writes its own.
std::optional<content::Page> search_page(const content::ContentTree& tree);

}  // namespace boardpress::site
