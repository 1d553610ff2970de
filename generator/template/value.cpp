#include "template/value.hpp"

#include "template/ops.hpp"
#include "template/template.hpp"

namespace boardpress::tmpl {

Value Value::string(std::string s) {
    check_text_size(s.size());
    Value v(Kind::Str);
    v.obj_ = std::make_shared<StrObj>(std::move(s));
    return v;
}

Value Value::markup(std::string s) {
    check_text_size(s.size());
    Value v(Kind::Markup);
    v.obj_ = std::make_shared<StrObj>(std::move(s));
    return v;
}

Value Value::list(std::vector<Value> items) {
    check_list_size(items.size());
    Value v(Kind::List);
    auto obj = std::make_shared<ListObj>();
    obj->items = std::move(items);
    v.obj_ = std::move(obj);
    return v;
}

Value Value::tuple(std::vector<Value> items) {
    check_list_size(items.size());
    Value v(Kind::Tuple);
    auto obj = std::make_shared<ListObj>();
    obj->items = std::move(items);
    v.obj_ = std::move(obj);
    return v;
}

Value Value::pair(Value a, Value b) {
    std::vector<Value> items;
    items.reserve(2);
    items.push_back(std::move(a));
    items.push_back(std::move(b));
    return tuple(std::move(items));
}

Value Value::dict(std::shared_ptr<DictObj> d) {
    Value v(Kind::Dict);
    v.obj_ = std::move(d);
    return v;
}

Value Value::object(std::shared_ptr<PyObject> o) {
    Value v(Kind::Object);
    v.obj_ = std::move(o);
    return v;
}

Value Value::undefined(std::shared_ptr<UndefObj> u) {
    Value v(Kind::Undefined);
    v.obj_ = std::move(u);
    return v;
}

Value Value::from_json(const json& j) {
    switch (j.type()) {
        case json::value_t::null:
        case json::value_t::discarded: return none();
        case json::value_t::boolean: return boolean(j.get<bool>());
        case json::value_t::number_integer: return integer(j.get<std::int64_t>());
        case json::value_t::number_unsigned: {
            auto u = j.get<std::uint64_t>();
            if (u > static_cast<std::uint64_t>(INT64_MAX)) return floating(static_cast<double>(u));
            return integer(static_cast<std::int64_t>(u));
        }
        case json::value_t::number_float: return floating(j.get<double>());
        case json::value_t::string: {
            Value v(Kind::Str);
            v.j_ = &j;
            return v;
        }
        case json::value_t::binary: {
            Value v(Kind::Markup);
            v.j_ = &j;
            return v;
        }
        case json::value_t::array: {
            Value v(Kind::List);
            v.j_ = &j;
            return v;
        }
        case json::value_t::object: {
            Value v(Kind::Dict);
            v.j_ = &j;
            return v;
        }
    }
    return none();
}

std::string_view Value::sv() const {
    if (obj_) return static_cast<const StrObj*>(obj_.get())->s;
    if (j_->is_string()) return j_->get_ref<const std::string&>();
    const auto& bytes = j_->get_binary();
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

std::size_t Value::size() const {
    if (obj_) return static_cast<const ListObj*>(obj_.get())->items.size();
    return j_->size();
}

Value Value::at(std::size_t index) const {
    if (obj_) return static_cast<const ListObj*>(obj_.get())->items[index];
    return from_json((*j_)[index]);
}

const std::vector<Value>* Value::items() const {
    if (obj_) return &static_cast<const ListObj*>(obj_.get())->items;
    return nullptr;
}

const std::vector<std::string>* Value::field_names() const {
    if (kind_ != Kind::Tuple || !obj_) return nullptr;
    const auto& fields = static_cast<const ListObj*>(obj_.get())->fields;
    return fields.empty() ? nullptr : &fields;
}

std::size_t Value::dict_size() const {
    if (obj_) return static_cast<const DictObj*>(obj_.get())->items.size();
    return j_->size();
}

std::optional<Value> Value::dict_find(std::string_view key) const {
    if (obj_) return static_cast<const DictObj*>(obj_.get())->find(key);
    auto it = j_->find(key);
    if (it == j_->end()) return std::nullopt;
    return from_json(*it);
}

std::optional<Value> Value::dict_find(const Value& key) const {
    if (obj_) return static_cast<const DictObj*>(obj_.get())->find(key);
    if (!key.is_string()) return std::nullopt;
    return dict_find(key.sv());
}

std::vector<Value> Value::dict_keys() const {
    std::vector<Value> out;
    if (obj_) {
        for (const auto& [key, value] : static_cast<const DictObj*>(obj_.get())->items)
            out.push_back(key);
        return out;
    }
    out.reserve(j_->size());
    for (auto it = j_->begin(); it != j_->end(); ++it) out.push_back(string(it.key()));
    return out;
}

std::vector<std::pair<Value, Value>> Value::dict_items() const {
    if (obj_) return static_cast<const DictObj*>(obj_.get())->items;
    std::vector<std::pair<Value, Value>> out;
    out.reserve(j_->size());
    for (auto it = j_->begin(); it != j_->end(); ++it)
        out.emplace_back(string(it.key()), from_json(it.value()));
    return out;
}

std::vector<std::string> Value::dict_string_keys() const {
    std::vector<std::string> out;
    if (obj_) {
        for (const auto& [key, value] : static_cast<const DictObj*>(obj_.get())->items)
            if (key.is_string()) out.emplace_back(key.sv());
        return out;
    }
    for (auto it = j_->begin(); it != j_->end(); ++it) out.push_back(it.key());
    return out;
}

PyObject* Value::pyobj() const { return static_cast<PyObject*>(obj_.get()); }
UndefObj* Value::undef() const { return static_cast<UndefObj*>(obj_.get()); }

bool Value::same_object(const Value& other) const {
    if (kind_ != other.kind_) return false;
    switch (kind_) {
        case Kind::None: return true;
        case Kind::Bool: return b_ == other.b_;
        case Kind::Int: return i_ == other.i_ && i_ >= -5 && i_ <= 256;
        case Kind::Float: return false;
        default:
            if (obj_ || other.obj_) return obj_ == other.obj_;
            return j_ == other.j_;
    }
}

std::optional<Value> DictObj::find(std::string_view key) const {
    for (const auto& [k, v] : items)
        if (k.is_string() && k.sv() == key) return v;
    return std::nullopt;
}

std::optional<Value> DictObj::find(const Value& key) const {
    for (const auto& [k, v] : items)
        if (key_equal(k, key)) return v;
    return std::nullopt;
}

void DictObj::set(Value key, Value value) {
    for (auto& [k, v] : items) {
        if (key_equal(k, key)) {
            v = std::move(value);
            return;
        }
    }
    items.emplace_back(std::move(key), std::move(value));
}

std::optional<Value> PyObject::getattr(std::string_view, Renderer&) { return std::nullopt; }

Value PyObject::call(Renderer&, CallArgs&) {
    fail("'" + type_name() + "' object is not callable");
}

void fail(std::string message, std::string hint) {
    throw Fault{std::move(message), std::move(hint), nullptr};
}

void fail_undefined(const Value& undefined) {
    throw Fault{{}, {}, undefined.obj()};
}

void check_text_size(std::size_t bytes) {
    if (bytes > kMaxTextBytes)
        fail("the text would be longer than " + std::to_string(kMaxTextBytes >> 20) + " MB",
             "is a width, a repetition or a loop much larger than intended?");
}

void check_list_size(std::size_t items) {
    if (items > kMaxListItems)
        fail("the list would have more than " + std::to_string(kMaxListItems) + " items",
             "is a repetition or a loop much larger than intended?");
}

std::size_t checked_width(std::int64_t width, std::string_view what) {
    if (width > kMaxWidth)
        fail(std::string(what) + " " + std::to_string(width) + " is more than the limit of " +
                 std::to_string(kMaxWidth),
             "a page needs far less; is it the value intended?");
    return width < 0 ? 0 : static_cast<std::size_t>(width);
}

std::string type_name(const Value& v) {
    switch (v.kind()) {
        case Kind::Undefined: return v.undef()->lenient ? "Undefined" : "StrictUndefined";
        case Kind::None: return "NoneType";
        case Kind::Bool: return "bool";
        case Kind::Int: return "int";
        case Kind::Float: return "float";
        case Kind::Str: return "str";
        case Kind::Markup: return "Markup";
        case Kind::List: return "list";
        case Kind::Tuple: return "tuple";
        case Kind::Dict: return "dict";
        case Kind::Object: return v.pyobj()->type_name();
    }
    return "object";
}

std::string describe_value(const Value& v) {
    switch (v.kind()) {
        case Kind::Undefined: return "undefined";
        case Kind::None: return "none";
        case Kind::Bool: return "a boolean";
        case Kind::Int: return "an integer";
        case Kind::Float: return "a number";
        case Kind::Str:
        case Kind::Markup: return "a string";
        case Kind::List:
        case Kind::Tuple: {
            std::size_t n = v.size();
            return std::string(v.kind() == Kind::List ? "a list" : "a tuple") + " of " +
                   std::to_string(n) + (n == 1 ? " item" : " items");
        }
        case Kind::Dict: return "a mapping";
        case Kind::Object: return "a " + v.pyobj()->type_name();
    }
    return "a value";
}

}  // namespace boardpress::tmpl
