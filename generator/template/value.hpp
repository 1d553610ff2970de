// Runtime values of the template engine: Python's objects as Jinja2 sees them. JSON data is
// borrowed, not copied: a Value made from a JSON array, object or string points into the JSON,
// which must outlive it (the render's context and the Environment's globals do).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace boardpress::tmpl {

using json = nlohmann::ordered_json;

class Value;
class Renderer;
struct Template;
struct Expr;
struct Frame;

struct Object {
    virtual ~Object() = default;
    // Lets go of the values it holds. The renderer calls it at the end of a render on objects a
    // template changed, which may be in a reference cycle (a list appended to itself).
    virtual void drop_values() {}
};

enum class Kind : std::uint8_t {
    Undefined,
    None,
    Bool,
    Int,
    Float,
    Str,
    Markup,
    List,
    Tuple,
    Dict,
    Object,  // callables (macros, methods, globals), namespaces, loop objects, modules
};

// Arguments of a call: positional, then keyword. Keyword names point into the template's AST or
// into a value the caller keeps alive for the call.
struct CallArgs {
    std::vector<Value> pos;
    std::vector<std::pair<std::string_view, Value>> kw;
};

class Value {
  public:
    Value() : kind_(Kind::None), i_(0) {}

    static Value none() { return Value(); }
    static Value boolean(bool b) {
        Value v(Kind::Bool);
        v.b_ = b;
        return v;
    }
    static Value integer(std::int64_t i) {
        Value v(Kind::Int);
        v.i_ = i;
        return v;
    }
    static Value floating(double d) {
        Value v(Kind::Float);
        v.f_ = d;
        return v;
    }
    static Value string(std::string s);
    static Value markup(std::string s);
    static Value text(std::string s, bool is_markup) {
        return is_markup ? markup(std::move(s)) : string(std::move(s));
    }
    // `s` as the same kind of text as `like`: a method of Markup returns Markup.
    static Value text_like(const Value& like, std::string s) {
        return text(std::move(s), like.is_markup());
    }
    static Value list(std::vector<Value> items);
    static Value tuple(std::vector<Value> items);
    static Value pair(Value a, Value b);
    static Value dict(std::shared_ptr<struct DictObj> d);
    static Value from_json(const json& j);  // borrows j
    static Value object(std::shared_ptr<struct PyObject> o);
    static Value undefined(std::shared_ptr<struct UndefObj> u);

    Kind kind() const { return kind_; }
    bool is_undefined() const { return kind_ == Kind::Undefined; }
    bool is_none() const { return kind_ == Kind::None; }
    bool is_bool() const { return kind_ == Kind::Bool; }
    bool is_int() const { return kind_ == Kind::Int; }
    bool is_float() const { return kind_ == Kind::Float; }
    bool is_integral() const { return kind_ == Kind::Int || kind_ == Kind::Bool; }
    bool is_number() const {
        return kind_ == Kind::Int || kind_ == Kind::Float || kind_ == Kind::Bool;
    }
    bool is_string() const { return kind_ == Kind::Str || kind_ == Kind::Markup; }
    bool is_markup() const { return kind_ == Kind::Markup; }
    bool is_list() const { return kind_ == Kind::List || kind_ == Kind::Tuple; }
    bool is_dict() const { return kind_ == Kind::Dict; }
    bool is_object() const { return kind_ == Kind::Object; }

    bool as_bool() const { return b_; }
    std::int64_t as_int() const { return kind_ == Kind::Bool ? (b_ ? 1 : 0) : i_; }
    double as_double() const { return kind_ == Kind::Float ? f_ : static_cast<double>(as_int()); }
    std::string_view sv() const;  // Str or Markup

    // Lists and tuples.
    std::size_t size() const;
    Value at(std::size_t index) const;
    const std::vector<Value>* items() const;              // null when backed by JSON
    const std::vector<std::string>* field_names() const;  // named tuples (groupby)

    // Dicts.
    std::size_t dict_size() const;
    std::optional<Value> dict_find(std::string_view key) const;
    std::optional<Value> dict_find(const Value& key) const;
    std::vector<Value> dict_keys() const;
    std::vector<std::pair<Value, Value>> dict_items() const;
    std::vector<std::string> dict_string_keys() const;

    const json* json_ptr() const { return obj_ ? nullptr : j_; }  // borrowed list/dict/str
    const std::shared_ptr<Object>& obj() const { return obj_; }
    template <class T>
    T* as() const {
        return static_cast<T*>(obj_.get());
    }
    struct PyObject* pyobj() const;
    struct UndefObj* undef() const;

    // Same object (Python's `is`) for reference types.
    bool same_object(const Value& other) const;

  private:
    explicit Value(Kind k) : kind_(k), i_(0) {}
    Kind kind_;
    union {
        bool b_;
        std::int64_t i_;
        double f_;
        const json* j_;
    };
    std::shared_ptr<Object> obj_;
};

struct StrObj : Object {
    std::string s;
    explicit StrObj(std::string text) : s(std::move(text)) {}
};

struct ListObj : Object {
    std::vector<Value> items;
    std::vector<std::string> fields;  // names of a named tuple's fields, else empty
    void drop_values() override { items.clear(); }
};

// Insertion-ordered like Python's dict.
struct DictObj : Object {
    std::vector<std::pair<Value, Value>> items;
    std::optional<Value> find(std::string_view key) const;
    std::optional<Value> find(const Value& key) const;
    void set(Value key, Value value);
};

// A Python object with attributes and maybe a call operator.
struct PyObject : Object {
    virtual std::string repr() const = 0;
    virtual std::string type_name() const = 0;
    virtual std::optional<Value> getattr(std::string_view name, Renderer& r);
    virtual std::vector<std::string> attr_names() const { return {}; }
    virtual bool callable() const { return false; }
    virtual Value call(Renderer& r, CallArgs& args);
    virtual bool is_namespace() const { return false; }
};

// An undefined value. Strict ones fail when printed, iterated, tested for truth, compared or used
// in arithmetic; lenient ones (an inline `if` without `else`) act as an empty string.
struct UndefObj : Object {
    std::string message;  // complete message; built lazily from `node` when empty
    std::string hint;
    const Template* tmpl = nullptr;
    const Expr* node = nullptr;  // where the undefined value came from
    std::size_t offset = 0;
    std::shared_ptr<Frame> frame;  // scope of a missing name, for suggestions
    Value container;               // object whose attribute or item was missing
    std::string missing;           // that attribute or key
    bool lenient = false;
};

// A failure inside value operations; the renderer turns it into a boardpress::Error at the
// expression being evaluated (or where an undefined value came from).
struct Fault {
    std::string message;
    std::string hint;
    std::shared_ptr<Object> undefined;  // the UndefObj that was used, if that was the failure
};

[[noreturn]] void fail(std::string message, std::string hint = {});
[[noreturn]] void fail_undefined(const Value& undefined);

// Sizes a template controls with a number or a loop: far beyond any page, they make a runaway
// template (a width of 10^10, a text doubled in a loop) an error instead of exhausting memory.
inline constexpr std::size_t kMaxTextBytes = std::size_t(1) << 26;  // a text, the output too
inline constexpr std::size_t kMaxListItems = std::size_t(1) << 22;
inline constexpr std::int64_t kMaxWidth = 100'000;  // padding and indenting: center, "{:>9}"
void check_text_size(std::size_t bytes);
void check_list_size(std::size_t items);
// `width` as a size: fails above kMaxWidth, naming it `what`; a negative width is 0.
std::size_t checked_width(std::int64_t width, std::string_view what = "width");

// Python's type name of a value, for messages ("str", "int", "list", ...).
std::string type_name(const Value& v);
// An article and a type for hints: "a string", "a list of 3 items", ...
std::string describe_value(const Value& v);

}  // namespace boardpress::tmpl
