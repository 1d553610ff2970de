// Python objects the engine makes at run time: functions and bound methods, macros, the loop
// object, namespaces, imported template modules.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "template/ast.hpp"
#include "template/renderer.hpp"
#include "template/value.hpp"

namespace boardpress::tmpl {

// A built-in function or a bound method.
struct FnObj : PyObject {
    std::string name;
    std::string type;  // "builtin_function_or_method", "method", ...
    std::function<Value(Renderer&, CallArgs&)> fn;
    FnObj(std::string n, std::function<Value(Renderer&, CallArgs&)> f,
          std::string t = "builtin_function_or_method")
        : name(std::move(n)), type(std::move(t)), fn(std::move(f)) {}
    std::string repr() const override { return "<built-in method " + name + ">"; }
    std::string type_name() const override { return type; }
    bool callable() const override { return true; }
    Value call(Renderer& r, CallArgs& args) override { return fn(r, args); }
};

inline Value make_fn(std::string name, std::function<Value(Renderer&, CallArgs&)> f) {
    return Value::object(std::make_shared<FnObj>(std::move(name), std::move(f)));
}

struct MacroObj : PyObject {
    const MacroStmt* node = nullptr;
    const Template* tmpl = nullptr;
    FramePtr closure;
    std::string repr() const override { return "<Macro '" + node->name + "'>"; }
    std::string type_name() const override { return "Macro"; }
    bool callable() const override { return true; }
    Value call(Renderer& r, CallArgs& args) override { return r.call_macro(*this, args); }
    std::optional<Value> getattr(std::string_view name, Renderer& r) override;
    std::vector<std::string> attr_names() const override {
        return {"name", "arguments", "catch_kwargs", "catch_varargs", "caller"};
    }
};

struct LoopObj : PyObject, std::enable_shared_from_this<LoopObj> {
    const ForStmt* node = nullptr;
    const Template* tmpl = nullptr;
    FramePtr outer;  // the frame the for statement runs in, for recursive calls
    std::vector<Value> items;
    std::size_t index0 = 0;
    int depth0 = 0;
    std::optional<std::vector<Value>> last_changed;
    void drop_values() override {
        items.clear();
        last_changed.reset();
    }
    std::string repr() const override {
        return "<LoopContext " + std::to_string(index0 + 1) + "/" + std::to_string(items.size()) + ">";
    }
    std::string type_name() const override { return "LoopContext"; }
    bool callable() const override { return node && node->recursive; }
    Value call(Renderer& r, CallArgs& args) override { return r.call_loop(*this, args); }
    std::optional<Value> getattr(std::string_view name, Renderer& r) override;
    std::vector<std::string> attr_names() const override {
        return {"index", "index0", "revindex", "revindex0", "first", "last", "length",
                "depth", "depth0", "previtem", "nextitem", "cycle", "changed"};
    }
};

struct SuperObj : PyObject {
    std::string block;
    std::size_t index = 0;  // of the parent block in the chain
    FramePtr frame;
    std::string repr() const override { return "<bound method super>"; }
    std::string type_name() const override { return "method"; }
    bool callable() const override { return true; }
    Value call(Renderer& r, CallArgs&) override { return r.render_super(*this); }
};

struct NamespaceObj : PyObject {
    DictObj attrs;
    std::string repr() const override;
    std::string type_name() const override { return "Namespace"; }
    std::optional<Value> getattr(std::string_view name, Renderer&) override { return attrs.find(name); }
    std::vector<std::string> attr_names() const override;
    bool is_namespace() const override { return true; }
    void drop_values() override { attrs.items.clear(); }
};

struct ModuleObj : PyObject {
    std::string name;
    FramePtr frame;
    std::string repr() const override { return "<TemplateModule '" + name + "'>"; }
    std::string type_name() const override { return "TemplateModule"; }
    std::optional<Value> getattr(std::string_view attr, Renderer&) override {
        if (attr.empty() || attr[0] == '_') return std::nullopt;
        if (Value* v = frame->find_local(attr)) return *v;
        return std::nullopt;
    }
    std::vector<std::string> attr_names() const override {
        std::vector<std::string> out;
        for (const auto& [k, v] : frame->vars) out.emplace_back(k);
        return out;
    }
};

// The globals every template sees: range, dict, namespace, cycler, joiner.
std::optional<Value> builtin_global(std::string_view name);
std::vector<std::string> builtin_global_names();

}  // namespace boardpress::tmpl
