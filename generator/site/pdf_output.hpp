// Which PDFs a site has and how each is made: a publication whose landing page says `pdf: true`
// becomes one PDF of its landing page and sections; a page with `pdf: true` becomes its own.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "content/content.hpp"
#include "pdf/pdf_writer.hpp"

namespace boardpress::site {

struct PdfUnit {
    std::string output;    // site-relative: "annual-report-2014-15/annual-report-2014-15.pdf"
    std::size_t lead = 0;  // the page whose front matter gives title, date and settings
    std::vector<std::size_t> pages;  // the pages it is made of, in reading order
};

std::vector<PdfUnit> plan_pdfs(const content::ContentTree& tree);

// The writer's settings for `unit`: page size and margins from boardpress.json's `pdf` and the
// lead page's own `pdf` mapping (page_size: A4|A5|letter, margins_mm, cover, contents), title,
// organisation and dates from the page, fonts from templates/fonts/ when the project has them.
pdf::PdfOptions pdf_options(const config::SiteConfig& config, const content::ContentTree& tree,
                            const PdfUnit& unit, const std::filesystem::path& project_root);

// "310 KB", "1.2 MB": a file size as a download link shows it.
std::string file_size_words(std::size_t bytes);

// What templates see as `page.download` on every page of the unit: {url (relative to the page),
// pages, size ("310 KB"), bytes}.
nlohmann::ordered_json download_json(const PdfUnit& unit, const content::Page& page,
                                     std::size_t bytes, int pages);

}  // namespace boardpress::site
