// Inside the check module: what every check reads (the rendered site, its laid-out HTML scanned
// once, the files it writes) and where findings are collected. One function per check.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "check/page_source.hpp"
#include "render/page_renderer.hpp"
#include "site/site.hpp"

namespace boardpress::check {

struct SiteView {
    explicit SiteView(const site::RenderedSite& rendered) : site(rendered) {}

    const site::RenderedSite& site;
    std::vector<HtmlFacts> html;    // each page's layout(), scanned
    std::set<std::string> outputs;  // every file the site writes, site-relative
    std::map<std::string, std::size_t> page_by_output;

    // Page `page`'s final HTML; "" when it was not laid out.
    std::string_view layout(std::size_t page) const;
    // True when page `page` is the user's Markdown (content/...) and its body parsed.
    bool has_body(std::size_t page) const;
    // The page at a site-relative path, if it is one.
    std::optional<std::size_t> page_at(const std::string& output) const;
    // Whether the site writes `path` (or `path`/index.html for a folder).
    std::optional<std::string> output_for(const std::string& path) const;
};

// Builds the view of a site rendered with keep_going: pages whose bodies failed are not laid out.
SiteView make_view(const site::RenderedSite& site);

// Collects findings, once each (a template link broken on every page is one finding).
class Findings {
  public:
    void add(Kind kind, Diagnostic diagnostic);
    std::vector<Finding> take();

  private:
    std::vector<Finding> items_;
    std::set<std::string> seen_;
};

// The build's own diagnostics, named by kind and worded for the reader of the report.
void add_build_diagnostics(const Diagnostics& diagnostics, Findings& findings);

// Per page, on its parsed Markdown body (pages whose has_body() is true).
void check_body_links(const SiteView& view, std::size_t page, const PageSource& source,
                      Findings& findings);
void check_images(const SiteView& view, std::size_t page, const PageSource& source,
                  Findings& findings);
void check_headings(const SiteView& view, std::size_t page, const PageSource& source,
                    Findings& findings);
void check_acronyms(const SiteView& view, std::size_t page, const PageSource& source,
                    Findings& findings);
void check_tables(const SiteView& view, std::size_t page, const PageSource& source,
                  Findings& findings);
void check_overdue(const SiteView& view, std::size_t page, const PageSource& source,
                   Findings& findings);
// Summaries and leaflets: their score, and a warning when it is below plain English.
std::optional<ReadingScore> check_reading_ease(const SiteView& view, std::size_t page,
                                               const PageSource& source, Findings& findings);

// Every laid-out page: links, images and alt text written by templates (navigation, headers),
// placed at the template or boardpress.json line that wrote them where that can be found.
void check_layout_links(const SiteView& view, Findings& findings);

// The same test of one link for both: an error message and hint, or nullopt when it works.
struct LinkProblem {
    Kind kind = Kind::broken_link;
    std::string message;
    std::string hint;
};
std::optional<LinkProblem> link_problem(const SiteView& view, std::size_t page,
                                        std::string_view href);

}  // namespace boardpress::check
