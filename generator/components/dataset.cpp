#include "components/dataset.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include "components/options.hpp"

namespace boardpress::components {

namespace {

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        std::size_t dot = path.find('.', start);
        parts.emplace_back(path.substr(start, dot == std::string_view::npos ? dot : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return parts;
}

std::string kind_of(const Json& value) {
    if (value.is_null()) return "empty (null)";
    if (value.is_object()) return "an object";
    if (value.is_array()) return "a list";
    if (value.is_string()) return "the text \"" + value.get<std::string>() + "\"";
    if (value.is_boolean()) return "a true/false value";
    return "a number";
}

std::string metadata_text(const Json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    return it->is_string() ? it->get<std::string>() : text_of(*it);
}

}  // namespace

const Json& resolve_path(const Json& tree, const YAML::Node& path, const YamlSource& source,
                         std::string_view noun) {
    std::string text = path.IsScalar() ? path.Scalar() : std::string{};
    if (text.empty())
        throw source.error(path.Mark(), std::string(noun) + " path is " + describe(path),
                           "write a dotted path such as `cp.plans_by_month`");
    std::vector<std::string> parts = split_path(text);
    std::size_t first = 0;
    // "data.cp.x" and "cp.x" both work, as in templates, unless the tree has its own `data`.
    if (parts.size() > 1 && parts[0] == "data" && tree.is_object() && !tree.contains("data"))
        first = 1;
    const Json* node = &tree;
    std::size_t offset = 0;  // byte offset of parts[i] within `text`
    for (std::size_t i = 0; i < first; ++i) offset += parts[i].size() + 1;
    for (std::size_t i = first; i < parts.size(); ++i) {
        const std::string& part = parts[i];
        // A list is indexed by position from 0, as in templates: `lado.summary.rows.0.count`.
        if (node->is_array() && !part.empty() &&
            part.find_first_not_of("0123456789") == std::string::npos) {
            std::size_t index = part.size() > 9 ? node->size() : std::stoul(part);
            if (index >= node->size()) {
                std::string parent = text.substr(0, offset == 0 ? 0 : offset - 1);
                throw source.error(source.inside(path, offset),
                                   "`" + parent + "` has " + std::to_string(node->size()) +
                                       " items, so it has no item " + part,
                                   "items are counted from 0");
            }
            node = &(*node)[index];
            offset += part.size() + 1;
            continue;
        }
        if (!node->is_object()) {
            std::string parent = text.substr(0, offset == 0 ? 0 : offset - 1);
            throw source.error(
                source.inside(path, offset),
                "`" + parent + "` is " + kind_of(*node) + ", so it has no `" + part + "`",
                "use `" + parent + "` itself, or check the path");
        }
        auto it = node->find(part);
        if (it == node->end()) {
            std::vector<std::string> candidates;
            for (auto k = node->begin(); k != node->end(); ++k) candidates.push_back(k.key());
            std::string message = "unknown " + std::string(noun) + " `" + text + "`";
            std::string hint;
            if (auto best = did_you_mean(part, candidates)) {
                std::string fixed = text.substr(0, offset) + *best;
                if (i + 1 < parts.size()) fixed += text.substr(offset + part.size());
                message += "; did you mean `" + fixed + "`?";
            } else if (candidates.empty()) {
                hint = "`" + (offset ? text.substr(0, offset - 1) : std::string("data")) +
                       "` is empty";
            } else {
                std::string list;
                for (std::size_t c = 0; c < candidates.size() && c < 12; ++c)
                    list += (c ? ", " : "") + candidates[c];
                hint = "`" + (offset ? text.substr(0, offset - 1) : std::string("data")) +
                       "` has: " + list + (candidates.size() > 12 ? ", ..." : "");
            }
            throw source.error(source.inside(path, offset), std::move(message), std::move(hint));
        }
        node = &*it;
        offset += part.size() + 1;
    }
    return *node;
}

std::string require_key(const YAML::Node& key, const Dataset& dataset, const YamlSource& source) {
    if (!key.IsDefined() || !key.IsScalar() || key.Scalar().empty())
        throw source.error(
            key.Mark(), "a column key must be a name, not " + describe(key),
            dataset.keys.empty() ? std::string{} : "e.g. `" + dataset.keys.front() + "`");
    const std::string& name = key.Scalar();
    for (const auto& k : dataset.keys)
        if (k == name) return name;
    std::string message = "unknown column `" + name + "` in `" + dataset.path + "`";
    std::string hint;
    if (auto best = did_you_mean(name, dataset.keys)) {
        message += "; did you mean `" + *best + "`?";
        hint = "rename it to `" + *best + "`";
    } else {
        std::string list;
        for (const auto& k : dataset.keys) list += (list.empty() ? "" : ", ") + k;
        hint = dataset.keys.empty() ? "`" + dataset.path + "` has no rows"
                                    : "`" + dataset.path + "` has: " + list;
    }
    throw source.error(source.inside(key, 0), std::move(message), std::move(hint));
}

std::vector<std::string> row_keys(const Json& rows) {
    std::vector<std::string> keys;
    for (const auto& row : rows) {
        if (!row.is_object()) continue;
        for (auto it = row.begin(); it != row.end(); ++it) {
            bool seen = false;
            for (const auto& k : keys) seen = seen || k == it.key();
            if (!seen) keys.push_back(it.key());
        }
    }
    return keys;
}

Dataset load_dataset(const Json& tree, const YAML::Node& path, const YamlSource& source) {
    const Json& value = resolve_path(tree, path, source, "dataset");
    Dataset dataset;
    dataset.path = path.Scalar();
    const Json* rows = &value;
    if (value.is_object()) {
        auto it = value.find("rows");
        if (it == value.end())
            throw source.error(path.Mark(),
                               "`" + dataset.path + "` is an object, not a dataset (no `rows`)",
                               "point `data:` at a list of rows, or give the object a `rows` list");
        rows = &*it;
        dataset.title = metadata_text(value, "title");
        dataset.source = metadata_text(value, "source");
        dataset.unit = metadata_text(value, "unit");
        dataset.period = metadata_text(value, "period");
        dataset.notes = metadata_text(value, "notes");
        auto sensitive = value.find("sensitive");
        dataset.sensitive =
            sensitive != value.end() && sensitive->is_boolean() && sensitive->get<bool>();
    }
    if (!rows->is_array())
        throw source.error(path.Mark(),
                           "`" + dataset.path + "` is " + kind_of(*rows) + ", not a list of rows",
                           "a dataset is a list of objects, one per row");
    for (std::size_t i = 0; i < rows->size(); ++i)
        if (!(*rows)[i].is_object())
            throw source.error(
                path.Mark(),
                "row " + std::to_string(i + 1) + " of `" + dataset.path + "` is " +
                    kind_of((*rows)[i]) + ", not an object",
                "each row is an object such as {\"month\": \"April\", \"total\": 33}");
    dataset.rows = *rows;
    dataset.keys = row_keys(dataset.rows);
    return dataset;
}

std::optional<double> number_of(const Json& value) {
    if (value.is_number()) return value.get<double>();
    if (value.is_string()) return parse_number(value.get<std::string>());
    return std::nullopt;
}

bool is_missing(const Json* value) {
    if (value == nullptr || value->is_null()) return true;
    if (!value->is_string()) return false;
    return value->get<std::string>().find_first_not_of(" \t") == std::string::npos;
}

std::string text_of(const Json& value) {
    if (value.is_null()) return {};
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    if (value.is_number_integer()) return value.dump();
    if (value.is_number()) {
        std::array<char, 64> buffer{};
        auto result =
            std::to_chars(buffer.data(), buffer.data() + buffer.size(), value.get<double>());
        return std::string(buffer.data(), result.ptr);
    }
    return value.dump();
}

std::string describe_row(const Json& row, std::size_t index) {
    std::string out = "row " + std::to_string(index + 1);
    if (row.is_object())
        for (auto it = row.begin(); it != row.end(); ++it)
            if (it->is_string() && !it->get<std::string>().empty()) {
                out += " (" + it->get<std::string>() + ")";
                break;
            }
    return out;
}

int fraction_digits(double value) {
    if (!std::isfinite(value)) return 0;
    std::array<char, 64> buffer{};
    auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                std::chars_format::fixed);
    std::string_view text(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));
    auto dot = text.find('.');
    return dot == std::string_view::npos ? 0 : static_cast<int>(text.size() - dot - 1);
}

}  // namespace boardpress::components
