// The `columns` option: which keys of a dataset to show, with headings, formats, decimals,
// alignment and totals; and turning one data value into a Cell. Tables use it for columns (or,
// transposed, for rows); charts can use it for series.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "components/dataset.hpp"
#include "components/table_model.hpp"
#include "components/value_format.hpp"

namespace boardpress::components {

enum class Total { none, sum, mean };

struct ColumnSpec {
    std::string key;
    std::string heading;
    ValueFormat how;  // format resolved (given, or inferred from the values)
    Align align = Align::left;
    std::optional<Total> total;  // the column's own `total:`; nullopt follows the table
    YAML::Mark mark;             // where the column is named (or the dataset), for errors
};

// "first_time" -> "First time", "y2014" -> "2014": a heading for a key the user gave none for.
std::string humanize_key(const std::string& key);

// The format a key's values suggest: number when every value present is a number, date when
// every one is an ISO date, text otherwise (and for a key with no values).
Format infer_format(const Json& rows, const std::string& key);

// Reads `columns` (a list of keys or maps {key, heading, format, decimals, align, total,
// date_style}); when `columns` is undefined, every key of the dataset except `skip`, each marked
// at `fallback`. Formats and decimals not given are inferred from `dataset.rows`.
std::vector<ColumnSpec> read_columns(const YAML::Node& columns, const Dataset& dataset,
                                     const YamlSource& source, const YAML::Mark& fallback,
                                     const std::string& skip = {});

// How missing and suppressed values look.
struct Marks {
    std::string missing = "\u2013";  // EN DASH
    std::string missing_hidden = "no data";
    int suppression_threshold = 0;  // counts 1 .. threshold-1 are hidden when > 1
    std::string suppression_mark = "*";
};

// One data value as a cell of `column`. Text where the column needs a number (or a date) throws
// at the column's mark, naming the row of `dataset` by `row_index`.
Cell make_cell(const Json* value, const ColumnSpec& column, const Marks& marks, const Json& row,
               std::size_t row_index, const Dataset& dataset, const YamlSource& source);

// "fewer than 5": what a suppressed cell says to a screen reader.
std::string suppressed_words(int threshold);

}  // namespace boardpress::components
