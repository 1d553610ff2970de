#include "template/renderer.hpp"

#include <algorithm>

#include "template/objects.hpp"
#include "template/ops.hpp"
#include "template/text.hpp"

namespace boardpress::tmpl {

namespace {

// Restores the renderer's current template and output when a scope ends (also on errors).
struct CurrentGuard {
    Renderer& r;
    const Template* tmpl;
    std::size_t offset;
    explicit CurrentGuard(Renderer& rr) : r(rr), tmpl(rr.current()), offset(rr.offset()) {}
    ~CurrentGuard() { r.set_current(tmpl, offset); }
};

struct DepthGuard {
    Renderer& r;
    explicit DepthGuard(Renderer& rr) : r(rr) { r.enter(); }
    ~DepthGuard() { r.leave(); }
};

// How an expression reads in a message: `data.cp.total`, `items[10]`; empty when it has no
// simple spelling.
std::string expr_path(const Expr* e) {
    if (!e) return {};
    switch (e->kind) {
        case ExprKind::Name: return static_cast<const NameExpr*>(e)->name;
        case ExprKind::Getattr: {
            auto* g = static_cast<const GetattrExpr*>(e);
            std::string base = expr_path(g->object.get());
            return base.empty() ? std::string{} : base + "." + g->attr;
        }
        case ExprKind::Getitem: {
            auto* g = static_cast<const GetitemExpr*>(e);
            std::string base = expr_path(g->object.get());
            if (base.empty() || g->index->kind != ExprKind::Const) return {};
            const Value& k = static_cast<const ConstExpr*>(g->index.get())->value;
            if (k.is_string()) return base + "[" + text::string_repr(k.sv()) + "]";
            if (k.is_integral()) return base + "[" + std::to_string(k.as_int()) + "]";
            return {};
        }
        case ExprKind::Call: {
            std::string base = expr_path(static_cast<const CallExpr*>(e)->callee.get());
            return base.empty() ? std::string{} : base + "()";
        }
        default: return {};
    }
}

const Expr* container_node(const Expr* e) {
    if (!e) return nullptr;
    if (e->kind == ExprKind::Getattr) return static_cast<const GetattrExpr*>(e)->object.get();
    if (e->kind == ExprKind::Getitem) return static_cast<const GetitemExpr*>(e)->object.get();
    return nullptr;
}

std::string join_names(std::vector<std::string> names, std::size_t limit) {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < limit; ++i) {
        if (i) out += ", ";
        out += "`" + names[i] + "`";
    }
    if (names.size() > limit) out += ", ...";
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Setup and errors

Renderer::Renderer(const Loader& loader, const json* context, std::filesystem::path extra_dir)
    : loader_(loader),
      context_(context),
      extra_dir_(std::move(extra_dir)),
      escape_(loader.options().autoescape) {}

Renderer::~Renderer() {
    for (const auto& weak : frames_)
        if (FramePtr frame = weak.lock()) frame->vars.clear();
    for (const auto& weak : changed_)
        if (auto object = weak.lock()) object->drop_values();
}

// Drops the entries of objects already freed when the list is full, so it grows with the number
// alive rather than the number ever made.
template <class T>
static void remember(std::vector<std::weak_ptr<T>>& list, const std::shared_ptr<T>& item) {
    if (list.size() == list.capacity())
        std::erase_if(list, [](const std::weak_ptr<T>& weak) { return weak.expired(); });
    list.push_back(item);
}

FramePtr Renderer::new_frame(FramePtr parent) {
    auto frame = std::make_shared<Frame>(std::move(parent));
    remember(frames_, frame);
    return frame;
}

void Renderer::track_changed(const std::shared_ptr<Object>& object) {
    if (object) remember(changed_, object);
}

void Renderer::render(std::shared_ptr<const Template> tmpl, std::string& out) {
    out_ = &out;
    keep_.push_back(tmpl);
    auto root = new_frame();
    run_template(*tmpl, root);
}

bool Renderer::has_filter(std::string_view name) const {
    return registry().filters.count(std::string(name)) > 0;
}

bool Renderer::has_test(std::string_view name) const {
    return registry().tests.count(std::string(name)) > 0;
}

Value Renderer::undefined(std::string message, std::string hint) {
    auto u = std::make_shared<UndefObj>();
    u->message = std::move(message);
    u->hint = std::move(hint);
    u->tmpl = tmpl_;
    u->offset = offset_;
    return Value::undefined(std::move(u));
}

void Renderer::check_size(std::size_t n, const std::string& what) {
    if (n > loader_.options().max_loop_iterations)
        fail(what + " has " + std::to_string(n) + " items, more than the limit of " +
                 std::to_string(loader_.options().max_loop_iterations),
             "is a number given to it much larger than intended?");
}

void Renderer::enter() {
    if (++depth_ > loader_.options().max_recursion_depth) {
        --depth_;
        error_here("maximum recursion depth (" +
                       std::to_string(loader_.options().max_recursion_depth) + ") exceeded",
                   "an include, import or macro calls itself without end");
    }
}

void Renderer::count_step() {
    std::size_t limit = loader_.options().max_loop_iterations;
    if (++steps_ > limit)
        error_here("the template made more than " + std::to_string(limit) +
                       " loop iterations and macro calls in all",
                   "loops in loops and macros that call themselves multiply: is one of them much "
                   "larger than intended?");
}

void Renderer::check_loop(std::size_t iterations) {
    if (iterations > loader_.options().max_loop_iterations)
        error_here("loop exceeded " + std::to_string(loader_.options().max_loop_iterations) +
                       " iterations",
                   "is the data much larger than expected, or the loop unbounded?");
}

void Renderer::error_here(std::string message, std::string hint) {
    if (!tmpl_) throw Error(SourceLocation{}, std::move(message), std::move(hint));
    throw make_error(tmpl_->info, offset_, std::move(message), std::move(hint));
}

Error Renderer::to_error(const Fault& f) {
    if (!f.undefined) {
        if (!tmpl_) return Error(SourceLocation{}, f.message, f.hint);
        return make_error(tmpl_->info, offset_, f.message, f.hint);
    }
    auto* u = static_cast<UndefObj*>(f.undefined.get());
    std::string message = u->message;
    std::string hint = u->hint;
    if (message.empty()) {
        std::string path = expr_path(u->node);
        if (!u->missing.empty() || u->node) {
            std::string shown = path.empty() ? u->missing : path;
            message = "`" + shown + "` is undefined";
        } else {
            message = "undefined value";
        }
        if (hint.empty()) {
            if (!u->container.is_none() || u->container.is_dict()) {
                std::vector<std::string> keys;
                if (u->container.is_dict()) keys = u->container.dict_string_keys();
                else if (u->container.is_object()) keys = u->container.pyobj()->attr_names();
                if (u->container.is_list() && !u->missing.empty() && u->missing[0] != '\'') {
                    std::size_t n = u->container.size();
                    hint = "the list has " + std::to_string(n) + (n == 1 ? " item" : " items");
                } else if (auto best = did_you_mean(u->missing, keys)) {
                    std::string prefix = expr_path(container_node(u->node));
                    hint = "did you mean `" + (prefix.empty() ? *best : prefix + "." + *best) + "`?";
                } else if (u->container.is_dict()) {
                    hint = keys.empty() ? "it is an empty mapping"
                                        : "available keys: " + join_names(keys, 12);
                } else if (!u->container.is_object()) {
                    hint = "it is " + describe_value(u->container);
                }
            } else if (u->frame) {
                std::vector<std::string> names;
                for (const Frame* fr = u->frame.get(); fr; fr = fr->parent.get())
                    for (const auto& [n, v] : fr->vars) names.push_back(n);
                if (context_ && context_->is_object())
                    for (auto it = context_->begin(); it != context_->end(); ++it)
                        names.push_back(it.key());
                const json* g = loader_.globals();
                if (g && g->is_object())
                    for (auto it = g->begin(); it != g->end(); ++it) names.push_back(it.key());
                for (auto& n : builtin_global_names()) names.push_back(n);
                hint = did_you_mean_hint(u->missing, names);
            }
        }
    }
    const Template* where = u->tmpl ? u->tmpl : tmpl_;
    std::size_t offset = u->tmpl ? u->offset : offset_;
    if (!where) return Error(SourceLocation{}, message, hint);
    return make_error(where->info, offset, message, hint);
}

Value Renderer::make_undefined(const Expr* node, Value container, std::string missing) {
    auto u = std::make_shared<UndefObj>();
    u->tmpl = tmpl_;
    u->node = node;
    u->offset = node ? node->offset : offset_;
    u->container = std::move(container);
    u->missing = std::move(missing);
    return Value::undefined(std::move(u));
}

// ---------------------------------------------------------------------------------------------
// Templates, blocks, includes

namespace {

// Template names are relative to the search paths: no absolute paths, no `..`.
bool allowed_name(std::string_view name) {
    if (name.empty() || name[0] == '/' || name.find('\\') != std::string_view::npos) return false;
    std::size_t start = 0;
    while (true) {
        std::size_t slash = name.find('/', start);
        if (name.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start) == "..")
            return false;
        if (slash == std::string_view::npos) return true;
        start = slash + 1;
    }
}

}  // namespace

std::shared_ptr<const Template> Renderer::load(const Value& name, std::size_t offset,
                                               bool ignore_missing) {
    const SourceInfo& info = tmpl_->info;
    std::vector<Value> names;
    bool several = name.is_list();
    if (several) {
        names = py_list(name);
    } else {
        if (name.is_undefined()) fail_undefined(name);
        if (!name.is_string()) fail("template name must be a string, not " + type_name(name));
        names.push_back(name);
    }
    std::vector<std::string> tried;
    for (const auto& item : names) {
        if (item.is_undefined()) fail_undefined(item);
        std::string n = py_str(item);
        if (!allowed_name(n))
            throw make_error(info, offset, "template name `" + n + "` is not allowed",
                             "names are relative to the template folders and cannot be absolute or contain `..`");
        tried.push_back(n);
        if (auto t = loader_.load(n, extra_dir_)) {
            keep_.push_back(t);
            return t;
        }
    }
    if (ignore_missing) return nullptr;
    if (several)
        throw make_error(info, offset, "none of the templates " + join_names(tried, 10) + " exist",
                         "looked in " + loader_.describe_search_paths());
    std::string hint = did_you_mean_hint(tried[0], loader_.available(extra_dir_));
    if (hint.empty()) hint = "looked in " + loader_.describe_search_paths();
    throw make_error(info, offset, "template `" + tried[0] + "` not found", hint);
}

void Renderer::run_template(const Template& tmpl, const FramePtr& root) {
    auto saved_blocks = std::move(blocks_);
    const Template* saved_parent = parent_;
    bool saved_suppress = suppress_;
    FramePtr saved_root = root_;
    CurrentGuard guard(*this);
    struct Restore {
        Renderer& r;
        std::map<std::string, std::vector<BlockRef>, std::less<>>& saved;
        const Template* parent;
        bool suppress;
        FramePtr root;
        ~Restore() {
            r.blocks_ = std::move(saved);
            r.parent_ = parent;
            r.suppress_ = suppress;
            r.root_ = std::move(root);
        }
    } restore{*this, saved_blocks, saved_parent, saved_suppress, saved_root};
    blocks_.clear();
    root_ = root;
    const Template* cur = &tmpl;
    std::size_t chain = 0;
    std::vector<const Template*> extended;  // the chain so far, to name a cycle in it
    while (cur) {
        for (const auto& [name, block] : cur->blocks) blocks_[name].push_back({block, cur});
        parent_ = nullptr;
        suppress_ = false;
        set_current(cur, 0);
        exec_body(cur->body, root);
        extended.push_back(cur);
        cur = parent_;
        if (auto again = std::find(extended.begin(), extended.end(), cur);
            again != extended.end()) {
            std::string names;
            for (auto it = again; it != extended.end(); ++it) names += (*it)->name + " -> ";
            const Template& last = *extended.back();
            std::size_t at = 0;  // its `extends` tag
            for (const auto& stmt : last.body)
                if (stmt->kind == StmtKind::Extends) at = stmt->offset;
            throw make_error(last.info, at,
                             "templates extend each other in a circle: " + names + cur->name,
                             "one of these `extends` should name the site's base layout instead");
        }
        if (++chain > loader_.options().max_recursion_depth)
            error_here("templates extend each other without end");
    }
}

std::string Renderer::render_block(const std::string& name, std::size_t level, const FramePtr& frame) {
    auto it = blocks_.find(name);
    const BlockRef& ref = it->second[level];
    CurrentGuard guard(*this);
    set_current(ref.tmpl, ref.block->offset);
    if (ref.block->required && level == 0 && it->second.size() == 1)
        error_here("required block `" + name + "` was not overridden");
    if (ref.block->required && it->second[0].block->required)
        error_here("required block `" + name + "` was not overridden");
    auto f = new_frame(ref.block->scoped ? frame : root_);
    if (level + 1 < it->second.size()) {
        auto s = std::make_shared<SuperObj>();
        s->block = name;
        s->index = level + 1;
        s->frame = frame;
        f->set("super", Value::object(s));
    }
    DepthGuard depth(*this);
    return capture(ref.block->body, *ref.tmpl, f);
}

// `self`: the template's blocks as callables.
struct SelfObj : PyObject {
    std::string repr() const override { return "<TemplateReference>"; }
    std::string type_name() const override { return "TemplateReference"; }
    std::optional<Value> getattr(std::string_view name, Renderer&) override {
        std::string block(name);
        return make_fn(block, [block](Renderer& r, CallArgs&) { return r.render_self_block(block); });
    }
};

Value Renderer::render_self_block(const std::string& name) {
    if (!blocks_.count(name)) fail("the template has no block named `" + name + "`");
    return Value::text(render_block(name, 0, root_), escape_ != Escape::none);
}

Value Renderer::render_super(SuperObj& s) {
    return Value::text(render_block(s.block, s.index, s.frame), escape_ != Escape::none);
}

std::string Renderer::capture(const Body& body, const Template& tmpl, const FramePtr& frame) {
    std::string buffer;
    std::string* saved = out_;
    bool saved_suppress = suppress_;
    out_ = &buffer;
    suppress_ = false;
    CurrentGuard guard(*this);
    set_current(&tmpl, offset_);
    try {
        exec_body(body, frame);
    } catch (...) {
        out_ = saved;
        suppress_ = saved_suppress;
        throw;
    }
    out_ = saved;
    suppress_ = saved_suppress;
    return buffer;
}

void Renderer::fail_include_cycle(const Template& next) {
    // The templates from the outermost includer in, and the first one that comes round again.
    std::vector<const Template*> chain;
    if (!including_.empty()) chain.push_back(including_.front().from);
    for (const Including& entry : including_) chain.push_back(entry.tmpl);
    chain.push_back(&next);
    for (std::size_t i = 1; i < chain.size(); ++i) {
        auto first = std::find(chain.begin(), chain.begin() + static_cast<std::ptrdiff_t>(i),
                               chain[i]);
        if (first == chain.begin() + static_cast<std::ptrdiff_t>(i)) continue;
        std::string names;
        for (auto it = first; it != chain.begin() + static_cast<std::ptrdiff_t>(i); ++it)
            names += (*it)->name + " -> ";
        // At the include that closed the circle: chain[i] was included from there.
        const Template* from = i - 1 < including_.size() ? including_[i - 1].from : tmpl_;
        std::size_t at = i - 1 < including_.size() ? including_[i - 1].offset : offset_;
        if (!from) break;
        throw make_error(from->info, at,
                         "templates include each other without end: " + names + chain[i]->name,
                         "remove one of these includes, or put it inside an `{% if %}` that ends "
                         "the repetition");
    }
}

void Renderer::include(const IncludeStmt& s, const FramePtr& frame) {
    Value name = eval(s.name.get(), frame);
    auto t = load(name, s.name->offset, s.ignore_missing);
    if (!t) return;
    // Past the depth limit, templates that include each other are named (a template may include
    // itself while a condition ends the repetition, as for a nested menu).
    if (depth_ + 1 > loader_.options().max_recursion_depth) fail_include_cycle(*t);
    including_.push_back({t.get(), tmpl_, offset_});
    struct Pop {
        std::vector<Including>& including;
        ~Pop() { including.pop_back(); }
    } pop{including_};
    DepthGuard depth(*this);
    auto root = new_frame(s.with_context ? frame : nullptr);
    root->hides_loop = true;
    root->isolated = !s.with_context;
    run_template(*t, root);
}

Value Renderer::import_module(const Value& name, std::size_t offset, bool with_context,
                              const FramePtr& frame) {
    auto t = load(name, offset, false);
    DepthGuard depth(*this);
    auto root = new_frame(with_context ? frame : nullptr);
    root->hides_loop = true;
    root->isolated = !with_context;
    std::string discard;
    std::string* saved = out_;
    out_ = &discard;
    try {
        run_template(*t, root);
    } catch (...) {
        out_ = saved;
        throw;
    }
    out_ = saved;
    auto m = std::make_shared<ModuleObj>();
    m->name = t->name;
    m->frame = root;
    return Value::object(m);
}

// ---------------------------------------------------------------------------------------------
// Statements

void Renderer::exec_body(const Body& body, const FramePtr& frame) {
    for (const auto& s : body) exec(*s, frame);
}

void Renderer::print(const Value& v) {
    std::string& out = *out_;
    check_text_size(out.size());  // the output so far, so it ends at most one value past it
    switch (v.kind()) {
        case Kind::Markup: out += v.sv(); return;
        case Kind::Str:
            if (escape_ == Escape::none)
                out += v.sv();
            else if (escape_ == Escape::markdown && fence_.inside(out))
                append_fenced(out, v.sv());
            else
                escape_into(out, v.sv(), escape_);
            return;
        case Kind::Int: out += std::to_string(v.as_int()); return;
        case Kind::Undefined:
            if (!v.undef()->lenient) fail_undefined(v);
            return;
        default:
            if (escape_ == Escape::none)
                append_str(out, v);
            else if (escape_ == Escape::markdown && fence_.inside(out))
                append_fenced(out, py_str(v));
            else
                escape_into(out, py_str(v), escape_);
    }
}

void Renderer::assign(const Target& t, const Value& v, Frame& frame, const FramePtr& scope) {
    switch (t.kind) {
        case Target::Kind::Name: frame.set(t.name, v); return;
        case Target::Kind::NsAttr: {
            Value ns = lookup(scope, t.name, nullptr);
            if (ns.is_undefined()) fail_undefined(ns);
            if (!ns.is_object() || !ns.pyobj()->is_namespace())
                fail("cannot assign attribute on non-namespace object");
            static_cast<NamespaceObj*>(ns.pyobj())->attrs.set(Value::string(t.attr), v);
            track_changed(ns.obj());
            return;
        }
        case Target::Kind::Tuple: {
            if (v.is_undefined()) fail_undefined(v);
            std::vector<Value> items = py_list(v);
            if (items.size() != t.items.size())
                fail(items.size() < t.items.size()
                         ? "not enough values to unpack (expected " +
                               std::to_string(t.items.size()) + ", got " +
                               std::to_string(items.size()) + ")"
                         : "too many values to unpack (expected " +
                               std::to_string(t.items.size()) + ")");
            for (std::size_t i = 0; i < items.size(); ++i) assign(t.items[i], items[i], frame, scope);
            return;
        }
    }
}

void Renderer::exec(const Stmt& s, const FramePtr& frame) {
    offset_ = s.offset;
    try {
        switch (s.kind) {
            case StmtKind::Text:
                if (!suppress_) *out_ += static_cast<const TextStmt&>(s).text;
                return;
            case StmtKind::Print:
                if (!suppress_) print(eval(static_cast<const PrintStmt&>(s).expr.get(), frame));
                return;
            case StmtKind::If: {
                const auto& i = static_cast<const IfStmt&>(s);
                for (const auto& [test, body] : i.branches) {
                    offset_ = test->offset;
                    if (truthy(eval(test.get(), frame))) {
                        exec_body(body, frame);
                        return;
                    }
                }
                exec_body(i.otherwise, frame);
                return;
            }
            case StmtKind::For: exec_for(static_cast<const ForStmt&>(s), frame); return;
            case StmtKind::Set: {
                const auto& i = static_cast<const SetStmt&>(s);
                Value v = eval(i.value.get(), frame);
                offset_ = s.offset;
                assign(i.target, v, *frame, frame);
                return;
            }
            case StmtKind::SetBlock: {
                const auto& i = static_cast<const SetBlockStmt&>(s);
                Value v = Value::text(capture(i.body, *tmpl_, frame), escape_ != Escape::none);
                if (i.filter) {
                    const Value* saved = block_input_;
                    block_input_ = &v;
                    Value r = eval(i.filter.get(), frame);
                    block_input_ = saved;
                    v = r;
                }
                assign(i.target, v, *frame, frame);
                return;
            }
            case StmtKind::Macro: {
                const auto& i = static_cast<const MacroStmt&>(s);
                auto m = std::make_shared<MacroObj>();
                m->node = &i;
                m->tmpl = tmpl_;
                m->closure = frame;
                frame->set(i.name, Value::object(m));
                return;
            }
            case StmtKind::CallBlock: {
                if (suppress_) return;
                const auto& i = static_cast<const CallBlockStmt&>(s);
                auto caller = std::make_shared<MacroObj>();
                caller->node = i.caller.get();
                caller->tmpl = tmpl_;
                caller->closure = frame;
                const auto& call = static_cast<const CallExpr&>(*i.call);
                Value callee = eval(call.callee.get(), frame);
                CallArgs args = eval_args(call.args, frame);
                args.kw.emplace_back("caller", Value::object(caller));
                offset_ = call.offset;
                print(this->call(callee, args));
                return;
            }
            case StmtKind::FilterBlock: {
                if (suppress_) return;
                const auto& i = static_cast<const FilterBlockStmt&>(s);
                Value v = Value::text(capture(i.body, *tmpl_, frame), escape_ != Escape::none);
                const Value* saved = block_input_;
                block_input_ = &v;
                Value r = eval(i.filter.get(), frame);
                block_input_ = saved;
                print(r);
                return;
            }
            case StmtKind::Include:
                if (!suppress_) include(static_cast<const IncludeStmt&>(s), frame);
                return;
            case StmtKind::Import: {
                const auto& i = static_cast<const ImportStmt&>(s);
                Value m = import_module(eval(i.name.get(), frame), i.name->offset, i.with_context, frame);
                frame->set(i.target, m);
                return;
            }
            case StmtKind::FromImport: {
                const auto& i = static_cast<const FromImportStmt&>(s);
                Value m = import_module(eval(i.name.get(), frame), i.name->offset, i.with_context, frame);
                auto* mod = static_cast<ModuleObj*>(m.pyobj());
                for (std::size_t k = 0; k < i.names.size(); ++k) {
                    const auto& [name, alias] = i.names[k];
                    if (const Value* v = mod->frame->find_local(name)) {
                        frame->set(alias, *v);
                    } else {
                        auto u = std::make_shared<UndefObj>();
                        u->tmpl = tmpl_;
                        u->offset = i.name_offsets[k];
                        u->message = "the template `" + mod->name + "` does not export `" + name + "`";
                        std::vector<std::string> names;
                        for (const auto& [n, v] : mod->frame->vars) names.push_back(n);
                        u->hint = did_you_mean_hint(name, names);
                        frame->set(alias, Value::undefined(u));
                    }
                }
                return;
            }
            case StmtKind::Extends: {
                const auto& i = static_cast<const ExtendsStmt&>(s);
                if (parent_) error_here("the template extends more than one template",
                                        "a template can have only one `extends`");
                Value name = eval(i.name.get(), frame);
                auto t = load(name, i.name->offset, false);
                parent_ = t.get();
                suppress_ = true;
                return;
            }
            case StmtKind::Block: {
                if (suppress_) return;
                const auto& i = static_cast<const BlockStmt&>(s);
                *out_ += render_block(i.name, 0, frame);
                return;
            }
            case StmtKind::With: {
                const auto& i = static_cast<const WithStmt&>(s);
                auto inner = new_frame(frame);
                for (const auto& [target, value] : i.assignments)
                    assign(target, eval(value.get(), frame), *inner, inner);
                exec_body(i.body, inner);
                return;
            }
            case StmtKind::Autoescape: {
                const auto& i = static_cast<const AutoescapeStmt&>(s);
                Escape saved = escape_;
                bool on = truthy(eval(i.value.get(), frame));
                escape_ = on ? (loader_.options().autoescape == Escape::none
                                    ? Escape::html
                                    : loader_.options().autoescape)
                             : Escape::none;
                try {
                    exec_body(i.body, frame);
                } catch (...) {
                    escape_ = saved;
                    throw;
                }
                escape_ = saved;
                return;
            }
        }
    } catch (const Fault& f) {
        throw to_error(f);
    }
}

void Renderer::exec_for(const ForStmt& s, const FramePtr& frame) {
    Value iterable = eval(s.iter.get(), frame);
    offset_ = s.offset;
    loop_into(s, frame, iterable, 0);
}

void Renderer::loop_into(const ForStmt& s, const FramePtr& frame, const Value& iterable, int depth0) {
    if (iterable.is_undefined()) fail_undefined(iterable);
    auto inner = new_frame(frame);
    std::vector<Value> items;
    if (s.filter) {
        std::vector<Value> all = py_list(iterable);
        for (auto& item : all) {
            assign(s.target, item, *inner, inner);
            offset_ = s.filter->offset;
            if (truthy(eval(s.filter.get(), inner))) items.push_back(std::move(item));
        }
        inner = new_frame(frame);
    } else {
        items = py_list(iterable);
    }
    check_loop(items.size());
    if (items.empty()) {
        exec_body(s.otherwise, frame);
        return;
    }
    auto loop = std::make_shared<LoopObj>();
    loop->node = &s;
    loop->tmpl = tmpl_;
    loop->outer = frame;
    loop->depth0 = depth0;
    loop->items = std::move(items);
    inner->set("loop", Value::object(loop));
    for (std::size_t i = 0; i < loop->items.size(); ++i) {
        loop->index0 = i;
        offset_ = s.offset;
        count_step();
        assign(s.target, loop->items[i], *inner, inner);
        exec_body(s.body, inner);
    }
}

Value Renderer::call_loop(LoopObj& loop, CallArgs& args) {
    if (args.pos.size() != 1) fail("the loop can be called with exactly one argument");
    DepthGuard depth(*this);
    std::string buffer;
    std::string* saved = out_;
    out_ = &buffer;
    CurrentGuard guard(*this);
    set_current(loop.tmpl, loop.node->offset);
    try {
        loop_into(*loop.node, loop.outer, args.pos[0], loop.depth0 + 1);
    } catch (...) {
        out_ = saved;
        throw;
    }
    out_ = saved;
    return Value::text(std::move(buffer), escape_ != Escape::none);
}

Value Renderer::call_macro(MacroObj& m, CallArgs& args) {
    const MacroStmt& node = *m.node;
    count_step();
    DepthGuard depth(*this);
    auto f = new_frame(m.closure);
    std::size_t nparams = node.params.size();
    std::size_t first_default = nparams - node.defaults.size();
    std::vector<bool> bound(nparams, false);
    for (std::size_t i = 0; i < args.pos.size() && i < nparams; ++i) {
        f->set(node.params[i], args.pos[i]);
        bound[i] = true;
    }
    std::vector<Value> extra;
    for (std::size_t i = nparams; i < args.pos.size(); ++i) extra.push_back(args.pos[i]);
    if (!extra.empty() && !node.uses_varargs)
        fail("macro '" + node.name + "' takes not more than " + std::to_string(nparams) +
             " argument(s)");
    auto kwargs = std::make_shared<DictObj>();
    bool have_caller = false;
    for (auto& [key, value] : args.kw) {
        auto it = std::find(node.params.begin(), node.params.end(), key);
        if (it != node.params.end()) {
            std::size_t i = static_cast<std::size_t>(it - node.params.begin());
            if (bound[i]) fail("macro '" + node.name + "' got multiple values for argument '" + std::string(key) + "'");
            f->set(key, value);
            bound[i] = true;
        } else if (key == "caller") {
            f->set("caller", value);
            have_caller = true;
        } else if (node.uses_kwargs) {
            kwargs->set(Value::string(std::string(key)), value);
        } else {
            fail("macro '" + node.name + "' takes no keyword argument '" + std::string(key) + "'");
        }
    }
    CurrentGuard guard(*this);
    set_current(m.tmpl, node.offset);
    for (std::size_t i = 0; i < nparams; ++i) {
        if (bound[i]) continue;
        if (i >= first_default) {
            f->set(node.params[i], eval(node.defaults[i - first_default].get(), f));
        } else {
            auto u = std::make_shared<UndefObj>();
            u->message = "parameter `" + node.params[i] + "` of macro `" + node.name + "` was not provided";
            u->hint = "pass it when calling the macro, or give it a default";
            f->set(node.params[i], Value::undefined(u));
        }
    }
    if (node.uses_varargs) f->set("varargs", Value::tuple(std::move(extra)));
    if (node.uses_kwargs) f->set("kwargs", Value::dict(kwargs));
    (void)have_caller;
    return Value::text(capture(node.body, *m.tmpl, f), escape_ != Escape::none);
}

// ---------------------------------------------------------------------------------------------
// Expressions

Value Renderer::lookup(const FramePtr& frame, std::string_view name, const Expr* node) {
    bool hide_loop = false, isolated = false;
    for (const Frame* f = frame.get(); f; f = f->parent.get()) {
        if (!(hide_loop && name == "loop"))
            if (const Value* v = f->find_local(name)) return *v;
        hide_loop = hide_loop || f->hides_loop;
        if (!f->parent) isolated = f->isolated;
    }
    if (name == "self") return Value::object(std::make_shared<SelfObj>());
    if (!isolated && context_ && context_->is_object()) {
        auto it = context_->find(name);
        if (it != context_->end()) return Value::from_json(*it);
    }
    const json* g = loader_.globals();
    if (g && g->is_object()) {
        auto it = g->find(name);
        if (it != g->end()) return Value::from_json(*it);
    }
    if (auto v = builtin_global(name)) return *v;
    auto u = std::make_shared<UndefObj>();
    u->tmpl = tmpl_;
    u->node = node;
    u->offset = node ? node->offset : offset_;
    u->missing = std::string(name);
    u->frame = frame;
    if (!u->frame) u->frame = std::make_shared<Frame>();
    return Value::undefined(std::move(u));
}

Value Renderer::getattr_at(const Value& obj, std::string_view name, const Expr* node) {
    switch (obj.kind()) {
        case Kind::Undefined: fail_undefined(obj);
        case Kind::Dict:
            if (auto m = method_of(obj, name)) return *m;
            if (auto v = obj.dict_find(name)) return *v;
            break;
        case Kind::Str:
        case Kind::Markup:
            if (auto m = method_of(obj, name)) return *m;
            break;
        case Kind::List:
        case Kind::Tuple:
            if (auto m = method_of(obj, name)) return *m;
            if (const auto* fields = obj.field_names()) {
                for (std::size_t i = 0; i < fields->size(); ++i)
                    if ((*fields)[i] == name) return obj.at(i);
            }
            break;
        case Kind::Object:
            if (auto v = obj.pyobj()->getattr(name, *this)) return *v;
            break;
        default: break;
    }
    return make_undefined(node, obj, std::string(name));
}

Value Renderer::getitem_at(const Value& obj, const Value& key, const Expr* node) {
    switch (obj.kind()) {
        case Kind::Undefined: fail_undefined(obj);
        case Kind::Dict:
            if (key.is_undefined()) fail_undefined(key);
            if (auto v = obj.dict_find(key)) return *v;
            if (key.is_string())
                if (auto m = method_of(obj, key.sv())) return *m;
            break;
        case Kind::List:
        case Kind::Tuple:
        case Kind::Str:
        case Kind::Markup:
            if (key.is_integral()) {
                if (auto v = py_index(obj, key.as_int())) return *v;
                return make_undefined(node, obj, std::to_string(key.as_int()));
            }
            if (key.is_undefined()) fail_undefined(key);
            if (key.is_string()) return getattr_at(obj, key.sv(), node);
            break;
        case Kind::Object:
            if (key.is_string())
                if (auto v = obj.pyobj()->getattr(key.sv(), *this)) return *v;
            break;
        default: break;
    }
    std::string missing = key.is_string() ? std::string(key.sv()) : py_repr(key);
    return make_undefined(node, obj, missing);
}

Value Renderer::call(const Value& callee, CallArgs& args) {
    if (callee.is_undefined()) fail_undefined(callee);
    if (callee.is_object() && callee.pyobj()->callable()) return callee.pyobj()->call(*this, args);
    fail("'" + type_name(callee) + "' object is not callable");
}

CallArgs Renderer::eval_args(const Arguments& a, const FramePtr& frame) {
    CallArgs args;
    args.pos.reserve(a.pos.size());
    for (const auto& p : a.pos) args.pos.push_back(eval(p.get(), frame));
    if (a.dyn_args) {
        Value more = eval(a.dyn_args.get(), frame);
        for (auto& v : py_list(more)) args.pos.push_back(std::move(v));
    }
    for (const auto& [k, v] : a.kw) args.kw.emplace_back(k, eval(v.get(), frame));
    if (a.dyn_kwargs) {
        Value more = eval(a.dyn_kwargs.get(), frame);
        if (more.is_undefined()) fail_undefined(more);
        if (!more.is_dict()) fail("argument after ** must be a mapping, not " + type_name(more));
        // The keys must outlive the call: keep the values' strings alive in the dict itself.
        for (const auto& [k, v] : more.dict_items()) {
            if (!k.is_string()) fail("keywords must be strings");
            kw_storage_.push_back(std::string(k.sv()));
            args.kw.emplace_back(kw_storage_.back(), v);
        }
    }
    return args;
}

Value Renderer::apply_filter(std::string_view name, const Value& input, CallArgs& args) {
    auto it = registry().filters.find(std::string(name));
    if (it == registry().filters.end())
        fail("no filter named '" + std::string(name) + "'",
             did_you_mean_hint(name, registry().filter_names()));
    return run_filter(it->second, input, args);
}

Value Renderer::run_filter(const FilterEntry& entry, const Value& input, CallArgs& args) {
    if (input.is_undefined() && !entry.accepts_undefined) fail_undefined(input);
    for (const auto& a : args.pos)
        if (a.is_undefined() && !a.undef()->lenient) fail_undefined(a);
    for (const auto& [k, a] : args.kw)
        if (a.is_undefined() && !a.undef()->lenient) fail_undefined(a);
    if (entry.host) {
        std::string result;
        try {
            result = entry.host->apply(py_str(input));
        } catch (const Error& error) {
            // A host's error about the value itself (too deeply nested Markdown) is placed here.
            if (!error.diagnostic().location.file.empty()) throw;
            fail(error.diagnostic().message, error.diagnostic().hint);
        }
        return Value::text(std::move(result), entry.host->output_is_safe);
    }
    return entry.fn(*this, input, args);
}

bool Renderer::apply_test(std::string_view name, const Value& input, CallArgs& args) {
    auto it = registry().tests.find(std::string(name));
    if (it == registry().tests.end())
        fail("no test named '" + std::string(name) + "'",
             did_you_mean_hint(name, registry().test_names()));
    if (input.is_undefined() && !it->second.accepts_undefined) fail_undefined(input);
    return it->second.fn(*this, input, args);
}

Value Renderer::eval_filter(const FilterExpr& f, const FramePtr& frame) {
    Value input;
    if (f.input)
        input = eval(f.input.get(), frame);
    else if (block_input_)
        input = *block_input_;
    CallArgs args = eval_args(f.args, frame);
    std::size_t saved = offset_;
    offset_ = f.offset;
    try {
        if (f.kind == ExprKind::Test) {
            bool r;
            if (f.test) {
                if (input.is_undefined() && !f.test->accepts_undefined) fail_undefined(input);
                r = f.test->fn(*this, input, args);
            } else {
                r = apply_test(f.name, input, args);
            }
            offset_ = saved;
            return Value::boolean(r);
        }
        Value r = f.filter ? run_filter(*f.filter, input, args) : apply_filter(f.name, input, args);
        offset_ = saved;
        return r;
    } catch (const Fault& fault) {
        if (fault.undefined) throw;
        throw to_error(fault);
    }
}

Value Renderer::eval(const Expr* e, const FramePtr& frame) {
    switch (e->kind) {
        case ExprKind::Const: return static_cast<const ConstExpr*>(e)->value;
        case ExprKind::Name:
            return lookup(frame, static_cast<const NameExpr*>(e)->name, e);
        case ExprKind::Getattr: {
            auto* g = static_cast<const GetattrExpr*>(e);
            Value obj = eval(g->object.get(), frame);
            return getattr_at(obj, g->attr, e);
        }
        case ExprKind::Getitem: {
            auto* g = static_cast<const GetitemExpr*>(e);
            Value obj = eval(g->object.get(), frame);
            if (g->index->kind == ExprKind::Slice) {
                auto* s = static_cast<const SliceExpr*>(g->index.get());
                Value start = s->start ? eval(s->start.get(), frame) : Value();
                Value stop = s->stop ? eval(s->stop.get(), frame) : Value();
                Value step = s->step ? eval(s->step.get(), frame) : Value();
                if (obj.is_undefined()) fail_undefined(obj);
                return py_slice(obj, start, stop, step);
            }
            Value key = eval(g->index.get(), frame);
            return getitem_at(obj, key, e);
        }
        case ExprKind::Slice: fail("a slice is only valid inside `[]`");
        case ExprKind::Neg: return negate(eval(static_cast<const UnaryExpr*>(e)->operand.get(), frame));
        case ExprKind::Pos: {
            Value v = eval(static_cast<const UnaryExpr*>(e)->operand.get(), frame);
            if (v.is_undefined()) fail_undefined(v);
            if (!v.is_number()) fail("bad operand type for unary +: '" + type_name(v) + "'");
            return v.is_bool() ? Value::integer(v.as_int()) : v;
        }
        case ExprKind::Not:
            return Value::boolean(!truthy(eval(static_cast<const UnaryExpr*>(e)->operand.get(), frame)));
        case ExprKind::Binary: {
            auto* b = static_cast<const BinaryExpr*>(e);
            Value l = eval(b->left.get(), frame);
            Value r = eval(b->right.get(), frame);
            return binop(b->op, l, r, escape_);
        }
        case ExprKind::And: {
            auto* b = static_cast<const BinaryExpr*>(e);
            Value l = eval(b->left.get(), frame);
            if (!truthy(l)) return l;
            return eval(b->right.get(), frame);
        }
        case ExprKind::Or: {
            auto* b = static_cast<const BinaryExpr*>(e);
            Value l = eval(b->left.get(), frame);
            if (truthy(l)) return l;
            return eval(b->right.get(), frame);
        }
        case ExprKind::Concat: {
            auto* c = static_cast<const ConcatExpr*>(e);
            std::vector<Value> parts;
            parts.reserve(c->items.size());
            for (const auto& i : c->items) parts.push_back(eval(i.get(), frame));
            return concat(parts, !c->constant && escape_ != Escape::none, escape_);
        }
        case ExprKind::Compare: {
            auto* c = static_cast<const CompareExpr*>(e);
            Value left = eval(c->first.get(), frame);
            for (const auto& [op, expr] : c->rest) {
                Value right = eval(expr.get(), frame);
                if (!compare(op, left, right)) return Value::boolean(false);
                left = std::move(right);
            }
            return Value::boolean(true);
        }
        case ExprKind::CondExpr: {
            auto* c = static_cast<const CondExpr*>(e);
            if (truthy(eval(c->test.get(), frame))) return eval(c->then.get(), frame);
            if (c->otherwise) return eval(c->otherwise.get(), frame);
            auto u = std::make_shared<UndefObj>();
            u->lenient = true;
            u->tmpl = tmpl_;
            u->offset = e->offset;
            u->message = "the inline `if` evaluated to false and has no `else`";
            return Value::undefined(u);
        }
        case ExprKind::List:
        case ExprKind::Tuple: {
            auto* s = static_cast<const SeqExpr*>(e);
            std::vector<Value> items;
            items.reserve(s->items.size());
            for (const auto& i : s->items) items.push_back(eval(i.get(), frame));
            return e->kind == ExprKind::List ? Value::list(std::move(items))
                                             : Value::tuple(std::move(items));
        }
        case ExprKind::Dict: {
            auto* d = static_cast<const DictExpr*>(e);
            auto obj = std::make_shared<DictObj>();
            for (const auto& [k, v] : d->items) {
                Value key = eval(k.get(), frame);
                if (key.is_undefined()) fail_undefined(key);
                if (key.kind() == Kind::List || key.is_dict())
                    fail("unhashable type: '" + type_name(key) + "'");
                obj->set(std::move(key), eval(v.get(), frame));
            }
            return Value::dict(obj);
        }
        case ExprKind::Call: {
            auto* c = static_cast<const CallExpr*>(e);
            Value callee = eval(c->callee.get(), frame);
            CallArgs args = eval_args(c->args, frame);
            std::size_t saved = offset_;
            offset_ = c->offset;
            try {
                Value r = call(callee, args);
                offset_ = saved;
                return r;
            } catch (const Fault& fault) {
                if (fault.undefined) throw;
                throw to_error(fault);
            }
        }
        case ExprKind::Filter:
        case ExprKind::Test: return eval_filter(*static_cast<const FilterExpr*>(e), frame);
    }
    return Value();
}

// ---------------------------------------------------------------------------------------------
// Objects' attributes

std::optional<Value> MacroObj::getattr(std::string_view name, Renderer&) {
    if (name == "name") return Value::string(node->name);
    if (name == "arguments") {
        std::vector<Value> params;
        for (const auto& p : node->params) params.push_back(Value::string(p));
        return Value::tuple(std::move(params));
    }
    if (name == "catch_kwargs") return Value::boolean(node->uses_kwargs);
    if (name == "catch_varargs") return Value::boolean(node->uses_varargs);
    if (name == "caller") return Value::boolean(node->uses_caller);
    return std::nullopt;
}

std::optional<Value> LoopObj::getattr(std::string_view name, Renderer& r) {
    const std::size_t n = items.size();
    if (name == "index") return Value::integer(static_cast<std::int64_t>(index0 + 1));
    if (name == "index0") return Value::integer(static_cast<std::int64_t>(index0));
    if (name == "revindex") return Value::integer(static_cast<std::int64_t>(n - index0));
    if (name == "revindex0") return Value::integer(static_cast<std::int64_t>(n - index0 - 1));
    if (name == "first") return Value::boolean(index0 == 0);
    if (name == "last") return Value::boolean(index0 + 1 == n);
    if (name == "length") return Value::integer(static_cast<std::int64_t>(n));
    if (name == "depth") return Value::integer(depth0 + 1);
    if (name == "depth0") return Value::integer(depth0);
    if (name == "previtem") {
        if (index0 == 0) return r.undefined("there is no previous item", "check `loop.first` first");
        return items[index0 - 1];
    }
    if (name == "nextitem") {
        if (index0 + 1 >= n) return r.undefined("there is no next item", "check `loop.last` first");
        return items[index0 + 1];
    }
    if (name == "cycle") {
        auto self = shared_from_this();
        return make_fn("cycle", [self](Renderer&, CallArgs& args) -> Value {
            if (args.pos.empty()) fail("no items for cycling given");
            return args.pos[self->index0 % args.pos.size()];
        });
    }
    if (name == "changed") {
        auto self = shared_from_this();
        return make_fn("changed", [self](Renderer& r, CallArgs& args) -> Value {
            if (self->last_changed && self->last_changed->size() == args.pos.size()) {
                bool same = true;
                for (std::size_t i = 0; i < args.pos.size() && same; ++i)
                    same = py_eq((*self->last_changed)[i], args.pos[i]);
                if (same) return Value::boolean(false);
            }
            self->last_changed = args.pos;
            r.track_changed(self);
            return Value::boolean(true);
        });
    }
    return std::nullopt;
}

}  // namespace boardpress::tmpl
