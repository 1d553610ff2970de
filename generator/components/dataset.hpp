// Datasets as components see them: a dotted path into the data tree, resolved with did-you-mean
// errors, and read as rows plus metadata. A dataset is an array of row objects, or an object
// {"title", "source", "unit", "period", "notes", "sensitive", "rows": [...]}.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "components/context.hpp"
#include "components/yaml_source.hpp"

namespace boardpress::components {

struct Dataset {
    std::string path;  // as written: "cp.plans_by_month"
    std::string title;
    std::string source;
    std::string unit;
    std::string period;
    std::string notes;
    bool sensitive = false;
    Json rows = Json::array();      // objects
    std::vector<std::string> keys;  // every key of the rows, in order of first appearance
};

// The value at a dotted path ("cp.snapshot.children" or "data.cp.snapshot.children"). `path` is
// the YAML scalar holding it, so an unknown segment is reported at that segment with the closest
// key at that level: "unknown <noun> `cp.plans_by_mnth`; did you mean `cp.plans_by_month`?".
const Json& resolve_path(const Json& tree, const YAML::Node& path, const YamlSource& source,
                         std::string_view noun);

// Resolves `path` and reads it as a dataset; another shape is an error at `path`.
Dataset load_dataset(const Json& tree, const YAML::Node& path, const YamlSource& source);

// The dataset key a YAML scalar names (a column's `key:`, `sort: {key: ...}`). An unknown key is
// an error at the scalar: "unknown column `y2105` in `cp.plans_by_month`; did you mean `y2015`?".
std::string require_key(const YAML::Node& key, const Dataset& dataset, const YamlSource& source);

// The keys of `rows` (objects) in order of first appearance.
std::vector<std::string> row_keys(const Json& rows);

// A number from a JSON number or a string holding one ("12", "-3.5"); nullopt for anything else.
std::optional<double> number_of(const Json& value);

// True for null, an absent value and an empty or blank string: shown as "no data".
bool is_missing(const Json* value);

// A scalar as plain text: strings as they are, numbers in their shortest form (2014, 30.34),
// booleans as true/false; "" for null.
std::string text_of(const Json& value);

// "row 9 (September)": names a row (1-based) by its first text value, for messages.
std::string describe_row(const Json& row, std::size_t index);

// Digits after the decimal point in the shortest form of `value` (30.34 -> 2, 387 -> 0).
int fraction_digits(double value);

}  // namespace boardpress::components
