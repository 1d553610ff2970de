#include "components/stats.hpp"

#include <charconv>
#include <cmath>

#include "components/columns.hpp"
#include "components/dataset.hpp"
#include "components/figures.hpp"
#include "components/options.hpp"

namespace boardpress::components {

namespace {

const std::vector<std::string> kStatsOptions = {"items", "title", "source", "missing"};
const std::vector<std::string> kItemOptions = {
    "value", "label", "previous", "previous_label", "format", "decimals", "note", "source",
    "suppress"};

// True when a data path passes through a dataset marked `"sensitive": true`.
bool sensitive_path(const Json& data, const YAML::Node& node) {
    if (!node.IsScalar()) return false;
    std::string_view path = node.Scalar();
    if (path.starts_with("data.")) path.remove_prefix(5);
    const Json* at = &data;
    while (at && !path.empty()) {
        if (at->is_object() && at->value("sensitive", false) == true) return true;
        std::size_t dot = path.find('.');
        std::string key(path.substr(0, dot));
        path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
        if (at->is_object()) {
            auto found = at->find(key);
            at = found == at->end() ? nullptr : &*found;
        } else if (at->is_array() && !key.empty() &&
                   key.find_first_not_of("0123456789") == std::string::npos) {
            std::size_t index = 0;
            auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), index);
            at = ec == std::errc() && index < at->size() ? &(*at)[index] : nullptr;
        } else {
            at = nullptr;
        }
    }
    return false;
}

// A count from 1 to threshold - 1 in sensitive data.
bool hidden_count(double value, int threshold) {
    return threshold > 1 && value > 0 && value < threshold;
}

// A value option: a literal number, or a path into the data.
const Json& read_value(const Options& item, std::string_view key, const ComponentContext& ctx,
                       Json& literal) {
    YAML::Node node = item.get(key);
    if (!node.IsScalar())
        throw item.error(
            key,
            "`" + std::string(key) + "` must be a data path or a number, not " + describe(node),
            "e.g. `" + std::string(key) + ": cp.snapshot.children_on_plans`");
    if (auto number = parse_number(node.Scalar())) {
        literal = *number;
        return literal;
    }
    return resolve_path(ctx.data, node, item.source(), "data key");
}

std::string previous_words(const std::string& label) {
    return label.empty() ? "last year" : label;
}

std::string scalar_text(const Json& value) {
    return value.is_string() ? "the text \"" + value.get<std::string>() + "\""
                             : "`" + text_of(value) + "`";
}

StatItem read_item(const YAML::Node& node, const YamlSource& source, const ComponentContext& ctx,
                   const std::string& missing_mark) {
    Options item(node, source, "stats item", kItemOptions);
    if (!item.has("value"))
        throw source.error(item.start(), "a stats item needs `value`: a data path or a number",
                           "e.g. `- {value: cp.snapshot.children_on_plans, label: children with "
                           "a plan}`");
    StatItem stat;
    stat.label = item.required_string("label",
                                      "say what the number counts, e.g. `label: "
                                      "children with a child protection plan`");
    stat.note = item.string("note").value_or("");
    stat.source = item.string("source").value_or("");
    stat.previous_label = item.string("previous_label").value_or("");

    Json literal;
    const Json& value = read_value(item, "value", ctx, literal);
    if (value.is_object() || value.is_array())
        throw item.error(
            "value",
            "`" + item.get("value").Scalar() + "` is " +
                (value.is_array() ? "a list" : "an object") + ", not a single value",
            "point `value` at one number, e.g. `" + item.get("value").Scalar() + "." +
                (value.is_object() && !value.empty() ? value.begin().key() : std::string("total")) +
                "`");
    ValueFormat how;
    if (auto name = item.choice("format", format_names())) {
        how.format = *parse_format(*name);
    } else if (value.is_number()) {
        how.format = Format::number;
    } else if (value.is_string() && is_iso_date(value.get<std::string>())) {
        how.format = Format::date;
    }
    auto decimals = item.integer("decimals", 0, 6);

    if (is_missing(&value)) {
        stat.missing = true;
        stat.value = missing_mark;
        stat.hidden = "no data";
        return stat;
    }
    std::optional<double> number;
    if (is_numeric(how.format)) {
        number = number_of(value);
        if (!number)
            throw item.error("value", "`value` is " + scalar_text(value) + ", not a number",
                             "point `value` at a number, or add `format: text`");
    }
    how.decimals = decimals ? *decimals : (number ? default_decimals(how.format, {*number}) : 0);
    auto text = format_value(value, how);
    if (!text)
        throw item.error("value", "`value` is " + scalar_text(value) + ", not a date",
                         "write dates as YYYY-MM-DD, or add `format: text`");
    bool suppress = item.boolean("suppress").value_or(sensitive_path(ctx.data, item.get("value")));
    if (suppress && number && hidden_count(*number, ctx.suppression_threshold)) {
        stat.value = ctx.suppression_mark;
        stat.hidden = suppressed_words(ctx.suppression_threshold);
        return stat;  // no change either: it would give the count away
    }
    stat.value = *text;
    stat.number = number;

    if (!item.has("previous")) return stat;
    Json previous_literal;
    const Json& previous = read_value(item, "previous", ctx, previous_literal);
    if (is_missing(&previous)) return stat;
    auto previous_number = number_of(previous);
    if (suppress && previous_number && hidden_count(*previous_number, ctx.suppression_threshold))
        return stat;
    if (!previous_number || !number)
        throw item.error("previous",
                         "`previous` is " + scalar_text(previous) +
                             (number ? ", not a number" : ", but `value` is not a number"),
                         "a change needs two numbers");
    ValueFormat previous_how = how;
    if (!decimals)
        previous_how.decimals =
            std::max(how.decimals, default_decimals(how.format, {*previous_number}));
    stat.previous = format_number(*previous_number, previous_how);
    ChangeWords words = change_words(*number, *previous_number, previous_how, stat.previous_label);
    stat.change = std::move(words.text);
    stat.trend = words.trend;
    return stat;
}

}  // namespace

ChangeWords change_words(double current, double previous, const ValueFormat& how,
                         const std::string& label) {
    std::string on = " on " + previous_words(label);
    if (current == previous) return {"no change" + on, Trend::same};
    Trend trend = current > previous ? Trend::up : Trend::down;
    std::string direction = trend == Trend::up ? "up " : "down ";
    if (how.format == Format::percent) {
        // Ratios change in percentage points: 15% -> 17.8% is "up 2.8 percentage points".
        int decimals = std::max(how.decimals, 0);
        double points = std::fabs(current - previous) * 100;
        std::string amount = figures::number(points, decimals);
        if (amount == figures::number(0, decimals))
            return {direction + "less than " +
                        figures::number(std::pow(10.0, -decimals), decimals) + " percentage point" +
                        on,
                    trend};
        return {
            direction + amount + (amount == "1" ? " percentage point" : " percentage points") + on,
            trend};
    }
    if (previous == 0) {
        // No percentage of nothing: say what it rose from.
        return {direction + "from " + format_number(previous, how) + on, trend};
    }
    double change = std::fabs(current - previous) / std::fabs(previous) * 100;
    std::string amount = figures::number(change, 0);
    if (amount == "0") return {direction + "less than 1%" + on, trend};
    return {direction + amount + "%" + on, trend};
}

StatsModel parse_stats(const YAML::Node& root, const YamlSource& source,
                       const ComponentContext& ctx) {
    Options options(root, source, "stats", kStatsOptions);
    StatsModel stats;
    stats.line = ctx.line;
    stats.title = options.string("title").value_or("");
    stats.source = options.string("source").value_or("");
    std::string missing_mark = options.string("missing").value_or("\u2013");
    auto items = options.list("items");
    if (!items || items->size() == 0)
        throw source.error(items ? options.mark("items") : options.start(),
                           "stats needs `items`: the figures to show",
                           "e.g. `items:` then `  - {value: cp.snapshot.children_on_plans, "
                           "label: children with a plan}`");
    for (const auto& node : *items)
        stats.items.push_back(read_item(node, source, ctx, missing_mark));
    return stats;
}

}  // namespace boardpress::components
