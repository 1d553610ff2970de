// The ```table component: a dataset as a TableModel.
#pragma once

#include <yaml-cpp/yaml.h>

#include "components/context.hpp"
#include "components/table_model.hpp"
#include "components/yaml_source.hpp"

namespace boardpress::components {

// Options: data (required), caption (else the dataset's title; one of them is required),
// columns, transpose (true, or {key, heading, format, date_style}: the key whose values become
// the column headings, default the first key), where, sort, total (sum|mean|false: a totals row;
// a column's own `total` overrides), total_label, missing (the mark for no data), source, notes
// (else the dataset's), suppress (default: the dataset's `sensitive`), row_headers.
TableModel parse_table(const YAML::Node& root, const YamlSource& source,
                       const ComponentContext& ctx);

}  // namespace boardpress::components
