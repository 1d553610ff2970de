#include "components/columns.hpp"

#include <algorithm>

#include "components/options.hpp"

namespace boardpress::components {

namespace {

const std::vector<std::string> kColumnOptions = {"key",   "heading", "format",    "decimals",
                                                 "align", "total",   "date_style"};

std::optional<Total> read_total(const Options& options) {
    auto text = options.string("total");
    if (!text) return std::nullopt;
    if (*text == "false" || *text == "none" || *text == "no") return Total::none;
    if (*text == "true" || *text == "sum" || *text == "yes") return Total::sum;
    if (*text == "mean") return Total::mean;
    std::string message = "`total` cannot be `" + *text + "`";
    if (auto best = did_you_mean(*text, {"sum", "mean", "false"}))
        message += "; did you mean `" + *best + "`?";
    throw options.error("total", std::move(message), "use sum, mean or false");
}

Align default_align(Format format) {
    return is_numeric(format) ? Align::right : Align::left;
}

void finish(ColumnSpec& column, const Dataset& dataset, std::optional<Format> format,
            std::optional<int> decimals) {
    column.how.format = format ? *format : infer_format(dataset.rows, column.key);
    if (decimals) {
        column.how.decimals = *decimals;
    } else {
        std::vector<double> values;
        for (const auto& row : dataset.rows) {
            auto it = row.find(column.key);
            if (it != row.end() && it->is_number()) values.push_back(it->get<double>());
        }
        column.how.decimals = default_decimals(column.how.format, values);
    }
    column.align = default_align(column.how.format);
}

ColumnSpec read_column(const YAML::Node& item, const Dataset& dataset, const YamlSource& source) {
    ColumnSpec column;
    if (item.IsScalar()) {
        column.key = require_key(item, dataset, source);
        column.heading = humanize_key(column.key);
        column.mark = item.Mark();
        finish(column, dataset, std::nullopt, std::nullopt);
        return column;
    }
    Options options(item, source, "column", kColumnOptions);
    if (!options.has("key"))
        throw source.error(options.start(), "a column needs `key`: the dataset key to show",
                           dataset.keys.empty()
                               ? std::string{}
                               : "e.g. `- {key: " + dataset.keys.front() + ", heading: ...}`");
    column.key = require_key(options.get("key"), dataset, source);
    column.mark = options.mark("key");
    column.heading = options.string("heading").value_or(humanize_key(column.key));
    std::optional<Format> format;
    if (auto name = options.choice("format", format_names())) format = parse_format(*name);
    finish(column, dataset, format, options.integer("decimals", 0, 6));
    if (auto align = options.choice("align", {"left", "right", "center"}))
        column.align = *align == "left"    ? Align::left
                       : *align == "right" ? Align::right
                                           : Align::center;
    if (auto style = options.choice("date_style", {"full", "short", "month", "year", "iso"}))
        column.how.date_style = *style;
    column.total = read_total(options);
    return column;
}

}  // namespace

std::string humanize_key(const std::string& key) {
    if (key.size() == 5 && key[0] == 'y' &&
        std::all_of(key.begin() + 1, key.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return key.substr(1);
    std::string out = key;
    for (char& c : out)
        if (c == '_') c = ' ';
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
    return out;
}

Format infer_format(const Json& rows, const std::string& key) {
    bool any = false, all_numbers = true, all_dates = true;
    for (const auto& row : rows) {
        auto it = row.find(key);
        if (it == row.end() || is_missing(&*it)) continue;
        any = true;
        if (!it->is_number()) all_numbers = false;
        if (!it->is_string() || !is_iso_date(it->get<std::string>())) all_dates = false;
    }
    if (!any) return Format::text;
    if (all_numbers) return Format::number;
    if (all_dates) return Format::date;
    return Format::text;
}

std::vector<ColumnSpec> read_columns(const YAML::Node& columns, const Dataset& dataset,
                                     const YamlSource& source, const YAML::Mark& fallback,
                                     const std::string& skip) {
    std::vector<ColumnSpec> out;
    if (!columns.IsDefined() || columns.IsNull()) {
        for (const auto& key : dataset.keys) {
            if (key == skip) continue;
            ColumnSpec column;
            column.key = key;
            column.heading = humanize_key(key);
            column.mark = fallback;
            finish(column, dataset, std::nullopt, std::nullopt);
            out.push_back(std::move(column));
        }
        return out;
    }
    if (!columns.IsSequence())
        throw source.error(columns.Mark(), "`columns` must be a list, not " + describe(columns),
                           "write each column on its own line: `- {key: month, heading: Month}`");
    for (const auto& item : columns) out.push_back(read_column(item, dataset, source));
    if (out.empty())
        throw source.error(columns.Mark(), "`columns` is empty", "list at least one column");
    return out;
}

std::string suppressed_words(int threshold) {
    return "fewer than " + std::to_string(threshold);
}

Cell make_cell(const Json* value, const ColumnSpec& column, const Marks& marks, const Json& row,
               std::size_t row_index, const Dataset& dataset, const YamlSource& source) {
    Cell cell;
    cell.numeric = is_numeric(column.how.format);
    cell.align = column.align;
    if (is_missing(value)) {
        cell.missing = true;
        cell.text = marks.missing;
        cell.hidden = marks.missing_hidden;
        return cell;
    }
    std::optional<std::string> text = format_value(*value, column.how);
    if (!text) {
        bool number = cell.numeric;
        throw source.error(
            column.mark,
            "`" + column.key + "` in " + describe_row(row, row_index) + " of `" + dataset.path +
                "` is " +
                (value->is_string() ? "the text \"" + value->get<std::string>() + "\""
                                    : "`" + text_of(*value) + "`") +
                ", not " + (number ? "a number" : "a date"),
            number ? "write null for no data, or add `format: text` to the column"
                   : "write dates as YYYY-MM-DD, or add `format: text` to the column");
    }
    cell.text = std::move(*text);
    if (cell.numeric) cell.value = number_of(*value);
    if (cell.numeric && column.how.format == Format::number && marks.suppression_threshold > 1 &&
        cell.value && *cell.value > 0 && *cell.value < marks.suppression_threshold &&
        *cell.value == static_cast<double>(static_cast<long long>(*cell.value))) {
        cell.suppressed = true;
        cell.value.reset();  // the hidden count must not reach any writer
        cell.text = marks.suppression_mark;
        cell.hidden = suppressed_words(marks.suppression_threshold);
    }
    return cell;
}

}  // namespace boardpress::components
