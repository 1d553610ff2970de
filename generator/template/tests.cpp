// Jinja2's built-in tests (`x is defined`, `n is divisibleby 3`, ...).
#include "template/ops.hpp"
#include "template/registry.hpp"
#include "template/renderer.hpp"
#include "template/text.hpp"

namespace boardpress::tmpl {

namespace {

const Value& one_arg(CallArgs& args, const char* test) {
    if (args.pos.size() + args.kw.size() != 1)
        fail(std::string("the `") + test + "` test takes exactly one argument");
    return args.pos.empty() ? args.kw[0].second : args.pos[0];
}

void no_args(CallArgs& args, const char* test) {
    if (!args.pos.empty() || !args.kw.empty())
        fail(std::string("the `") + test + "` test takes no arguments");
}

bool t_defined(Renderer&, const Value& v, CallArgs& a) { return no_args(a, "defined"), !v.is_undefined(); }
bool t_undefined(Renderer&, const Value& v, CallArgs& a) { return no_args(a, "undefined"), v.is_undefined(); }
bool t_none(Renderer&, const Value& v, CallArgs& a) { return no_args(a, "none"), v.is_none(); }
bool t_boolean(Renderer&, const Value& v, CallArgs& a) { return no_args(a, "boolean"), v.is_bool(); }
bool t_false(Renderer&, const Value& v, CallArgs& a) { return no_args(a, "false"), v.is_bool() && !v.as_bool(); }
bool t_true(Renderer&, const Value& v, CallArgs& a) { return no_args(a, "true"), v.is_bool() && v.as_bool(); }
bool t_integer(Renderer&, const Value& v, CallArgs& a) { return no_args(a, "integer"), v.is_int(); }
bool t_float(Renderer&, const Value& v, CallArgs& a) { return no_args(a, "float"), v.is_float(); }
bool t_number(Renderer&, const Value& v, CallArgs& a) { return no_args(a, "number"), v.is_number(); }
bool t_string(Renderer&, const Value& v, CallArgs& a) { return no_args(a, "string"), v.is_string(); }
bool t_mapping(Renderer&, const Value& v, CallArgs& a) { return no_args(a, "mapping"), v.is_dict(); }
bool t_escaped(Renderer&, const Value& v, CallArgs& a) { return no_args(a, "escaped"), v.is_markup(); }

bool t_iterable(Renderer&, const Value& v, CallArgs& a) {
    no_args(a, "iterable");
    if (v.is_undefined()) {
        if (!v.undef()->lenient) fail_undefined(v);
        return true;
    }
    return is_iterable(v);
}

bool t_sequence(Renderer&, const Value& v, CallArgs& a) {
    no_args(a, "sequence");
    return v.is_string() || v.is_list() || v.is_dict();
}

bool t_callable(Renderer&, const Value& v, CallArgs& a) {
    no_args(a, "callable");
    return v.is_object() && v.pyobj()->callable();
}

Value mod(Renderer& r, const Value& v, const Value& n) {
    if (v.is_undefined()) fail_undefined(v);
    if (!v.is_number()) fail("unsupported operand type(s) for %: '" + type_name(v) + "' and '" + type_name(n) + "'");
    return binop(BinOp::Mod, v, n, r.mode());
}

bool t_even(Renderer& r, const Value& v, CallArgs& a) {
    no_args(a, "even");
    return py_eq(mod(r, v, Value::integer(2)), Value::integer(0));
}

bool t_odd(Renderer& r, const Value& v, CallArgs& a) {
    no_args(a, "odd");
    return py_eq(mod(r, v, Value::integer(2)), Value::integer(1));
}

bool t_divisibleby(Renderer& r, const Value& v, CallArgs& a) {
    return py_eq(mod(r, v, one_arg(a, "divisibleby")), Value::integer(0));
}

bool t_in(Renderer&, const Value& v, CallArgs& a) { return py_contains(one_arg(a, "in"), v); }
bool t_eq(Renderer&, const Value& v, CallArgs& a) { return py_eq(v, one_arg(a, "eq")); }
bool t_ne(Renderer&, const Value& v, CallArgs& a) { return !py_eq(v, one_arg(a, "ne")); }
bool t_lt(Renderer&, const Value& v, CallArgs& a) { return py_cmp(v, one_arg(a, "lt"), "<") < 0; }
bool t_le(Renderer&, const Value& v, CallArgs& a) { return py_cmp(v, one_arg(a, "le"), "<=") <= 0; }
bool t_gt(Renderer&, const Value& v, CallArgs& a) { return py_cmp(v, one_arg(a, "gt"), ">") > 0; }
bool t_ge(Renderer&, const Value& v, CallArgs& a) { return py_cmp(v, one_arg(a, "ge"), ">=") >= 0; }

bool t_lower(Renderer&, const Value& v, CallArgs& a) {
    no_args(a, "lower");
    return text::islower(py_str(v));
}

bool t_upper(Renderer&, const Value& v, CallArgs& a) {
    no_args(a, "upper");
    return text::isupper(py_str(v));
}

bool t_sameas(Renderer&, const Value& v, CallArgs& a) { return v.same_object(one_arg(a, "sameas")); }

bool t_filter(Renderer& r, const Value& v, CallArgs& a) {
    no_args(a, "filter");
    return v.is_string() && r.has_filter(v.sv());
}

bool t_test(Renderer& r, const Value& v, CallArgs& a) {
    no_args(a, "test");
    return v.is_string() && r.has_test(v.sv());
}

}  // namespace

void register_tests(Registry& registry) {
    auto add = [&](const char* name, TestFn fn) { registry.tests[name] = TestEntry{fn, true}; };
    add("defined", t_defined);
    add("undefined", t_undefined);
    add("none", t_none);
    add("boolean", t_boolean);
    add("false", t_false);
    add("true", t_true);
    add("integer", t_integer);
    add("float", t_float);
    add("number", t_number);
    add("string", t_string);
    add("mapping", t_mapping);
    add("iterable", t_iterable);
    add("sequence", t_sequence);
    add("callable", t_callable);
    add("escaped", t_escaped);
    add("even", t_even);
    add("odd", t_odd);
    add("divisibleby", t_divisibleby);
    add("in", t_in);
    add("eq", t_eq);
    add("equalto", t_eq);
    add("==", t_eq);
    add("ne", t_ne);
    add("!=", t_ne);
    add("lt", t_lt);
    add("lessthan", t_lt);
    add("<", t_lt);
    add("le", t_le);
    add("<=", t_le);
    add("gt", t_gt);
    add("greaterthan", t_gt);
    add(">", t_gt);
    add("ge", t_ge);
    add(">=", t_ge);
    add("lower", t_lower);
    add("upper", t_upper);
    add("sameas", t_sameas);
    add("filter", t_filter);
    add("test", t_test);
}

}  // namespace boardpress::tmpl
