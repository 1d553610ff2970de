#include <catch2/catch.hpp>

#include "serve/live_reload.hpp"
#include "serve/watcher.hpp"

using namespace boardpress;

TEST_CASE("the reload script goes before </body>", "[serve]") {
    std::string page = serve::with_reload_script("<html><body><p>x</p></body></html>");
    CHECK(page.find("EventSource('/_boardpress/events')") < page.find("</body>"));
    CHECK(serve::with_reload_script("<p>no body</p>").find("<script>") == 14);
}

TEST_CASE("a failed build becomes a page with each error's place, line and fix", "[serve]") {
    Diagnostics diagnostics;
    Diagnostic error;
    error.location = {"content/about.md", 2, 8};
    error.message = "YAML syntax error: a `[` list is never closed";
    error.source_line = "title: [oops <b>";
    error.hint = "close the list with `]`";
    diagnostics.add(error);
    std::string page = serve::build_error_page(diagnostics);
    CHECK(page.find("content/about.md:2:8") != std::string::npos);
    CHECK(page.find("title: [oops &lt;b&gt;\n       ^") != std::string::npos);
    CHECK(page.find("Fix: close the list with `]`") != std::string::npos);
    CHECK(page.find("1 error.") != std::string::npos);
    CHECK(page.find("/_boardpress/events") != std::string::npos);  // it reloads when fixed
}

TEST_CASE("editors' temporary files are not changes", "[serve]") {
    CHECK(serve::is_editor_temporary(".about.md.swp"));
    CHECK(serve::is_editor_temporary("about.md~"));
    CHECK(serve::is_editor_temporary("4913"));
    CHECK(serve::is_editor_temporary(".#about.md"));
    CHECK_FALSE(serve::is_editor_temporary("about.md"));
}
