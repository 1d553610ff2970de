#include "site/site.hpp"

#include <atomic>
#include <mutex>
#include <thread>

#include "config/config.hpp"
#include "content/content.hpp"
#include "data/data.hpp"
#include "render/page_renderer.hpp"
#include "site/glossary_page.hpp"
#include "site/output.hpp"
#include "site/site_index.hpp"

#ifndef BOARDPRESS_VERSION
#define BOARDPRESS_VERSION "0.0.0"
#endif

namespace fs = std::filesystem;

namespace boardpress::site {

static std::string layout_for(const content::Page& page) {
    if (!page.template_name.empty()) return page.template_name;
    if (page.output == "index.html" && page.publication < 0) return "index.html";
    if (page.is_publication_index) return "publication.html";
    if (page.publication >= 0) return "section.html";
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
        if (number.empty()) options.numbering = markdown::Numbering::none;
        else options.first_number = std::stoi(number);
    }
    return options;
}

// The date a page's business-plan ratings are judged at: its own `as_of`, else its
// publication's, else its date.
static std::string as_of_for(const content::ContentTree& tree, const content::Page& page) {
    auto given = [](const content::Page& p) { return p.front_matter.value("as_of", std::string{}); };
    if (std::string own = given(page); !own.empty()) return own;
    if (page.publication >= 0) {
        const auto& publication = tree.publications[static_cast<std::size_t>(page.publication)];
        if (std::string shared = given(tree.pages[publication.index_page]); !shared.empty())
            return shared;
    }
    return page.date;
}

// Renders every job on `workers` threads; results keep the jobs' order.
static std::vector<render::RenderedPage> render_all(const render::Engines& engines,
                                                    std::vector<render::PageJob> jobs,
                                                    unsigned workers,
                                                    const BuildOptions& options) {
    std::vector<render::RenderedPage> results(jobs.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::mutex progress_mutex;
    auto work = [&] {
        for (std::size_t i = next++; i < jobs.size(); i = next++) {
            results[i] = render::render_page(engines, std::move(jobs[i]));
            std::size_t finished = ++done;
            if (options.progress) {
                std::lock_guard lock(progress_mutex);
                options.progress(finished, results.size());
            }
        }
    };
    workers = std::max(1u, std::min<unsigned>(workers, static_cast<unsigned>(jobs.size())));
    std::vector<std::jthread> threads;
    for (unsigned i = 1; i < workers; ++i) threads.emplace_back(work);
    work();
    return results;
}

BuildResult build(const BuildOptions& options) {
    BuildResult result;
    const fs::path root = fs::weakly_canonical(options.project_root);
    result.output = options.output.empty() ? root / "site" : fs::weakly_canonical(options.output);
    Diagnostics& diagnostics = result.diagnostics;

    config::SiteConfig config = config::load_config(root, diagnostics);
    nlohmann::ordered_json data = fs::is_directory(root / "data")
                              ? data::load_tree(root / "data", root, diagnostics)
                              : nlohmann::ordered_json::object();
    content::ContentTree tree = content::load(root, {options.include_drafts}, diagnostics);
    if (!fs::is_directory(root / "templates")) {
        diagnostics.add(Error({"templates/", 0, 0}, "the project has no templates/ folder",
                              "run the build in a project folder, or create templates/"));
        return result;
    }

    markdown::Glossary glossary = read_glossary(data, diagnostics);
    if (auto page = glossary_page(glossary, tree)) tree.pages.push_back(std::move(*page));

    // The home page exists even without content/index.md.
    bool has_home = std::any_of(tree.pages.begin(), tree.pages.end(), [](const auto& page) {
        return page.output == "index.html";
    });
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
    engines.layouts.set_globals({{"site", site_json(config, tree)},
                                 {"data", data},
                                 {"build",
                                  {{"generator", std::string("boardpress ") + BOARDPRESS_VERSION},
                                   {"date", build_date(tree)}}}});
    engines.bodies.set_globals({{"site", site_json(config, tree)}, {"data", data}});

    std::vector<render::PageJob> jobs;
    for (std::size_t i = 0; i < tree.pages.size(); ++i) {
        const content::Page& page = tree.pages[i];
        render::PageJob job;
        job.page = &page;
        job.template_name = layout_for(page);
        job.settings = settings;
        job.data = &data;
        job.as_of = as_of_for(tree, page);
        if (page.front_matter.value("glossary", nlohmann::ordered_json(true)) != false)
            job.glossary = &glossary;
        job.context = {{"page", page_json(tree, i)},
                       {"publication", publication_json(tree, i)},
                       {"root", relative_root(page.output)}};
        job.outline = outline_for(tree, page, job.context["page"]);
        jobs.push_back(std::move(job));
    }
    unsigned workers = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    std::vector<render::RenderedPage> pages = render_all(engines, std::move(jobs), workers, options);
    for (const auto& page : pages) diagnostics.append(page.diagnostics);
    diagnostics.sort();
    if (diagnostics.has_errors()) return result;

    try {
        StagingFolder staging(result.output);
        for (const auto& page : pages) staging.write(page.output, page.html);
        result.assets_copied = staging.copy_tree(root / "templates" / "assets", "assets");
        staging.commit();
        result.pages_written = pages.size();
    } catch (const std::exception& error) {
        diagnostics.add(Error({result.output.string(), 0, 0}, error.what(),
                              "check that the output folder is writable"));
    }
    return result;
}

}  // namespace boardpress::site
