// The template engine: a Jinja2 3.1 subset on nlohmann::ordered_json data. Rendering behaves as Jinja2 with
// StrictUndefined and autoescape on: the same template and data give the same bytes.
//   lexer.{hpp,cpp} -> parser.{hpp,cpp} -> ast.hpp -> renderer.{hpp,cpp}; value.{hpp,cpp};
//   filters.cpp (Jinja2 built-ins), domain_filters.cpp (number, gbp, date, ...), tests.cpp.
#pragma once

#include <filesystem>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/diagnostics.hpp"

namespace boardpress::tmpl {

enum class Escape {
    html,      // markupsafe's escaping: templates that produce HTML
    markdown,  // format::escape_markdown: content pages expanded before Markdown parsing
    none,
};

struct Options {
    Escape autoescape = Escape::html;
    // Where `include`, `extends` and `import` look, in order.
    std::vector<std::filesystem::path> search_paths;
    // Paths in diagnostics are shown relative to this folder (the project root).
    std::filesystem::path display_root;
    // Guards against runaway templates; exceeding one is an error at the offending tag.
    // The loop limit holds for each loop's length and for all loop iterations and macro calls of
    // one render together. Texts are limited to 64 MB, and the output to about that (value.hpp).
    std::size_t max_loop_iterations = 1'000'000;
    std::size_t max_recursion_depth = 64;
    // The `suppress` filter: counts from 1 to threshold - 1 print as the mark (0: never).
    int suppression_threshold = 0;
    std::string suppression_mark = "*";
};

// A filter supplied by the host (for example `markdown`): string in, string out.
struct HostFilter {
    std::function<std::string(std::string_view)> apply;
    bool output_is_safe = false;  // true: the result is Markup and is not escaped again
};

// Marks HTML in a JSON context as safe (Jinja2's Markup): templates print it without escaping.
// It is stored as a JSON binary value with subtype kMarkupSubtype.
inline constexpr std::uint64_t kMarkupSubtype = 0x4D;
nlohmann::ordered_json markup(std::string_view html);
bool is_markup(const nlohmann::ordered_json& value);
std::string_view markup_text(const nlohmann::ordered_json& value);  // requires is_markup(value)

class Environment {
public:
    explicit Environment(Options options);
    ~Environment();
    Environment(Environment&&) noexcept;
    Environment& operator=(Environment&&) noexcept;

    void add_filter(std::string name, HostFilter filter);

    // Variables every render sees (Jinja2's Environment.globals), shared rather than copied per
    // render: the site's `site`, `data` and `build`. A render's own context shadows them.
    void set_globals(nlohmann::ordered_json globals);

    // Renders the template `name` found on the search paths. Throws boardpress::Error with the
    // template's file, line and column, the source line and a hint.
    std::string render_file(const std::string& name, const nlohmann::ordered_json& context) const;

    // Renders `source`. `origin.file` names it in diagnostics and `origin.line` is the line of the
    // file where `source` starts (front matter comes before a page's body).
    std::string render_string(std::string_view source, const SourceLocation& origin,
                              const nlohmann::ordered_json& context) const;

    // Renders a template file given by path (used by `boardpress template FILE`): its own folder
    // is searched first for includes, then the search paths.
    std::string render_path(const std::filesystem::path& file, const nlohmann::ordered_json& context) const;

    // Const members are thread-safe: pages render in parallel on one Environment.

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace boardpress::tmpl
