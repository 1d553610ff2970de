// Fuzz target: one page body as the site renders it (render::render_body): the Markdown expanded
// as a template with the data, parsed, numbered and written as HTML with its components and
// glossary terms. The engines come from a tiny project written once at start-up. The first
// byte, when it is 0x01-0x07, picks the numbering (bits 0-1) and raw HTML kept (bit 2).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "diag/diagnostics.hpp"
#include "fuzz_support.hpp"
#include "markdown/glossary.hpp"
#include "render/page_renderer.hpp"
#include "sample_data.hpp"

namespace {

namespace render = boardpress::render;
using json = nlohmann::ordered_json;

struct Site {
    boardpress::fuzz::ScratchFolder project{"page"};
    // Engines for raw HTML dropped (0) and kept (1).
    std::array<render::Engines, 2> engines;
    boardpress::markdown::Glossary glossary{{{"LSCB", "Local Safeguarding Children Board"},
                                             {"CP", "child protection"},
                                             {"LADO", "Local Authority Designated Officer"}}};

    Site() : engines{make(false), make(true)} {
        project.write("templates/partials/note.md",
                      "> **Note:** figures for {{ page.title }} are provisional.\n");
        project.write("templates/partials/figure.md", "{{ data.cp.snapshot.children_on_plans }}");
        for (render::Engines& each : engines)
            each.bodies.set_globals(
                {{"site", {{"title", "Northmoor Safeguarding Children Board"}, {"base_url", "/"}}},
                 {"data", boardpress::fuzz::sample_data()}});
    }

    render::Engines make(bool unsafe_html) const {
        render::RenderSettings settings;
        settings.unsafe_html = unsafe_html;
        settings.suppression_threshold = 5;
        return render::make_engines(project.path(), settings);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Site site;
    auto [options, text] = boardpress::fuzz::split_options(data, size);

    boardpress::content::Page page;
    page.source = "content/report/01-fuzz.md";
    page.output = "report/fuzz.html";
    page.slug = "fuzz";
    page.title = "Annual report 2014-15";
    page.kind = "annual-report";
    page.body = std::string(text);
    page.body_line = 5;  // after four lines of front matter

    render::PageJob job;
    job.page = &page;
    job.template_name = "page.html";
    job.context = {{"page", {{"title", page.title}, {"kind", page.kind}, {"date", "2015-06-30"}}},
                   {"publication", nullptr},
                   {"root", "../"}};
    job.outline.numbering = static_cast<boardpress::markdown::Numbering>(options % 3);
    job.settings.unsafe_html = (options & 4) != 0;
    job.settings.suppression_threshold = 5;
    job.data = &boardpress::fuzz::sample_data();
    job.as_of = "2015-12-31";
    job.glossary = &site.glossary;

    // render_body reports boardpress::Error in its diagnostics; anything else escapes.
    render::PageBody body = render_body(site.engines[job.settings.unsafe_html ? 1 : 0], job);
    for (const boardpress::Diagnostic& diagnostic : body.diagnostics.items())
        (void)boardpress::describe(diagnostic);
    return 0;
}
