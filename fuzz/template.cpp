// Fuzz target: the template engine, lexer -> parser -> renderer, on arbitrary template text with
// a small fixed context and a few templates on disk to include, extend and import. The first
// byte, when it is 0x01-0x07, picks the escaping (HTML, Markdown, none).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "diag/diagnostics.hpp"
#include "fuzz_support.hpp"
#include "template/template.hpp"

namespace {

using json = nlohmann::ordered_json;
namespace tmpl = boardpress::tmpl;

// The names the Jinja2 differential cases (tests/jinja/cases) use most, so their templates,
// the seeds, render rather than stop at the first undefined name.
const json& context() {
    static const json value = json::parse(R"({
      "items": [1, 2, 3], "xs": [1, 2, 3, 4, 5], "l": [1, 2], "n": 387, "zero": 0, "one": 1,
      "fone": 1.0, "f": false, "ok": true, "z": 0, "e": "", "none": null,
      "user": {"name": "Ada", "address": null},
      "name": "O'Brien & \"Sons\"", "s": "say \"hi\"", "csv": "apr,may,,jun",
      "title": "Children\u2019s Services Board \u2013 Annual Report 2015\u201316",
      "organisation": "Anytown \u201cBorough\u201d Council",
      "t": "\u00a3 \u2013 \u201cquotes\u201d \u00e9 \u00fc \ud83d\ude00 \u00a0",
      "html": "<p>Board <b>approved</b> the plan &amp; budget.</p>",
      "evil": "<script>alert('pwned & \"owned\"')</script>",
      "amp": "Q&A: R&D \u2013 \u201ccosts\u201d \u00a35 < \u00a310 > \u00a31",
      "text": "line 1\nline <2>",
      "months": [
        {"month": "2015-04", "label": "April 2015", "plans": 412, "visits": 96.5},
        {"month": "2015-05", "label": "May 2015", "plans": 398, "visits": null},
        {"month": "2015-06", "label": "June 2015", "plans": null, "visits": 101.0}],
      "budget": {"total": 1250000, "spent": 1285000.5, "variance": -35000.5, "currency": "\u00a3"},
      "d": {"title": "</script><script>alert(1)</script>", "amount": -500, "note": "it's & done"},
      "people": [{"name": "brendan", "role": "member", "age": 52, "team": {"name": "Finance"}},
                 {"name": "Ada", "role": "chair", "age": 36, "team": {"name": "Board"}}],
      "lines": [{"code": "A1", "label": "Staffing", "amount": 820000, "kind": "pay"},
                {"code": "B2", "label": "Premises", "amount": -12500.75, "kind": "non-pay"}],
      "page": {"title": "Minutes", "date": "2015-06-30"},
      "rows": [["a", "b"], ["c"]], "pairs": [["x", 1], ["y", 2]],
      "tree": [{"title": "Report", "children": [{"title": "Finance", "children": []}]}],
      "tags": ["<b>", "a&b", "\"q\"", "'s'", "`tick`", "="],
      "big": 9223372036854775807, "small": -9223372036854775808, "huge": 1e308
    })");
    return value;
}

// Environments for each escaping, sharing one folder of templates the input may use.
struct Engines {
    boardpress::fuzz::ScratchFolder folder{"template"};
    std::array<tmpl::Environment, 3> by_escape;

    Engines()
        : by_escape{make(tmpl::Escape::html), make(tmpl::Escape::markdown),
                    make(tmpl::Escape::none)} {
        folder.write("base.html",
                     "<title>{% block title %}Board{% endblock %}</title>\n"
                     "<main>{% block content %}{% endblock %}</main>{{ self.title() }}");
        folder.write("p.html", "<td>{{ name }}</td>");
        folder.write("partials/title.html", "<h1>{{ title }}</h1>\n");
        folder.write("partials/row.html",
                     "<tr><td>{{ m.label }}</td><td>{{ m.plans if m.plans is not none else '-' "
                     "}}</td></tr>");
        folder.write("macros.html",
                     "{% macro cell(v, cls='num') %}<td class=\"{{ cls }}\">{{ v }}</td>"
                     "{% endmacro %}"
                     "{% macro rec(n) %}{% if n > 0 %}{{ rec(n - 1) }}{% endif %}{{ n }}"
                     "{% endmacro %}"
                     "{% macro wrap() %}<div>{{ caller() }}</div>{% endmacro %}");
        folder.write("loop.html", "{% include 'loop.html' %}");
        for (tmpl::Environment& environment : by_escape)
            environment.set_globals({{"site", {{"title", "Board"}, {"base_url", "/"}}}});
    }

    tmpl::Environment make(tmpl::Escape escape) const {
        tmpl::Options options;
        options.autoescape = escape;
        options.search_paths = {folder.path()};
        options.display_root = folder.path();
        // Small enough that a loop the fuzzer writes finishes well inside its time limit.
        options.max_loop_iterations = 1000;
        options.suppression_threshold = 5;
        return tmpl::Environment(std::move(options));
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Engines engines;
    auto [options, text] = boardpress::fuzz::split_options(data, size);
    const tmpl::Environment& environment = engines.by_escape[options % 3];
    try {
        std::string out = environment.render_string(text, {"content/fuzz.md", 3, 1}, context());
        (void)out;
    } catch (const boardpress::Error& error) {
        (void)boardpress::describe(error.diagnostic());
    }
    return 0;
}
