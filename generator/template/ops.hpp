// Python's operations on template values: str(), repr(), truth, equality, ordering, arithmetic,
// membership, iteration, and escaping (markupsafe's rules for Markup).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "template/template.hpp"
#include "template/value.hpp"

namespace boardpress::tmpl {

enum class BinOp : std::uint8_t { Add, Sub, Mul, Div, FloorDiv, Mod, Pow };
enum class CmpOp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn };

// Escapes `text` as the environment's autoescape mode does (Escape::none appends it unchanged).
void escape_into(std::string& out, std::string_view text, Escape mode);
void escape_html_into(std::string& out, std::string_view text);
// markupsafe.escape(): Markup stays as it is, anything else is str()-ed and escaped.
Value escape_value(const Value& v, Escape mode);

// str(v). Strict undefined values fail; lenient ones give "".
std::string py_str(const Value& v);
void append_str(std::string& out, const Value& v);
std::string py_repr(const Value& v);
bool truthy(const Value& v);
bool py_eq(const Value& a, const Value& b);
// -1, 0 or 1; fails with Python's TypeError message when the types cannot be ordered.
int py_cmp(const Value& a, const Value& b, std::string_view op = "<");
bool compare(CmpOp op, const Value& a, const Value& b);
Value binop(BinOp op, const Value& a, const Value& b, Escape mode);
Value negate(const Value& v);
bool py_contains(const Value& container, const Value& item);
std::size_t py_len(const Value& v);
// list(v): the items of a list, the keys of a dict, the characters of a string.
std::vector<Value> py_list(const Value& v);
// Iterates without copying when the value is a list.
void py_for_each(const Value& v, const std::function<void(const Value&)>& f);
bool is_iterable(const Value& v);
// v[index] for lists and strings (negative counts from the end); nullopt when out of range.
std::optional<Value> py_index(const Value& v, std::int64_t index);
// v[start:stop:step]
Value py_slice(const Value& v, const Value& start, const Value& stop, const Value& step);
// Python's hash-equality for dict keys.
bool key_equal(const Value& a, const Value& b);

// Jinja2's markup_join and str_join (the `~` operator).
Value concat(const std::vector<Value>& parts, bool markup_join, Escape mode);

// Python %-formatting: fmt % args (args a tuple, a dict for %(name)s, or a single value).
std::string percent_format(std::string_view fmt, const Value& args, bool escape_args,
                           Escape mode);
// str.format(*args, **kwargs)
std::string str_format(std::string_view fmt, const CallArgs& args, bool escape_args, Escape mode);
// format(value, spec)
std::string format_spec(const Value& v, std::string_view spec);

}  // namespace boardpress::tmpl
