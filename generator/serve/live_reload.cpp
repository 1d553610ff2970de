#include "serve/live_reload.hpp"

#include "format/format.hpp"

namespace boardpress::serve {

// The server sends the build's generation on connect and after each build; a new one reloads.
static constexpr std::string_view reload_script =
    "<script>(function(){var seen=null;var events=new EventSource('/_boardpress/events');"
    "events.onmessage=function(e){if(seen===null){seen=e.data;}"
    "else if(e.data!==seen){location.reload();}};})();</script>\n";

std::string with_reload_script(std::string_view html) {
    std::string result(html);
    std::size_t body_end = result.rfind("</body>");
    result.insert(body_end == std::string::npos ? result.size() : body_end, reload_script);
    return result;
}

std::string build_error_page(const Diagnostics& diagnostics) {
    std::size_t errors = diagnostics.error_count();
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Build failed</title>\n<style>\n"
        "body{font:1rem/1.5 sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
        "color:#1b1b1b}\nh1{color:#a4000f}\n"
        "li{margin:0 0 1.5rem;padding:1rem;border-left:.4rem solid #a4000f;background:#fdf2f2;"
        "list-style:none}\nli.warning{border-color:#7a5200;background:#fdf8ec}\n"
        "pre{background:#fff;padding:.5rem;overflow-x:auto;border:1px solid #ccc}\n"
        ".where{font-family:monospace;font-weight:bold}\n</style>\n</head>\n<body>\n<main>\n"
        "<h1>The site could not be built</h1>\n<p>" +
        std::to_string(errors) + (errors == 1 ? " error" : " errors") +
        ". Fix the file and save it: this page will reload by itself.</p>\n<ol>\n";
    for (const Diagnostic& item : diagnostics.items()) {
        bool is_error = item.severity == Severity::error;
        const SourceLocation& at = item.location;
        html += is_error ? "<li>" : "<li class=\"warning\">";
        html += "<p><span class=\"where\">" + format::escape_html(at.file);
        if (at.line > 0) html += ":" + std::to_string(at.line);
        if (at.column > 0) html += ":" + std::to_string(at.column);
        html += "</span> ";
        html += is_error ? "error: " : "warning: ";
        html += format::escape_html(item.message) + "</p>\n";
        if (!item.source_line.empty()) {
            html += "<pre>" + format::escape_html(item.source_line);
            if (at.column > 0)
                html += "\n" + std::string(static_cast<std::size_t>(at.column - 1), ' ') + "^";
            html += "</pre>\n";
        }
        if (!item.hint.empty()) html += "<p>Fix: " + format::escape_html(item.hint) + "</p>\n";
        html += "</li>\n";
    }
    html += "</ol>\n</main>\n</body>\n</html>\n";
    return with_reload_script(html);
}

}  // namespace boardpress::serve
