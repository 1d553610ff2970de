// Walks a parsed Template and appends its output to one string. One Renderer serves one render
// call (and the templates it includes, extends and imports); it is never shared between threads.
#pragma once

#include <deque>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "template/ast.hpp"
#include "template/fence.hpp"
#include "template/registry.hpp"
#include "template/template.hpp"
#include "template/value.hpp"

namespace boardpress::tmpl {

struct Frame;
using FramePtr = std::shared_ptr<Frame>;
struct MacroObj;
struct LoopObj;
struct SuperObj;

// A scope: a template's top level, a loop body, a macro call, a block, a `with`. Lookups walk the
// parent chain, then the render's context, the environment's globals and the built-in globals.
struct Frame {
    FramePtr parent;
    std::vector<std::pair<std::string, Value>> vars;
    bool isolated = false;    // a root without the render's context (import/include without context)
    bool hides_loop = false;  // an included template's root: the includer's `loop` is not visible
    explicit Frame(FramePtr p = nullptr) : parent(std::move(p)) {}
    Value* find_local(std::string_view name) {
        for (auto& [n, v] : vars)
            if (n == name) return &v;
        return nullptr;
    }
    const Value* find_local(std::string_view name) const {
        for (const auto& [n, v] : vars)
            if (n == name) return &v;
        return nullptr;
    }
    void set(std::string_view name, Value v) {
        for (auto& [n, old] : vars)
            if (n == name) {
                old = std::move(v);
                return;
            }
        vars.emplace_back(std::string(name), std::move(v));
    }
};

// What the Environment offers a render: templates by name, filters and tests, options, globals.
class Loader {
public:
    virtual ~Loader() = default;
    // The parsed template `name` (searched in extra_dir first when it is not empty), or null.
    virtual std::shared_ptr<const Template> load(std::string_view name,
                                                 const std::filesystem::path& extra_dir) const = 0;
    // Template names that exist, for did-you-mean hints.
    virtual std::vector<std::string> available(const std::filesystem::path& extra_dir) const = 0;
    virtual std::string describe_search_paths() const = 0;
    virtual const Registry& registry() const = 0;
    virtual const Options& options() const = 0;
    virtual const json* globals() const = 0;
};

class Renderer {
public:
    Renderer(const Loader& loader, const json* context, std::filesystem::path extra_dir = {});
    // Empties the scopes and changed objects still alive (see track_changed).
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Renders a whole template (following `extends`) into `out`.
    void render(std::shared_ptr<const Template> tmpl, std::string& out);

    // Services for filters, tests, methods and globals.
    Escape mode() const { return escape_; }
    bool autoescape() const { return escape_ != Escape::none; }
    const Registry& registry() const { return loader_.registry(); }
    const Options& options() const { return loader_.options(); }
    bool has_filter(std::string_view name) const;
    bool has_test(std::string_view name) const;
    Value getattr(const Value& obj, std::string_view name) { return getattr_at(obj, name, nullptr); }
    Value getitem(const Value& obj, const Value& key) { return getitem_at(obj, key, nullptr); }
    Value call(const Value& callee, CallArgs& args);
    Value apply_filter(std::string_view name, const Value& input, CallArgs& args);
    bool apply_test(std::string_view name, const Value& input, CallArgs& args);
    // A strict undefined value that fails with `message` (and `hint`) where it is used.
    Value undefined(std::string message, std::string hint = {});
    // Fails when a sequence the template builds (range, repetition) would be too large.
    void check_size(std::size_t n, const std::string& what);
    void check_loop(std::size_t iterations);
    // One loop iteration or macro call: fails past max_loop_iterations for the whole render, as
    // nested loops and recursive macros multiply (a depth of 64 calling itself twice is 2^64).
    void count_step();
    // Values can refer to each other in a cycle (a macro kept in the scope it closes over, a list
    // appended to itself) that reference counting never frees, and nothing of a render outlives
    // it: so when it ends, every scope it made and every object changed after it was made (passed
    // here) lets go of its values.
    void track_changed(const std::shared_ptr<Object>& object);
    [[noreturn]] void error_here(std::string message, std::string hint = {});

    // Used by the objects of objects.hpp.
    Value call_macro(MacroObj& m, CallArgs& args);
    Value call_loop(LoopObj& loop, CallArgs& args);
    Value render_super(SuperObj& s);
    Value render_self_block(const std::string& name);  // `self.name()`

    // Where errors are reported: the template being executed and the byte offset in it.
    const Template* current() const { return tmpl_; }
    std::size_t offset() const { return offset_; }
    void set_current(const Template* t, std::size_t offset) {
        tmpl_ = t;
        offset_ = offset;
    }
    void enter();  // recursion guard
    void leave() { --depth_; }

private:
    struct BlockRef {
        const BlockStmt* block;
        const Template* tmpl;
    };
    struct Restore;

    const Loader& loader_;
    const json* context_;
    std::filesystem::path extra_dir_;
    std::vector<std::shared_ptr<const Template>> keep_;  // templates loaded during this render
    struct Including {
        const Template* tmpl;  // the template included
        const Template* from;  // where its include tag is
        std::size_t offset;
    };
    std::vector<Including> including_;  // the includes being rendered, innermost last
    std::deque<std::string> kw_storage_;  // keys of `**kwargs` arguments (stable addresses)
    Escape escape_;
    std::string* out_ = nullptr;
    const Template* tmpl_ = nullptr;
    std::size_t offset_ = 0;
    std::size_t depth_ = 0;
    std::size_t steps_ = 0;  // see count_step
    bool suppress_ = false;  // output after `extends` is dropped, as Jinja2 does
    FenceTracker fence_;     // Markdown output: values inside a fenced block are code
    const Value* block_input_ = nullptr;  // the body of a filter block / set block
    // For the extends chain being rendered: block name -> definitions, most derived first.
    std::map<std::string, std::vector<BlockRef>, std::less<>> blocks_;
    const Template* parent_ = nullptr;
    FramePtr root_;
    // Weak, so a scope or object no longer used is still freed during the render.
    std::vector<std::weak_ptr<Frame>> frames_;
    std::vector<std::weak_ptr<Object>> changed_;

    FramePtr new_frame(FramePtr parent = nullptr);  // a scope emptied when the render ends
    void run_template(const Template& tmpl, const FramePtr& root);
    std::string render_block(const std::string& name, std::size_t level, const FramePtr& frame);
    std::string capture(const Body& body, const Template& tmpl, const FramePtr& frame);
    void exec_body(const Body& body, const FramePtr& frame);
    void exec(const Stmt& s, const FramePtr& frame);
    void exec_for(const ForStmt& s, const FramePtr& frame);
    void loop_into(const ForStmt& s, const FramePtr& frame, const Value& iterable, int depth0);
    void assign(const Target& t, const Value& v, Frame& frame, const FramePtr& scope);
    void print(const Value& v);
    Value eval(const Expr* e, const FramePtr& frame);
    Value eval_filter(const FilterExpr& f, const FramePtr& frame);
    Value run_filter(const FilterEntry& entry, const Value& input, CallArgs& args);
    CallArgs eval_args(const Arguments& a, const FramePtr& frame);
    Value lookup(const FramePtr& frame, std::string_view name, const Expr* node);
    Value getattr_at(const Value& obj, std::string_view name, const Expr* node);
    Value getitem_at(const Value& obj, const Value& key, const Expr* node);
    Value make_undefined(const Expr* node, Value container, std::string missing);
    std::shared_ptr<const Template> load(const Value& name, std::size_t offset, bool ignore_missing);
    Value import_module(const Value& name, std::size_t offset, bool with_context,
                        const FramePtr& frame);
    void include(const IncludeStmt& s, const FramePtr& frame);
    // Throws naming the templates that include each other, when `next` closes such a circle.
    void fail_include_cycle(const Template& next);
    Error to_error(const Fault& f);
};

// Binds a call's arguments to parameter names (positional, then keyword) for built-in functions,
// filters and methods; fails on unknown or repeated arguments.
std::vector<std::optional<Value>> bind_args(const CallArgs& args, std::string_view who,
                                            std::initializer_list<std::string_view> names);
// `item.a.0.b` as Jinja2's attribute paths (map, sort, groupby...).
Value attr_path(Renderer& r, const Value& item, std::string_view path);
// A bound method of a str, dict or list (`s.upper`, `d.items`), if `name` is one.
std::optional<Value> method_of(const Value& self, std::string_view name);

}  // namespace boardpress::tmpl
