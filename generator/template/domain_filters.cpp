// boardpress's own filters (docs/templates.md): number, percent, gbp, date, change, per, slug,
// suppress.
// They wrap format/format.hpp. None gives ""; text that is not a number or a date is an error.
#include <cmath>

#include "format/format.hpp"
#include "template/ops.hpp"
#include "template/registry.hpp"
#include "template/renderer.hpp"
#include "template/text.hpp"

namespace boardpress::tmpl {

namespace {

std::string shown(const Value& v) {
    std::string r = py_repr(v);
    // In place: GCC 12 with precompiled headers misreads `r.substr(0, 57) + "..."` as an
    // out-of-bounds copy (-Warray-bounds).
    if (r.size() > 60) r.replace(57, r.npos, "...");
    return r;
}

// The number a numeric filter works on; nullopt for none.
std::optional<double> number_arg(const Value& v, std::string_view filter, std::string_view what) {
    if (v.is_undefined()) fail_undefined(v);
    if (v.is_none()) return std::nullopt;
    if (v.is_bool())
        fail("`" + std::string(filter) + "` expects a number for " + std::string(what) +
                 ", got a boolean (" + shown(v) + ")",
             "booleans are not numbers here; check the data");
    if (v.is_number()) return v.as_double();
    if (v.is_string()) {
        std::string s(v.sv());
        std::string cleaned;
        for (char c : s)
            if (c != ',') cleaned.push_back(c);
        if (auto d = text::parse_float(cleaned); d && !std::isnan(*d)) return *d;
        fail("`" + std::string(filter) + "` expects a number for " + std::string(what) +
                 ", got the text " + shown(v),
             "the value is not a number; fix the data, or use `| default(...)` for placeholders");
    }
    fail("`" + std::string(filter) + "` expects a number for " + std::string(what) + ", got " +
             describe_value(v),
         "pass a number, for example `data.x.total`");
}

int decimals_arg(const std::optional<Value>& v, int def, std::string_view filter) {
    if (!v || v->is_none()) return def;
    if (v->is_undefined()) fail_undefined(*v);
    if (!v->is_integral() || v->is_bool() || v->as_int() < 0 || v->as_int() > 20)
        fail("`" + std::string(filter) + "`: decimals must be a whole number from 0 to 20, got " +
                 shown(*v),
             "for example `| " + std::string(filter) + "(1)`");
    return static_cast<int>(v->as_int());
}

Value f_number(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "number", {"decimals"});
    int decimals = decimals_arg(a[0], 0, "number");
    auto value = number_arg(input, "number", "its input");
    if (!value) return Value::string("");
    return Value::string(format::number(*value, decimals));
}

// Small counts in sensitive data print as the project's mark, so a child cannot be identified.
Value f_suppress(Renderer& r, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "suppress", {"decimals"});
    int decimals = decimals_arg(a[0], 0, "suppress");
    auto value = number_arg(input, "suppress", "its input");
    if (!value) return Value::string("");
    const Options& options = r.options();
    if (*value > 0 && *value < options.suppression_threshold)
        return Value::string(options.suppression_mark);
    return Value::string(format::number(*value, decimals));
}

Value f_percent(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "percent", {"decimals"});
    int decimals = decimals_arg(a[0], 0, "percent");
    auto value = number_arg(input, "percent", "its input");
    if (!value) return Value::string("");
    return Value::string(format::percent(*value, decimals));
}

Value f_gbp(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "gbp", {"decimals"});
    int decimals = decimals_arg(a[0], 0, "gbp");
    auto value = number_arg(input, "gbp", "its input");
    if (!value) return Value::string("");
    return Value::string(format::gbp(*value, decimals));
}

Value f_change(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "change", {"previous", "decimals"});
    if (!a[0]) fail("`change` needs the previous value", "write `{{ current | change(previous) }}`");
    int decimals = decimals_arg(a[1], 0, "change");
    auto current = number_arg(input, "change", "its input");
    auto previous = number_arg(*a[0], "change", "the previous value");
    if (!current || !previous) return Value::string("");
    return Value::string(format::change(*current, *previous, decimals));
}

Value f_per(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "per", {"population", "n", "decimals"});
    if (!a[0]) fail("`per` needs the population", "write `{{ count | per(population) }}`");
    int decimals = decimals_arg(a[2], 1, "per");
    auto value = number_arg(input, "per", "its input");
    auto population = number_arg(*a[0], "per", "the population");
    double n = 10000;
    if (a[1]) {
        auto given = number_arg(*a[1], "per", "n");
        if (given) n = *given;
    }
    if (!value || !population) return Value::string("");
    return Value::string(format::per(*value, *population, n, decimals));
}

Value f_date(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "date", {"style"});
    format::DateStyle style = format::DateStyle::full;
    if (a[0] && !a[0]->is_none()) {
        if (a[0]->is_undefined()) fail_undefined(*a[0]);
        std::string name = py_str(*a[0]);
        auto parsed = format::parse_date_style(name);
        if (!parsed) {
            std::string hint = did_you_mean_hint(name, {"full", "short", "month", "year", "iso"});
            if (hint.empty()) hint = "the styles are `full`, `short`, `month`, `year` and `iso`";
            fail("unknown date style " + text::string_repr(name), hint);
        }
        style = *parsed;
    }
    if (input.is_undefined()) fail_undefined(input);
    if (input.is_none()) return Value::string("");
    std::string s;
    if (input.is_string())
        s = std::string(input.sv());
    else if (input.is_int() && !input.is_bool())
        s = std::to_string(input.as_int());
    else
        fail("`date` expects a date as text, got " + describe_value(input),
             "write dates like \"2017-03-01\", \"2016-03\" or \"March 2016\"");
    auto date = format::parse_date(s);
    if (!date)
        fail("`date` cannot read " + shown(input) + " as a date",
             "write dates like \"2017-03-01\", \"2016-03\", \"March 2016\" or \"31/03/2016\"");
    return Value::string(format::date(*date, style));
}

Value f_slug(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "slug", {});
    if (input.is_undefined()) fail_undefined(input);
    return Value::string(format::slug(py_str(input)));
}

}  // namespace

void register_domain_filters(Registry& registry) {
    auto add = [&](const char* name, FilterFn fn) {
        registry.filters[name] = FilterEntry{fn, nullptr, true, false};
    };
    add("number", f_number);
    add("percent", f_percent);
    add("gbp", f_gbp);
    add("change", f_change);
    add("per", f_per);
    add("date", f_date);
    add("slug", f_slug);
    add("suppress", f_suppress);
}

}  // namespace boardpress::tmpl
