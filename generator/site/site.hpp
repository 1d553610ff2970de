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

#include <map>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "content/content.hpp"
#include "diag/diagnostics.hpp"
#include "markdown/glossary.hpp"
#include "pdf/pdf_writer.hpp"
#include "render/page_renderer.hpp"
#include "site/build_record.hpp"
#include "site/mapped_file.hpp"
#include "site/pdf_output.hpp"

namespace boardpress::site {

struct BuildOptions {
    std::filesystem::path project_root = ".";
    std::filesystem::path output;  // default: project_root / "site"
    bool include_drafts = false;
    unsigned jobs = 0;  // 0: one per core
    // Keep what the last build wrote into the output folder where nothing it was made from has
    // changed (see build_record.hpp). Off, everything is made again.
    bool incremental = false;
    // Go on after pages with errors: lay out the others and write the PDFs of theirs (for
    // `check`, which reports everything in one run). A build stops at the first failed stage.
    bool keep_going = false;
    // Called as work finishes, for a progress display: the stage ("pages", "PDFs", "layouts"),
    // how many are done and of how many. Calls never overlap. May be empty.
    std::function<void(std::string_view stage, std::size_t done, std::size_t total)> progress;
    // Pages read by the last build, for a process that builds again and again (`serve`).
    content::SourceCache* sources = nullptr;
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
    std::filesystem::path root;    // the project folder, absolute
    std::filesystem::path output;  // where it is to be written
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
    // Fingerprints of what each body, laid-out page and PDF is made from.
    std::vector<std::uint64_t> body_keys, layout_keys, unit_keys;
    // In an incremental build, the outputs of the last build that are kept as they are (their
    // `pages` and `files` entries stay empty), and the bodies that were rendered.
    std::optional<BuildRecord> record;
    std::vector<bool> page_kept, unit_kept, body_rendered;
    MappedFile old_search_index;  // the last build's search-index.js
    std::map<std::string_view, std::string_view> old_search_lines;  // its lines, by address
    std::size_t bodies_rendered = 0, layouts_rendered = 0, pdfs_rendered = 0;
    // Stops early on errors; what was rendered up to then stays (bodies without layouts, say).
};

std::unique_ptr<RenderedSite> render_site(const BuildOptions& options);

// Builds the project. On any error nothing in the output folder changes. An incremental build
// gives the same files as a clean one.
BuildResult build(const BuildOptions& options);

}  // namespace boardpress::site
