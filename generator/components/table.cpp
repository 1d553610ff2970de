#include "components/table.hpp"

#include <algorithm>

#include "components/columns.hpp"
#include "components/dataset.hpp"
#include "components/options.hpp"
#include "components/rows.hpp"

namespace boardpress::components {

namespace {

const std::vector<std::string> kTableOptions = {
    "data",        "caption", "columns", "transpose", "where",    "sort",       "total",
    "total_label", "missing", "source",  "notes",     "suppress", "row_headers"};

Total read_table_total(const Options& options) {
    auto text = options.string("total");
    if (!text || *text == "false" || *text == "none" || *text == "no") return Total::none;
    if (*text == "sum" || *text == "true" || *text == "yes") return Total::sum;
    if (*text == "mean") return Total::mean;
    std::string message = "`total` cannot be `" + *text + "`";
    if (auto best = did_you_mean(*text, {"sum", "mean", "false"}))
        message += "; did you mean `" + *best + "`?";
    throw options.error("total", std::move(message), "use sum, mean or false");
}

// Sums or averages the numbers among `values` (missing ones skipped) into a totals cell.
Cell aggregate(const std::vector<const Json*>& values, Total how, const ColumnSpec& column,
               const Marks& marks) {
    Cell cell;
    cell.numeric = true;
    cell.align = column.align;
    double sum = 0;
    int count = 0;
    bool hides_small = false;
    for (const Json* value : values) {
        if (is_missing(value)) continue;
        auto number = number_of(*value);
        if (!number) continue;
        sum += *number;
        ++count;
        if (column.how.format == Format::number && marks.suppression_threshold > 1 && *number > 0 &&
            *number < marks.suppression_threshold &&
            *number == static_cast<double>(static_cast<long long>(*number)))
            hides_small = true;
    }
    if (count == 0) {
        cell.missing = true;
        cell.text = marks.missing;
        cell.hidden = marks.missing_hidden;
        return cell;
    }
    double total = how == Total::mean ? sum / count : sum;
    if (hides_small && how == Total::mean) {  // a mean would give away the hidden count
        cell.suppressed = true;
        cell.text = marks.suppression_mark;
        cell.hidden = "not shown, as it would reveal a number " +
                      suppressed_words(marks.suppression_threshold);
        return cell;
    }
    cell.value = total;
    cell.text = format_number(total, column.how);
    return cell;
}

Cell heading_cell(std::string text, Align align = Align::left) {
    Cell cell;
    cell.text = std::move(text);
    cell.align = align;
    return cell;
}

const Json* field(const Json& row, const std::string& key) {
    auto it = row.find(key);
    return it == row.end() ? nullptr : &*it;
}

struct Transpose {
    std::string key;
    std::string heading;
    ValueFormat how;
    YAML::Mark mark;
};

std::optional<Transpose> read_transpose(const Options& options, const Dataset& dataset,
                                        const YamlSource& source) {
    YAML::Node node = options.get("transpose");
    if (!node.IsDefined() || node.IsNull()) return std::nullopt;
    Transpose t;
    t.mark = options.mark("transpose");
    std::optional<std::string> format_name;
    std::optional<std::string> style;
    if (node.IsScalar()) {
        if (!options.boolean("transpose").value_or(false)) return std::nullopt;
        if (dataset.keys.empty())
            throw options.error("transpose", "`" + dataset.path + "` has no keys to transpose");
        t.key = dataset.keys.front();
    } else {
        Options map(node, source, "transpose", {"key", "heading", "format", "date_style"});
        t.key = map.has("key") ? require_key(map.get("key"), dataset, source)
                               : (dataset.keys.empty() ? std::string{} : dataset.keys.front());
        t.heading = map.string("heading").value_or("");
        format_name = map.choice("format", {"text", "date", "number"});
        style = map.choice("date_style", {"full", "short", "month", "year", "iso"});
        if (map.has("key")) t.mark = map.mark("key");
    }
    Format format = format_name ? *parse_format(*format_name) : infer_format(dataset.rows, t.key);
    // Numbers head columns as written (2014, not "2,014").
    t.how.format = format == Format::date ? Format::date : Format::text;
    t.how.date_style = style ? *style : std::string("month");
    return t;
}

void build_plain(TableModel& table, const Json& rows, const std::vector<ColumnSpec>& columns,
                 Total total, const std::string& total_label, const Marks& marks,
                 const Dataset& dataset, const YamlSource& source) {
    for (const auto& column : columns) {
        Cell head = heading_cell(column.heading, column.align);
        head.numeric = is_numeric(column.how.format);
        table.head.push_back(std::move(head));
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::vector<Cell> cells;
        for (const auto& column : columns)
            cells.push_back(
                make_cell(field(rows[r], column.key), column, marks, rows[r], r, dataset, source));
        table.body.push_back(std::move(cells));
    }
    bool any_total = false;
    std::vector<Cell> totals;
    for (const auto& column : columns) {
        Total how = column.total.value_or(total);
        if (!is_numeric(column.how.format) || how == Total::none) {
            totals.push_back(heading_cell({}, column.align));
            continue;
        }
        std::vector<const Json*> values;
        for (const auto& row : rows) values.push_back(field(row, column.key));
        totals.push_back(aggregate(values, how, column, marks));
        any_total = true;
    }
    if (!any_total) return;
    if (totals.front().text.empty() && !totals.front().numeric) totals.front().text = total_label;
    table.totals = std::move(totals);
}

void build_transposed(TableModel& table, const Json& rows, const std::vector<ColumnSpec>& specs,
                      const Transpose& t, Total total, const std::string& total_label,
                      const Marks& marks, const Dataset& dataset, const YamlSource& source) {
    table.head.push_back(heading_cell(t.heading));
    ColumnSpec header_spec;
    header_spec.key = t.key;
    header_spec.how = t.how;
    header_spec.mark = t.mark;
    // Numeric rows are right-aligned, so their column headings are too.
    bool numeric = !specs.empty() && is_numeric(specs.front().how.format);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        Cell head =
            make_cell(field(rows[r], t.key), header_spec, marks, rows[r], r, dataset, source);
        head.align = numeric ? Align::right : Align::left;
        head.numeric = numeric;
        table.head.push_back(std::move(head));
    }
    for (const auto& spec : specs) {
        std::vector<Cell> cells{heading_cell(spec.heading)};
        for (std::size_t r = 0; r < rows.size(); ++r)
            cells.push_back(
                make_cell(field(rows[r], spec.key), spec, marks, rows[r], r, dataset, source));
        table.body.push_back(std::move(cells));
    }
    // The totals row adds up each column: the rows (dataset keys) that take part in it.
    const ColumnSpec* first_numeric = nullptr;
    std::vector<const ColumnSpec*> counted;
    for (const auto& spec : specs) {
        if (!is_numeric(spec.how.format) || spec.total.value_or(total) == Total::none) continue;
        if (!first_numeric) first_numeric = &spec;
        counted.push_back(&spec);
    }
    if (!first_numeric || total == Total::none) return;
    table.totals.push_back(heading_cell(total_label));
    for (const auto& row : rows) {
        std::vector<const Json*> values;
        for (const ColumnSpec* spec : counted) values.push_back(field(row, spec->key));
        table.totals.push_back(aggregate(values, total, *first_numeric, marks));
    }
}

void hide(Cell& cell, const Marks& marks, std::string words) {
    cell.suppressed = true;
    cell.value.reset();
    cell.text = marks.suppression_mark;
    cell.hidden = std::move(words);
}

// A hidden count must not be recoverable from what is shown. In a row, a share of the total
// beside a hidden count would reveal it, so it is hidden too. In a column with a total, one hidden
// cell could be found by subtraction, so the next-smallest count is hidden as well (or, when there
// is none, the total): the standard secondary suppression of official statistics.
void protect_hidden_counts(TableModel& table, const std::vector<ColumnSpec>* columns,
                           const Marks& marks) {
    if (marks.suppression_threshold <= 1) return;
    const std::string secondary = "not shown, so that a number " +
                                  suppressed_words(marks.suppression_threshold) +
                                  " cannot be worked out";
    if (columns) {
        for (auto& row : table.body) {
            bool hides = std::any_of(row.begin(), row.end(), [](const Cell& c) { return c.suppressed; });
            if (!hides) continue;
            for (std::size_t j = 0; j < row.size() && j < columns->size(); ++j)
                if ((*columns)[j].how.format == Format::percent && !row[j].missing &&
                    !row[j].suppressed)
                    hide(row[j], marks, secondary);
        }
    }
    if (table.totals.empty()) return;
    for (std::size_t j = 0; j < table.totals.size(); ++j) {
        Cell& total = table.totals[j];
        if (!total.numeric || total.missing || total.suppressed) continue;
        std::size_t hidden = 0;
        Cell* smallest = nullptr;
        for (auto& row : table.body) {
            if (j >= row.size()) continue;
            Cell& cell = row[j];
            if (cell.suppressed) ++hidden;
            else if (cell.value && *cell.value > 0 && (!smallest || *cell.value < *smallest->value))
                smallest = &cell;
        }
        if (hidden != 1) continue;
        if (smallest) hide(*smallest, marks, secondary);
        else hide(total, marks, secondary);
    }
}

}  // namespace

TableModel parse_table(const YAML::Node& root, const YamlSource& source,
                       const ComponentContext& ctx) {
    Options options(root, source, "table", kTableOptions);
    if (!options.has("data"))
        throw source.error(options.start(), "table needs `data`: the dataset to show",
                           "e.g. `data: cp.plans_by_month` for data/cp/plans_by_month.json");
    Dataset dataset = load_dataset(ctx.data, options.get("data"), source);

    TableModel table;
    table.line = ctx.line;
    table.caption = options.string("caption").value_or(dataset.title);
    if (table.caption.empty())
        throw source.error(options.has("caption") ? options.mark("caption") : options.start(),
                           "table needs a `caption`",
                           "every table needs a caption for screen-reader users: add "
                           "`caption: ...`, or give the dataset a `title`");
    table.source = options.string("source").value_or(dataset.source);
    table.notes = options.string("notes").value_or(dataset.notes);
    table.unit = dataset.unit;
    table.row_headers = options.boolean("row_headers").value_or(true);

    Marks marks;
    if (auto mark = options.string("missing")) marks.missing = *mark;
    if (options.boolean("suppress").value_or(dataset.sensitive)) {
        marks.suppression_threshold = ctx.suppression_threshold;
        marks.suppression_mark = ctx.suppression_mark;
    }

    Total total = read_table_total(options);
    std::string total_label =
        options.string("total_label").value_or(total == Total::mean ? "Average" : "Total");

    std::optional<Transpose> transpose = read_transpose(options, dataset, source);
    std::vector<ColumnSpec> columns =
        read_columns(options.get("columns"), dataset, source, options.mark("data"),
                     transpose ? transpose->key : std::string{});

    Json rows = filter_rows(dataset.rows, options.get("where"), dataset, source);
    sort_rows(rows, options.get("sort"), dataset, source);

    if (transpose)
        build_transposed(table, rows, columns, *transpose, total, total_label, marks, dataset,
                         source);
    else
        build_plain(table, rows, columns, total, total_label, marks, dataset, source);
    protect_hidden_counts(table, transpose ? nullptr : &columns, marks);

    bool any_suppressed = false, any_secondary = false;
    for (const auto* cells : {&table.body})
        for (const auto& row : *cells)
            for (const auto& cell : row) {
                any_suppressed = any_suppressed || cell.suppressed;
                any_secondary = any_secondary || (cell.suppressed && cell.hidden.starts_with("not shown"));
            }
    for (const auto& cell : table.totals) any_secondary = any_secondary || cell.suppressed;
    if (any_suppressed)
        table.footnotes.push_back(
            marks.suppression_mark + " " + suppressed_words(marks.suppression_threshold) +
            (any_secondary ? ", or not shown so that such a number cannot be worked out" : "") +
            ": small numbers are not shown, to protect the people counted.");
    return table;
}

}  // namespace boardpress::components
