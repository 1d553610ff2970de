#include "components/chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "components/columns.hpp"
#include "components/dataset.hpp"
#include "components/figures.hpp"
#include "components/options.hpp"

namespace boardpress::components {

namespace {

const std::vector<std::string> kChartOptions = {
    "type",    "data",    "x",      "series",   "stacked", "title", "caption", "desc",
    "x_title", "y_title", "format", "decimals", "source",  "notes", "missing", "suppress"};
const std::vector<std::string> kSeriesOptions = {"key", "label"};
const std::vector<std::string> kKinds = {"line", "bar", "hbar", "donut"};

struct SeriesSpec {
    std::string key;
    std::string label;
    YAML::Mark mark;  // where the series is named (or `data:` for default series)
};

const Json* field(const Json& row, const std::string& key) {
    auto it = row.find(key);
    return it == row.end() ? nullptr : &*it;
}

// "Children with a plan" -> "children with a plan" inside a sentence; "LADO referrals" stays.
std::string in_sentence(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' &&
        (text.size() == 1 || (text[1] >= 'a' && text[1] <= 'z')))
        text[0] = static_cast<char>(text[0] + 32);
    return text;
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 32);
    return text;
}

// "a", "a and b", "a, b and c".
std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
        out += words[i];
    }
    return out;
}

// What one category is called, for "4 months of 2015 have no data".
std::string category_noun(const std::string& x_key, std::size_t count) {
    std::string noun = in_sentence(humanize_key(x_key));
    if (noun.empty() || (noun.back() >= '0' && noun.back() <= '9')) noun = "category";
    if (count == 1) return noun;
    if (noun.size() > 1 && noun.back() == 'y' &&
        std::string_view("aeiou").find(noun[noun.size() - 2]) == std::string_view::npos)
        return noun.substr(0, noun.size() - 1) + "ies";
    if (noun.back() == 's' || noun.back() == 'x' || noun.ends_with("ch") || noun.ends_with("sh"))
        return noun + "es";
    return noun + "s";
}

// "Jan" for "January", "Sep 2015" for "September 2015"; other labels as they are.
std::string short_label(const std::string& label) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    for (std::string_view month : kMonths)
        if (label.starts_with(month) &&
            (label.size() == month.size() || label[month.size()] == ' '))
            return std::string(month.substr(0, 3)) + label.substr(month.size());
    return label;
}

// 10^e times n, exactly rounded (dividing by an exact power of ten, not multiplying by 0.1).
double scaled(double n, int e) {
    double power = 1;
    for (int i = 0; i < std::abs(e); ++i) power *= 10;
    return e >= 0 ? n * power : n / power;
}

ChartKind read_kind(const Options& options, const YamlSource& source) {
    auto name = options.choice("type", kKinds);
    if (!name)
        throw source.error(options.start(), "chart needs `type`: line, bar, hbar or donut",
                           "e.g. `type: line`");
    if (*name == "line") return ChartKind::line;
    if (*name == "bar") return ChartKind::bar;
    if (*name == "hbar") return ChartKind::hbar;
    return ChartKind::donut;
}

std::vector<SeriesSpec> read_series(const Options& options, const Dataset& dataset,
                                    const std::string& x, ChartKind kind) {
    const YamlSource& source = options.source();
    std::vector<SeriesSpec> specs;
    auto list = options.list("series");
    if (!list) {
        for (const auto& key : dataset.keys) {
            if (key == x || infer_format(dataset.rows, key) != Format::number) continue;
            specs.push_back({key, humanize_key(key), options.mark("data")});
            if (kind == ChartKind::donut) break;  // a donut shows one series
        }
        if (specs.empty())
            throw options.error(
                "data", "`" + dataset.path + "` has no numeric keys to chart besides `" + x + "`",
                "name the keys to draw with `series: [key, ...]`");
        return specs;
    }
    for (const auto& item : *list) {
        SeriesSpec spec;
        if (item.IsScalar()) {
            spec.key = require_key(item, dataset, source);
            spec.label = humanize_key(spec.key);
            spec.mark = item.Mark();
        } else {
            Options map(item, source, "series", kSeriesOptions);
            if (!map.has("key"))
                throw source.error(map.start(), "a series needs `key`: the dataset key to draw",
                                   "e.g. `- {key: " + dataset.keys.back() + ", label: ...}`");
            spec.key = require_key(map.get("key"), dataset, source);
            spec.label = map.string("label").value_or(humanize_key(spec.key));
            spec.mark = map.mark("key");
        }
        specs.push_back(std::move(spec));
    }
    if (specs.empty())
        throw options.error("series", "`series` is empty", "list at least one key to draw");
    if (kind == ChartKind::donut && specs.size() > 1)
        throw options.error(
            "series",
            "a donut shows one series, but `series` lists " + std::to_string(specs.size()),
            "keep one key, or use `type: bar` to compare series");
    return specs;
}

// Text where a number is needed is a mistake in the data, reported at the series.
void check_numbers(const SeriesSpec& spec, const Dataset& dataset, const YamlSource& source,
                   ChartKind kind) {
    for (std::size_t r = 0; r < dataset.rows.size(); ++r) {
        const Json* value = field(dataset.rows[r], spec.key);
        if (is_missing(value)) continue;
        auto number = number_of(*value);
        std::string where = "`" + spec.key + "` in " + describe_row(dataset.rows[r], r) + " of `" +
                            dataset.path + "`";
        if (!number)
            throw source.error(
                spec.mark,
                where + " is " +
                    (value->is_string() ? "the text \"" + value->get<std::string>() + "\""
                                        : "`" + text_of(*value) + "`") +
                    ", not a number",
                "a chart draws numbers: write null for no data");
        if (kind == ChartKind::donut && *number < 0)
            throw source.error(spec.mark, where + " is " + text_of(*value) + ", below zero",
                               "a donut shows parts of a whole; use `type: bar` for negatives");
    }
}

// Whether every value is a whole number, so axis steps stay whole (no "2.5 children").
bool all_whole(const std::vector<ChartSeries>& series) {
    for (const auto& s : series)
        for (const auto& v : s.values)
            if (v && *v != std::floor(*v)) return false;
    return true;
}

int tick_decimals(double step, Format format) {
    int digits = fraction_digits(step);
    if (format == Format::percent) return std::max(0, digits - 2);
    if (format == Format::gbp) return digits > 0 ? 2 : 0;
    return digits;
}

// Bars start at zero. A line starts at zero too, unless all its values are on one side of zero
// and the smallest is more than half the largest: zero would then squash the lines flat.
void set_value_axis(ChartModel& chart) {
    bool any = false;
    double lo = 0, hi = 0;
    auto take = [&](double v) {
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        any = true;
    };
    if (chart.stacked) {
        for (std::size_t c = 0; c < chart.categories.size(); ++c) {
            double up = 0, down = 0;
            for (const auto& s : chart.series)
                if (s.values[c]) (*s.values[c] >= 0 ? up : down) += *s.values[c];
            take(up);
            take(down);
        }
    } else {
        for (const auto& s : chart.series)
            for (const auto& v : s.values)
                if (v) take(*v);
    }
    if (!any) {
        lo = 0;
        hi = 1;
    } else if (chart.kind != ChartKind::line ||
               !((lo > 0 && lo > hi / 2) || (hi < 0 && hi < lo / 2))) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
    }
    bool whole = chart.how.format != Format::percent && all_whole(chart.series);
    NiceScale scale = nice_scale(lo, hi, whole);
    ValueAxis& axis = chart.y;
    axis.min = scale.min;
    axis.max = scale.max;
    axis.step = scale.step;
    ValueFormat tick_how = chart.how;
    tick_how.decimals = tick_decimals(scale.step, chart.how.format);
    double first = std::round(scale.min / scale.step);
    long count = std::lround((scale.max - scale.min) / scale.step);
    for (long i = 0; i <= count; ++i) {
        double value = (first + static_cast<double>(i)) * scale.step;
        if (value == 0) value = 0;  // no "-0"
        axis.ticks.push_back({value, format_number(value, tick_how)});
    }
}

// "2014 ranges from 341 (October) to 395 (March)", or shorter forms for one or no values.
// `verb` is "ranges from " for the first series, then "from ".
std::string series_range(const ChartSeries& s, const std::vector<std::string>& categories,
                         std::string_view verb) {
    std::optional<std::size_t> low, high;
    std::size_t present = 0;
    for (std::size_t c = 0; c < s.values.size(); ++c) {
        if (!s.values[c]) continue;
        ++present;
        if (!low || *s.values[c] < *s.values[*low]) low = c;
        if (!high || *s.values[c] > *s.values[*high]) high = c;
    }
    if (present == 0) return s.label + " has no data";
    if (present == 1) return s.label + " is " + s.texts[*low] + " (" + categories[*low] + ")";
    if (*s.values[*low] == *s.values[*high])
        return s.label + " is " + s.texts[*low] + " throughout";
    return s.label + " " + std::string(verb) + s.texts[*low] + " (" + categories[*low] + ") to " +
           s.texts[*high] + " (" + categories[*high] + ")";
}

std::string kind_words(const ChartModel& chart) {
    switch (chart.kind) {
        case ChartKind::line:
            return "Line chart";
        case ChartKind::bar:
            return chart.stacked ? "Stacked bar chart" : "Bar chart";
        case ChartKind::hbar:
            return chart.stacked ? "Stacked horizontal bar chart" : "Horizontal bar chart";
        default:
            return "Donut chart";
    }
}

// The text alternative: what is charted, the range of each series, and what is missing.
std::string describe_chart(const ChartModel& chart, const std::string& x_key) {
    std::string out = kind_words(chart) + " of " + in_sentence(chart.title);
    if (chart.kind == ChartKind::donut) {
        const ChartSeries& s = chart.series.front();
        std::vector<std::string> parts, missing, secret;
        double total = 0;
        for (std::size_t c = 0; c < chart.categories.size(); ++c) {
            if (s.values[c]) {
                total += *s.values[c];
                parts.push_back(chart.legend[c].label + " " + chart.legend[c].detail);
            } else {
                (s.suppressed[c] ? secret : missing).push_back(chart.categories[c]);
            }
        }
        out += ": " + join_words(parts) + "; total " + format_number(total, chart.how);
        if (!missing.empty()) out += "; no data for " + join_words(missing);
        if (!secret.empty())
            out += "; " + join_words(secret) + " not shown, to protect the people counted";
        return out + ".";
    }
    if (chart.series.size() > 1) {
        std::vector<std::string> labels;
        for (const auto& s : chart.series) labels.push_back(s.label);
        out += ", " + join_words(labels);
    }
    out += ". ";
    std::vector<std::string> clauses;
    std::string_view verb = "ranges from ";
    for (const auto& s : chart.series) {
        std::string clause = series_range(s, chart.categories, verb);
        if (clause.find(" ranges from ") != std::string::npos) verb = "from ";
        clauses.push_back(chart.series.size() == 1 ? capitalised(clause) : clause);
    }
    if (chart.stacked) {
        ChartSeries totals;
        totals.label = "Totals";
        totals.values = chart.totals;
        for (const auto& t : chart.totals)
            totals.texts.push_back(t ? format_number(*t, chart.how) : std::string{});
        clauses.push_back(series_range(totals, chart.categories, "range from "));
    }
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
        const ChartSeries& s = chart.series[i];
        std::size_t gaps = 0, secret = 0, present = 0;
        for (std::size_t c = 0; c < s.values.size(); ++c) {
            if (s.values[c])
                ++present;
            else if (s.suppressed[c])
                ++secret;
            else
                ++gaps;
        }
        if (present == 0) continue;  // already "has no data"
        if (gaps > 0)
            clauses.push_back(std::to_string(gaps) + " " + category_noun(x_key, gaps) + " of " +
                              s.label + (gaps == 1 ? " has" : " have") + " no data");
        if (secret > 0)
            clauses.push_back(std::to_string(secret) + " " + category_noun(x_key, secret) + " of " +
                              s.label + (secret == 1 ? " is" : " are") +
                              " not shown, to protect the people counted");
    }
    std::string body;
    for (const auto& clause : clauses) body += (body.empty() ? "" : "; ") + clause;
    return out + body + ".";
}

void read_words(ChartModel& chart, const Options& options, const Dataset& dataset) {
    chart.title = options.string("title").value_or(dataset.title);
    if (chart.title.empty())
        throw options.source().error(
            options.has("title") ? options.mark("title") : options.start(), "chart needs a `title`",
            "every chart needs a title for screen-reader users: add `title: ...`, or give the "
            "dataset a `title`");
    chart.caption = options.string("caption").value_or("");
    chart.source = options.string("source").value_or(dataset.source);
    chart.notes = options.string("notes").value_or(dataset.notes);
    chart.unit = dataset.unit;
    chart.x.title = options.string("x_title").value_or("");
    chart.y.title = options.string("y_title").value_or(capitalised(dataset.unit));
}

ValueFormat read_format(const Options& options, const std::vector<SeriesSpec>& specs,
                        const Dataset& dataset) {
    ValueFormat how;
    how.format = Format::number;
    if (auto name = options.choice("format", {"number", "percent", "gbp"}))
        how.format = *parse_format(*name);
    std::vector<double> all;
    for (const auto& spec : specs)
        for (const auto& row : dataset.rows)
            if (const Json* v = field(row, spec.key); v && v->is_number())
                all.push_back(v->get<double>());
    how.decimals = options.integer("decimals", 0, 6).value_or(default_decimals(how.format, all));
    return how;
}

Cell text_cell(std::string text, Align align = Align::left, bool numeric = false) {
    Cell cell;
    cell.text = std::move(text);
    cell.align = align;
    cell.numeric = numeric;
    return cell;
}

// A numeric cell with no number: hidden to protect a small count, or missing.
Cell blank_cell(bool secret, const Marks& marks) {
    Cell cell = text_cell(secret ? marks.suppression_mark : marks.missing, Align::right, true);
    cell.suppressed = secret;
    cell.missing = !secret;
    cell.hidden = secret ? "not shown, as it would reveal a number " +
                               suppressed_words(marks.suppression_threshold)
                         : marks.missing_hidden;
    return cell;
}

// The categories, the series' values, and the data table: a row per category, a column per
// series. Text where a number belongs was rejected by check_numbers.
void read_rows(ChartModel& chart, const std::string& x, const std::vector<SeriesSpec>& specs,
               const Marks& marks, const Dataset& dataset, const Options& options) {
    const YamlSource& source = options.source();
    ColumnSpec x_column;
    x_column.key = x;
    x_column.heading = chart.x.title.empty() ? humanize_key(x) : chart.x.title;
    x_column.how.format =
        infer_format(dataset.rows, x) == Format::date ? Format::date : Format::text;
    x_column.how.date_style = "month";
    x_column.mark = options.mark("data");
    chart.table.caption = chart.title;
    chart.table.unit = dataset.unit;
    chart.table.line = chart.line;
    chart.table.head.push_back(text_cell(x_column.heading));
    std::vector<ColumnSpec> columns;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        ColumnSpec column;
        column.key = specs[i].key;
        column.heading = specs[i].label;
        column.how = chart.how;
        column.align = Align::right;
        column.mark = specs[i].mark;
        columns.push_back(column);
        chart.table.head.push_back(text_cell(specs[i].label, Align::right, true));
        ChartSeries s;
        s.key = specs[i].key;
        s.label = specs[i].label;
        s.style = chart_style(i);
        chart.series.push_back(std::move(s));
    }
    for (std::size_t r = 0; r < dataset.rows.size(); ++r) {
        const Json& row = dataset.rows[r];
        Cell head = make_cell(field(row, x), x_column, marks, row, r, dataset, source);
        chart.categories.push_back(head.text);
        std::vector<Cell> cells{std::move(head)};
        for (std::size_t i = 0; i < columns.size(); ++i) {
            Cell cell =
                make_cell(field(row, columns[i].key), columns[i], marks, row, r, dataset, source);
            chart.series[i].values.push_back(cell.value);
            chart.series[i].texts.push_back(cell.value ? cell.text : std::string{});
            chart.series[i].suppressed.push_back(cell.suppressed);
            cells.push_back(std::move(cell));
        }
        chart.table.body.push_back(std::move(cells));
    }
}

// Stack totals, and a Total column. A total would give away a hidden part, so it is hidden too.
void add_totals(ChartModel& chart, const Marks& marks) {
    chart.table.head.push_back(text_cell("Total", Align::right, true));
    for (std::size_t c = 0; c < chart.categories.size(); ++c) {
        std::optional<double> total;
        bool secret = false;
        for (const auto& s : chart.series) {
            secret = secret || s.suppressed[c];
            if (s.values[c]) total = total.value_or(0) + *s.values[c];
        }
        if (secret) total.reset();
        Cell cell = total ? text_cell(format_number(*total, chart.how), Align::right, true)
                          : blank_cell(secret, marks);
        cell.value = total;
        chart.totals.push_back(total);
        chart.table.body[c].push_back(std::move(cell));
    }
}

// A donut's slices and legend (with each share), and a Share column.
void add_donut(ChartModel& chart, const Marks& marks) {
    const ChartSeries& s = chart.series.front();
    double total = 0;
    for (const auto& v : s.values)
        if (v) total += *v;
    chart.table.head.push_back(text_cell("Share", Align::right, true));
    double start = 0;
    for (std::size_t c = 0; c < chart.categories.size(); ++c) {
        LegendEntry entry{chart.categories[c], s.suppressed[c] ? "not shown" : "no data",
                          chart_style(c)};
        if (!s.values[c]) {
            chart.table.body[c].push_back(blank_cell(s.suppressed[c], marks));
            chart.legend.push_back(std::move(entry));
            continue;
        }
        double share = total > 0 ? *s.values[c] / total : 0;
        std::string percent = figures::percent(share, 0);
        if (percent == "0%" && share > 0) percent = "less than 1%";
        entry.detail = s.texts[c] + " (" + percent + ")";
        if (share > 0) {
            chart.slices.push_back({c, *s.values[c], start, share, entry.style});
            start += share;
        }
        chart.table.body[c].push_back(text_cell(percent, Align::right, true));
        chart.legend.push_back(std::move(entry));
    }
}

}  // namespace

NiceScale nice_scale(double lo, double hi, bool whole) {
    if (lo > hi) std::swap(lo, hi);
    if (hi - lo == 0) {
        if (hi > 0)
            lo = 0;
        else if (lo < 0)
            hi = 0;
        else
            hi = 1;
    }
    static constexpr std::array<int, 4> kMantissas = {10, 20, 25, 50};  // 1, 2, 2.5, 5 (x10)
    int e = static_cast<int>(std::floor(std::log10(hi - lo))) - 3;
    for (;; ++e) {
        for (int m : kMantissas) {
            double step = scaled(m, e);
            if (whole && (step < 1 || step != std::floor(step))) continue;
            double first = std::floor(lo / step + 1e-9);
            double last = std::ceil(hi / step - 1e-9);
            if (last - first <= 6) return {scaled(first * m, e), scaled(last * m, e), step};
        }
    }
}

std::vector<Segment> line_segments(const std::vector<std::optional<double>>& values) {
    std::vector<Segment> segments;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i]) continue;
        if (i > 0 && values[i - 1])
            segments.back().last = i;
        else
            segments.push_back({i, i});
    }
    return segments;
}

ChartStyle chart_style(std::size_t index) {
    return {static_cast<int>(index % kChartColours) + 1, static_cast<Marker>(index % kChartMarkers),
            static_cast<Pattern>(index % kChartPatterns)};
}

ChartModel parse_chart(const YAML::Node& root, const YamlSource& source,
                       const ComponentContext& ctx) {
    Options options(root, source, "chart", kChartOptions);
    ChartModel chart;
    chart.line = ctx.line;
    chart.kind = read_kind(options, source);
    if (!options.has("data"))
        throw source.error(options.start(), "chart needs `data`: the dataset to draw",
                           "e.g. `data: cp.plans_by_month` for data/cp/plans_by_month.json");
    Dataset dataset = load_dataset(ctx.data, options.get("data"), source);
    if (dataset.rows.empty())
        throw options.error("data", "`" + dataset.path + "` has no rows to chart");
    chart.stacked = options.boolean("stacked").value_or(false);
    if (chart.stacked && chart.kind != ChartKind::bar && chart.kind != ChartKind::hbar)
        throw options.error("stacked", "`stacked` is for bar and hbar charts",
                            "use `type: bar` to stack, or remove `stacked`");
    read_words(chart, options, dataset);

    std::string x =
        options.has("x") ? require_key(options.get("x"), dataset, source) : dataset.keys.front();
    std::vector<SeriesSpec> specs = read_series(options, dataset, x, chart.kind);
    for (const auto& spec : specs) check_numbers(spec, dataset, source, chart.kind);
    chart.how = read_format(options, specs, dataset);
    Marks marks;
    if (auto mark = options.string("missing")) marks.missing = *mark;
    if (options.boolean("suppress").value_or(dataset.sensitive)) {
        marks.suppression_threshold = ctx.suppression_threshold;
        marks.suppression_mark = ctx.suppression_mark;
    }

    read_rows(chart, x, specs, marks, dataset, options);
    bool crowded = chart.categories.size() > 6 && chart.kind != ChartKind::hbar;
    for (const auto& category : chart.categories)
        chart.x.labels.push_back(crowded ? short_label(category) : category);
    if (chart.stacked) add_totals(chart, marks);
    if (chart.kind == ChartKind::donut) {
        add_donut(chart, marks);
    } else {
        set_value_axis(chart);
        if (chart.series.size() > 1)
            for (const auto& s : chart.series) chart.legend.push_back({s.label, {}, s.style});
    }
    for (const auto& s : chart.series)
        if (std::find(s.suppressed.begin(), s.suppressed.end(), true) != s.suppressed.end()) {
            chart.table.footnotes.push_back(
                marks.suppression_mark + " " + suppressed_words(marks.suppression_threshold) +
                ": small numbers are not shown, to protect the people counted.");
            break;
        }
    chart.description = options.string("desc").value_or("");
    if (chart.description.empty()) chart.description = describe_chart(chart, x);
    return chart;
}

}  // namespace boardpress::components
