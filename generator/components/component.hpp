// The entry point: a fenced block's info string and YAML body to a format-neutral model, which
// each writer (HTML now, PDF later) renders. No markup is produced here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "components/context.hpp"
#include "components/chart.hpp"
#include "components/rag.hpp"
#include "components/stats.hpp"
#include "components/table.hpp"

namespace boardpress::components {

using Model = std::variant<TableModel, StatsModel, RagModel, ChartModel>;

// The component an info string names ("table", "stats", "rag", "chart"; the first word counts, so
// "table {.wide}" is a table), or "" when it names none (```cpp stays code).
std::string component_name(std::string_view info);

// nullopt when `info` names no component. Otherwise the model, or boardpress::Error for any
// mistake, positioned in ctx.file from ctx.line (the file line of the YAML's first line).
std::optional<Model> parse_component(std::string_view info, std::string_view yaml,
                                     const ComponentContext& ctx);

}  // namespace boardpress::components
