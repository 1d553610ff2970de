#include "site/site.hpp"

#include <atomic>
#include <chrono>
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
#include "pdf/components_pdf.hpp"
#include "pdf/leaflet.hpp"
#include "render/page_renderer.hpp"
#include "site/dependencies.hpp"
#include "site/fingerprint.hpp"
#include "site/glossary_page.hpp"
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

// What the site's search looks through: every page but the 404 and search pages themselves.
static std::vector<SearchEntry> search_entries(const content::ContentTree& tree,
                                               const std::vector<render::PageBody>& bodies) {
    std::vector<SearchEntry> entries;
    for (std::size_t i = 0; i < tree.pages.size(); ++i) {
        const content::Page& page = tree.pages[i];
        if (page.output == "404.html" || page.output == "search.html") continue;
        entries.push_back({page.title, page.output, page.kind,
                           page.front_matter.value("summary", std::string()),
                           plain_text(bodies[i].html)});
    }
    return entries;
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

// Runs fn(0) .. fn(count - 1) on `workers` threads.
static void parallel_for(std::size_t count, unsigned workers,
                         const std::function<void(std::size_t)>& fn) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++) fn(i);
    };
    workers = std::max(1u, std::min<unsigned>(workers, static_cast<unsigned>(count)));
    std::vector<std::jthread> threads;
    for (unsigned i = 1; i < workers; ++i) threads.emplace_back(work);
    work();
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

// Where each output path was in a previous render.
static std::map<std::string, std::size_t> index_by_output(const std::vector<std::string>& outputs) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < outputs.size(); ++i) index.emplace(outputs[i], i);
    return index;
}

static std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

std::unique_ptr<RenderedSite> render_site(const BuildOptions& options,
                                          std::unique_ptr<RenderedSite> previous) {
    auto site = std::make_unique<RenderedSite>();
    auto clock = std::chrono::steady_clock::now();
    const fs::path root = fs::weakly_canonical(options.project_root);
    site->root = root;
    Diagnostics& diagnostics = site->diagnostics;

    config::SiteConfig& config = site->config;
    config = config::load_config(root, diagnostics);
    nlohmann::ordered_json& data = site->data;
    data = fs::is_directory(root / "data") ? data::load_tree(root / "data", root, diagnostics)
                                           : nlohmann::ordered_json::object();
    content::ContentTree& tree = site->tree;
    tree = content::load(root, {options.include_drafts}, diagnostics);
    if (!fs::is_directory(root / "templates")) {
        diagnostics.add(Error({"templates/", 0, 0}, "the project has no templates/ folder",
                              "run the build in a project folder, or create templates/"));
        return site;
    }

    site->glossary = read_glossary(data, diagnostics);
    const markdown::Glossary& glossary = site->glossary;
    if (auto page = glossary_page(glossary, tree)) tree.pages.push_back(std::move(*page));

    if (auto page = not_found_page(tree)) tree.pages.push_back(std::move(*page));
    site->has_search = fs::is_regular_file(root / "templates" / "search.html");
    if (site->has_search &&
        std::none_of(tree.pages.begin(), tree.pages.end(),
                     [](const auto& page) { return page.output == "search.html"; })) {
        content::Page search;
        search.source = "templates/search.html";
        search.output = "search.html";
        search.slug = "search";
        search.title = "Search";
        search.kind = "page";
        search.template_name = "search.html";
        search.front_matter = {{"title", search.title}};
        tree.pages.push_back(std::move(search));
    }

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

    std::vector<render::PageJob>& jobs = site->jobs;
    for (std::size_t i = 0; i < tree.pages.size(); ++i) {
        const content::Page& page = tree.pages[i];
        render::PageJob job;
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
        site->body_keys.push_back(Fingerprint(site_key)
                                      .add(page.source)
                                      .add(page.body)
                                      .add(page.front_matter.dump())
                                      .add(job.context.dump())
                                      .add(job.as_of)
                                      .add(job.glossary ? glossary_key : 0)
                                      .add(dependencies.text_key(page.body))
                                      .value());
        jobs.push_back(std::move(job));
    }
    // What the previous render has that is still good, by output path.
    std::vector<std::string> old_outputs;
    if (previous)
        for (const auto& page : previous->tree.pages) old_outputs.push_back(page.output);
    const std::map<std::string, std::size_t> old_pages = index_by_output(old_outputs);
    // The previous render's index of page i, when its key there (`old_keys`) is i's key now.
    auto old_page = [&](std::size_t i, const std::vector<std::uint64_t>& old_keys,
                        const std::vector<std::uint64_t>& keys) -> std::optional<std::size_t> {
        auto found = old_pages.find(tree.pages[i].output);
        if (!previous || found == old_pages.end() || found->second >= old_keys.size() ||
            old_keys[found->second] != keys[i])
            return std::nullopt;
        return found->second;
    };
    static const std::vector<std::uint64_t> no_keys;
    unsigned workers =
        options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());

    site->timings.load = lap(clock);

    // Bodies first: parsed once, written as HTML and, for PDFs, walked again by the PDF writer.
    std::vector<render::PageBody>& bodies = site->bodies;
    bodies.resize(jobs.size());
    std::vector<std::size_t> to_render;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (auto old = old_page(i, previous ? previous->body_keys : no_keys, site->body_keys))
            bodies[i] = std::move(previous->bodies[*old]);
        else
            to_render.push_back(i);
    }
    site->bodies_rendered = to_render.size();
    StageProgress body_progress(options, "pages", to_render.size());
    parallel_for(to_render.size(), workers, [&](std::size_t n) {
        bodies[to_render[n]] = render::render_body(engines, jobs[to_render[n]]);
        body_progress.one_done();
    });
    for (const auto& body : bodies) diagnostics.append(body.diagnostics);
    if (diagnostics.has_errors()) {
        diagnostics.sort();
        return site;
    }

    site->timings.bodies = lap(clock);

    // PDFs next, so that every page can link to its PDF with its size and page count.
    site->units = plan_pdfs(tree);
    const std::vector<PdfUnit>& units = site->units;
    std::vector<PdfUnit> to_write;
    std::vector<std::size_t> written_as;  // to_write[n] is units[written_as[n]]
    site->files.resize(units.size());
    std::map<std::string, std::size_t> old_units;
    if (previous)
        for (std::size_t u = 0; u < previous->units.size(); ++u)
            old_units.emplace(previous->units[u].output, u);
    for (std::size_t u = 0; u < units.size(); ++u) {
        Fingerprint key;
        key.add(units[u].lead);
        for (std::size_t i : units[u].pages) key.add(site->body_keys[i]);
        // The cover logo and the project's fonts are read by the PDF writer itself.
        key.add(read_bytes(root / config.pdf.value("logo", std::string("-"))));
        key.add(dependencies.folder_key("fonts/"));
        site->unit_keys.push_back(key.value());
        auto old = old_units.find(units[u].output);
        if (previous && old != old_units.end() && old->second < previous->unit_keys.size() &&
            previous->unit_keys[old->second] == key.value()) {
            site->files[u] = std::move(previous->files[old->second]);
        } else {
            to_write.push_back(units[u]);
            written_as.push_back(u);
        }
    }
    site->pdfs_rendered = to_write.size();
    StageProgress pdf_progress(options, "PDFs", to_write.size());
    std::vector<pdf::PdfFile> written =
        write_pdfs(to_write, bodies, jobs, config, tree, root, workers, pdf_progress, diagnostics,
                   site->timings);
    for (std::size_t n = 0; n < written.size(); ++n)
        site->files[written_as[n]] = std::move(written[n]);
    for (std::size_t u = 0; u < units.size(); ++u)
        for (std::size_t i : units[u].pages)
            jobs[i].context["page"]["download"] =
                download_json(units[u], tree.pages[i], site->files[u]);

    site->timings.pdfs = lap(clock);

    std::vector<render::RenderedPage>& pages = site->pages;
    pages.resize(jobs.size());
    to_render.clear();
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        site->layout_keys.push_back(
            Fingerprint()
                .add(site->body_keys[i])
                .add(dependencies.template_key(jobs[i].template_name))
                .add(jobs[i].context["page"].value("download", nlohmann::ordered_json()).dump())
                .value());
        if (auto old = old_page(i, previous ? previous->layout_keys : no_keys, site->layout_keys))
            pages[i] = std::move(previous->pages[*old]);
        else
            to_render.push_back(i);
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

BuildResult build(const BuildOptions& options, BuildCache* cache) {
    std::unique_ptr<RenderedSite> site =
        render_site(options, cache ? std::move(cache->last) : nullptr);
    BuildResult result;
    result.output =
        options.output.empty() ? site->root / "site" : fs::weakly_canonical(options.output);
    result.diagnostics = std::move(site->diagnostics);
    result.timings = std::move(site->timings);
    Diagnostics& diagnostics = result.diagnostics;
    if (diagnostics.has_errors()) return result;

    auto clock = std::chrono::steady_clock::now();
    const config::SiteConfig& config = site->config;
    const content::ContentTree& tree = site->tree;
    try {
        StagingFolder staging(result.output);
        for (const auto& page : site->pages) staging.write(page.output, page.html);
        for (std::size_t u = 0; u < site->units.size(); ++u)
            staging.write(site->units[u].output, site->files[u].bytes);
        if (site->has_search)
            staging.write("search-index.js", search_index_js(search_entries(tree, site->bodies)));
        if (std::string sitemap = sitemap_xml(config, tree); !sitemap.empty())
            staging.write("sitemap.xml", sitemap);
        if (std::string feed = atom_feed(config, tree, build_date(tree)); !feed.empty())
            staging.write("feed.xml", feed);
        result.assets_copied = staging.copy_tree(site->root / "templates" / "assets", "assets");
        staging.commit();
        result.timings.write = lap(clock);
        result.pages_written = site->pages.size();
        result.pdfs_written = site->units.size();
        result.pages_rendered = site->layouts_rendered;
        result.pdfs_rendered = site->pdfs_rendered;
        if (cache) cache->last = std::move(site);
    } catch (const std::exception& error) {
        diagnostics.add(Error({result.output.string(), 0, 0}, error.what(),
                              "check that the output folder is writable"));
    }
    return result;
}

}  // namespace boardpress::site
