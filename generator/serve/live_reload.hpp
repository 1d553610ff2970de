// What `serve` adds to pages: a small script that reloads the tab when the site is rebuilt, and
// a page that shows a failed build's errors in the browser until the file is fixed.
#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"

namespace boardpress::serve {

// Where the script listens for rebuilds (server-sent events).
inline constexpr std::string_view events_path = "/_boardpress/events";

// `html` with the reload script added before </body> (or at the end).
std::string with_reload_script(std::string_view html);

// A page listing the errors of a failed build: file:line:column, the line, a caret and the fix.
// It carries the reload script, so it goes away when a rebuild succeeds.
std::string build_error_page(const Diagnostics& diagnostics);

}  // namespace boardpress::serve
