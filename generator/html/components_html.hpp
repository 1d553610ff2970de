// Components (```table, ```stats) as accessible HTML: the HTML writer's render_code_block hook.
// The models come from components/; this file only writes markup for them.
#pragma once

#include <optional>
#include <string>

#include "components/component.hpp"
#include "html/html_writer.hpp"

namespace boardpress::html {

// nullopt when the block's info string names no component (so ```cpp stays code); otherwise its
// HTML. A broken component throws boardpress::Error positioned in ctx.file: the YAML's first line
// is taken as ctx.body_line + block.line (the line after the fence, in the file).
std::optional<std::string> render_component_html(const CodeBlock& block,
                                                 const components::ComponentContext& ctx);

// The markup for one model. Tables: a scrollable, labelled region around a <table> with a
// <caption>, column and row headers, numeric cells class="num", missing and suppressed values
// explained to screen readers, totals in <tfoot>, then notes and the source. Stats: a list of
// figures, each with its value, label and change in words.
std::string table_html(const components::TableModel& table);
std::string stats_html(const components::StatsModel& stats);
std::string component_html(const components::Model& model);

}  // namespace boardpress::html
