// Jinja2's built-in filters, with Jinja2 3.1's semantics (markupsafe's Markup rules included).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "template/objects.hpp"
#include "template/ops.hpp"
#include "template/registry.hpp"
#include "template/renderer.hpp"
#include "template/text.hpp"

namespace boardpress::tmpl {

namespace {

using Args = std::vector<std::optional<Value>>;

Value arg_or(const std::optional<Value>& v, Value def) {
    return v ? *v : std::move(def);
}

bool arg_bool(const std::optional<Value>& v, bool def) {
    if (!v) return def;
    return truthy(*v);
}

std::int64_t arg_int(const std::optional<Value>& v, std::int64_t def, std::string_view what) {
    if (!v || v->is_none()) return def;
    if (v->is_undefined()) fail_undefined(*v);
    if (v->is_integral()) return v->as_int();
    if (v->is_float()) return static_cast<std::int64_t>(v->as_double());
    fail(std::string(what) + " must be an integer, not " + type_name(*v));
}

// soft_str: Markup stays Markup, anything else becomes str.
Value soft_str(const Value& v) {
    if (v.is_string()) return v;
    return Value::string(py_str(v));
}

// ignore_case: lowercases strings only.
Value ignore_case(const Value& v) {
    if (v.is_string()) return Value::text_like(v, text::lower(v.sv()));
    return v;
}

// make_attrgetter: attribute may be a dotted string, an integer or absent.
Value get_attribute(Renderer& r, const Value& item, const std::optional<Value>& attribute,
                    const std::optional<Value>& default_value = std::nullopt) {
    if (!attribute || attribute->is_none()) return item;
    if (attribute->is_integral()) {
        Value v = r.getitem(item, *attribute);
        if (default_value && !default_value->is_none() && v.is_undefined()) return *default_value;
        return v;
    }
    if (!attribute->is_string()) fail("attribute must be a string or an integer");
    std::string_view path = attribute->sv();
    Value current = item;
    std::size_t start = 0;
    while (true) {
        std::size_t dot = path.find('.', start);
        std::string_view part = path.substr(
            start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        // Up to 18 digits fit in 64 bits; more name no item of any list, so look them up as text.
        bool digits = !part.empty() && part.size() <= 18 &&
                      std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
        current = digits ? r.getitem(current, Value::integer(text::parse_digits(part)))
                         : r.getitem(current, Value::string(std::string(part)));
        if (default_value && !default_value->is_none() && current.is_undefined())
            current = *default_value;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return current;
}

// make_multi_attrgetter: "a,b" gives a list key.
Value multi_key(Renderer& r, const Value& item, const std::optional<Value>& attribute, bool lower) {
    std::vector<Value> parts;
    if (attribute && attribute->is_string()) {
        std::string_view all = attribute->sv();
        std::size_t start = 0;
        while (true) {
            std::size_t comma = all.find(',', start);
            Value part = Value::string(std::string(all.substr(
                start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
            Value v = get_attribute(r, item, part);
            parts.push_back(lower ? ignore_case(v) : v);
            if (comma == std::string_view::npos) break;
            start = comma + 1;
        }
    } else {
        Value v = get_attribute(r, item, attribute);
        parts.push_back(lower ? ignore_case(v) : v);
    }
    return Value::list(std::move(parts));
}

template <class KeyFn>
std::vector<Value> sorted_by(std::vector<Value> items, KeyFn key, bool reverse) {
    std::vector<std::pair<Value, Value>> keyed;
    keyed.reserve(items.size());
    for (auto& item : items) keyed.emplace_back(key(item), std::move(item));
    std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
        return reverse ? py_cmp(b.first, a.first) < 0 : py_cmp(a.first, b.first) < 0;
    });
    std::vector<Value> out;
    out.reserve(keyed.size());
    for (auto& [k, v] : keyed) out.push_back(std::move(v));
    return out;
}

// ---------------------------------------------------------------------------------------------

Value f_default(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "default", {"default_value", "boolean"});
    bool boolean = arg_bool(a[1], false);
    if (input.is_undefined() || (boolean && !truthy(input))) return arg_or(a[0], Value::string(""));
    return input;
}

Value f_abs(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "abs", {});
    if (input.is_float()) return Value::floating(std::fabs(input.as_double()));
    if (input.is_integral()) {
        std::int64_t i = input.as_int();
        return Value::integer(i < 0 ? -i : i);
    }
    fail("bad operand type for abs(): '" + type_name(input) + "'");
}

Value f_first(Renderer& r, const Value& input, CallArgs& args) {
    bind_args(args, "first", {});
    if (input.is_list()) {
        if (input.size() == 0)
            return r.undefined("No first item, sequence was empty.",
                               "the sequence is empty; check it with `{% if items %}` first");
        return input.at(0);
    }
    auto items = py_list(input);
    if (items.empty())
        return r.undefined("No first item, sequence was empty.",
                           "the sequence is empty; check it with `{% if items %}` first");
    return items.front();
}

Value f_last(Renderer& r, const Value& input, CallArgs& args) {
    bind_args(args, "last", {});
    if (input.is_list()) {
        if (input.size() == 0)
            return r.undefined("No last item, sequence was empty.",
                               "the sequence is empty; check it with `{% if items %}` first");
        return input.at(input.size() - 1);
    }
    auto items = py_list(input);
    if (items.empty())
        return r.undefined("No last item, sequence was empty.",
                           "the sequence is empty; check it with `{% if items %}` first");
    return items.back();
}

Value f_length(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "length", {});
    return Value::integer(static_cast<std::int64_t>(py_len(input)));
}

Value f_join(Renderer& r, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "join", {"d", "attribute"});
    Value d = arg_or(a[0], Value::string(""));
    std::vector<Value> items = py_list(input);
    if (a[1] && !a[1]->is_none())
        for (auto& item : items) item = get_attribute(r, item, a[1]);
    if (!r.autoescape()) {
        std::string out;
        std::string sep = py_str(d);
        for (std::size_t i = 0; i < items.size(); ++i) {
            check_text_size(out.size());  // a long separator times many items
            if (i) out += sep;
            append_str(out, items[i]);
        }
        return Value::string(std::move(out));
    }
    bool any_markup = d.is_markup();
    for (const auto& item : items)
        if (item.is_markup()) any_markup = true;
    std::string out;
    if (!any_markup) {
        std::string sep = py_str(d);
        for (std::size_t i = 0; i < items.size(); ++i) {
            check_text_size(out.size());  // a long separator times many items
            if (i) out += sep;
            append_str(out, items[i]);
        }
        return Value::string(std::move(out));
    }
    std::string sep;
    if (d.is_markup())
        sep = std::string(d.sv());
    else
        escape_into(sep, py_str(d), r.mode());
    for (std::size_t i = 0; i < items.size(); ++i) {
        check_text_size(out.size());
        if (i) out += sep;
        if (items[i].is_markup())
            out += items[i].sv();
        else
            escape_into(out, py_str(items[i]), r.mode());
    }
    return Value::markup(std::move(out));
}

Value f_lower(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "lower", {});
    Value s = soft_str(input);
    return Value::text_like(s, text::lower(s.sv()));
}

Value f_upper(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "upper", {});
    Value s = soft_str(input);
    return Value::text_like(s, text::upper(s.sv()));
}

Value f_capitalize(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "capitalize", {});
    Value s = soft_str(input);
    return Value::text_like(s, text::capitalize(s.sv()));
}

Value f_title(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "title", {});
    // ''.join(item[0].upper() + item[1:].lower() for item in re.split(r"([-\s\(\{\[\<]+)", s))
    std::u32string cps = text::decode(py_str(input));
    std::string out;
    auto is_sep = [](char32_t c) {
        return c == '-' || c == '(' || c == '{' || c == '[' || c == '<' || text::is_space(c);
    };
    std::size_t i = 0;
    while (i < cps.size()) {
        std::size_t j = i;
        bool sep = is_sep(cps[i]);
        while (j < cps.size() && is_sep(cps[j]) == sep) ++j;
        std::u32string_view item(cps.data() + i, j - i);
        std::string head, rest;
        text::append_utf8(head, item[0]);
        out += text::upper(head);
        out += text::lower(text::encode(item.substr(1)));
        i = j;
    }
    return Value::string(std::move(out));
}

Value f_trim(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "trim", {"chars"});
    Value s = soft_str(input);
    std::optional<std::string> chars;
    if (a[0] && !a[0]->is_none()) chars = py_str(*a[0]);
    return Value::text_like(s, text::strip(s.sv(), chars ? &*chars : nullptr, true, true));
}

Value f_replace(Renderer& r, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "replace", {"old", "new", "count"});
    if (!a[0] || !a[1]) fail("replace() takes at least 2 arguments");
    long count = a[2] && !a[2]->is_none() ? static_cast<long>(arg_int(a[2], -1, "count")) : -1;
    const Value& old_v = *a[0];
    const Value& new_v = *a[1];
    if (!r.autoescape())
        return Value::string(
            text::replace(py_str(input), py_str(old_v), py_str(new_v), count, kMaxTextBytes));
    Value s;
    if (old_v.is_markup() || (new_v.is_markup() && !input.is_markup()))
        s = escape_value(input, r.mode());
    else
        s = soft_str(input);
    if (!s.is_markup())
        return Value::string(
            text::replace(s.sv(), py_str(old_v), py_str(new_v), count, kMaxTextBytes));
    // markupsafe 3's Markup.replace escapes the replacement only.
    std::string repl;
    if (new_v.is_markup())
        repl = std::string(new_v.sv());
    else
        escape_into(repl, py_str(new_v), r.mode());
    return Value::markup(text::replace(s.sv(), py_str(old_v), repl, count, kMaxTextBytes));
}

double round_half_even_digits(double x, std::int64_t ndigits) {
    if (std::isnan(x) || std::isinf(x)) return x;
    if (ndigits >= 0) {
        if (ndigits > 300) return x;
        char buf[512];
        std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(ndigits), x);
        return std::strtod(buf, nullptr);
    }
    double pow1 = std::pow(10.0, static_cast<double>(-ndigits));
    double y = x / pow1;
    double z = std::nearbyint(y);  // half to even
    return z * pow1;
}

Value f_round(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "round", {"precision", "method"});
    std::int64_t precision = arg_int(a[0], 0, "precision");
    std::string method = a[1] ? py_str(*a[1]) : "common";
    if (method != "common" && method != "ceil" && method != "floor")
        fail("method must be common, ceil or floor");
    if (input.is_undefined()) fail_undefined(input);
    if (!input.is_number()) fail("type " + type_name(input) + " doesn't define __round__ method");
    if (method == "common") {
        if (input.is_integral()) {
            if (precision >= 0) return Value::integer(input.as_int());
            std::int64_t p = 1;
            for (std::int64_t i = 0; i < -precision && p < INT64_MAX / 10; ++i) p *= 10;
            std::int64_t v = input.as_int();
            std::int64_t q = v / p, rem = v % p;
            if (rem < 0) rem += p, --q;
            if (rem * 2 > p || (rem * 2 == p && (q % 2 != 0))) ++q;
            return Value::integer(q * p);
        }
        return Value::floating(round_half_even_digits(input.as_double(), precision));
    }
    double scale = std::pow(10.0, static_cast<double>(precision));
    double v = input.as_double() * scale;
    double rounded = method == "ceil" ? std::ceil(v) : std::floor(v);
    return Value::floating(rounded / scale);
}

Value to_int(const Value& v, bool& ok, int base) {
    ok = true;
    if (v.is_integral()) return Value::integer(v.as_int());
    if (v.is_float()) {
        double d = v.as_double();
        if (std::isnan(d) || std::isinf(d) || std::fabs(d) > 9.2e18) {
            ok = false;
            return Value();
        }
        return Value::integer(static_cast<std::int64_t>(std::trunc(d)));
    }
    if (v.is_string()) {
        if (auto i = text::parse_int(v.sv(), base)) return Value::integer(*i);
        if (auto f = text::parse_float(v.sv());
            f && !std::isnan(*f) && !std::isinf(*f) && std::fabs(*f) < 9.2e18)
            return Value::integer(static_cast<std::int64_t>(std::trunc(*f)));
    }
    ok = false;
    return Value();
}

Value f_int(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "int", {"default", "base"});
    int base = static_cast<int>(arg_int(a[1], 10, "base"));
    bool ok;
    Value v = to_int(input, ok, base);
    if (ok) return v;
    return arg_or(a[0], Value::integer(0));
}

Value f_float(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "float", {"default"});
    if (input.is_number()) return Value::floating(input.as_double());
    if (input.is_string())
        if (auto f = text::parse_float(input.sv())) return Value::floating(*f);
    return arg_or(a[0], Value::floating(0.0));
}

Value f_list(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "list", {});
    return Value::list(py_list(input));
}

Value f_sort(Renderer& r, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "sort", {"reverse", "case_sensitive", "attribute"});
    bool reverse = arg_bool(a[0], false);
    bool case_sensitive = arg_bool(a[1], false);
    auto items = py_list(input);
    return Value::list(sorted_by(
        std::move(items),
        [&](const Value& item) { return multi_key(r, item, a[2], !case_sensitive); }, reverse));
}

Value f_reverse(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "reverse", {});
    if (input.is_string()) {
        std::u32string cps = text::decode(input.sv());
        std::reverse(cps.begin(), cps.end());
        return Value::text_like(input, text::encode(cps));
    }
    auto items = py_list(input);
    std::reverse(items.begin(), items.end());
    return Value::list(std::move(items));
}

Value f_sum(Renderer& r, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "sum", {"attribute", "start"});
    Value total = arg_or(a[1], Value::integer(0));
    for (const auto& item : py_list(input)) {
        Value v = (a[0] && !a[0]->is_none()) ? get_attribute(r, item, a[0]) : item;
        if (total.is_string()) fail("sum() can't sum strings [use ''.join(seq) instead]");
        total = binop(BinOp::Add, total, v, r.mode());
    }
    return total;
}

Value min_or_max(Renderer& r, const Value& input, CallArgs& args, bool want_max, const char* name) {
    auto a = bind_args(args, name, {"case_sensitive", "attribute"});
    bool case_sensitive = arg_bool(a[0], false);
    auto items = py_list(input);
    if (items.empty())
        return r.undefined("No aggregated item, sequence was empty.", "the sequence is empty");
    auto key = [&](const Value& item) {
        Value v = get_attribute(r, item, a[1]);
        return case_sensitive ? v : ignore_case(v);
    };
    std::size_t best = 0;
    Value best_key = key(items[0]);
    for (std::size_t i = 1; i < items.size(); ++i) {
        Value k = key(items[i]);
        int c = py_cmp(k, best_key, want_max ? ">" : "<");
        if (want_max ? c > 0 : c < 0) {
            best = i;
            best_key = k;
        }
    }
    return items[best];
}

Value f_min(Renderer& r, const Value& input, CallArgs& args) {
    return min_or_max(r, input, args, false, "min");
}
Value f_max(Renderer& r, const Value& input, CallArgs& args) {
    return min_or_max(r, input, args, true, "max");
}

Value f_unique(Renderer& r, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "unique", {"case_sensitive", "attribute"});
    bool case_sensitive = arg_bool(a[0], false);
    std::vector<Value> seen, out;
    for (const auto& item : py_list(input)) {
        Value k = get_attribute(r, item, a[1]);
        if (!case_sensitive) k = ignore_case(k);
        if (k.is_undefined()) fail_undefined(k);
        if (k.kind() == Kind::List || k.is_dict()) fail("unhashable type: '" + type_name(k) + "'");
        bool dup = false;
        for (const auto& s : seen)
            if (key_equal(s, k)) dup = true;
        if (!dup) {
            seen.push_back(k);
            out.push_back(item);
        }
    }
    return Value::list(std::move(out));
}

Value f_map(Renderer& r, const Value& input, CallArgs& args) {
    if (!truthy(input)) return Value::list({});
    auto items = py_list(input);
    std::vector<Value> out;
    out.reserve(items.size());
    if (args.pos.empty()) {
        std::optional<Value> attribute, def;
        for (const auto& [k, v] : args.kw) {
            if (k == "attribute")
                attribute = v;
            else if (k == "default")
                def = v;
            else
                fail("Unexpected keyword argument '" + std::string(k) + "'");
        }
        if (!attribute)
            fail("map requires a filter argument",
                 "write `map('filter')` or `map(attribute='name')`");
        for (const auto& item : items) out.push_back(get_attribute(r, item, attribute, def));
        return Value::list(std::move(out));
    }
    if (!args.pos[0].is_string()) fail("map requires a filter name as its first argument");
    std::string name(args.pos[0].sv());
    CallArgs rest;
    rest.pos.assign(args.pos.begin() + 1, args.pos.end());
    rest.kw = args.kw;
    for (const auto& item : items) {
        CallArgs copy = rest;
        out.push_back(r.apply_filter(name, item, copy));
    }
    return Value::list(std::move(out));
}

Value select_or_reject(Renderer& r, const Value& input, CallArgs& args, bool select, bool attr) {
    if (!truthy(input)) return Value::list({});
    std::size_t off = 0;
    std::optional<Value> attribute;
    if (attr) {
        if (args.pos.empty()) fail("Missing parameter for attribute name");
        attribute = args.pos[0];
        off = 1;
    }
    std::optional<std::string> test;
    CallArgs rest;
    if (args.pos.size() > off) {
        if (!args.pos[off].is_string()) fail("the test name must be a string");
        test = std::string(args.pos[off].sv());
        rest.pos.assign(args.pos.begin() + static_cast<long>(off) + 1, args.pos.end());
    }
    rest.kw = args.kw;
    std::vector<Value> out;
    for (const auto& item : py_list(input)) {
        Value v = attr ? get_attribute(r, item, attribute) : item;
        bool ok;
        if (test) {
            CallArgs copy = rest;
            ok = r.apply_test(*test, v, copy);
        } else {
            ok = truthy(v);
        }
        if (ok == select) out.push_back(item);
    }
    return Value::list(std::move(out));
}

Value f_select(Renderer& r, const Value& i, CallArgs& a) {
    return select_or_reject(r, i, a, true, false);
}
Value f_reject(Renderer& r, const Value& i, CallArgs& a) {
    return select_or_reject(r, i, a, false, false);
}
Value f_selectattr(Renderer& r, const Value& i, CallArgs& a) {
    return select_or_reject(r, i, a, true, true);
}
Value f_rejectattr(Renderer& r, const Value& i, CallArgs& a) {
    return select_or_reject(r, i, a, false, true);
}

Value f_groupby(Renderer& r, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "groupby", {"attribute", "default", "case_sensitive"});
    if (!a[0]) fail("groupby() missing required argument 'attribute'");
    bool case_sensitive = arg_bool(a[2], false);
    auto key = [&](const Value& item) {
        Value v = get_attribute(r, item, a[0], a[1]);
        return case_sensitive ? v : ignore_case(v);
    };
    auto items = sorted_by(py_list(input), key, false);
    std::vector<Value> groups;
    std::size_t i = 0;
    while (i < items.size()) {
        Value k = key(items[i]);
        std::vector<Value> members{items[i]};
        std::size_t j = i + 1;
        while (j < items.size() && py_eq(key(items[j]), k)) members.push_back(items[j++]);
        Value grouper = case_sensitive ? k : get_attribute(r, members[0], a[0], a[1]);
        std::vector<Value> pair_items{grouper, Value::list(std::move(members))};
        Value t = Value::tuple(std::move(pair_items));
        t.as<ListObj>()->fields = {"grouper", "list"};
        groups.push_back(std::move(t));
        i = j;
    }
    return Value::list(std::move(groups));
}

Value f_dictsort(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "dictsort", {"case_sensitive", "by", "reverse"});
    bool case_sensitive = arg_bool(a[0], false);
    std::string by = a[1] ? py_str(*a[1]) : "key";
    if (by != "key" && by != "value") fail("You can only sort by either \"key\" or \"value\"");
    bool reverse = arg_bool(a[2], false);
    if (!input.is_dict()) fail("'" + type_name(input) + "' object has no attribute 'items'");
    std::vector<Value> pairs;
    for (auto& [k, v] : input.dict_items()) pairs.push_back(Value::pair(k, v));
    std::size_t pos = by == "key" ? 0 : 1;
    return Value::list(sorted_by(
        std::move(pairs),
        [&](const Value& item) {
            Value v = item.at(pos);
            return case_sensitive ? v : ignore_case(v);
        },
        reverse));
}

Value f_batch(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "batch", {"linecount", "fill_with"});
    std::int64_t n = arg_int(a[0], 0, "linecount");
    if (n <= 0) fail("batch() needs a positive line count");
    std::vector<Value> out, tmp;
    for (const auto& item : py_list(input)) {
        if (static_cast<std::int64_t>(tmp.size()) == n) {
            out.push_back(Value::list(std::move(tmp)));
            tmp.clear();
        }
        tmp.push_back(item);
    }
    if (!tmp.empty()) {
        if (a[1] && !a[1]->is_none())
            while (static_cast<std::int64_t>(tmp.size()) < n) tmp.push_back(*a[1]);
        out.push_back(Value::list(std::move(tmp)));
    }
    return Value::list(std::move(out));
}

Value f_slice(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "slice", {"slices", "fill_with"});
    std::int64_t slices = arg_int(a[0], 0, "slices");
    if (slices <= 0) fail("slice() needs a positive number of slices");
    auto seq = py_list(input);
    std::int64_t length = static_cast<std::int64_t>(seq.size());
    std::int64_t per = length / slices, extra = length % slices, offset = 0;
    std::vector<Value> out;
    for (std::int64_t n = 0; n < slices; ++n) {
        std::int64_t start = offset + n * per;
        if (n < extra) ++offset;
        std::int64_t end = offset + (n + 1) * per;
        std::vector<Value> tmp(seq.begin() + start, seq.begin() + std::min(end, length));
        if (a[1] && !a[1]->is_none() && n >= extra) tmp.push_back(*a[1]);
        out.push_back(Value::list(std::move(tmp)));
    }
    return Value::list(std::move(out));
}

Value f_truncate(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "truncate", {"length", "killwords", "end", "leeway"});
    std::int64_t length = arg_int(a[0], 255, "length");
    bool killwords = arg_bool(a[1], false);
    Value end = arg_or(a[2], Value::string("..."));
    std::int64_t leeway = arg_int(a[3], 5, "leeway");
    Value s = input.is_string() ? input : Value::string(py_str(input));
    std::string end_s = py_str(end);
    std::int64_t end_len = static_cast<std::int64_t>(text::length(end_s));
    if (length < end_len)
        fail("expected length >= " + std::to_string(end_len) + ", got " + std::to_string(length));
    if (leeway < 0) fail("expected leeway >= 0, got " + std::to_string(leeway));
    std::u32string cps = text::decode(s.sv());
    // Compared as a difference: length + leeway can overflow.
    if (static_cast<std::int64_t>(cps.size()) - leeway <= length) return s;
    std::u32string head = cps.substr(0, static_cast<std::size_t>(length - end_len));
    std::string result;
    if (killwords) {
        result = text::encode(head);
    } else {
        std::size_t space = head.rfind(U' ');
        result = text::encode(space == std::u32string::npos ? head : head.substr(0, space));
    }
    if (s.is_markup()) {
        if (!end.is_markup()) {
            std::string escaped;
            escape_html_into(escaped, end_s);
            end_s = escaped;
        }
        return Value::markup(result + end_s);
    }
    return Value::string(result + end_s);
}

Value f_wordcount(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "wordcount", {});
    std::int64_t n = 0;
    bool in_word = false;
    for (char32_t c : text::decode(py_str(input))) {
        bool w = text::is_word(c);
        if (w && !in_word) ++n;
        in_word = w;
    }
    return Value::integer(n);
}

Value f_wordwrap(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "wordwrap",
                       {"width", "break_long_words", "wrapstring", "break_on_hyphens"});
    std::int64_t width = arg_int(a[0], 79, "width");
    bool break_long = arg_bool(a[1], true);
    std::string wrapstring = a[2] && !a[2]->is_none() ? py_str(*a[2]) : "\n";
    // textwrap.TextWrapper(width, expand_tabs=False, replace_whitespace=False,
    // break_long_words, break_on_hyphens) applied to each line of s.splitlines().
    std::string out;
    auto lines = text::splitlines(py_str(input));
    for (std::size_t li = 0; li < lines.size(); ++li) {
        check_text_size(out.size());
        if (li) out += wrapstring;
        std::u32string line = text::decode(lines[li]);
        // Chunks: runs of whitespace and runs of non-whitespace.
        std::vector<std::u32string> chunks;
        std::size_t i = 0;
        while (i < line.size()) {
            std::size_t j = i;
            bool ws = text::is_space(line[i]);
            while (j < line.size() && text::is_space(line[j]) == ws) ++j;
            chunks.push_back(line.substr(i, j - i));
            i = j;
        }
        std::vector<std::u32string> wrapped;
        std::reverse(chunks.begin(), chunks.end());
        while (!chunks.empty()) {
            std::vector<std::u32string> cur;
            std::int64_t len = 0;
            if (!wrapped.empty() && !chunks.empty() && text::is_space(chunks.back()[0]))
                chunks.pop_back();
            while (!chunks.empty()) {
                std::int64_t l = static_cast<std::int64_t>(chunks.back().size());
                if (len + l <= width) {
                    cur.push_back(chunks.back());
                    chunks.pop_back();
                    len += l;
                } else {
                    break;
                }
            }
            if (!chunks.empty() && static_cast<std::int64_t>(chunks.back().size()) > width) {
                std::int64_t space_left = width < 1 ? 1 : width - len;
                if (break_long && space_left > 0) {
                    cur.push_back(chunks.back().substr(0, static_cast<std::size_t>(space_left)));
                    chunks.back() = chunks.back().substr(static_cast<std::size_t>(space_left));
                } else if (cur.empty()) {
                    cur.push_back(chunks.back());
                    chunks.pop_back();
                }
            }
            if (!cur.empty() && text::is_space(cur.back()[0])) cur.pop_back();
            if (!cur.empty()) {
                std::u32string joined;
                for (auto& c : cur) joined += c;
                wrapped.push_back(joined);
            } else if (chunks.empty()) {
                break;
            }
        }
        for (std::size_t k = 0; k < wrapped.size(); ++k) {
            check_text_size(out.size());  // a long wrapstring times many lines
            if (k) out += wrapstring;
            out += text::encode(wrapped[k]);
        }
    }
    return Value::string(std::move(out));
}

// html.unescape for the entities that appear in practice.
std::string html_unescape(std::string_view s) {
    static const std::pair<const char*, char32_t> named[] = {
        {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
        {"apos", '\''},     {"nbsp", 0xA0},     {"copy", 0xA9},     {"reg", 0xAE},
        {"trade", 0x2122},  {"hellip", 0x2026}, {"mdash", 0x2014},  {"ndash", 0x2013},
        {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
        {"sbquo", 0x201A},  {"bdquo", 0x201E},  {"laquo", 0xAB},    {"raquo", 0xBB},
        {"pound", 0xA3},    {"euro", 0x20AC},   {"yen", 0xA5},      {"cent", 0xA2},
        {"sect", 0xA7},     {"para", 0xB6},     {"middot", 0xB7},   {"bull", 0x2022},
        {"deg", 0xB0},      {"plusmn", 0xB1},   {"times", 0xD7},    {"divide", 0xF7},
        {"frac12", 0xBD},   {"frac14", 0xBC},   {"frac34", 0xBE},   {"sup2", 0xB2},
        {"sup3", 0xB3},     {"micro", 0xB5},    {"shy", 0xAD},      {"iexcl", 0xA1},
        {"iquest", 0xBF},   {"eacute", 0xE9},   {"Eacute", 0xC9},   {"egrave", 0xE8},
        {"agrave", 0xE0},   {"aacute", 0xE1},   {"acirc", 0xE2},    {"auml", 0xE4},
        {"ouml", 0xF6},     {"uuml", 0xFC},     {"Auml", 0xC4},     {"Ouml", 0xD6},
        {"Uuml", 0xDC},     {"szlig", 0xDF},    {"ccedil", 0xE7},   {"ntilde", 0xF1},
        {"oacute", 0xF3},   {"iacute", 0xED},   {"uacute", 0xFA},   {"ecirc", 0xEA},
        {"larr", 0x2190},   {"rarr", 0x2192},   {"uarr", 0x2191},   {"darr", 0x2193},
        {"thinsp", 0x2009}, {"ensp", 0x2002},   {"emsp", 0x2003},   {"zwj", 0x200D},
        {"zwnj", 0x200C},   {"minus", 0x2212},  {"le", 0x2264},     {"ge", 0x2265},
        {"ne", 0x2260},     {"dagger", 0x2020}, {"Dagger", 0x2021}, {"permil", 0x2030},
        {"prime", 0x2032},  {"Prime", 0x2033},  {"hearts", 0x2665}, {"check", 0x2713}};
    static const char* legacy[] = {"amp", "lt", "gt", "quot", "nbsp", "copy", "reg"};
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out.push_back(s[i]);
            continue;
        }
        std::size_t j = i + 1;
        if (j < s.size() && s[j] == '#') {
            bool hex = j + 1 < s.size() && (s[j + 1] == 'x' || s[j + 1] == 'X');
            std::size_t k = j + (hex ? 2 : 1), start = k;
            while (k < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[k]))
                                        : std::isdigit(static_cast<unsigned char>(s[k]))))
                ++k;
            if (k > start) {
                unsigned long long cp = std::strtoull(
                    std::string(s.substr(start, k - start)).c_str(), nullptr, hex ? 16 : 10);
                if (k - start > 8) cp = 0x110000;
                static const char32_t cp1252[32] = {
                    0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021,
                    0x2C6,  0x2030, 0x160,  0x2039, 0x152,  0x8D,   0x17D,  0x8F,
                    0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                    0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};
                char32_t c;
                if (cp >= 0x80 && cp <= 0x9F)
                    c = cp1252[cp - 0x80];
                else if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                    c = 0xFFFD;
                else
                    c = static_cast<char32_t>(cp);
                text::append_utf8(out, c);
                if (k < s.size() && s[k] == ';') ++k;
                i = k - 1;
                continue;
            }
            out.push_back('&');
            continue;
        }
        std::size_t k = j;
        while (k < s.size() && std::isalnum(static_cast<unsigned char>(s[k])) && k - j < 32) ++k;
        std::string name(s.substr(j, k - j));
        bool semicolon = k < s.size() && s[k] == ';';
        bool done = false;
        for (const auto& [n, c] : named) {
            if (name == n) {
                bool ok = semicolon;
                if (!ok)
                    for (const char* l : legacy)
                        if (name == l) ok = true;
                if (ok) {
                    text::append_utf8(out, c);
                    i = semicolon ? k : k - 1;
                    done = true;
                }
                break;
            }
        }
        if (!done) out.push_back('&');
    }
    return out;
}

Value f_striptags(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "striptags", {});
    std::string value = py_str(input);
    while (true) {
        std::size_t start = value.find("<!--");
        if (start == std::string::npos) break;
        std::size_t end = value.find("-->", start);
        if (end == std::string::npos) break;
        value = value.substr(0, start) + value.substr(end + 3);
    }
    while (true) {
        std::size_t start = value.find('<');
        if (start == std::string::npos) break;
        std::size_t end = value.find('>', start);
        if (end == std::string::npos) break;
        value = value.substr(0, start) + value.substr(end + 1);
    }
    auto words = text::split(value, nullptr);
    std::string joined;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) joined += ' ';
        joined += words[i];
    }
    return Value::string(html_unescape(joined));
}

Value f_escape(Renderer& r, const Value& input, CallArgs& args) {
    bind_args(args, "escape", {});
    return escape_value(input, r.mode());
}

Value f_forceescape(Renderer& r, const Value& input, CallArgs& args) {
    bind_args(args, "forceescape", {});
    std::string out;
    escape_into(out, py_str(input), r.mode());
    return Value::markup(std::move(out));
}

Value f_safe(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "safe", {});
    if (input.is_markup()) return input;
    return Value::markup(py_str(input));
}

Value f_string(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "string", {});
    return soft_str(input);
}

void json_string(std::string& out, std::string_view s) {
    out.push_back('"');
    for (char32_t c : text::decode(s)) {
        char buf[16];
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (c < 0x20 || c > 0x7E) {
                    if (c > 0xFFFF) {
                        char32_t v = c - 0x10000;
                        std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x",
                                      static_cast<unsigned>(0xD800 + (v >> 10)),
                                      static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
                    } else {
                        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                    }
                    out += buf;
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
    }
    out.push_back('"');
}

std::string json_float(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    return text::float_repr(d);
}

std::string json_key(const Value& k) {
    if (k.is_string()) return std::string(k.sv());
    if (k.is_bool()) return k.as_bool() ? "true" : "false";
    if (k.is_int()) return std::to_string(k.as_int());
    if (k.is_float()) return json_float(k.as_double());
    if (k.is_none()) return "null";
    fail("keys must be str, int, float, bool or None, not " + type_name(k));
}

void dump_json(std::string& out, const Value& v, const std::optional<std::string>& indent,
               int level) {
    auto newline = [&](int lvl) {
        out.push_back('\n');
        for (int i = 0; i < lvl; ++i) out += *indent;
    };
    switch (v.kind()) {
        case Kind::Undefined:
            fail_undefined(v);
        case Kind::None:
            out += "null";
            return;
        case Kind::Bool:
            out += v.as_bool() ? "true" : "false";
            return;
        case Kind::Int:
            out += std::to_string(v.as_int());
            return;
        case Kind::Float:
            out += json_float(v.as_double());
            return;
        case Kind::Str:
        case Kind::Markup:
            json_string(out, v.sv());
            return;
        case Kind::List:
        case Kind::Tuple: {
            std::size_t n = v.size();
            if (n == 0) {
                out += "[]";
                return;
            }
            out.push_back('[');
            for (std::size_t i = 0; i < n; ++i) {
                if (i) out += indent ? "," : ", ";
                if (indent) newline(level + 1);
                dump_json(out, v.at(i), indent, level + 1);
            }
            if (indent) newline(level);
            out.push_back(']');
            return;
        }
        case Kind::Dict: {
            auto items = v.dict_items();
            if (items.empty()) {
                out += "{}";
                return;
            }
            std::vector<std::pair<std::string, Value>> keyed;
            for (auto& [k, val] : items) {
                if (!k.is_string() && !k.is_none() && !k.is_number())
                    fail("keys must be str, int, float, bool or None, not " + type_name(k));
                keyed.emplace_back(json_key(k), val);
            }
            bool strings = false, others = false;
            for (auto& [k, val] : items) (k.is_string() ? strings : others) = true;
            if (strings && others) fail("'<' not supported between instances of 'int' and 'str'");
            std::stable_sort(keyed.begin(), keyed.end(),
                             [&](const auto& a, const auto& b) { return a.first < b.first; });
            out.push_back('{');
            for (std::size_t i = 0; i < keyed.size(); ++i) {
                if (i) out += indent ? "," : ", ";
                if (indent) newline(level + 1);
                json_string(out, keyed[i].first);
                out += ": ";
                dump_json(out, keyed[i].second, indent, level + 1);
            }
            if (indent) newline(level);
            out.push_back('}');
            return;
        }
        case Kind::Object:
            fail("Object of type " + v.pyobj()->type_name() + " is not JSON serializable");
    }
}

Value f_tojson(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "tojson", {"indent"});
    std::optional<std::string> indent;
    if (a[0] && !a[0]->is_none()) {
        if (a[0]->is_string())
            indent = std::string(a[0]->sv());
        else
            indent = std::string(checked_width(arg_int(a[0], 0, "indent"), "indent"), ' ');
    }
    std::string raw;
    dump_json(raw, input, indent, 0);
    std::string out;
    out.reserve(raw.size());
    for (char c : raw) {
        switch (c) {
            case '<':
                out += "\\u003c";
                break;
            case '>':
                out += "\\u003e";
                break;
            case '&':
                out += "\\u0026";
                break;
            case '\'':
                out += "\\u0027";
                break;
            default:
                out.push_back(c);
        }
    }
    return Value::markup(std::move(out));
}

Value f_indent(Renderer& r, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "indent", {"width", "first", "blank"});
    std::string indention;
    if (a[0] && a[0]->is_string())
        indention = std::string(a[0]->sv());
    else
        indention = std::string(checked_width(arg_int(a[0], 4, "width")), ' ');
    bool first = arg_bool(a[1], false);
    bool blank = arg_bool(a[2], false);
    Value s = soft_str(input);
    bool markup = s.is_markup();
    if (markup && a[0] && a[0]->is_string() && !a[0]->is_markup()) {
        std::string e;
        escape_into(e, indention, r.mode());
        indention = e;
    }
    std::string str = std::string(s.sv()) + "\n";
    auto lines = text::splitline_views(str);
    std::size_t size = str.size() + lines.size() * indention.size();
    check_text_size(size);  // both at most 64 MB
    std::string rv;
    rv.reserve(size);
    if (blank) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i) rv.append("\n").append(indention);
            rv += lines[i];
        }
    } else {
        if (!lines.empty()) rv = lines[0];
        if (lines.size() > 1) {
            rv += "\n";
            for (std::size_t i = 1; i < lines.size(); ++i) {
                if (i > 1) rv += "\n";
                if (!lines[i].empty()) rv += indention;
                rv += lines[i];
            }
        }
    }
    if (first) rv = indention + rv;
    return Value::text(std::move(rv), markup);
}

Value f_format(Renderer& r, const Value& input, CallArgs& args) {
    if (!args.pos.empty() && !args.kw.empty())
        fail("can't handle positional and keyword arguments at the same time");
    Value s = soft_str(input);
    Value fmt_args;
    if (!args.kw.empty()) {
        auto d = std::make_shared<DictObj>();
        for (auto& [k, v] : args.kw) d->set(Value::string(std::string(k)), v);
        fmt_args = Value::dict(std::move(d));
    } else {
        fmt_args = Value::tuple(args.pos);
    }
    return Value::text_like(s, percent_format(s.sv(), fmt_args, s.is_markup(), r.mode()));
}

Value f_center(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "center", {"width"});
    auto width = static_cast<std::int64_t>(checked_width(arg_int(a[0], 80, "width")));
    Value s = soft_str(input);
    std::int64_t len = static_cast<std::int64_t>(text::length(s.sv()));
    if (width <= len) return s;
    std::int64_t marg = width - len;
    std::int64_t left = marg / 2 + (marg & width & 1);
    return Value::text_like(s, std::string(static_cast<std::size_t>(left), ' ') +
                                   std::string(s.sv()) +
                                   std::string(static_cast<std::size_t>(marg - left), ' '));
}

Value f_items(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "items", {});
    if (input.is_undefined()) return Value::list({});
    if (!input.is_dict()) fail("Can only get item pairs from a mapping.");
    std::vector<Value> out;
    for (auto& [k, v] : input.dict_items()) out.push_back(Value::pair(k, v));
    return Value::list(std::move(out));
}

Value f_attr(Renderer& r, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "attr", {"name"});
    if (!a[0]) fail("attr() missing required argument 'name'");
    std::string name = py_str(*a[0]);
    // Only attributes: a dict's keys are not attributes.
    if (input.is_dict()) {
        if (auto m = method_of(input, name)) return *m;
        return r.undefined("`" + name + "` is not an attribute of the mapping",
                           "use `value[\"" + name + "\"]` or `value." + name + "` for a key");
    }
    return r.getattr(input, name);
}

Value f_filesizeformat(Renderer&, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "filesizeformat", {"binary"});
    bool binary = arg_bool(a[0], false);
    double bytes;
    if (input.is_number())
        bytes = input.as_double();
    else if (input.is_string() && text::parse_float(input.sv()))
        bytes = *text::parse_float(input.sv());
    else
        fail("could not convert " + type_name(input) + " to float");
    double base = binary ? 1024 : 1000;
    const char* prefixes[] = {binary ? "KiB" : "kB", binary ? "MiB" : "MB", binary ? "GiB" : "GB",
                              binary ? "TiB" : "TB", binary ? "PiB" : "PB", binary ? "EiB" : "EB",
                              binary ? "ZiB" : "ZB", binary ? "YiB" : "YB"};
    if (bytes == 1) return Value::string("1 Byte");
    if (bytes < base)
        return Value::string(std::to_string(static_cast<std::int64_t>(bytes)) + " Bytes");
    char buf[64];
    double unit = base;
    for (int i = 0; i < 8; ++i) {
        unit = std::pow(base, i + 2);
        if (bytes < unit || i == 7) {
            std::snprintf(buf, sizeof buf, "%.1f %s", base * bytes / unit, prefixes[i]);
            break;
        }
    }
    return Value::string(buf);
}

std::string url_quote(const Value& v, bool for_qs) {
    std::string s = py_str(v);
    std::string out;
    const char* safe = for_qs ? "" : "/";
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '~' ||
            (c && std::strchr(safe, c))) {
            out.push_back(static_cast<char>(c));
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    if (for_qs) out = text::replace(out, "%20", "+");
    return out;
}

Value f_urlencode(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "urlencode", {});
    if (input.is_string() || !is_iterable(input)) return Value::string(url_quote(input, false));
    std::vector<std::pair<Value, Value>> items;
    if (input.is_dict()) {
        items = input.dict_items();
    } else {
        for (const auto& item : py_list(input)) {
            auto kv = py_list(item);
            if (kv.size() != 2) fail("urlencode needs (key, value) pairs");
            items.emplace_back(kv[0], kv[1]);
        }
    }
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += '&';
        out += url_quote(items[i].first, true) + "=" + url_quote(items[i].second, true);
    }
    return Value::string(std::move(out));
}

Value f_xmlattr(Renderer& r, const Value& input, CallArgs& args) {
    auto a = bind_args(args, "xmlattr", {"autospace"});
    bool autospace = arg_bool(a[0], true);
    if (!input.is_dict()) fail("'" + type_name(input) + "' object has no attribute 'items'");
    std::string rv;
    bool first = true;
    for (auto& [k, v] : input.dict_items()) {
        if (v.is_none() || v.is_undefined()) continue;
        std::string key = py_str(k);
        if (key.find_first_of(" \t\n\r\f\v/>=") != std::string::npos)
            fail("Invalid character in attribute name: " + text::string_repr(key));
        if (!first) rv += ' ';
        first = false;
        rv += escape_value(k, Escape::html).sv();
        rv += "=\"";
        rv += escape_value(v, Escape::html).sv();
        rv += '"';
    }
    if (autospace && !rv.empty()) rv = " " + rv;
    return Value::text(std::move(rv), r.autoescape());
}

Value f_pprint(Renderer&, const Value& input, CallArgs& args) {
    bind_args(args, "pprint", {});
    return Value::string(py_repr(input));
}

}  // namespace

void register_builtin_filters(Registry& registry) {
    auto add = [&](const char* name, FilterFn fn, bool foldable = true, bool undef = false) {
        registry.filters[name] = FilterEntry{fn, nullptr, foldable, undef};
    };
    add("default", f_default, true, true);
    add("d", f_default, true, true);
    add("abs", f_abs);
    add("first", f_first);
    add("last", f_last);
    add("length", f_length);
    add("count", f_length);
    add("join", f_join);
    add("lower", f_lower);
    add("upper", f_upper);
    add("title", f_title);
    add("capitalize", f_capitalize);
    add("trim", f_trim);
    add("replace", f_replace);
    add("round", f_round);
    add("int", f_int);
    add("float", f_float);
    add("list", f_list);
    add("sort", f_sort);
    add("reverse", f_reverse);
    add("sum", f_sum);
    add("min", f_min);
    add("max", f_max);
    add("unique", f_unique);
    add("map", f_map, false);
    add("select", f_select, false);
    add("reject", f_reject, false);
    add("selectattr", f_selectattr, false);
    add("rejectattr", f_rejectattr, false);
    add("groupby", f_groupby);
    add("dictsort", f_dictsort);
    add("batch", f_batch);
    add("slice", f_slice);
    add("truncate", f_truncate);
    add("wordcount", f_wordcount);
    add("wordwrap", f_wordwrap);
    add("striptags", f_striptags);
    add("escape", f_escape);
    add("e", f_escape);
    add("forceescape", f_forceescape);
    add("safe", f_safe);
    add("string", f_string);
    add("tojson", f_tojson);
    add("indent", f_indent);
    add("format", f_format);
    add("center", f_center);
    add("items", f_items, true, true);
    add("attr", f_attr);
    add("filesizeformat", f_filesizeformat);
    add("urlencode", f_urlencode);
    add("xmlattr", f_xmlattr);
    add("pprint", f_pprint);
}

}  // namespace boardpress::tmpl
