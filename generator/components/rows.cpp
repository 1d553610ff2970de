#include "components/rows.hpp"

#include <algorithm>
#include <vector>

namespace boardpress::components {

namespace {

struct Condition {
    std::string key;
    std::vector<std::string> is;
    std::vector<std::string> is_not;
    std::optional<double> min;
    std::optional<double> max;
};

std::vector<std::string> scalars(const Options& options, std::string_view key) {
    YAML::Node value = options.get(key);
    std::vector<std::string> out;
    if (!value.IsDefined()) return out;
    if (value.IsNull()) return {std::string{}};  // `is:` alone: an empty value
    if (value.IsScalar()) return {value.Scalar()};
    if (value.IsSequence()) {
        for (const auto& item : value) {
            if (!item.IsScalar() && !item.IsNull())
                throw options.source().error(
                    item.Mark(), "`" + std::string(key) + "` lists values, not " + describe(item));
            out.push_back(item.IsNull() ? std::string{} : item.Scalar());
        }
        return out;
    }
    throw options.error(key, "`" + std::string(key) +
                                 "` must be a value or a list of values, not " + describe(value));
}

Condition read_condition(const YAML::Node& node, const Dataset& dataset, const YamlSource& source) {
    Options options(node, source, "where", {"key", "is", "not", "min", "max"});
    Condition condition;
    if (!options.has("key"))
        throw source.error(options.start(), "`where` needs `key`: the column to test",
                           "e.g. `where: {key: category, not: Total}`");
    condition.key = require_key(options.get("key"), dataset, source);
    condition.is = scalars(options, "is");
    condition.is_not = scalars(options, "not");
    condition.min = options.number("min");
    condition.max = options.number("max");
    if (condition.is.empty() && condition.is_not.empty() && !condition.min && !condition.max)
        throw source.error(options.start(), "`where` needs a test: `is`, `not`, `min` or `max`",
                           "e.g. `where: {key: " + condition.key + ", not: Total}`");
    return condition;
}

bool holds(const Condition& condition, const Json& row) {
    auto it = row.find(condition.key);
    static const Json null_value;
    const Json& value = it == row.end() ? null_value : *it;
    auto any_equal = [&](const std::vector<std::string>& list) {
        return std::any_of(list.begin(), list.end(),
                           [&](const std::string& s) { return value_equals(value, s); });
    };
    if (!condition.is.empty() && !any_equal(condition.is)) return false;
    if (any_equal(condition.is_not)) return false;
    if (condition.min || condition.max) {
        auto number = number_of(value);
        if (!number) return false;
        if (condition.min && *number < *condition.min) return false;
        if (condition.max && *number > *condition.max) return false;
    }
    return true;
}

}  // namespace

bool value_equals(const Json& value, const std::string& scalar) {
    if (is_missing(&value)) return scalar.empty() || scalar == "null" || scalar == "~";
    auto left = number_of(value);
    auto right = parse_number(scalar);
    if (left && right) return *left == *right;
    return text_of(value) == scalar;
}

Json filter_rows(const Json& rows, const YAML::Node& where, const Dataset& dataset,
                 const YamlSource& source) {
    if (!where.IsDefined() || where.IsNull()) return rows;
    std::vector<Condition> conditions;
    if (where.IsSequence())
        for (const auto& item : where) conditions.push_back(read_condition(item, dataset, source));
    else
        conditions.push_back(read_condition(where, dataset, source));
    Json out = Json::array();
    for (const auto& row : rows)
        if (std::all_of(conditions.begin(), conditions.end(),
                        [&](const Condition& c) { return holds(c, row); }))
            out.push_back(row);
    return out;
}

void sort_rows(Json& rows, const YAML::Node& sort, const Dataset& dataset,
               const YamlSource& source) {
    if (!sort.IsDefined() || sort.IsNull()) return;
    std::string key;
    bool descending = false;
    if (sort.IsScalar()) {
        key = require_key(sort, dataset, source);
    } else {
        Options options(sort, source, "sort", {"key", "order"});
        if (!options.has("key"))
            throw source.error(options.start(), "`sort` needs `key`: the column to sort by",
                               "e.g. `sort: {key: total, order: desc}`");
        key = require_key(options.get("key"), dataset, source);
        descending = options.choice("order", {"asc", "desc"}).value_or("asc") == "desc";
    }
    std::vector<Json> list(rows.begin(), rows.end());
    auto less = [&](const Json& a, const Json& b) {
        const Json* x = a.contains(key) ? &a[key] : nullptr;
        const Json* y = b.contains(key) ? &b[key] : nullptr;
        bool x_missing = is_missing(x), y_missing = is_missing(y);
        if (x_missing || y_missing) return !x_missing && y_missing;  // missing last
        auto nx = number_of(*x), ny = number_of(*y);
        bool result_lt, result_gt;
        if (nx && ny) {
            result_lt = *nx < *ny;
            result_gt = *ny < *nx;
        } else {
            std::string tx = text_of(*x), ty = text_of(*y);
            result_lt = tx < ty;
            result_gt = ty < tx;
        }
        return descending ? result_gt : result_lt;
    };
    std::stable_sort(list.begin(), list.end(), less);
    rows = Json::array();
    for (auto& row : list) rows.push_back(std::move(row));
}

}  // namespace boardpress::components
