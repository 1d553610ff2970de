// Methods of strings, dicts and lists (`s.upper()`, `d.items()`), and the global functions every
// template sees (range, dict, namespace, cycler, joiner).
#include <algorithm>

#include "template/objects.hpp"
#include "template/ops.hpp"
#include "template/text.hpp"

namespace boardpress::tmpl {

std::vector<std::optional<Value>> bind_args(const CallArgs& args, std::string_view who,
                                            std::initializer_list<std::string_view> names) {
    std::vector<std::string_view> list(names);
    std::vector<std::optional<Value>> out(list.size());
    if (args.pos.size() > list.size())
        fail(std::string(who) + "() takes at most " + std::to_string(list.size()) +
             " argument(s) (" + std::to_string(args.pos.size()) + " given)");
    for (std::size_t i = 0; i < args.pos.size(); ++i) out[i] = args.pos[i];
    for (const auto& [key, value] : args.kw) {
        auto it = std::find(list.begin(), list.end(), key);
        if (it == list.end()) {
            std::vector<std::string> candidates(list.begin(), list.end());
            fail(std::string(who) + "() got an unexpected keyword argument '" + std::string(key) +
                     "'",
                 did_you_mean_hint(key, candidates));
        }
        std::size_t index = static_cast<std::size_t>(it - list.begin());
        if (out[index])
            fail(std::string(who) + "() got multiple values for argument '" + std::string(key) +
                 "'");
        out[index] = value;
    }
    return out;
}

Value attr_path(Renderer& r, const Value& item, std::string_view path) {
    Value current = item;
    std::size_t start = 0;
    while (true) {
        std::size_t dot = path.find('.', start);
        std::string_view part = path.substr(
            start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        // Up to 18 digits fit in 64 bits; more name no item of any list, so look them up as text.
        bool digits = !part.empty() && part.size() <= 18 &&
                      std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits)
            current = r.getitem(current, Value::integer(text::parse_digits(part)));
        else
            current = r.getitem(current, Value::string(std::string(part)));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return current;
}

namespace {

std::string arg_str(const std::optional<Value>& v, std::string_view what) {
    if (!v) fail(std::string(what) + " is missing");
    if (v->is_undefined()) fail_undefined(*v);
    if (!v->is_string()) fail(std::string(what) + " must be str, not " + type_name(*v));
    return std::string(v->sv());
}

std::int64_t arg_int(const std::optional<Value>& v, std::int64_t def) {
    if (!v || v->is_none()) return def;
    if (v->is_undefined()) fail_undefined(*v);
    if (!v->is_integral())
        fail("'" + type_name(*v) + "' object cannot be interpreted as an integer");
    return v->as_int();
}

// Escapes a string argument of a Markup method, as markupsafe does.
std::string escaped_arg(const Value& self, const Value& arg, Escape mode) {
    if (!self.is_markup() || arg.is_markup()) return py_str(arg);
    std::string out;
    escape_into(out, py_str(arg), mode);
    return out;
}

std::string justify(std::string_view s, std::int64_t width, std::string_view fill, char how) {
    checked_width(width);
    std::int64_t len = static_cast<std::int64_t>(text::length(s));
    if (width <= len) return std::string(s);
    std::int64_t marg = width - len;
    std::int64_t left = how == '<' ? 0 : how == '>' ? marg : marg / 2 + (marg & width & 1);
    std::int64_t right = marg - left;
    std::string out;
    for (std::int64_t i = 0; i < left; ++i) out += fill;
    out += s;
    for (std::int64_t i = 0; i < right; ++i) out += fill;
    return out;
}

std::string fill_char(const std::optional<Value>& v) {
    if (!v) return " ";
    std::string f = arg_str(v, "fillchar");
    if (text::length(f) != 1) fail("The fill character must be exactly one character long");
    return f;
}

Value string_list(const Value& self, const std::vector<std::string>& parts) {
    std::vector<Value> items;
    items.reserve(parts.size());
    for (const auto& p : parts) items.push_back(Value::text_like(self, p));
    return Value::list(std::move(items));
}

bool affix_match(const Value& self, const std::optional<Value>& arg, bool start) {
    std::string_view s = self.sv();
    auto one = [&](const Value& a) {
        if (!a.is_string())
            fail(std::string(start ? "startswith" : "endswith") +
                 " first arg must be str or a tuple of str, not " + type_name(a));
        std::string_view p = a.sv();
        if (p.size() > s.size()) return false;
        return start ? s.substr(0, p.size()) == p : s.substr(s.size() - p.size()) == p;
    };
    if (!arg) fail("missing argument");
    if (arg->kind() == Kind::Tuple) {
        for (std::size_t i = 0; i < arg->size(); ++i)
            if (one(arg->at(i))) return true;
        return false;
    }
    return one(*arg);
}

using Method = Value (*)(Renderer&, const Value& self, CallArgs& args);

Value str_method(std::string_view name, Renderer& r, const Value& self, CallArgs& args) {
    std::string_view s = self.sv();
    Escape mode = r.mode();
    auto bind = [&](std::initializer_list<std::string_view> names) {
        return bind_args(args, name, names);
    };
    if (name == "upper") return bind({}), Value::text_like(self, text::upper(s));
    if (name == "lower" || name == "casefold")
        return bind({}), Value::text_like(self, text::lower(s));
    if (name == "title") return bind({}), Value::text_like(self, text::title(s));
    if (name == "capitalize") return bind({}), Value::text_like(self, text::capitalize(s));
    if (name == "swapcase") return bind({}), Value::text_like(self, text::swapcase(s));
    if (name == "strip" || name == "lstrip" || name == "rstrip") {
        auto a = bind({"chars"});
        std::optional<std::string> chars;
        if (a[0] && !a[0]->is_none()) chars = py_str(*a[0]);
        return Value::text_like(
            self, text::strip(s, chars ? &*chars : nullptr, name != "rstrip", name != "lstrip"));
    }
    if (name == "startswith" || name == "endswith") {
        auto a = bind({"prefix", "start", "end"});
        return Value::boolean(affix_match(self, a[0], name == "startswith"));
    }
    if (name == "split" || name == "rsplit") {
        auto a = bind({"sep", "maxsplit"});
        std::optional<std::string> sep;
        if (a[0] && !a[0]->is_none()) {
            sep = py_str(*a[0]);
            if (sep->empty()) fail("empty separator");
        }
        long maxsplit = static_cast<long>(arg_int(a[1], -1));
        auto parts = name == "split" ? text::split(s, sep ? &*sep : nullptr, maxsplit)
                                     : text::rsplit(s, sep ? &*sep : nullptr, maxsplit);
        return string_list(self, parts);
    }
    if (name == "splitlines") {
        auto a = bind({"keepends"});
        return string_list(self, text::splitlines(s, a[0] && truthy(*a[0])));
    }
    if (name == "replace") {
        auto a = bind({"old", "new", "count"});
        if (!a[0] || !a[1]) fail("replace() takes at least 2 arguments");
        if (!a[0]->is_string() || !a[1]->is_string()) fail("replace() argument must be str");
        return Value::text_like(self,
                                text::replace(s, py_str(*a[0]), escaped_arg(self, *a[1], mode),
                                              static_cast<long>(arg_int(a[2], -1)), kMaxTextBytes));
    }
    if (name == "format")
        return Value::text_like(self, str_format(s, args, self.is_markup(), mode));
    if (name == "join") {
        auto a = bind({"iterable"});
        if (!a[0]) fail("join() takes exactly one argument");
        std::string out;
        bool first = true;
        for (const auto& item : py_list(*a[0])) {
            check_text_size(out.size());  // a long separator times many items
            if (!first) out += s;
            first = false;
            if (!item.is_string() && !self.is_markup())
                fail("sequence item: expected str instance, " + type_name(item) + " found");
            out += escaped_arg(self, item, mode);
        }
        return Value::text_like(self, std::move(out));
    }
    if (name == "count") {
        auto a = bind({"sub", "start", "end"});
        return Value::integer(static_cast<std::int64_t>(text::count(s, arg_str(a[0], "sub"))));
    }
    if (name == "find" || name == "rfind" || name == "index" || name == "rindex") {
        auto a = bind({"sub", "start", "end"});
        long found = text::find(s, arg_str(a[0], "sub"), name[0] == 'r');
        if (found < 0 && (name == "index" || name == "rindex")) fail("substring not found");
        return Value::integer(found);
    }
    if (name == "center" || name == "ljust" || name == "rjust") {
        auto a = bind({"width", "fillchar"});
        char how = name == "center" ? '^' : name == "ljust" ? '<' : '>';
        return Value::text_like(self, justify(s, arg_int(a[0], 0), fill_char(a[1]), how));
    }
    if (name == "zfill") {
        auto a = bind({"width"});
        auto width = static_cast<std::int64_t>(checked_width(arg_int(a[0], 0)));
        std::string str(s);
        std::int64_t len = static_cast<std::int64_t>(text::length(str));
        if (width <= len) return Value::text_like(self, str);
        std::string sign;
        if (!str.empty() && (str[0] == '+' || str[0] == '-')) {
            sign = str.substr(0, 1);
            str = str.substr(1);
        }
        return Value::text_like(
            self, sign + std::string(static_cast<std::size_t>(width - len), '0') + str);
    }
    if (name == "removeprefix" || name == "removesuffix") {
        auto a = bind({"affix"});
        std::string affix = py_str(*a[0]);
        std::string str(s);
        if (name == "removeprefix" && str.rfind(affix, 0) == 0) str = str.substr(affix.size());
        if (name == "removesuffix" && str.size() >= affix.size() &&
            str.compare(str.size() - affix.size(), affix.size(), affix) == 0)
            str = str.substr(0, str.size() - affix.size());
        return Value::text_like(self, std::move(str));
    }
    if (name == "partition" || name == "rpartition") {
        auto a = bind({"sep"});
        std::string sep = py_str(*a[0]);
        if (sep.empty()) fail("empty separator");
        std::size_t at = name == "partition" ? s.find(sep) : s.rfind(sep);
        std::vector<Value> items;
        if (at == std::string_view::npos) {
            if (name == "partition")
                items = {Value::text_like(self, std::string(s)), Value::text_like(self, ""),
                         Value::text_like(self, "")};
            else
                items = {Value::text_like(self, ""), Value::text_like(self, ""),
                         Value::text_like(self, std::string(s))};
        } else {
            items = {Value::text_like(self, std::string(s.substr(0, at))),
                     Value::text_like(self, sep),
                     Value::text_like(self, std::string(s.substr(at + sep.size())))};
        }
        return Value::tuple(std::move(items));
    }
    auto all = [&](bool (*pred)(char32_t)) {
        std::u32string cps = text::decode(s);
        if (cps.empty()) return false;
        return std::all_of(cps.begin(), cps.end(), pred);
    };
    if (name == "isdigit" || name == "isdecimal" || name == "isnumeric")
        return bind({}), Value::boolean(all(text::is_digit));
    if (name == "isalpha") return bind({}), Value::boolean(all(text::is_alpha));
    if (name == "isalnum") return bind({}), Value::boolean(all(text::is_alnum));
    if (name == "isspace") return bind({}), Value::boolean(all(text::is_space));
    if (name == "islower") return bind({}), Value::boolean(text::islower(s));
    if (name == "isupper") return bind({}), Value::boolean(text::isupper(s));
    if (name == "istitle") {
        bind({});
        bool cased = false, previous_cased = false;
        for (char32_t c : text::decode(s)) {
            bool upper = text::is_cased_upper(c), lower = text::is_cased_lower(c);
            if (upper) {
                if (previous_cased) return Value::boolean(false);
                previous_cased = cased = true;
            } else if (lower) {
                if (!previous_cased) return Value::boolean(false);
                previous_cased = cased = true;
            } else {
                previous_cased = false;
            }
        }
        return Value::boolean(cased);
    }
    fail("'str' object has no attribute '" + std::string(name) + "'");
}

const char* const kStrMethods[] = {
    "upper",   "lower",      "casefold",     "title",        "capitalize", "swapcase",
    "strip",   "lstrip",     "rstrip",       "startswith",   "endswith",   "split",
    "rsplit",  "splitlines", "replace",      "format",       "join",       "count",
    "find",    "rfind",      "index",        "rindex",       "center",     "ljust",
    "rjust",   "zfill",      "removeprefix", "removesuffix", "partition",  "rpartition",
    "isdigit", "isdecimal",  "isnumeric",    "isalpha",      "isalnum",    "isspace",
    "islower", "isupper",    "istitle"};

const char* const kDictMethods[] = {"items", "keys", "values", "get", "copy"};
const char* const kListMethods[] = {"index", "count", "append", "copy"};

template <std::size_t N>
bool contains(const char* const (&names)[N], std::string_view name) {
    for (const char* n : names)
        if (name == n) return true;
    return false;
}

Value dict_method(std::string_view name, const Value& self, CallArgs& args) {
    if (name == "items") {
        bind_args(args, name, {});
        std::vector<Value> items;
        for (auto& [k, v] : self.dict_items()) items.push_back(Value::pair(k, v));
        return Value::list(std::move(items));
    }
    if (name == "keys") {
        bind_args(args, name, {});
        return Value::list(self.dict_keys());
    }
    if (name == "values") {
        bind_args(args, name, {});
        std::vector<Value> items;
        for (auto& [k, v] : self.dict_items()) items.push_back(v);
        return Value::list(std::move(items));
    }
    if (name == "get") {
        auto a = bind_args(args, name, {"key", "default"});
        if (!a[0]) fail("get expected at least 1 argument, got 0");
        if (a[0]->is_undefined()) fail_undefined(*a[0]);
        if (auto v = self.dict_find(*a[0])) return *v;
        return a[1] ? *a[1] : Value::none();
    }
    if (name == "copy") {
        auto d = std::make_shared<DictObj>();
        d->items = self.dict_items();
        return Value::dict(std::move(d));
    }
    fail("'dict' object has no attribute '" + std::string(name) + "'");
}

Value list_method(std::string_view name, const Value& self, CallArgs& args) {
    if (name == "count") {
        auto a = bind_args(args, name, {"value"});
        std::int64_t n = 0;
        for (std::size_t i = 0; i < self.size(); ++i)
            if (py_eq(self.at(i), *a[0])) ++n;
        return Value::integer(n);
    }
    if (name == "index") {
        auto a = bind_args(args, name, {"value"});
        for (std::size_t i = 0; i < self.size(); ++i)
            if (py_eq(self.at(i), *a[0])) return Value::integer(static_cast<std::int64_t>(i));
        fail(py_repr(*a[0]) + " is not in list");
    }
    if (name == "copy") return Value::list(py_list(self));
    if (name == "append") {
        auto a = bind_args(args, name, {"object"});
        if (!a[0]) fail("append() takes exactly one argument (0 given)");
        if (self.kind() != Kind::List || !self.items())
            fail("this list comes from the data and cannot be changed",
                 "copy it first: `{% set items = data_list | list %}`");
        self.as<ListObj>()->items.push_back(*a[0]);
        return Value::none();
    }
    fail("'list' object has no attribute '" + std::string(name) + "'");
}

}  // namespace

std::optional<Value> method_of(const Value& self, std::string_view name) {
    if (self.is_string()) {
        if (!contains(kStrMethods, name)) return std::nullopt;
        std::string n(name);
        return Value::object(std::make_shared<FnObj>(
            n, [self, n](Renderer& r, CallArgs& args) { return str_method(n, r, self, args); },
            "builtin_function_or_method"));
    }
    if (self.is_dict()) {
        if (!contains(kDictMethods, name)) return std::nullopt;
        std::string n(name);
        return Value::object(std::make_shared<FnObj>(
            n, [self, n](Renderer&, CallArgs& args) { return dict_method(n, self, args); }));
    }
    if (self.kind() == Kind::List || self.kind() == Kind::Tuple) {
        if (!contains(kListMethods, name)) return std::nullopt;
        if (self.kind() == Kind::Tuple && (name == "append" || name == "copy")) return std::nullopt;
        std::string n(name);
        return Value::object(std::make_shared<FnObj>(n, [self, n](Renderer& r, CallArgs& args) {
            if (n == "append") r.track_changed(self.obj());
            return list_method(n, self, args);
        }));
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Globals

std::string NamespaceObj::repr() const {
    std::string out = "<Namespace {";
    bool first = true;
    for (const auto& [k, v] : attrs.items) {
        if (!first) out += ", ";
        first = false;
        out += py_repr(k) + ": " + py_repr(v);
    }
    return out + "}>";
}

std::vector<std::string> NamespaceObj::attr_names() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : attrs.items)
        if (k.is_string()) out.emplace_back(k.sv());
    return out;
}

namespace {

void fill_from_mapping(DictObj& d, const Value& source, std::string_view who) {
    if (source.is_undefined()) fail_undefined(source);
    if (source.is_dict()) {
        for (auto& [k, v] : source.dict_items()) d.set(k, v);
        return;
    }
    if (source.is_list()) {
        for (const auto& item : py_list(source)) {
            std::vector<Value> kv = py_list(item);
            if (kv.size() != 2)
                fail(std::string(who) + "() sequence elements must have length 2, got " +
                     std::to_string(kv.size()));
            d.set(kv[0], kv[1]);
        }
        return;
    }
    fail("'" + type_name(source) + "' object is not iterable");
}

struct CyclerObj : PyObject, std::enable_shared_from_this<CyclerObj> {
    std::vector<Value> items;
    std::size_t pos = 0;
    std::string repr() const override { return "<Cycler>"; }
    std::string type_name() const override { return "Cycler"; }
    std::optional<Value> getattr(std::string_view name, Renderer&) override {
        auto self = shared_from_this();
        if (name == "current") return items[pos];
        if (name == "next")
            return make_fn("next", [self](Renderer&, CallArgs&) {
                Value v = self->items[self->pos];
                self->pos = (self->pos + 1) % self->items.size();
                return v;
            });
        if (name == "reset")
            return make_fn("reset", [self](Renderer&, CallArgs&) {
                self->pos = 0;
                return Value::none();
            });
        return std::nullopt;
    }
};

struct JoinerObj : PyObject {
    std::string sep;
    bool used = false;
    std::string repr() const override { return "<Joiner>"; }
    std::string type_name() const override { return "Joiner"; }
    bool callable() const override { return true; }
    Value call(Renderer&, CallArgs&) override {
        if (!used) {
            used = true;
            return Value::string("");
        }
        return Value::string(sep);
    }
};

Value g_range(Renderer& r, CallArgs& args) {
    if (!args.kw.empty()) fail("range() takes no keyword arguments");
    auto as_int = [](const Value& v) {
        if (v.is_undefined()) fail_undefined(v);
        if (!v.is_integral())
            fail("'" + type_name(v) + "' object cannot be interpreted as an integer");
        return v.as_int();
    };
    std::int64_t start = 0, stop = 0, step = 1;
    if (args.pos.size() == 1) {
        stop = as_int(args.pos[0]);
    } else if (args.pos.size() == 2 || args.pos.size() == 3) {
        start = as_int(args.pos[0]);
        stop = as_int(args.pos[1]);
        if (args.pos.size() == 3) step = as_int(args.pos[2]);
    } else {
        fail("range expected 1 to 3 arguments, got " + std::to_string(args.pos.size()));
    }
    if (step == 0) fail("range() arg 3 must not be zero");
    std::int64_t n = 0;
    if (step > 0 && start < stop) n = (stop - start + step - 1) / step;
    if (step < 0 && start > stop) n = (start - stop - step - 1) / (-step);
    r.check_size(static_cast<std::size_t>(n),
                 "range(" + std::to_string(start) + ", " + std::to_string(stop) + ")");
    std::vector<Value> items;
    items.reserve(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) items.push_back(Value::integer(start + i * step));
    return Value::list(std::move(items));
}

Value g_dict(Renderer&, CallArgs& args) {
    auto d = std::make_shared<DictObj>();
    if (args.pos.size() > 1)
        fail("dict expected at most 1 argument, got " + std::to_string(args.pos.size()));
    if (!args.pos.empty()) fill_from_mapping(*d, args.pos[0], "dict");
    for (auto& [k, v] : args.kw) d->set(Value::string(std::string(k)), v);
    return Value::dict(std::move(d));
}

Value g_namespace(Renderer&, CallArgs& args) {
    auto ns = std::make_shared<NamespaceObj>();
    if (args.pos.size() > 1) fail("namespace expected at most 1 argument");
    if (!args.pos.empty()) fill_from_mapping(ns->attrs, args.pos[0], "namespace");
    for (auto& [k, v] : args.kw) ns->attrs.set(Value::string(std::string(k)), v);
    return Value::object(std::move(ns));
}

Value g_cycler(Renderer&, CallArgs& args) {
    if (args.pos.empty()) fail("at least one item has to be provided");
    auto c = std::make_shared<CyclerObj>();
    c->items = args.pos;
    return Value::object(std::move(c));
}

Value g_joiner(Renderer&, CallArgs& args) {
    auto a = bind_args(args, "joiner", {"sep"});
    auto j = std::make_shared<JoinerObj>();
    j->sep = a[0] ? py_str(*a[0]) : ", ";
    return Value::object(std::move(j));
}

}  // namespace

std::optional<Value> builtin_global(std::string_view name) {
    static const Value range = make_fn("range", g_range);
    static const Value dict = make_fn("dict", g_dict);
    static const Value ns = make_fn("namespace", g_namespace);
    static const Value cycler = make_fn("cycler", g_cycler);
    static const Value joiner = make_fn("joiner", g_joiner);
    if (name == "range") return range;
    if (name == "dict") return dict;
    if (name == "namespace") return ns;
    if (name == "cycler") return cycler;
    if (name == "joiner") return joiner;
    return std::nullopt;
}

std::vector<std::string> builtin_global_names() {
    return {"range", "dict", "namespace", "cycler", "joiner"};
}

}  // namespace boardpress::tmpl
