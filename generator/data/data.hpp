// Datasets: data/**.json and data/**.csv loaded into one JSON tree, so data/cp/plans_by_month.json
// is data.cp.plans_by_month in templates.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "diag/diagnostics.hpp"

namespace boardpress::data {

// Parses JSON. A syntax error throws boardpress::Error at its line and column, with the source
// line and a hint (a trailing comma, a missing quote, ...). `file` names the text in diagnostics.
nlohmann::json parse_json(std::string_view text, const std::string& file);

// Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) with a header row into an array
// of objects keyed by the header. Cells that are numbers become numbers, `true`/`false` booleans,
// empty cells null; everything else stays a string. Errors (a row with the wrong number of cells,
// an unterminated quote, a duplicate or empty heading) throw at their line and column.
nlohmann::json parse_csv(std::string_view text, const std::string& file);

// Loads every .json and .csv below `data_dir` into a tree keyed by folder and file stem. Files are
// named in diagnostics relative to `project_root`. Every broken file is reported to `diagnostics`
// (the rest still load); a name used twice (a.json and a.csv) is an error.
nlohmann::json load_tree(const std::filesystem::path& data_dir,
                         const std::filesystem::path& project_root, Diagnostics& diagnostics);

}  // namespace boardpress::data
