// The site: loads a project, renders every page and writes site/ in one swap. It orchestrates the
// other modules and holds no format logic of its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <memory>

#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "content/content.hpp"
#include "diag/diagnostics.hpp"
#include "markdown/glossary.hpp"
#include "pdf/pdf_writer.hpp"
#include "render/page_renderer.hpp"
#include "site/pdf_output.hpp"

namespace boardpress::site {

struct BuildOptions {
    std::filesystem::path project_root = ".";
    std::filesystem::path output;  // default: project_root / "site"
    bool include_drafts = false;
    unsigned jobs = 0;  // 0: one per core
    // Called as work finishes, for a progress display: the stage ("pages", "PDFs", "layouts"),
    // how many are done and of how many. Calls never overlap. May be empty.
    std::function<void(std::string_view stage, std::size_t done, std::size_t total)> progress;
};

// Where the time went, in milliseconds (for `build --timings` and the benchmark scripts).
struct Timings {
    double load = 0;     // config, data, content
    double bodies = 0;   // Markdown bodies: templates, parsing, HTML
    double pdfs = 0;     // every PDF
    double layouts = 0;  // page templates
    double write = 0;    // the staged site written and swapped in
    std::vector<std::pair<std::string, double>> each_pdf;  // output path, time to write it
};

struct BuildResult {
    Diagnostics diagnostics;
    Timings timings;
    std::size_t pages_written = 0;
    std::size_t pdfs_written = 0;
    std::size_t assets_copied = 0;
    std::size_t pages_rendered = 0;  // the pages laid out again (the rest were unchanged)
    std::size_t pdfs_rendered = 0;
    std::filesystem::path output;
    bool ok() const { return !diagnostics.has_errors(); }
};

// A site rendered in memory, before anything is written: what `build` writes and `check` reads.
// Jobs point into `tree`, `data` and `glossary`, so it lives behind a pointer and never moves.
struct RenderedSite {
    std::filesystem::path root;  // the project folder, absolute
    config::SiteConfig config;
    nlohmann::ordered_json data;
    content::ContentTree tree;
    markdown::Glossary glossary;
    std::vector<render::PageJob> jobs;        // one per tree.pages entry
    std::vector<render::PageBody> bodies;     // parsed documents and body HTML, per page
    std::vector<render::RenderedPage> pages;  // laid-out HTML, per page
    std::vector<PdfUnit> units;
    std::vector<pdf::PdfFile> files;  // one per unit
    bool has_search = false;
    Diagnostics diagnostics;
    Timings timings;
    // Fingerprints of what each body, laid-out page and PDF was made from, to reuse them in the
    // next render when they match.
    std::vector<std::uint64_t> body_keys, layout_keys, unit_keys;
    std::size_t bodies_rendered = 0, layouts_rendered = 0, pdfs_rendered = 0;
    // Stops early on errors; what was rendered up to then stays (bodies without layouts, say).
};

// Renders the project. Given the previous render of the same project, it takes over every body,
// page and PDF whose fingerprint is unchanged instead of making it again (and consumes it).
std::unique_ptr<RenderedSite> render_site(const BuildOptions& options,
                                          std::unique_ptr<RenderedSite> previous = nullptr);

// What `serve` keeps between builds: the last render that succeeded.
struct BuildCache {
    std::unique_ptr<RenderedSite> last;
};

// Builds the project. On any error nothing in the output folder changes. With a cache, only what
// changed since the cached render is made again; the output is the same either way.
BuildResult build(const BuildOptions& options, BuildCache* cache = nullptr);

}  // namespace boardpress::site
