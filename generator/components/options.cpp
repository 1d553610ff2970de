#include "components/options.hpp"

#include <charconv>
#include <cmath>
#include <set>
#include <utility>

#include "data/data.hpp"

namespace boardpress::components {

std::string describe(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return "empty";
    if (node.IsSequence()) return "a list";
    if (node.IsMap()) return "a map";
    return "the text `" + data::utf8_from_latin1_bytes(node.Scalar()) + "`";
}

std::optional<std::string> scalar(const YAML::Node& node) {
    if (!node.IsDefined() || !node.IsScalar()) return std::nullopt;
    // yaml-cpp writes the escapes `\_` and `\N` of double-quoted text as Latin-1 bytes.
    return data::utf8_from_latin1_bytes(node.Scalar());
}

std::optional<double> parse_number(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty()) return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

namespace {

std::string key_list(const std::vector<std::string>& known) {
    std::string out;
    for (const auto& key : known) {
        if (!out.empty()) out += ", ";
        out += key;
    }
    return out;
}

}  // namespace

Options::Options(const YAML::Node& node, const YamlSource& source, std::string what,
                 std::vector<std::string> known)
    : node_(node), source_(&source), what_(std::move(what)) {
    if (!node_.IsDefined() || node_.IsNull()) {
        node_ = YAML::Node(YAML::NodeType::Map);
        return;
    }
    if (!node_.IsMap())
        throw source.error(
            node_.Mark(),
            "the options of " + what_ + " must be `name: value` pairs, not " + describe(node_),
            "write one option a line, e.g. `" + known.front() + ": ...`");
    std::set<std::string> seen;
    for (auto it = node_.begin(); it != node_.end(); ++it) {
        std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string{};
        bool is_known = false;
        for (const auto& k : known) is_known = is_known || k == key;
        if (!is_known) {
            std::string message = "unknown option `" + key + "` for " + what_;
            std::string hint;
            if (auto best = did_you_mean(key, known)) {
                message += "; did you mean `" + *best + "`?";
                hint = "rename it to `" + *best + "`";
            } else {
                hint = what_ + " takes: " + key_list(known);
            }
            throw source.error(it->first.Mark(), std::move(message), std::move(hint));
        }
        if (!seen.insert(key).second)
            throw source.error(it->first.Mark(), "option `" + key + "` given twice in " + what_,
                               "keep one of them");
    }
}

bool Options::has(std::string_view key) const {
    return get(key).IsDefined();
}

YAML::Node Options::get(std::string_view key) const {
    for (auto it = node_.begin(); it != node_.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key) return it->second;
    return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Mark Options::mark(std::string_view key) const {
    YAML::Node value = get(key);
    if (value.IsDefined() && !value.Mark().is_null()) return value.Mark();
    // A null value (`caption:`) has no mark of its own: use its key.
    for (auto it = node_.begin(); it != node_.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key) return it->first.Mark();
    return node_.Mark();
}

YAML::Mark Options::key_mark(std::string_view key) const {
    for (auto it = node_.begin(); it != node_.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key) return it->first.Mark();
    return node_.Mark();
}

Error Options::error(std::string_view key, std::string message, std::string hint) const {
    return source_->error(mark(key), std::move(message), std::move(hint));
}

std::optional<std::string> Options::string(std::string_view key) const {
    YAML::Node value = get(key);
    if (!value.IsDefined() || value.IsNull()) return std::nullopt;
    if (!value.IsScalar())
        throw error(key, "`" + std::string(key) + "` must be a text, not " + describe(value),
                    "write it on one line after `" + std::string(key) +
                        ":`, in quotes if it contains `: `");
    return data::utf8_from_latin1_bytes(value.Scalar());
}

std::string Options::required_string(std::string_view key, const std::string& hint) const {
    if (auto value = string(key); value && !value->empty()) return *value;
    YAML::Mark where = has(key) ? key_mark(key) : node_.Mark();
    throw source_->error(where, what_ + " needs `" + std::string(key) + "`", hint);
}

std::optional<bool> Options::boolean(std::string_view key) const {
    auto text = string(key);
    if (!text) return std::nullopt;
    if (*text == "true" || *text == "True" || *text == "TRUE" || *text == "yes") return true;
    if (*text == "false" || *text == "False" || *text == "FALSE" || *text == "no") return false;
    throw error(key, "`" + std::string(key) + "` must be true or false, not `" + *text + "`");
}

std::optional<double> Options::number(std::string_view key) const {
    auto text = string(key);
    if (!text) return std::nullopt;
    if (auto value = parse_number(*text)) return value;
    throw error(key, "`" + std::string(key) + "` must be a number, not `" + *text + "`");
}

std::optional<int> Options::integer(std::string_view key, int min, int max) const {
    auto text = string(key);
    if (!text) return std::nullopt;
    auto value = parse_number(*text);
    if (!value || *value != std::floor(*value) || *value < min || *value > max)
        throw error(key, "`" + std::string(key) + "` must be a whole number from " +
                             std::to_string(min) + " to " + std::to_string(max) + ", not `" +
                             *text + "`");
    return static_cast<int>(*value);
}

std::optional<std::string> Options::choice(std::string_view key,
                                           const std::vector<std::string>& allowed) const {
    auto text = string(key);
    if (!text) return std::nullopt;
    for (const auto& a : allowed)
        if (a == *text) return text;
    std::string message = "`" + std::string(key) + "` cannot be `" + *text + "`";
    if (auto best = did_you_mean(*text, allowed)) message += "; did you mean `" + *best + "`?";
    throw error(key, std::move(message), "use one of: " + key_list(allowed));
}

std::optional<Options> Options::map(std::string_view key, std::string what,
                                    std::vector<std::string> known) const {
    YAML::Node value = get(key);
    if (!value.IsDefined() || value.IsNull()) return std::nullopt;
    return Options(value, *source_, std::move(what), std::move(known));
}

std::optional<YAML::Node> Options::list(std::string_view key) const {
    YAML::Node value = get(key);
    if (!value.IsDefined() || value.IsNull()) return std::nullopt;
    if (!value.IsSequence())
        throw error(key, "`" + std::string(key) + "` must be a list, not " + describe(value),
                    "write each item on its own line starting with `- `");
    return value;
}

}  // namespace boardpress::components
