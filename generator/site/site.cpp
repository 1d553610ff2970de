#include "site/site.hpp"

#include <chrono>
#include <deque>
#include <exception>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "config/config.hpp"
#include "content/content.hpp"
#include "data/data.hpp"
#include "parallel/parallel.hpp"
#include "pdf/components_pdf.hpp"
#include "pdf/leaflet.hpp"
#include "render/page_renderer.hpp"
#include "site/build_record.hpp"
#include "site/dependencies.hpp"
#include "site/fingerprint.hpp"
#include "site/glossary_page.hpp"
#include "site/image_paths.hpp"
#include "site/layouts.hpp"
#include "site/output.hpp"
#include "site/pdf_output.hpp"
#include "site/search_index.hpp"
#include "site/site_files.hpp"
#include "site/site_index.hpp"

#ifndef BOARDPRESS_VERSION
#define BOARDPRESS_VERSION "0.0.0"
#endif

namespace fs = std::filesystem;

namespace boardpress::site {

namespace {
// Milliseconds since `start`, and restarts it.
double lap(std::chrono::steady_clock::time_point& start) {
    auto now = std::chrono::steady_clock::now();
    double ms = std::chrono::duration<double, std::milli>(now - start).count();
    start = now;
    return ms;
}
}  // namespace

static std::string layout_for(const content::Page& page, const fs::path& root) {
    if (!page.template_name.empty()) return page.template_name;
    if (page.output == "index.html" && page.publication < 0) return "index.html";
    if (page.is_publication_index) return "publication.html";
    if (page.publication >= 0) return "section.html";
    // A kind with its own layout (templates/leaflet.html) uses it; otherwise the plain page.
    if (!page.kind.empty() && page.kind != "page" &&
        fs::is_regular_file(root / "templates" / (page.kind + ".html")))
        return page.kind + ".html";
    return "page.html";
}

static markdown::OutlineOptions outline_for(const content::ContentTree& tree,
                                            const content::Page& page,
                                            const nlohmann::ordered_json& page_context) {
    markdown::OutlineOptions options;
    std::string numbering = page.front_matter.value("numbering", std::string{});
    if (numbering.empty() && page.publication >= 0) {
        const auto& publication = tree.publications[static_cast<std::size_t>(page.publication)];
        numbering = tree.pages[publication.index_page].front_matter.value("numbering", "");
    }
    options.numbering = markdown::parse_numbering(numbering);
    if (options.numbering == markdown::Numbering::sections) {
        std::string number = page_context.value("number", std::string{});
        // A publication's landing page is its section 0: its own headings are unnumbered.
        if (number.empty())
            options.numbering = markdown::Numbering::none;
        else
            options.first_number = std::stoi(number);
    }
    return options;
}

// The date a page's business-plan ratings are judged at: its own `as_of`, else its
// publication's, else its date.
static std::string as_of_for(const content::ContentTree& tree, const content::Page& page) {
    auto given = [](const content::Page& p) {
        return p.front_matter.value("as_of", std::string{});
    };
    if (std::string own = given(page); !own.empty()) return own;
    if (page.publication >= 0) {
        const auto& publication = tree.publications[static_cast<std::size_t>(page.publication)];
        if (std::string shared = given(tree.pages[publication.index_page]); !shared.empty())
            return shared;
    }
    return page.date;
}

// Reports a stage's progress from many threads, one call at a time.
class StageProgress {
  public:
    StageProgress(const BuildOptions& options, std::string_view stage, std::size_t total)
        : report_(options.progress), stage_(stage), total_(total) {}
    void one_done() {
        if (!report_) return;
        std::lock_guard lock(mutex_);
        report_(stage_, ++done_, total_);
    }

  private:
    const std::function<void(std::string_view, std::size_t, std::size_t)>& report_;
    std::string_view stage_;
    std::size_t total_;
    std::size_t done_ = 0;
    std::mutex mutex_;
};

static unsigned workers_for(const BuildOptions& options) {
    return options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
}

// The PDFs of the site, each from the parsed pages it is made of.
static std::vector<pdf::PdfFile> write_pdfs(const std::vector<PdfUnit>& units,
                                            const std::vector<render::PageBody>& bodies,
                                            const std::vector<render::PageJob>& jobs,
                                            const config::SiteConfig& config,
                                            const content::ContentTree& tree, const fs::path& root,
                                            unsigned workers, StageProgress& progress,
                                            Diagnostics& diagnostics, Timings& timings) {
    std::vector<pdf::PdfFile> files(units.size());
    std::vector<double> times(units.size());
    std::vector<Diagnostics> problems(units.size());
    parallel_for(units.size(), workers, [&](std::size_t u) {
        const PdfUnit& unit = units[u];
        std::vector<pdf::Chapter> chapters;
        for (std::size_t i : unit.pages) {
            const content::Page& page = tree.pages[i];
            pdf::Chapter chapter;
            chapter.title =
                page.is_publication_index && unit.pages.size() > 1 ? "Introduction" : page.title;
            chapter.number = jobs[i].context["page"].value("number", std::string());
            chapter.document = &bodies[i].document;
            chapter.outline = &bodies[i].outline;
            chapters.push_back(chapter);
        }
        auto start = std::chrono::steady_clock::now();
        try {
            pdf::PdfOptions pdf_settings = pdf_options(config, tree, unit, root);
            // Components are laid out from the same blocks the HTML writer drew. A block is found
            // among the unit's pages by its text, to place errors in the right file.
            pdf_settings.render_code_block = [&](const pdf::CodeBlock& block, pdf::Layout& layout) {
                const render::PageJob* owner = &jobs[unit.pages.front()];
                for (std::size_t i : unit.pages)
                    if (tree.pages[i].body.find(block.literal) != std::string::npos) {
                        owner = &jobs[i];
                        break;
                    }
                if (!owner->data) return false;
                return pdf::render_component_pdf(
                    block, render::component_context(*owner, block.literal, block.line), layout);
            };
            const content::Page& lead = tree.pages[unit.lead];
            if (lead.kind == "leaflet" && unit.pages.size() == 1) {
                pdf::LeafletOptions leaflet;
                leaflet.pdf = pdf_settings;
                leaflet.file = lead.source;
                leaflet.body_line = lead.body_line;
                leaflet.source = lead.body;
                auto file = pdf::write_leaflet(bodies[unit.lead].document,
                                               bodies[unit.lead].outline, leaflet, problems[u]);
                if (file) files[u] = std::move(*file);
            } else {
                files[u] = pdf::write_file(chapters, pdf_settings);
            }
        } catch (const Error& error) {
            problems[u].add(error);
        }
        times[u] = lap(start);
        progress.one_done();
    });
    for (const auto& found : problems) diagnostics.append(found);
    for (std::size_t u = 0; u < units.size(); ++u)
        timings.each_pdf.emplace_back(units[u].output, times[u]);
    return files;
}

static std::string read_bytes(const fs::path& path) {
    return data::try_read_file(path).value_or(std::string());
}

std::unique_ptr<RenderedSite> render_site(const BuildOptions& options) {
    auto site = std::make_unique<RenderedSite>();
    auto clock = std::chrono::steady_clock::now();
    const fs::path root = fs::weakly_canonical(options.project_root);
    site->root = root;
    site->output = options.output.empty() ? root / "site" : fs::weakly_canonical(options.output);
    Diagnostics& diagnostics = site->diagnostics;

    config::SiteConfig& config = site->config;
    config = config::load_config(root, diagnostics);
    nlohmann::ordered_json& data = site->data;
    data = fs::is_directory(root / "data") ? data::load_tree(root / "data", root, diagnostics)
                                           : nlohmann::ordered_json::object();
    content::ContentTree& tree = site->tree;
    tree = content::load(root, {options.include_drafts, workers_for(options), options.sources},
                         diagnostics);
    if (!fs::is_directory(root / "templates")) {
        diagnostics.add(Error({"templates/", 0, 0}, "the project has no templates/ folder",
                              "run the build in a project folder, or create templates/"));
        return site;
    }
    // Links out of templates/ (a partial, an asset) are refused, as in content/ and data/.
    data::list_files(root / "templates", root, {""}, diagnostics);

    site->glossary = read_glossary(data, diagnostics);
    const markdown::Glossary& glossary = site->glossary;
    if (auto page = glossary_page(glossary, tree)) tree.pages.push_back(std::move(*page));

    if (auto page = not_found_page(tree)) tree.pages.push_back(std::move(*page));
    site->has_search = fs::is_regular_file(root / "templates" / "search.html");
    if (site->has_search)
        if (auto page = search_page(tree)) tree.pages.push_back(std::move(*page));

    // The home page exists even without content/index.md.
    bool has_home = std::any_of(tree.pages.begin(), tree.pages.end(),
                                [](const auto& page) { return page.output == "index.html"; });
    if (!has_home) {
        content::Page home;
        home.output = "index.html";
        home.slug = "index";
        home.title = config.title;
        home.kind = "page";
        home.front_matter = nlohmann::ordered_json::object();
        tree.pages.push_back(std::move(home));
    }

    render::RenderSettings settings{config.unsafe_html, config.suppression_threshold,
                                    config.suppression_mark};
    render::Engines engines = render::make_engines(root, settings);
    nlohmann::ordered_json site_index = site_json(config, tree);
    nlohmann::ordered_json build_info = {
        {"generator", std::string("boardpress ") + BOARDPRESS_VERSION}, {"date", build_date(tree)}};
    engines.layouts.set_globals({{"site", site_index}, {"data", data}, {"build", build_info}});
    engines.bodies.set_globals({{"site", site_index}, {"data", data}});

    // Everything every page is made from: the settings, the site's index and the build.
    Fingerprint site_key;
    site_key.add(BOARDPRESS_VERSION)
        .add(read_bytes(root / "boardpress.json"))
        .add(site_index.dump())
        .add(build_info.dump());
    const DependencyIndex dependencies(root / "templates", data);
    const std::uint64_t glossary_key =
        Fingerprint().add(data.value("glossary", nlohmann::ordered_json()).dump()).value();

    unsigned workers = workers_for(options);
    // Each page's job and the fingerprint of its body, on every core: a large archive has
    // thousands of pages to fingerprint before anything can be kept.
    std::vector<render::PageJob>& jobs = site->jobs;
    jobs.resize(tree.pages.size());
    site->body_keys.resize(tree.pages.size());
    parallel_for(tree.pages.size(), workers, [&](std::size_t i) {
        const content::Page& page = tree.pages[i];
        render::PageJob& job = jobs[i];
        job.page = &page;
        job.template_name = layout_for(page, root);
        job.settings = settings;
        job.data = &data;
        job.as_of = as_of_for(tree, page);
        if (page.front_matter.value("glossary", nlohmann::ordered_json(true)) != false)
            job.glossary = &glossary;
        job.context = {{"page", page_json(tree, i)},
                       {"publication", publication_json(tree, i)},
                       {"root", relative_root(page.output)}};
        // The 404 page is served at any depth: its links start from the site's address.
        if (page.output == "404.html" && !config.base_url.empty())
            job.context["root"] = config.base_url;
        job.outline = outline_for(tree, page, job.context["page"]);
        site->body_keys[i] = Fingerprint(site_key)
                                 .add(page.source)
                                 .add(page.body)
                                 .add(page.front_matter.dump())
                                 .add(job.context.dump())
                                 .add(job.as_of)
                                 .add(job.glossary ? glossary_key : 0)
                                 .add(dependencies.text_key(page.body))
                                 .add(dependencies.named_datasets_key(page.front_matter.dump()))
                                 .value();
    });

    // The PDFs, and their fingerprints: the pages they are made of, the logo and the fonts.
    site->units = plan_pdfs(tree);
    const std::vector<PdfUnit>& units = site->units;
    const std::string logo_bytes = read_bytes(root / config.pdf.value("logo", std::string("-")));
    for (const PdfUnit& unit : units) {
        Fingerprint key;
        key.add(unit.lead).add(logo_bytes).add(dependencies.folder_key("fonts/"));
        for (std::size_t i : unit.pages) key.add(site->body_keys[i]);
        site->unit_keys.push_back(key.value());
    }

    // What the last build wrote that is still good: kept, not made again.
    const std::optional<BuildRecord>& record = site->record;
    if (options.incremental) site->record = read_record(site->output, BOARDPRESS_VERSION);
    std::vector<std::size_t> unit_of(jobs.size(), units.size());
    site->unit_kept.assign(units.size(), false);
    for (std::size_t u = 0; u < units.size(); ++u) {
        for (std::size_t i : units[u].pages) unit_of[i] = u;
        site->unit_kept[u] =
            record && can_reuse(*record, site->output, units[u].output, site->unit_keys[u]);
    }
    if (record && site->has_search)
        site->old_search_index = MappedFile(site->output / "search-index.js");
    site->old_search_lines = search_lines_by_url(site->old_search_index.text());
    // A page's layout key needs its PDF's size; a kept PDF's size is in the record.
    auto layout_key = [&](std::size_t i) {
        return Fingerprint()
            .add(site->body_keys[i])
            .add(dependencies.template_key(jobs[i].template_name))
            .add(jobs[i].context["page"].value("download", nlohmann::ordered_json()).dump())
            .value();
    };
    auto set_download = [&](std::size_t u, std::size_t bytes, int pages) {
        for (std::size_t i : units[u].pages)
            jobs[i].context["page"]["download"] =
                download_json(units[u], tree.pages[i], bytes, pages);
    };
    for (std::size_t u = 0; u < units.size(); ++u)
        if (site->unit_kept[u]) {
            const OutputRecord& kept = record->outputs.at(units[u].output);
            set_download(u, static_cast<std::size_t>(kept.size), kept.pages);
        }

    site->timings.load = lap(clock);

    // Bodies first: parsed once, written as HTML and, for PDFs, walked again by the PDF writer.
    // A body is needed for a page laid out again, a PDF made again, or a new search entry.
    std::vector<render::PageBody>& bodies = site->bodies;
    bodies.resize(jobs.size());
    site->body_rendered.assign(jobs.size(), false);
    // A page's layout is decided once its download link is known: now, unless its PDF is to be
    // made again.
    site->layout_keys.assign(jobs.size(), 0);
    site->page_kept.assign(jobs.size(), false);
    auto decide_layout = [&](std::size_t i) {
        site->layout_keys[i] = layout_key(i);
        site->page_kept[i] =
            record && can_reuse(*record, site->output, tree.pages[i].output, site->layout_keys[i]);
    };
    auto in_new_pdf = [&](std::size_t i) {
        return unit_of[i] < units.size() && !site->unit_kept[unit_of[i]];
    };
    std::vector<std::size_t> to_render;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (!in_new_pdf(i)) decide_layout(i);
        bool search_kept =
            !site->has_search || site->old_search_lines.contains(tree.pages[i].output);
        if (in_new_pdf(i) || !site->page_kept[i] || !search_kept || !record) {
            to_render.push_back(i);
            site->body_rendered[i] = true;
        }
    }
    site->bodies_rendered = to_render.size();
    StageProgress body_progress(options, "pages", to_render.size());
    parallel_for(to_render.size(), workers, [&](std::size_t n) {
        bodies[to_render[n]] = render::render_body(engines, jobs[to_render[n]]);
        body_progress.one_done();
    });
    check_layouts(root, jobs, bodies);  // a missing layout: once, where it is asked for
    check_image_paths(root, jobs, bodies);
    for (const auto& body : bodies) diagnostics.append(body.diagnostics);
    if (diagnostics.has_errors() && !options.keep_going) {
        diagnostics.sort();
        return site;
    }
    auto failed = [&](std::size_t i) { return bodies[i].diagnostics.has_errors(); };

    site->timings.bodies = lap(clock);

    // PDFs next, so that every page can link to its PDF with its size and page count.
    std::vector<PdfUnit> to_write;
    std::vector<std::size_t> written_as;  // to_write[n] is units[written_as[n]]
    for (std::size_t u = 0; u < units.size(); ++u)
        if (!site->unit_kept[u] &&
            std::none_of(units[u].pages.begin(), units[u].pages.end(), failed)) {
            to_write.push_back(units[u]);
            written_as.push_back(u);
        }
    site->pdfs_rendered = to_write.size();
    site->files.resize(units.size());
    StageProgress pdf_progress(options, "PDFs", to_write.size());
    std::vector<pdf::PdfFile> written =
        write_pdfs(to_write, bodies, jobs, config, tree, root, workers, pdf_progress, diagnostics,
                   site->timings);
    for (std::size_t n = 0; n < written.size(); ++n) {
        std::size_t u = written_as[n];
        site->files[u] = std::move(written[n]);
        set_download(u, site->files[u].bytes.size(), site->files[u].pages);
    }

    site->timings.pdfs = lap(clock);

    std::vector<render::RenderedPage>& pages = site->pages;
    pages.resize(jobs.size());
    to_render.clear();
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (in_new_pdf(i)) decide_layout(i);
        pages[i].output = tree.pages[i].output;
        if (!site->page_kept[i] && !failed(i)) to_render.push_back(i);
    }
    site->layouts_rendered = to_render.size();
    StageProgress layout_progress(options, "layouts", to_render.size());
    parallel_for(to_render.size(), workers, [&](std::size_t n) {
        std::size_t i = to_render[n];
        // The job is copied: `check` still reads each page's context after layout.
        pages[i] = render::render_layout(engines, jobs[i], bodies[i]);
        layout_progress.one_done();
    });
    for (const auto& page : pages) diagnostics.append(page.diagnostics);
    diagnostics.sort();
    site->timings.layouts = lap(clock);
    return site;
}

// The search index's entry lines: new ones for the pages whose bodies were made (kept in
// `made`), the last build's for the rest.
static std::vector<std::string_view> search_lines(const RenderedSite& site,
                                                  std::deque<std::string>& made) {
    std::vector<std::string_view> lines;
    for (std::size_t i = 0; i < site.tree.pages.size(); ++i) {
        const content::Page& page = site.tree.pages[i];
        if (page.output == "404.html" || page.output == "search.html") continue;
        if (site.body_rendered[i])
            lines.push_back(made.emplace_back(
                search_entry_line({page.title, page.output, page.kind,
                                   page.front_matter.value("summary", std::string()),
                                   plain_text(site.bodies[i].html)})));
        else
            lines.push_back(site.old_search_lines.at(page.output));
    }
    return lines;
}

BuildResult build(const BuildOptions& options) {
    std::unique_ptr<RenderedSite> site = render_site(options);
    BuildResult result;
    result.output = site->output;
    result.diagnostics = std::move(site->diagnostics);
    result.timings = std::move(site->timings);
    Diagnostics& diagnostics = result.diagnostics;
    if (diagnostics.has_errors()) return result;

    auto clock = std::chrono::steady_clock::now();
    const config::SiteConfig& config = site->config;
    const content::ContentTree& tree = site->tree;
    try {
        // The site before this one is reused only when this build is incremental (a clean build
        // writes everything).
        StagingFolder staging(result.output, BOARDPRESS_VERSION, site->record.has_value());
        // Creating thousands of files is most of a clean build's writing: on every core.
        std::vector<std::exception_ptr> failures(site->pages.size());
        parallel_for(site->pages.size(), workers_for(options), [&](std::size_t i) {
            const render::RenderedPage& page = site->pages[i];
            try {
                if (site->page_kept[i])
                    staging.keep(result.output / page.output, page.output,
                                 site->record->outputs.at(page.output));
                else
                    staging.write(page.output, page.html, {.key = site->layout_keys[i]});
            } catch (...) {
                failures[i] = std::current_exception();
            }
        });
        for (const auto& failure : failures)
            if (failure) std::rethrow_exception(failure);
        for (std::size_t u = 0; u < site->units.size(); ++u) {
            const std::string& output = site->units[u].output;
            if (site->unit_kept[u])
                staging.keep(result.output / output, output, site->record->outputs.at(output));
            else
                staging.write(
                    output, site->files[u].bytes,
                    {.key = site->unit_keys[u], .pages = static_cast<int>(site->files[u].pages)});
        }
        // The indexes and feeds are written when their bytes changed.
        auto write_whole = [&](std::string_view path, const std::string& bytes) {
            staging.write(path, bytes, {.key = Fingerprint().add(bytes).value()});
        };
        if (site->has_search) {
            std::deque<std::string> made;  // a deque, so views of its strings stay valid
            std::vector<std::string_view> pieces = search_index_pieces(search_lines(*site, made));
            Fingerprint key;
            for (std::string_view piece : pieces) key.add(piece);
            staging.write("search-index.js", pieces, {.key = key.value()});
        }
        if (std::string sitemap = sitemap_xml(config, tree); !sitemap.empty())
            write_whole("sitemap.xml", sitemap);
        if (std::string feed = atom_feed(config, tree, build_date(tree)); !feed.empty())
            write_whole("feed.xml", feed);
        result.assets_copied = staging.copy_tree(site->root / "templates" / "assets", "assets");
        staging.commit();
        result.timings.write = lap(clock);
        result.pages_written = site->pages.size();
        result.pdfs_written = site->units.size();
        result.pages_rendered = site->layouts_rendered;
        result.pdfs_rendered = site->pdfs_rendered;
    } catch (const std::exception& error) {
        diagnostics.add(Error({result.output.string(), 0, 0}, error.what(),
                              "check that the output folder is writable"));
    }
    return result;
}

}  // namespace boardpress::site
