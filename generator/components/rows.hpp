// Choosing and ordering a dataset's rows: the `where` and `sort` options shared by tables and
// charts. Keys are checked against the dataset, values compared as numbers when both are numbers.
#pragma once

#include <yaml-cpp/yaml.h>

#include "components/dataset.hpp"
#include "components/options.hpp"

namespace boardpress::components {

// `where`: a map {key, is, not, min, max} (is/not take a value or a list of values; min/max are
// inclusive bounds on numbers) or a list of such maps, all of which must hold. An undefined or
// null node keeps every row.
Json filter_rows(const Json& rows, const YAML::Node& where, const Dataset& dataset,
                 const YamlSource& source);

// `sort`: a key (ascending) or {key, order: asc|desc}. Numbers sort as numbers, text as text,
// missing values last in either order; rows that compare equal keep their order.
void sort_rows(Json& rows, const YAML::Node& sort, const Dataset& dataset,
               const YamlSource& source);

// True when a data value equals a YAML scalar: as numbers when both are numbers, else as text.
bool value_equals(const Json& value, const std::string& scalar);

}  // namespace boardpress::components
