#include "template/ops.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "format/format.hpp"
#include "template/text.hpp"

namespace boardpress::tmpl {

// ---------------------------------------------------------------------------------------------
// Escaping

void escape_html_into(std::string& out, std::string_view text) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char* replacement;
        switch (text[i]) {
            case '&': replacement = "&amp;"; break;
            case '<': replacement = "&lt;"; break;
            case '>': replacement = "&gt;"; break;
            case '"': replacement = "&#34;"; break;
            case '\'': replacement = "&#39;"; break;
            default: continue;
        }
        out.append(text.substr(start, i - start));
        out.append(replacement);
        start = i + 1;
    }
    out.append(text.substr(start));
}

void escape_into(std::string& out, std::string_view text, Escape mode) {
    if (mode == Escape::markdown)
        out += format::escape_markdown(text);
    else
        escape_html_into(out, text);  // Markup's own escaping is HTML's when autoescape is off
}

Value escape_value(const Value& v, Escape mode) {
    if (v.is_markup()) return v;
    std::string out;
    if (v.is_string())
        escape_into(out, v.sv(), mode);
    else
        escape_into(out, py_str(v), mode);
    return Value::markup(std::move(out));
}

// ---------------------------------------------------------------------------------------------
// str() and repr()

static void append_json_repr(std::string& out, const json& j);

static void append_json_str(std::string& out, const json& j) {
    switch (j.type()) {
        case json::value_t::string: out += j.get_ref<const std::string&>(); return;
        case json::value_t::binary: {
            const auto& bytes = j.get_binary();
            out.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
            return;
        }
        default: append_json_repr(out, j);
    }
}

static void append_json_repr(std::string& out, const json& j) {
    switch (j.type()) {
        case json::value_t::null:
        case json::value_t::discarded: out += "None"; return;
        case json::value_t::boolean: out += j.get<bool>() ? "True" : "False"; return;
        case json::value_t::number_integer: out += std::to_string(j.get<std::int64_t>()); return;
        case json::value_t::number_unsigned: out += std::to_string(j.get<std::uint64_t>()); return;
        case json::value_t::number_float: out += text::float_repr(j.get<double>()); return;
        case json::value_t::string: out += text::string_repr(j.get_ref<const std::string&>()); return;
        case json::value_t::binary: {
            std::string s;
            append_json_str(s, j);
            out += "Markup(" + text::string_repr(s) + ")";
            return;
        }
        case json::value_t::array: {
            out += '[';
            bool first = true;
            for (const auto& item : j) {
                if (!first) out += ", ";
                first = false;
                append_json_repr(out, item);
            }
            out += ']';
            return;
        }
        case json::value_t::object: {
            out += '{';
            bool first = true;
            for (auto it = j.begin(); it != j.end(); ++it) {
                if (!first) out += ", ";
                first = false;
                out += text::string_repr(it.key());
                out += ": ";
                append_json_repr(out, it.value());
            }
            out += '}';
            return;
        }
    }
}

static void append_repr(std::string& out, const Value& v);

static void append_container(std::string& out, const Value& v) {
    if (const json* j = v.json_ptr()) {
        append_json_repr(out, *j);
        return;
    }
    if (v.is_list()) {
        bool tuple = v.kind() == Kind::Tuple;
        out += tuple ? '(' : '[';
        const auto& items = *v.items();
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i) out += ", ";
            append_repr(out, items[i]);
        }
        if (tuple && items.size() == 1) out += ',';
        out += tuple ? ')' : ']';
        return;
    }
    out += '{';
    bool first = true;
    for (const auto& [key, value] : v.as<DictObj>()->items) {
        if (!first) out += ", ";
        first = false;
        append_repr(out, key);
        out += ": ";
        append_repr(out, value);
    }
    out += '}';
}

void append_str(std::string& out, const Value& v) {
    switch (v.kind()) {
        case Kind::Undefined:
            if (!v.undef()->lenient) fail_undefined(v);
            return;
        case Kind::None: out += "None"; return;
        case Kind::Bool: out += v.as_bool() ? "True" : "False"; return;
        case Kind::Int: out += std::to_string(v.as_int()); return;
        case Kind::Float: out += text::float_repr(v.as_double()); return;
        case Kind::Str:
        case Kind::Markup: out += v.sv(); return;
        case Kind::List:
        case Kind::Tuple:
        case Kind::Dict: append_container(out, v); return;
        case Kind::Object: out += v.pyobj()->repr(); return;
    }
}

static void append_repr(std::string& out, const Value& v) {
    switch (v.kind()) {
        case Kind::Str: out += text::string_repr(v.sv()); return;
        case Kind::Markup: out += "Markup(" + text::string_repr(v.sv()) + ")"; return;
        case Kind::Undefined: out += v.undef()->lenient ? "Undefined" : "StrictUndefined"; return;
        default: append_str(out, v);
    }
}

std::string py_str(const Value& v) {
    if (v.is_string()) return std::string(v.sv());
    std::string out;
    append_str(out, v);
    return out;
}

std::string py_repr(const Value& v) {
    std::string out;
    append_repr(out, v);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Truth, equality, ordering

bool truthy(const Value& v) {
    switch (v.kind()) {
        case Kind::Undefined:
            if (!v.undef()->lenient) fail_undefined(v);
            return false;
        case Kind::None: return false;
        case Kind::Bool: return v.as_bool();
        case Kind::Int: return v.as_int() != 0;
        case Kind::Float: return v.as_double() != 0.0;
        case Kind::Str:
        case Kind::Markup: return !v.sv().empty();
        case Kind::List:
        case Kind::Tuple: return v.size() > 0;
        case Kind::Dict: return v.dict_size() > 0;
        case Kind::Object: return true;
    }
    return true;
}

static bool numbers_equal(const Value& a, const Value& b) {
    if (a.is_float() || b.is_float()) return a.as_double() == b.as_double();
    return a.as_int() == b.as_int();
}

bool py_eq(const Value& a, const Value& b) {
    if (a.is_undefined() && !a.undef()->lenient) fail_undefined(a);
    if (b.is_undefined() && !b.undef()->lenient) fail_undefined(b);
    if (a.is_number() && b.is_number()) return numbers_equal(a, b);
    if (a.is_string() && b.is_string()) return a.sv() == b.sv();
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
        case Kind::Undefined:
        case Kind::None: return true;
        case Kind::List:
        case Kind::Tuple: {
            if (a.json_ptr() && a.json_ptr() == b.json_ptr()) return true;
            std::size_t n = a.size();
            if (n != b.size()) return false;
            for (std::size_t i = 0; i < n; ++i)
                if (!py_eq(a.at(i), b.at(i))) return false;
            return true;
        }
        case Kind::Dict: {
            if (a.json_ptr() && a.json_ptr() == b.json_ptr()) return true;
            if (a.dict_size() != b.dict_size()) return false;
            for (const auto& [key, value] : a.dict_items()) {
                auto other = b.dict_find(key);
                if (!other || !py_eq(value, *other)) return false;
            }
            return true;
        }
        case Kind::Object: return a.obj() == b.obj();
        default: return false;
    }
}

bool key_equal(const Value& a, const Value& b) {
    if (a.is_number() && b.is_number()) return numbers_equal(a, b);
    if (a.is_string() && b.is_string()) return a.sv() == b.sv();
    if (a.kind() != b.kind()) return false;
    if (a.is_none()) return true;
    if (a.kind() == Kind::Tuple) return py_eq(a, b);
    if (a.is_object()) return a.obj() == b.obj();
    return false;
}

int py_cmp(const Value& a, const Value& b, std::string_view op) {
    if (a.is_undefined()) fail_undefined(a);
    if (b.is_undefined()) fail_undefined(b);
    if (a.is_number() && b.is_number()) {
        if (a.is_float() || b.is_float()) {
            double x = a.as_double(), y = b.as_double();
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        std::int64_t x = a.as_int(), y = b.as_int();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.is_string() && b.is_string()) {
        int c = a.sv().compare(b.sv());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    if (a.is_list() && b.is_list() && a.kind() == b.kind()) {
        std::size_t n = std::min(a.size(), b.size());
        for (std::size_t i = 0; i < n; ++i) {
            Value x = a.at(i), y = b.at(i);
            if (py_eq(x, y)) continue;
            return py_cmp(x, y, op);
        }
        return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
    }
    fail("'" + std::string(op) + "' not supported between instances of '" + type_name(a) +
         "' and '" + type_name(b) + "'");
}

bool compare(CmpOp op, const Value& a, const Value& b) {
    switch (op) {
        case CmpOp::Eq: return py_eq(a, b);
        case CmpOp::Ne: return !py_eq(a, b);
        case CmpOp::Lt: return py_cmp(a, b, "<") < 0;
        case CmpOp::Le: return py_cmp(a, b, "<=") <= 0;
        case CmpOp::Gt: return py_cmp(a, b, ">") > 0;
        case CmpOp::Ge: return py_cmp(a, b, ">=") >= 0;
        case CmpOp::In: return py_contains(b, a);
        case CmpOp::NotIn: return !py_contains(b, a);
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

static const char* op_symbol(BinOp op) {
    switch (op) {
        case BinOp::Add: return "+";
        case BinOp::Sub: return "-";
        case BinOp::Mul: return "*";
        case BinOp::Div: return "/";
        case BinOp::FloorDiv: return "//";
        case BinOp::Mod: return "%";
        case BinOp::Pow: return "** or pow()";
    }
    return "?";
}

[[noreturn]] static void unsupported(BinOp op, const Value& a, const Value& b) {
    fail(std::string("unsupported operand type(s) for ") + op_symbol(op) + ": '" + type_name(a) +
         "' and '" + type_name(b) + "'");
}

[[noreturn]] static void overflow() {
    fail("integer result too large", "the engine's integers are 64-bit");
}

static Value repeat(const Value& seq, std::int64_t times) {
    auto count = static_cast<std::size_t>(std::max<std::int64_t>(times, 0));
    // Sizes are compared by division: the product can overflow (4 * (2^62 + 1) is 4). Nothing
    // repeated is nothing, however many times.
    if (seq.is_string()) {
        std::string out;
        std::string_view s = seq.sv();
        if (s.empty()) count = 0;
        if (count > kMaxTextBytes / std::max<std::size_t>(s.size(), 1))
            check_text_size(kMaxTextBytes + 1);
        out.reserve(s.size() * count);
        for (std::size_t i = 0; i < count; ++i) out += s;
        return Value::text(std::move(out), seq.is_markup());
    }
    std::vector<Value> items;
    std::vector<Value> base = py_list(seq);
    if (base.empty()) count = 0;
    if (count > kMaxListItems / std::max<std::size_t>(base.size(), 1))
        check_list_size(kMaxListItems + 1);
    for (std::size_t i = 0; i < count; ++i) items.insert(items.end(), base.begin(), base.end());
    return seq.kind() == Kind::Tuple ? Value::tuple(std::move(items)) : Value::list(std::move(items));
}

static std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

static double float_mod(double a, double b) {
    double r = std::fmod(a, b);
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    if (r == 0) r = std::copysign(0.0, b);
    return r;
}

Value binop(BinOp op, const Value& a, const Value& b, Escape mode) {
    if (a.is_undefined()) fail_undefined(a);
    if (b.is_undefined()) fail_undefined(b);
    bool numbers = a.is_number() && b.is_number();
    bool floats = numbers && (a.is_float() || b.is_float());
    switch (op) {
        case BinOp::Add:
            if (numbers) {
                if (floats) return Value::floating(a.as_double() + b.as_double());
                std::int64_t r;
                if (__builtin_add_overflow(a.as_int(), b.as_int(), &r)) overflow();
                return Value::integer(r);
            }
            if (a.is_string() && b.is_string()) {
                if (a.is_markup() || b.is_markup()) {
                    std::string out;
                    if (a.is_markup()) out += a.sv(); else escape_into(out, a.sv(), mode);
                    if (b.is_markup()) out += b.sv(); else escape_into(out, b.sv(), mode);
                    return Value::markup(std::move(out));
                }
                std::string out;
                out.reserve(a.sv().size() + b.sv().size());
                out += a.sv();
                out += b.sv();
                return Value::string(std::move(out));
            }
            if (a.is_list() && b.is_list() && a.kind() == b.kind()) {
                std::vector<Value> items = py_list(a);
                std::vector<Value> more = py_list(b);
                items.insert(items.end(), more.begin(), more.end());
                return a.kind() == Kind::Tuple ? Value::tuple(std::move(items))
                                               : Value::list(std::move(items));
            }
            if (a.is_string() && !b.is_markup())
                fail("can only concatenate str (not \"" + type_name(b) + "\") to str");
            if (a.is_list())
                fail("can only concatenate " + type_name(a) + " (not \"" + type_name(b) +
                     "\") to " + type_name(a));
            unsupported(op, a, b);
        case BinOp::Sub:
            if (!numbers) unsupported(op, a, b);
            if (floats) return Value::floating(a.as_double() - b.as_double());
            {
                std::int64_t r;
                if (__builtin_sub_overflow(a.as_int(), b.as_int(), &r)) overflow();
                return Value::integer(r);
            }
        case BinOp::Mul:
            if (numbers) {
                if (floats) return Value::floating(a.as_double() * b.as_double());
                std::int64_t r;
                if (__builtin_mul_overflow(a.as_int(), b.as_int(), &r)) overflow();
                return Value::integer(r);
            }
            if ((a.is_string() || a.is_list()) && b.is_integral()) return repeat(a, b.as_int());
            if ((b.is_string() || b.is_list()) && a.is_integral()) return repeat(b, a.as_int());
            if ((a.is_string() || a.is_list()) || (b.is_string() || b.is_list()))
                fail("can't multiply sequence by non-int of type '" +
                     type_name(a.is_string() || a.is_list() ? b : a) + "'");
            unsupported(op, a, b);
        case BinOp::Div:
            if (!numbers) unsupported(op, a, b);
            if (b.as_double() == 0)
                fail(floats ? "float division by zero" : "division by zero");
            return Value::floating(a.as_double() / b.as_double());
        case BinOp::FloorDiv:
            if (!numbers) unsupported(op, a, b);
            if (floats) {
                if (b.as_double() == 0) fail("float floor division by zero");
                double x = a.as_double(), y = b.as_double();
                double mod = std::fmod(x, y);
                double div = (x - mod) / y;
                if (mod != 0 && ((y < 0) != (mod < 0))) div -= 1.0;
                double result;
                if (div != 0) {
                    result = std::floor(div);
                    if (div - result > 0.5) result += 1.0;
                } else {
                    result = std::copysign(0.0, x / y);
                }
                return Value::floating(result);
            }
            if (b.as_int() == 0) fail("integer division or modulo by zero");
            if (a.as_int() == INT64_MIN && b.as_int() == -1) overflow();
            return Value::integer(floor_div(a.as_int(), b.as_int()));
        case BinOp::Mod:
            if (a.is_string()) {
                std::string out = percent_format(a.sv(), b, a.is_markup(), mode);
                return Value::text(std::move(out), a.is_markup());
            }
            if (!numbers) unsupported(op, a, b);
            if (floats) {
                if (b.as_double() == 0) fail("float modulo");
                return Value::floating(float_mod(a.as_double(), b.as_double()));
            }
            if (b.as_int() == 0) fail("integer modulo by zero");
            if (b.as_int() == -1) return Value::integer(0);
            return Value::integer(a.as_int() - floor_div(a.as_int(), b.as_int()) * b.as_int());
        case BinOp::Pow:
            if (!numbers) unsupported(op, a, b);
            if (!floats && b.as_int() >= 0) {
                std::int64_t base = a.as_int(), exponent = b.as_int(), result = 1;
                while (exponent > 0) {
                    if (exponent & 1)
                        if (__builtin_mul_overflow(result, base, &result)) overflow();
                    exponent >>= 1;
                    if (exponent > 0 && __builtin_mul_overflow(base, base, &base)) overflow();
                }
                return Value::integer(result);
            }
            if (a.as_double() == 0 && b.as_double() < 0)
                fail("0.0 cannot be raised to a negative power");
            return Value::floating(std::pow(a.as_double(), b.as_double()));
    }
    unsupported(op, a, b);
}

Value negate(const Value& v) {
    if (v.is_undefined()) fail_undefined(v);
    if (v.is_float()) return Value::floating(-v.as_double());
    if (v.is_integral()) {
        if (v.as_int() == INT64_MIN) overflow();
        return Value::integer(-v.as_int());
    }
    fail("bad operand type for unary -: '" + type_name(v) + "'");
}

// ---------------------------------------------------------------------------------------------
// Containers

bool py_contains(const Value& container, const Value& item) {
    if (container.is_undefined()) fail_undefined(container);
    if (item.is_undefined() && !item.undef()->lenient) fail_undefined(item);
    switch (container.kind()) {
        case Kind::Str:
        case Kind::Markup:
            if (!item.is_string())
                fail("'in <string>' requires string as left operand, not " + type_name(item));
            return container.sv().find(item.sv()) != std::string_view::npos;
        case Kind::List:
        case Kind::Tuple: {
            std::size_t n = container.size();
            for (std::size_t i = 0; i < n; ++i)
                if (py_eq(container.at(i), item)) return true;
            return false;
        }
        case Kind::Dict:
            if (item.is_list() && item.kind() == Kind::List) fail("unhashable type: 'list'");
            if (item.is_dict()) fail("unhashable type: 'dict'");
            return container.dict_find(item).has_value();
        default:
            fail("argument of type '" + type_name(container) + "' is not iterable");
    }
}

std::size_t py_len(const Value& v) {
    switch (v.kind()) {
        case Kind::Str:
        case Kind::Markup: return text::length(v.sv());
        case Kind::List:
        case Kind::Tuple: return v.size();
        case Kind::Dict: return v.dict_size();
        case Kind::Undefined:
            if (!v.undef()->lenient) fail_undefined(v);
            return 0;
        default: fail("object of type '" + type_name(v) + "' has no len()");
    }
}

bool is_iterable(const Value& v) {
    return v.is_string() || v.is_list() || v.is_dict();
}

static std::vector<Value> string_chars(const Value& v) {
    std::vector<Value> out;
    std::string_view s = v.sv();
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = i + 1;
        while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
        out.push_back(Value::text(std::string(s.substr(i, j - i)), v.is_markup()));
        i = j;
    }
    return out;
}

std::vector<Value> py_list(const Value& v) {
    switch (v.kind()) {
        case Kind::Str:
        case Kind::Markup: return string_chars(v);
        case Kind::List:
        case Kind::Tuple: {
            if (const auto* items = v.items()) return *items;
            std::vector<Value> out;
            const json& j = *v.json_ptr();
            out.reserve(j.size());
            for (const auto& item : j) out.push_back(Value::from_json(item));
            return out;
        }
        case Kind::Dict: return v.dict_keys();
        case Kind::Undefined:
            if (!v.undef()->lenient) fail_undefined(v);
            return {};
        default: fail("'" + type_name(v) + "' object is not iterable");
    }
}

void py_for_each(const Value& v, const std::function<void(const Value&)>& f) {
    if (const auto* items = v.is_list() ? v.items() : nullptr) {
        for (const auto& item : *items) f(item);
        return;
    }
    if (v.is_list()) {
        for (const auto& item : *v.json_ptr()) f(Value::from_json(item));
        return;
    }
    for (const auto& item : py_list(v)) f(item);
}

std::optional<Value> py_index(const Value& v, std::int64_t index) {
    if (v.is_list()) {
        auto n = static_cast<std::int64_t>(v.size());
        if (index < 0) index += n;
        if (index < 0 || index >= n) return std::nullopt;
        return v.at(static_cast<std::size_t>(index));
    }
    if (v.is_string()) {
        std::u32string cps = text::decode(v.sv());
        auto n = static_cast<std::int64_t>(cps.size());
        if (index < 0) index += n;
        if (index < 0 || index >= n) return std::nullopt;
        std::string out;
        text::append_utf8(out, cps[static_cast<std::size_t>(index)]);
        return Value::text(std::move(out), v.is_markup());
    }
    return std::nullopt;
}

static std::int64_t slice_int(const Value& v, const char* what) {
    if (v.is_integral()) return v.as_int();
    if (v.is_undefined()) fail_undefined(v);
    fail(std::string("slice ") + what + " must be an integer or None, not " + type_name(v));
}

Value py_slice(const Value& v, const Value& start_v, const Value& stop_v, const Value& step_v) {
    std::int64_t step = step_v.is_none() ? 1 : slice_int(step_v, "step");
    if (step == 0) fail("slice step cannot be zero");
    bool is_str = v.is_string();
    std::u32string cps;
    std::int64_t n;
    if (is_str) {
        cps = text::decode(v.sv());
        n = static_cast<std::int64_t>(cps.size());
    } else if (v.is_list()) {
        n = static_cast<std::int64_t>(v.size());
    } else {
        if (v.is_undefined()) fail_undefined(v);
        fail("'" + type_name(v) + "' object is not subscriptable");
    }
    auto adjust = [&](const Value& x, std::int64_t def, const char* what) {
        if (x.is_none()) return def;
        std::int64_t i = slice_int(x, what);
        if (i < 0) {
            i += n;
            if (i < 0) i = step < 0 ? -1 : 0;
        } else if (i >= n) {
            i = step < 0 ? n - 1 : n;
        }
        return i;
    };
    std::int64_t start = adjust(start_v, step < 0 ? n - 1 : 0, "start");
    std::int64_t stop = adjust(stop_v, step < 0 ? -1 : n, "stop");
    if (is_str) {
        std::u32string out;
        for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step) out.push_back(cps[i]);
        return Value::text(text::encode(out), v.is_markup());
    }
    std::vector<Value> out;
    for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
        out.push_back(v.at(static_cast<std::size_t>(i)));
    return v.kind() == Kind::Tuple ? Value::tuple(std::move(out)) : Value::list(std::move(out));
}

Value concat(const std::vector<Value>& parts, bool markup_join, Escape mode) {
    bool any_markup = false;
    if (markup_join)
        for (const auto& p : parts)
            if (p.is_markup()) any_markup = true;
    std::string out;
    if (!any_markup) {
        for (const auto& p : parts) append_str(out, p);
        return Value::string(std::move(out));
    }
    for (const auto& p : parts) {
        if (p.is_markup())
            out += p.sv();
        else if (p.is_string())
            escape_into(out, p.sv(), mode);
        else
            escape_into(out, py_str(p), mode);
    }
    return Value::markup(std::move(out));
}

// ---------------------------------------------------------------------------------------------
// Formatting

static std::string pad(std::string s, std::size_t width, char align, char32_t fill = ' ') {
    std::size_t len = text::length(s);
    if (len >= width) return s;
    std::size_t total = width - len;
    std::string fill_s;
    text::append_utf8(fill_s, fill);
    auto repeat_fill = [&](std::size_t n) {
        std::string r;
        for (std::size_t i = 0; i < n; ++i) r += fill_s;
        return r;
    };
    if (align == '<') return s + repeat_fill(total);
    if (align == '^') return repeat_fill(total / 2) + s + repeat_fill(total - total / 2);
    return repeat_fill(total) + s;
}

// The number a run of digits in a format writes, held just above kMaxWidth so a huge one fails in
// checked_width instead of overflowing.
template <class Digits>
static std::int64_t spec_number(const Digits& digits) {
    std::int64_t n = 0;
    for (auto c : digits) n = std::min<std::int64_t>(n * 10 + (c - '0'), kMaxWidth + 1);
    return n;
}

static std::string cut(std::string_view s, std::size_t n) {
    std::size_t count = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (count == n) break;
            ++count;
        }
    }
    return std::string(s.substr(0, i));
}

static double to_float_arg(const Value& v, char conv) {
    if (v.is_number()) return v.as_double();
    if (v.is_undefined()) fail_undefined(v);
    fail(std::string("%") + conv + " format: a real number is required, not " + type_name(v));
}

static std::int64_t to_int_arg(const Value& v, char conv) {
    if (v.is_integral()) return v.as_int();
    if (v.is_float() && conv != 'x' && conv != 'X' && conv != 'o' && conv != 'c') {
        double d = v.as_double();
        if (std::isnan(d) || std::isinf(d)) fail("cannot convert float to integer");
        // Python's integers have no limit; ours stop at 64 bits (converting beyond is undefined).
        if (std::abs(d) >= 9.2e18)
            fail(std::string("%") + conv + " format: " + py_repr(v) +
                 " is too large to write as a whole number");
        return static_cast<std::int64_t>(std::trunc(d));
    }
    if (v.is_undefined()) fail_undefined(v);
    if (conv == 'd' || conv == 'i' || conv == 'u')
        fail(std::string("%") + conv + " format: a real number is required, not " + type_name(v));
    fail(std::string("%") + conv + " format: an integer is required, not " + type_name(v));
}

// The width or precision given by `*`: Python takes integers only.
static std::int64_t star_arg(const Value& v) {
    if (!v.is_integral()) fail("* wants int");
    return v.as_int();
}

std::string percent_format(std::string_view fmt, const Value& args, bool escape_args,
                           Escape mode) {
    std::vector<Value> positional;
    const Value* mapping = nullptr;
    if (args.kind() == Kind::Tuple)
        positional = py_list(args);
    else if (args.is_dict())
        mapping = &args, positional.push_back(args);
    else
        positional.push_back(args);
    std::size_t next = 0;
    bool used_mapping = false;
    std::string out;
    auto take = [&]() -> Value {
        if (next >= positional.size()) fail("not enough arguments for format string");
        return positional[next++];
    };
    auto escaped = [&](std::string s, const Value& v) {
        if (!escape_args || v.is_markup()) return s;
        std::string e;
        escape_into(e, s, mode);
        return e;
    };
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        char c = fmt[i];
        if (c != '%') {
            out.push_back(c);
            continue;
        }
        if (++i >= fmt.size()) fail("incomplete format");
        std::optional<Value> arg;
        if (fmt[i] == '(') {
            std::size_t close = fmt.find(')', i);
            if (close == std::string_view::npos) fail("incomplete format key");
            if (!mapping) fail("format requires a mapping");
            std::string key(fmt.substr(i + 1, close - i - 1));
            auto found = mapping->dict_find(key);
            if (!found) fail("KeyError: " + text::string_repr(key));
            arg = *found;
            used_mapping = true;
            i = close + 1;
        }
        std::string flags;
        while (i < fmt.size() && std::string_view("-+ #0").find(fmt[i]) != std::string_view::npos)
            flags.push_back(fmt[i++]);
        auto digits_from = [&](std::size_t start) {
            while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) ++i;
            return fmt.substr(start, i - start);
        };
        std::string width;     // as written into the printf spec
        std::size_t width_n = 0;  // the same, as a number
        if (i < fmt.size() && fmt[i] == '*') {
            std::int64_t n = star_arg(take());
            if (n < 0) flags.push_back('-');  // as in Python, a negative width left-justifies
            width_n = checked_width(n < -kMaxWidth ? kMaxWidth + 1 : n < 0 ? -n : n);
            width = std::to_string(width_n);
            ++i;
        }
        if (std::string_view digits = digits_from(i); !digits.empty()) {
            width_n = checked_width(spec_number(digits));
            width = std::to_string(width_n);
        }
        std::optional<int> precision;
        if (i < fmt.size() && fmt[i] == '.') {
            ++i;
            std::int64_t p = 0;
            if (i < fmt.size() && fmt[i] == '*') {
                p = std::max<std::int64_t>(star_arg(take()), 0);
                ++i;
            }
            if (std::string_view digits = digits_from(i); !digits.empty()) p = spec_number(digits);
            precision = static_cast<int>(checked_width(p, "precision"));
        }
        while (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
        if (i >= fmt.size()) fail("incomplete format");
        char conv = fmt[i];
        if (conv == '%') {
            out.push_back('%');
            continue;
        }
        Value v = arg ? *arg : take();
        std::string piece;
        std::string spec = "%" + flags + width;
        if (precision) spec += "." + std::to_string(*precision);
        char buf[512];
        switch (conv) {
            case 's':
            case 'r':
            case 'a': {
                std::string s = conv == 's' ? py_str(v) : py_repr(v);
                if (precision) s = cut(s, static_cast<std::size_t>(*precision));
                s = escaped(std::move(s), v);
                std::size_t w = width_n;
                piece = pad(s, w, flags.find('-') != std::string::npos ? '<' : '>');
                break;
            }
            case 'd':
            case 'i':
            case 'u':
            case 'x':
            case 'X':
            case 'o': {
                std::int64_t n = to_int_arg(v, conv);
                char type = conv == 'i' || conv == 'u' ? 'd' : conv;
                std::string f = spec + "ll" + type;
                if (flags.find('#') != std::string::npos && conv == 'o') {
                    // Python writes 0o17 where C writes 017.
                    std::string plain = spec;
                    plain.erase(std::remove(plain.begin(), plain.end(), '#'), plain.end());
                    std::snprintf(buf, sizeof buf, (plain + "llo").c_str(), static_cast<long long>(n));
                    piece = buf;
                    auto pos = piece.find_first_not_of(' ');
                    piece.insert(pos == std::string::npos ? 0 : pos, "0o");
                    break;
                }
                std::snprintf(buf, sizeof buf, f.c_str(), static_cast<long long>(n));
                piece = buf;
                break;
            }
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G': {
                double d = to_float_arg(v, conv);
                std::snprintf(buf, sizeof buf, (spec + conv).c_str(), d);
                piece = buf;
                break;
            }
            case 'c': {
                std::string s;
                if (v.is_integral())
                    text::append_utf8(s, static_cast<char32_t>(v.as_int()));
                else if (v.is_string() && text::length(v.sv()) == 1)
                    s = std::string(v.sv());
                else
                    fail("%c requires int or char");
                std::size_t w = width_n;
                piece = pad(escaped(s, v), w, flags.find('-') != std::string::npos ? '<' : '>');
                break;
            }
            default: {
                char msg[96];
                std::snprintf(msg, sizeof msg,
                              "unsupported format character '%c' (0x%x) at index %zu", conv,
                              static_cast<unsigned>(static_cast<unsigned char>(conv)), i);
                fail(msg);
            }
        }
        out += piece;
    }
    if (!used_mapping && next < positional.size() && !mapping)
        fail("not all arguments converted during string formatting");
    return out;
}

static std::string group_digits(const std::string& digits, char sep) {
    std::string out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (count && count % 3 == 0) out.push_back(sep);
        out.push_back(*it);
        ++count;
    }
    return {out.rbegin(), out.rend()};
}

std::string format_spec(const Value& v, std::string_view spec) {
    if (v.is_undefined()) fail_undefined(v);
    if (spec.empty()) return py_str(v);
    // [[fill]align][sign][z][#][0][width][grouping][.precision][type]
    std::u32string s = text::decode(spec);
    std::size_t i = 0;
    char32_t fill = ' ';
    char align = 0;
    auto is_align = [](char32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; };
    if (s.size() >= 2 && is_align(s[1])) {
        fill = s[0];
        align = static_cast<char>(s[1]);
        i = 2;
    } else if (!s.empty() && is_align(s[0])) {
        align = static_cast<char>(s[0]);
        i = 1;
    }
    char sign = '-';
    if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sign = static_cast<char>(s[i++]);
    if (i < s.size() && s[i] == 'z') ++i;
    bool alternate = false;
    if (i < s.size() && s[i] == '#') alternate = true, ++i;
    if (i < s.size() && s[i] == '0') {
        if (!align) {
            fill = '0';
            align = '=';
        }
        ++i;
    }
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    std::size_t width = checked_width(spec_number(s.substr(start, i - start)));
    char grouping = 0;
    if (i < s.size() && (s[i] == ',' || s[i] == '_')) grouping = static_cast<char>(s[i++]);
    std::optional<int> precision;
    if (i < s.size() && s[i] == '.') {
        ++i;
        std::size_t digits = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == digits) fail("Format specifier missing precision");
        precision = static_cast<int>(checked_width(spec_number(s.substr(digits, i - digits)),
                                                   "precision"));
    }
    char type = 0;
    if (i < s.size()) type = static_cast<char>(s[i++]);
    if (i < s.size()) fail("Invalid format specifier '" + std::string(spec) + "'");

    if (v.is_string() || (!v.is_number())) {
        if (!v.is_string()) {
            if (type || precision || grouping)
                fail("unsupported format string passed to " + type_name(v) + ".__format__");
        } else if (type && type != 's') {
            fail(std::string("Unknown format code '") + type + "' for object of type 'str'");
        }
        std::string str = py_str(v);
        if (precision) str = cut(str, static_cast<std::size_t>(*precision));
        return pad(str, width, align ? (align == '=' ? '<' : align) : '<', fill);
    }
    bool is_integer = v.is_integral() && (type == 0 || std::string_view("bcdoxXn").find(type) != std::string_view::npos);
    std::string body;
    bool negative = false;
    std::string prefix;
    if (is_integer) {
        if (precision) fail("Precision not allowed in integer format specifier");
        std::int64_t n = v.as_int();
        negative = n < 0;
        unsigned long long u = negative ? 0ULL - static_cast<unsigned long long>(n) : n;
        char buf[80];
        switch (type) {
            case 'x': std::snprintf(buf, sizeof buf, "%llx", u); prefix = alternate ? "0x" : ""; break;
            case 'X': std::snprintf(buf, sizeof buf, "%llX", u); prefix = alternate ? "0X" : ""; break;
            case 'o': std::snprintf(buf, sizeof buf, "%llo", u); prefix = alternate ? "0o" : ""; break;
            case 'b': {
                std::string bits;
                do { bits.insert(bits.begin(), char('0' + (u & 1))); u >>= 1; } while (u);
                std::snprintf(buf, sizeof buf, "%s", bits.c_str());
                prefix = alternate ? "0b" : "";
                break;
            }
            case 'c': {
                std::string ch;
                text::append_utf8(ch, static_cast<char32_t>(n));
                return pad(ch, width, align ? align : '<', fill);
            }
            default: std::snprintf(buf, sizeof buf, "%llu", u);
        }
        body = buf;
        if (grouping) body = group_digits(body, grouping);
    } else {
        double d = v.as_double();
        negative = std::signbit(d) && !std::isnan(d);
        double a = std::fabs(d);
        char buf[512];
        if (type == 0) {
            if (!precision) {
                body = text::float_repr(a);
                if (v.is_integral()) body = std::to_string(static_cast<long long>(a));
            } else {
                std::snprintf(buf, sizeof buf, "%.*g", std::max(*precision, 1), a);
                body = buf;
                if (body.find_first_of(".en") == std::string::npos) body += ".0";
            }
        } else if (type == '%') {
            std::snprintf(buf, sizeof buf, "%.*f", precision.value_or(6), a * 100);
            body = std::string(buf) + "%";
        } else if (std::string_view("eEfFgGn").find(type) != std::string_view::npos) {
            char t = type == 'n' ? 'g' : type;
            std::snprintf(buf, sizeof buf, (std::string("%") + (alternate ? "#" : "") + ".*" + t).c_str(),
                          precision.value_or(6), a);
            body = buf;
        } else {
            fail(std::string("Unknown format code '") + type + "' for object of type '" +
                 type_name(v) + "'");
        }
        if (grouping) {
            std::size_t end = body.find_first_not_of("0123456789");
            std::string intpart = body.substr(0, end);
            body = group_digits(intpart, grouping) + (end == std::string::npos ? "" : body.substr(end));
        }
    }
    std::string sign_s = negative ? "-" : (sign == '+' ? "+" : (sign == ' ' ? " " : ""));
    if (!align) align = '>';
    if (align == '=') {
        std::string head = sign_s + prefix;
        std::size_t len = text::length(head) + text::length(body);
        std::string fill_s;
        text::append_utf8(fill_s, fill);
        std::string middle;
        for (std::size_t k = len; k < width; ++k) middle += fill_s;
        if (fill == '0' && grouping && !middle.empty()) {
            // Python groups the zero padding as well.
            std::size_t digits_wanted = width - text::length(head);
            std::string digits = body;
            std::string plain;
            for (char ch : digits) if (ch != grouping) plain.push_back(ch);
            std::size_t dot = plain.find_first_not_of("0123456789");
            std::string intpart = plain.substr(0, dot), rest = dot == std::string::npos ? "" : plain.substr(dot);
            // Leading zeros until the grouped number is wide enough, counted first: grouping
            // again after each zero took time quadratic in the width.
            auto grouped_size = [&](std::size_t n) {
                return n + (n ? (n - 1) / 3 : 0) + rest.size();
            };
            std::size_t zeros = 0;
            while (grouped_size(intpart.size() + zeros) < digits_wanted) ++zeros;
            intpart.insert(0, zeros, '0');
            return head + group_digits(intpart, grouping) + rest;
        }
        return head + middle + body;
    }
    return pad(sign_s + prefix + body, width, align, fill);
}

std::string str_format(std::string_view fmt, const CallArgs& args, bool escape_args, Escape mode) {
    std::string out;
    std::size_t auto_index = 0;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        char c = fmt[i];
        if (c == '}') {
            if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
                out.push_back('}');
                ++i;
                continue;
            }
            fail("Single '}' encountered in format string");
        }
        if (c != '{') {
            out.push_back(c);
            continue;
        }
        if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
            out.push_back('{');
            ++i;
            continue;
        }
        std::size_t close = fmt.find('}', i);
        if (close == std::string_view::npos) fail("Single '{' encountered in format string");
        std::string_view field = fmt.substr(i + 1, close - i - 1);
        i = close;
        std::string_view spec;
        char conversion = 0;
        if (auto colon = field.find(':'); colon != std::string_view::npos) {
            spec = field.substr(colon + 1);
            field = field.substr(0, colon);
        }
        if (auto bang = field.find('!'); bang != std::string_view::npos) {
            if (bang + 1 < field.size()) conversion = field[bang + 1];
            field = field.substr(0, bang);
        }
        std::size_t name_end = field.find_first_of(".[");
        std::string_view name = field.substr(0, name_end);
        Value v;
        if (name.empty()) {
            if (auto_index >= args.pos.size())
                fail("Replacement index " + std::to_string(auto_index) +
                     " out of range for positional args tuple");
            v = args.pos[auto_index++];
        } else if (std::all_of(name.begin(), name.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
            std::int64_t index = text::parse_digits(name);
            if (index == std::numeric_limits<std::int64_t>::max())
                fail("Too many decimal digits in format string");
            if (static_cast<std::uint64_t>(index) >= args.pos.size())
                fail("Replacement index " + std::string(name) +
                     " out of range for positional args tuple");
            v = args.pos[index];
        } else {
            bool found = false;
            for (const auto& [key, value] : args.kw)
                if (key == name) v = value, found = true;
            if (!found) fail("KeyError: " + text::string_repr(name));
        }
        std::string_view rest = name_end == std::string_view::npos ? "" : field.substr(name_end);
        while (!rest.empty()) {
            if (rest[0] == '[') {
                std::size_t end = rest.find(']');
                std::string key(rest.substr(1, end - 1));
                std::optional<Value> item;
                if (v.is_dict())
                    item = v.dict_find(key);
                else if (v.is_list() && !key.empty() && std::all_of(key.begin(), key.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
                {
                    std::int64_t index = text::parse_digits(key);
                    if (index == std::numeric_limits<std::int64_t>::max())
                        fail("Too many decimal digits in format string");
                    item = py_index(v, index);
                }
                if (!item) fail("KeyError: " + text::string_repr(key));
                v = *item;
                rest = rest.substr(end + 1);
            } else {
                std::size_t end = rest.find_first_of(".[", 1);
                std::string key(rest.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1));
                std::optional<Value> item;
                if (v.is_dict()) item = v.dict_find(key);
                if (!item) fail("'" + type_name(v) + "' object has no attribute '" + key + "'");
                v = *item;
                rest = end == std::string_view::npos ? "" : rest.substr(end);
            }
        }
        std::string piece;
        if (conversion == 'r' || conversion == 'a')
            piece = format_spec(Value::string(py_repr(v)), spec);
        else if (conversion == 's')
            piece = format_spec(Value::string(py_str(v)), spec);
        else
            piece = format_spec(v, spec);
        if (escape_args && !v.is_markup())
            escape_into(out, piece, mode);
        else
            out += piece;
    }
    return out;
}

}  // namespace boardpress::tmpl
