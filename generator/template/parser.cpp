#include "template/parser.hpp"

#include <algorithm>
#include <functional>

namespace boardpress::tmpl {

std::vector<std::string> Registry::filter_names() const {
    std::vector<std::string> names;
    for (const auto& [name, entry] : filters) names.push_back(name);
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> Registry::test_names() const {
    std::vector<std::string> names;
    for (const auto& [name, entry] : tests) names.push_back(name);
    std::sort(names.begin(), names.end());
    return names;
}

namespace {

const std::vector<std::string>& known_tags() {
    static const std::vector<std::string> tags = {
        "for",    "if",     "block",   "extends",    "print", "macro",      "include",
        "from",   "import", "set",     "with",       "autoescape", "call",  "filter",
        "raw",    "endfor", "endif",   "endblock",   "endmacro", "endcall", "endfilter",
        "endset", "endwith", "endautoescape", "else", "elif", "endraw"};
    return tags;
}

// Walks every expression of a body, calling f on each node (statements' own expressions too).
void walk_expr(const Expr* e, const std::function<void(const Expr&)>& f);

void walk_args(const Arguments& a, const std::function<void(const Expr&)>& f) {
    for (const auto& p : a.pos) walk_expr(p.get(), f);
    for (const auto& [k, v] : a.kw) walk_expr(v.get(), f);
    walk_expr(a.dyn_args.get(), f);
    walk_expr(a.dyn_kwargs.get(), f);
}

void walk_expr(const Expr* e, const std::function<void(const Expr&)>& f) {
    if (!e) return;
    f(*e);
    switch (e->kind) {
        case ExprKind::Const:
        case ExprKind::Name: return;
        case ExprKind::Getattr: walk_expr(static_cast<const GetattrExpr*>(e)->object.get(), f); return;
        case ExprKind::Getitem: {
            auto* g = static_cast<const GetitemExpr*>(e);
            walk_expr(g->object.get(), f);
            walk_expr(g->index.get(), f);
            return;
        }
        case ExprKind::Slice: {
            auto* s = static_cast<const SliceExpr*>(e);
            walk_expr(s->start.get(), f);
            walk_expr(s->stop.get(), f);
            walk_expr(s->step.get(), f);
            return;
        }
        case ExprKind::Neg:
        case ExprKind::Pos:
        case ExprKind::Not: walk_expr(static_cast<const UnaryExpr*>(e)->operand.get(), f); return;
        case ExprKind::Binary:
        case ExprKind::And:
        case ExprKind::Or: {
            auto* b = static_cast<const BinaryExpr*>(e);
            walk_expr(b->left.get(), f);
            walk_expr(b->right.get(), f);
            return;
        }
        case ExprKind::Concat:
            for (const auto& i : static_cast<const ConcatExpr*>(e)->items) walk_expr(i.get(), f);
            return;
        case ExprKind::Compare: {
            auto* c = static_cast<const CompareExpr*>(e);
            walk_expr(c->first.get(), f);
            for (const auto& [op, x] : c->rest) walk_expr(x.get(), f);
            return;
        }
        case ExprKind::CondExpr: {
            auto* c = static_cast<const CondExpr*>(e);
            walk_expr(c->test.get(), f);
            walk_expr(c->then.get(), f);
            walk_expr(c->otherwise.get(), f);
            return;
        }
        case ExprKind::List:
        case ExprKind::Tuple:
            for (const auto& i : static_cast<const SeqExpr*>(e)->items) walk_expr(i.get(), f);
            return;
        case ExprKind::Dict:
            for (const auto& [k, v] : static_cast<const DictExpr*>(e)->items) {
                walk_expr(k.get(), f);
                walk_expr(v.get(), f);
            }
            return;
        case ExprKind::Call: {
            auto* c = static_cast<const CallExpr*>(e);
            walk_expr(c->callee.get(), f);
            walk_args(c->args, f);
            return;
        }
        case ExprKind::Filter:
        case ExprKind::Test: {
            auto* c = static_cast<const FilterExpr*>(e);
            walk_expr(c->input.get(), f);
            walk_args(c->args, f);
            return;
        }
    }
}

void walk_body(const Body& body, const std::function<void(const Expr&)>& f);

void walk_target(const Target& t, const std::function<void(const Expr&)>& f) {
    // A namespace assignment reads its namespace's name.
    if (t.kind == Target::Kind::NsAttr) {
        NameExpr n(t.offset, t.name);
        f(n);
    }
    for (const auto& i : t.items) walk_target(i, f);
}

void walk_stmt(const Stmt& s, const std::function<void(const Expr&)>& f) {
    switch (s.kind) {
        case StmtKind::Text: return;
        case StmtKind::Print: walk_expr(static_cast<const PrintStmt&>(s).expr.get(), f); return;
        case StmtKind::If: {
            const auto& i = static_cast<const IfStmt&>(s);
            for (const auto& [test, body] : i.branches) {
                walk_expr(test.get(), f);
                walk_body(body, f);
            }
            walk_body(i.otherwise, f);
            return;
        }
        case StmtKind::For: {
            const auto& i = static_cast<const ForStmt&>(s);
            walk_expr(i.iter.get(), f);
            walk_expr(i.filter.get(), f);
            walk_body(i.body, f);
            walk_body(i.otherwise, f);
            return;
        }
        case StmtKind::Set: {
            const auto& i = static_cast<const SetStmt&>(s);
            walk_target(i.target, f);
            walk_expr(i.value.get(), f);
            return;
        }
        case StmtKind::SetBlock: {
            const auto& i = static_cast<const SetBlockStmt&>(s);
            walk_target(i.target, f);
            walk_expr(i.filter.get(), f);
            walk_body(i.body, f);
            return;
        }
        case StmtKind::Macro: {
            const auto& i = static_cast<const MacroStmt&>(s);
            for (const auto& d : i.defaults) walk_expr(d.get(), f);
            walk_body(i.body, f);
            return;
        }
        case StmtKind::CallBlock: {
            const auto& i = static_cast<const CallBlockStmt&>(s);
            walk_expr(i.call.get(), f);
            walk_stmt(*i.caller, f);
            return;
        }
        case StmtKind::FilterBlock: {
            const auto& i = static_cast<const FilterBlockStmt&>(s);
            walk_expr(i.filter.get(), f);
            walk_body(i.body, f);
            return;
        }
        case StmtKind::Include: walk_expr(static_cast<const IncludeStmt&>(s).name.get(), f); return;
        case StmtKind::Import: walk_expr(static_cast<const ImportStmt&>(s).name.get(), f); return;
        case StmtKind::FromImport: walk_expr(static_cast<const FromImportStmt&>(s).name.get(), f); return;
        case StmtKind::Extends: walk_expr(static_cast<const ExtendsStmt&>(s).name.get(), f); return;
        case StmtKind::Block: return;  // a block is its own scope
        case StmtKind::With: {
            const auto& i = static_cast<const WithStmt&>(s);
            for (const auto& [t, e] : i.assignments) walk_expr(e.get(), f);
            walk_body(i.body, f);
            return;
        }
        case StmtKind::Autoescape: {
            const auto& i = static_cast<const AutoescapeStmt&>(s);
            walk_expr(i.value.get(), f);
            walk_body(i.body, f);
            return;
        }
    }
}

void walk_body(const Body& body, const std::function<void(const Expr&)>& f) {
    for (const auto& s : body) walk_stmt(*s, f);
}

// Jinja2's Node.as_const succeeds on these: literals and operations on literals.
bool is_constant(const Expr* e) {
    if (!e) return true;
    switch (e->kind) {
        case ExprKind::Const: return true;
        case ExprKind::Name:
        case ExprKind::Call: return false;
        case ExprKind::Getattr: return is_constant(static_cast<const GetattrExpr*>(e)->object.get());
        case ExprKind::Getitem: {
            auto* g = static_cast<const GetitemExpr*>(e);
            return is_constant(g->object.get()) && is_constant(g->index.get());
        }
        case ExprKind::Slice: {
            auto* s = static_cast<const SliceExpr*>(e);
            return is_constant(s->start.get()) && is_constant(s->stop.get()) &&
                   is_constant(s->step.get());
        }
        case ExprKind::Neg:
        case ExprKind::Pos:
        case ExprKind::Not: return is_constant(static_cast<const UnaryExpr*>(e)->operand.get());
        case ExprKind::Binary:
        case ExprKind::And:
        case ExprKind::Or: {
            auto* b = static_cast<const BinaryExpr*>(e);
            return is_constant(b->left.get()) && is_constant(b->right.get());
        }
        case ExprKind::Concat:
            for (const auto& i : static_cast<const ConcatExpr*>(e)->items)
                if (!is_constant(i.get())) return false;
            return true;
        case ExprKind::Compare: {
            auto* c = static_cast<const CompareExpr*>(e);
            if (!is_constant(c->first.get())) return false;
            for (const auto& [op, x] : c->rest)
                if (!is_constant(x.get())) return false;
            return true;
        }
        case ExprKind::CondExpr: {
            auto* c = static_cast<const CondExpr*>(e);
            return c->otherwise && is_constant(c->test.get()) && is_constant(c->then.get()) &&
                   is_constant(c->otherwise.get());
        }
        case ExprKind::List:
        case ExprKind::Tuple:
            for (const auto& i : static_cast<const SeqExpr*>(e)->items)
                if (!is_constant(i.get())) return false;
            return true;
        case ExprKind::Dict:
            for (const auto& [k, v] : static_cast<const DictExpr*>(e)->items)
                if (!is_constant(k.get()) || !is_constant(v.get())) return false;
            return true;
        case ExprKind::Filter:
        case ExprKind::Test: {
            auto* c = static_cast<const FilterExpr*>(e);
            if (e->kind == ExprKind::Filter && (!c->filter || !c->filter->foldable)) return false;
            if (e->kind == ExprKind::Test && !c->test) return false;
            if (!c->input || !is_constant(c->input.get())) return false;
            if (c->args.dyn_args || c->args.dyn_kwargs) return false;
            for (const auto& p : c->args.pos)
                if (!is_constant(p.get())) return false;
            for (const auto& [k, v] : c->args.kw)
                if (!is_constant(v.get())) return false;
            return true;
        }
    }
    return false;
}

struct OpenTag {
    std::string name;
    std::uint32_t offset;
    std::vector<std::string> ends;
};

class Parser {
public:
    Parser(Template& tmpl, const Registry& registry)
        : tmpl_(tmpl), registry_(registry), tokens_(tokenize(tmpl.info)) {}

    void run() {
        tmpl_.body = subparse({});
        if (cur().type != Tok::Eof) unexpected_end_tag();
    }

private:
    Template& tmpl_;
    const Registry& registry_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    std::vector<OpenTag> open_;
    bool soft_ = false;  // inside an `if` (Jinja2 checks filters there only when called)
    std::size_t expression_depth_ = 0;  // see ExpressionDepth

    // The parser and the renderer recurse once per level of nesting, so nesting is bounded
    // before it can exhaust the stack. Jinja2 itself stops near 100 nested blocks (Python's
    // limit on indentation) and 100 nested brackets (its recursion limit).
    static constexpr std::size_t kMaxBlockDepth = 100;
    static constexpr std::size_t kMaxExpressionDepth = 300;  // 100 brackets: 3 levels each
    struct ExpressionDepth {
        Parser& parser;
        explicit ExpressionDepth(Parser& p) : parser(p) {
            if (++parser.expression_depth_ > kMaxExpressionDepth) {
                --parser.expression_depth_;
                parser.error(parser.cur().offset, "the expression is nested too deeply",
                             "split it into parts with `{% set %}`");
            }
        }
        ~ExpressionDepth() { --parser.expression_depth_; }
        ExpressionDepth(const ExpressionDepth&) = delete;
        ExpressionDepth& operator=(const ExpressionDepth&) = delete;
    };

    const Token& cur() const { return tokens_[pos_]; }
    const Token& peek(std::size_t n = 1) const {
        return tokens_[std::min(pos_ + n, tokens_.size() - 1)];
    }
    const Token& next() {
        const Token& t = tokens_[pos_];
        if (pos_ + 1 < tokens_.size()) ++pos_;
        return t;
    }
    bool is_name(std::string_view word) const {
        return cur().type == Tok::Name && cur().text == word;
    }
    bool skip_name(std::string_view word) {
        if (!is_name(word)) return false;
        next();
        return true;
    }
    bool skip(Tok type) {
        if (cur().type != type) return false;
        next();
        return true;
    }

    [[noreturn]] void error(std::size_t offset, std::string message, std::string hint = {}) {
        throw make_error(tmpl_.info, offset, std::move(message), std::move(hint));
    }

    int line_at(std::size_t offset) const {
        return locate("", tmpl_.info.source, offset).line + tmpl_.info.line_offset;
    }

    std::string open_description(const OpenTag& tag) const {
        return "`" + tag.name + "` opened at line " + std::to_string(line_at(tag.offset));
    }

    static std::string join_ends(const std::vector<std::string>& ends) {
        std::string out;
        for (std::size_t i = 0; i < ends.size(); ++i) {
            if (i) out += i + 1 == ends.size() ? " or " : ", ";
            out += "`" + ends[i] + "`";
        }
        return out;
    }

    [[noreturn]] void fail_eof() {
        if (!open_.empty()) {
            const auto& tag = open_.back();
            error(cur().offset,
                  "unexpected end of template: expected " + join_ends(tag.ends) + " to close " +
                      open_description(tag),
                  "add `{% " + tag.ends.back() + " %}`");
        }
        error(cur().offset, "unexpected end of template");
    }

    // The current token is the name after `{%` of a tag nobody expects here.
    [[noreturn]] void unexpected_end_tag() {
        const Token& t = cur();
        const std::string& word = t.text;
        bool known = std::find(known_tags().begin(), known_tags().end(), word) != known_tags().end();
        if (!open_.empty()) {
            const auto& tag = open_.back();
            std::string hint;
            if (!known) hint = did_you_mean_hint(word, tag.ends);
            if (hint.empty() && !known) hint = did_you_mean_hint(word, known_tags());
            if (hint.empty()) hint = "close " + open_description(tag) + " with `{% " + tag.ends.back() + " %}` first";
            error(t.offset,
                  std::string(known ? "unexpected" : "unknown tag") + " `" + word + "`: expected " +
                      join_ends(tag.ends) + " to close " + open_description(tag),
                  hint);
        }
        if (known && word.rfind("end", 0) == 0)
            error(t.offset, "unexpected `" + word + "`: there is no open `" + word.substr(3) + "`",
                  "remove it, or open the block it closes");
        if (known)
            error(t.offset, "unexpected `" + word + "` outside of a block");
        error(t.offset, "unknown tag `" + word + "`", did_you_mean_hint(word, known_tags()));
    }

    [[noreturn]] void expected(std::string what, const Token& got, std::string hint = {}) {
        if (got.type == Tok::Eof) {
            if (!open_.empty() || what.empty()) fail_eof();
            error(got.offset, "unexpected end of template: expected " + what, std::move(hint));
        }
        error(got.offset, "expected " + what + ", found " + describe(got), std::move(hint));
    }

    const Token& expect(Tok type, const char* context = nullptr) {
        if (cur().type != type) {
            std::string what = "`" + std::string(tok_spelling(type)) + "`";
            if (type == Tok::Name) what = "a name";
            if (context) what += std::string(" ") + context;
            std::string hint;
            if (type == Tok::BlockEnd && cur().type != Tok::Eof) hint = "a tag ends with `%}`";
            if (type == Tok::VarEnd && cur().type != Tok::Eof) hint = "an expression ends with `}}`";
            expected(what, cur(), hint);
        }
        return next();
    }

    void expect_name(std::string_view word) {
        if (!is_name(word)) expected("`" + std::string(word) + "`", cur());
        next();
    }

    void expect_block_end(const std::string& tag) {
        if (cur().type != Tok::BlockEnd)
            expected("`%}` to end the `" + tag + "` tag", cur(), "a tag ends with `%}`");
        next();
    }

    // ----------------------------------------------------------------------------------------
    // Statements

    Body subparse(const std::vector<std::string>& end_tokens) {
        Body body;
        while (true) {
            const Token& t = cur();
            switch (t.type) {
                case Tok::Eof: return body;
                case Tok::Data:
                    body.push_back(std::make_unique<TextStmt>(t.offset, t.text));
                    next();
                    break;
                case Tok::VarBegin: {
                    std::uint32_t off = next().offset;
                    if (cur().type == Tok::VarEnd) error(cur().offset, "expected an expression, found `}}`", "put a variable or value between `{{` and `}}`");
                    auto e = parse_tuple();
                    if (cur().type != Tok::VarEnd)
                        expected("`}}`", cur(), cur().type == Tok::Eof ? "close the expression with `}}`" : "an expression ends with `}}`");
                    next();
                    body.push_back(std::make_unique<PrintStmt>(off, std::move(e)));
                    break;
                }
                case Tok::BlockBegin: {
                    const Token& tag = peek();
                    if (tag.type == Tok::Name &&
                        std::find(end_tokens.begin(), end_tokens.end(), tag.text) != end_tokens.end()) {
                        next();  // leave the end tag's name as the current token
                        return body;
                    }
                    next();
                    parse_statement(body);
                    break;
                }
                default: error(t.offset, "unexpected " + describe(t));
            }
        }
    }

    // Parses `%}` body `{% end...`; leaves the end tag's name as the current token.
    Body parse_body(const std::string& tag, std::uint32_t offset, std::vector<std::string> ends) {
        if (open_.size() >= kMaxBlockDepth)
            error(offset,
                  "`" + tag + "` is nested " + std::to_string(open_.size() + 1) +
                      " levels deep, more than the limit of " + std::to_string(kMaxBlockDepth),
                  "close the blocks above it sooner, or move the inner part into a macro or an "
                  "include");
        skip(Tok::Colon);
        expect_block_end(tag);
        open_.push_back({tag, offset, ends});
        Body body = subparse(ends);
        if (cur().type == Tok::Eof) fail_eof();
        open_.pop_back();
        return body;
    }

    void end_tag(const std::string& name, const std::string& tag) {
        // current token is the end tag's name
        next();
        (void)name;
        expect_block_end(tag);
    }

    void parse_statement(Body& body) {
        const Token& t = cur();
        if (t.type != Tok::Name) {
            if (t.type == Tok::BlockEnd) error(t.offset, "expected a tag name, found `%}`", "an empty `{% %}` is not allowed");
            expected("a tag name", t);
        }
        std::string word = t.text;
        std::uint32_t off = t.offset;
        if (word == "for") return body.push_back(parse_for());
        if (word == "if") return body.push_back(parse_if());
        if (word == "set") return body.push_back(parse_set());
        if (word == "macro") return body.push_back(parse_macro());
        if (word == "call") return body.push_back(parse_call_block());
        if (word == "filter") return body.push_back(parse_filter_block());
        if (word == "include") return body.push_back(parse_include());
        if (word == "import") return body.push_back(parse_import());
        if (word == "from") return body.push_back(parse_from());
        if (word == "extends") {
            next();
            auto s = std::make_unique<ExtendsStmt>(off);
            s->name = parse_expression();
            expect_block_end("extends");
            return body.push_back(std::move(s));
        }
        if (word == "block") return body.push_back(parse_block());
        if (word == "with") return body.push_back(parse_with());
        if (word == "autoescape") {
            next();
            auto s = std::make_unique<AutoescapeStmt>(off);
            s->value = parse_expression();
            s->body = parse_body("autoescape", off, {"endautoescape"});
            end_tag("endautoescape", "endautoescape");
            return body.push_back(std::move(s));
        }
        if (word == "print") {
            next();
            std::vector<ExprPtr> items;
            while (cur().type != Tok::BlockEnd) {
                if (!items.empty()) expect(Tok::Comma);
                items.push_back(parse_expression());
            }
            next();
            for (auto& e : items) body.push_back(std::make_unique<PrintStmt>(off, std::move(e)));
            return;
        }
        unexpected_end_tag();
    }

    StmtPtr parse_for() {
        std::uint32_t off = next().offset;
        auto s = std::make_unique<ForStmt>(off);
        s->target = parse_assign_target(true, false, "in");
        expect_name("in");
        bool was_soft = soft_;
        s->iter = parse_tuple(false, false, "recursive");
        soft_ = false;
        if (skip_name("if")) s->filter = parse_expression();
        s->recursive = skip_name("recursive");
        s->body = parse_body("for", off, {"endfor", "else"});
        if (next().text == "else") {
            expect_block_end("else");
            open_.push_back({"for", off, {"endfor"}});
            s->otherwise = subparse({"endfor"});
            if (cur().type == Tok::Eof) fail_eof();
            open_.pop_back();
            next();
        }
        soft_ = was_soft;
        expect_block_end("endfor");
        return s;
    }

    StmtPtr parse_if() {
        std::uint32_t off = next().offset;
        auto s = std::make_unique<IfStmt>(off);
        bool was_soft = soft_;
        soft_ = true;
        while (true) {
            ExprPtr test = parse_tuple(false);
            Body body = parse_body("if", off, {"elif", "else", "endif"});
            s->branches.emplace_back(std::move(test), std::move(body));
            std::string word = next().text;
            if (word == "elif") continue;
            if (word == "else") {
                s->otherwise = parse_body("if", off, {"endif"});
                next();
            }
            break;
        }
        soft_ = was_soft;
        expect_block_end("endif");
        return s;
    }

    StmtPtr parse_set() {
        std::uint32_t off = next().offset;
        Target target = parse_assign_target(true, true);
        if (skip(Tok::Assign)) {
            auto s = std::make_unique<SetStmt>(off);
            s->target = std::move(target);
            s->value = parse_tuple();
            expect_block_end("set");
            return s;
        }
        auto s = std::make_unique<SetBlockStmt>(off);
        s->target = std::move(target);
        bool was_soft = soft_;
        soft_ = false;
        if (cur().type == Tok::Pipe) s->filter = parse_filter(nullptr, false);
        if (cur().type != Tok::BlockEnd)
            expected("`=` or `%}` after the `set` target", cur(),
                     "write `{% set name = value %}` or `{% set name %}...{% endset %}`");
        s->body = parse_body("set", off, {"endset"});
        soft_ = was_soft;
        end_tag("endset", "endset");
        return s;
    }

    void parse_signature(MacroStmt& m) {
        expect(Tok::LParen, "to start the parameter list");
        while (cur().type != Tok::RParen) {
            if (!m.params.empty()) expect(Tok::Comma);
            const Token& name = expect(Tok::Name, "for a parameter");
            m.params.push_back(name.text);
            if (skip(Tok::Assign)) {
                m.defaults.push_back(parse_expression());
            } else if (!m.defaults.empty()) {
                error(name.offset, "non-default parameter `" + name.text + "` follows a parameter with a default",
                      "give it a default too, or move it before the parameters with defaults");
            }
        }
        next();
    }

    void mark_special_names(MacroStmt& m) {
        walk_body(m.body, [&](const Expr& e) {
            if (e.kind != ExprKind::Name) return;
            const auto& n = static_cast<const NameExpr&>(e).name;
            if (n == "caller") m.uses_caller = true;
            if (n == "varargs") m.uses_varargs = true;
            if (n == "kwargs") m.uses_kwargs = true;
        });
        for (const auto& d : m.defaults)
            walk_expr(d.get(), [&](const Expr& e) {
                if (e.kind == ExprKind::Name && static_cast<const NameExpr&>(e).name == "caller")
                    m.uses_caller = true;
            });
    }

    StmtPtr parse_macro() {
        std::uint32_t off = next().offset;
        auto s = std::make_unique<MacroStmt>(off);
        s->name = expect(Tok::Name, "for the macro's name").text;
        bool was_soft = soft_;
        soft_ = false;
        parse_signature(*s);
        s->body = parse_body("macro", off, {"endmacro"});
        soft_ = was_soft;
        end_tag("endmacro", "endmacro");
        mark_special_names(*s);
        return s;
    }

    StmtPtr parse_call_block() {
        std::uint32_t off = next().offset;
        auto s = std::make_unique<CallBlockStmt>(off);
        s->caller = std::make_unique<MacroStmt>(off);
        s->caller->name = "caller";
        bool was_soft = soft_;
        soft_ = false;
        if (cur().type == Tok::LParen) parse_signature(*s->caller);
        std::uint32_t call_off = cur().offset;
        s->call = parse_expression();
        if (s->call->kind != ExprKind::Call)
            error(call_off, "expected a macro call after `call`", "write `{% call macro_name(...) %}`");
        s->caller->body = parse_body("call", off, {"endcall"});
        soft_ = was_soft;
        end_tag("endcall", "endcall");
        mark_special_names(*s->caller);
        return s;
    }

    StmtPtr parse_filter_block() {
        std::uint32_t off = next().offset;
        auto s = std::make_unique<FilterBlockStmt>(off);
        bool was_soft = soft_;
        soft_ = false;
        s->filter = parse_filter(nullptr, true);
        s->body = parse_body("filter", off, {"endfilter"});
        soft_ = was_soft;
        end_tag("endfilter", "endfilter");
        return s;
    }

    bool parse_context(bool& with_context) {
        if ((is_name("with") || is_name("without")) && peek().type == Tok::Name &&
            peek().text == "context") {
            with_context = next().text == "with";
            next();
            return true;
        }
        return false;
    }

    StmtPtr parse_include() {
        std::uint32_t off = next().offset;
        auto s = std::make_unique<IncludeStmt>(off);
        s->name = parse_expression();
        if (is_name("ignore") && peek().type == Tok::Name && peek().text == "missing") {
            s->ignore_missing = true;
            next();
            next();
        }
        parse_context(s->with_context);
        expect_block_end("include");
        return s;
    }

    StmtPtr parse_import() {
        std::uint32_t off = next().offset;
        auto s = std::make_unique<ImportStmt>(off);
        s->name = parse_expression();
        expect_name("as");
        s->target = expect(Tok::Name, "to bind the imported template to").text;
        parse_context(s->with_context);
        expect_block_end("import");
        return s;
    }

    StmtPtr parse_from() {
        std::uint32_t off = next().offset;
        auto s = std::make_unique<FromImportStmt>(off);
        s->name = parse_expression();
        expect_name("import");
        while (true) {
            if (!s->names.empty()) expect(Tok::Comma);
            if (cur().type != Tok::Name) expected("a name to import", cur());
            if (parse_context(s->with_context)) break;
            const Token& name = next();
            if (name.text[0] == '_')
                error(name.offset, "names starting with an underscore cannot be imported");
            std::string alias = name.text;
            if (skip_name("as")) alias = expect(Tok::Name, "after `as`").text;
            s->names.emplace_back(name.text, alias);
            s->name_offsets.push_back(name.offset);
            if (parse_context(s->with_context) || cur().type != Tok::Comma) break;
        }
        expect_block_end("from");
        return s;
    }

    StmtPtr parse_block() {
        std::uint32_t off = next().offset;
        auto s = std::make_unique<BlockStmt>(off);
        const Token& name = expect(Tok::Name, "for the block's name");
        s->name = name.text;
        s->scoped = skip_name("scoped");
        s->required = skip_name("required");
        if (cur().type == Tok::Sub)
            error(cur().offset, "block names cannot contain hyphens", "use an underscore instead");
        bool was_soft = soft_;
        soft_ = false;
        s->body = parse_body("block", off, {"endblock"});
        soft_ = was_soft;
        next();  // endblock
        if (cur().type == Tok::Name && cur().text == s->name) next();
        if (cur().type != Tok::BlockEnd)
            expected("`%}` to end `endblock`", cur(),
                     cur().type == Tok::Name ? "the block being closed is `" + s->name + "`" : "");
        next();
        if (s->required) {
            for (const auto& stmt : s->body) {
                bool blank = stmt->kind == StmtKind::Text &&
                             static_cast<const TextStmt&>(*stmt).text.find_first_not_of(" \t\n\r\f\v") == std::string::npos;
                if (!blank) error(stmt->offset, "required blocks can only contain comments or whitespace");
            }
        }
        if (tmpl_.blocks.count(s->name))
            error(name.offset, "block `" + s->name + "` is defined twice",
                  "block names must be unique within a template");
        tmpl_.blocks.emplace(s->name, s.get());
        return s;
    }

    StmtPtr parse_with() {
        std::uint32_t off = next().offset;
        auto s = std::make_unique<WithStmt>(off);
        bool was_soft = soft_;
        while (cur().type != Tok::BlockEnd) {
            if (!s->assignments.empty()) expect(Tok::Comma);
            Target t = parse_assign_target(true, false);
            expect(Tok::Assign);
            s->assignments.emplace_back(std::move(t), parse_expression());
        }
        soft_ = false;
        s->body = parse_body("with", off, {"endwith"});
        soft_ = was_soft;
        end_tag("endwith", "endwith");
        return s;
    }

    Target parse_assign_target(bool with_tuple, bool with_namespace, const char* extra_end = nullptr) {
        auto one = [&]() -> Target {
            Target t;
            t.offset = cur().offset;
            if (cur().type == Tok::LParen) {
                next();
                t = parse_target_tuple(with_namespace, nullptr, true);
                expect(Tok::RParen);
                return t;
            }
            if (cur().type != Tok::Name) expected("a name to assign to", cur());
            t.name = next().text;
            if (t.name == "true" || t.name == "false" || t.name == "none" || t.name == "True" ||
                t.name == "False" || t.name == "None")
                error(t.offset, "cannot assign to `" + t.name + "`");
            if (with_namespace && cur().type == Tok::Dot) {
                next();
                t.kind = Target::Kind::NsAttr;
                t.attr = expect(Tok::Name, "after `.`").text;
            }
            return t;
        };
        if (!with_tuple) return one();
        (void)extra_end;
        std::uint32_t off = cur().offset;
        std::vector<Target> items;
        bool is_tuple = false;
        while (true) {
            if (!items.empty()) expect(Tok::Comma);
            if (cur().type == Tok::BlockEnd || cur().type == Tok::Assign ||
                (extra_end && is_name(extra_end)) || cur().type == Tok::Pipe)
                break;
            items.push_back(one());
            if (cur().type == Tok::Comma)
                is_tuple = true;
            else
                break;
        }
        if (items.empty()) expected("a name to assign to", cur());
        if (!is_tuple) return std::move(items[0]);
        Target t;
        t.kind = Target::Kind::Tuple;
        t.offset = off;
        t.items = std::move(items);
        return t;
    }

    Target parse_target_tuple(bool with_namespace, const char*, bool) {
        std::uint32_t off = cur().offset;
        std::vector<Target> items;
        bool is_tuple = false;
        while (cur().type != Tok::RParen) {
            if (!items.empty()) expect(Tok::Comma);
            if (cur().type == Tok::RParen) break;
            items.push_back(parse_assign_target(false, with_namespace));
            if (cur().type == Tok::Comma) is_tuple = true;
        }
        if (items.size() == 1 && !is_tuple) return std::move(items[0]);
        Target t;
        t.kind = Target::Kind::Tuple;
        t.offset = off;
        t.items = std::move(items);
        return t;
    }

    // ----------------------------------------------------------------------------------------
    // Expressions

    bool is_tuple_end(const char* extra_end) const {
        Tok t = cur().type;
        if (t == Tok::VarEnd || t == Tok::BlockEnd || t == Tok::RParen) return true;
        return extra_end && is_name(extra_end);
    }

    ExprPtr parse_tuple(bool with_condexpr = true, bool explicit_parens = false,
                        const char* extra_end = nullptr) {
        std::uint32_t off = cur().offset;
        std::vector<ExprPtr> items;
        bool is_tuple = false;
        while (true) {
            if (!items.empty()) expect(Tok::Comma);
            if (is_tuple_end(extra_end)) break;
            items.push_back(with_condexpr ? parse_expression() : parse_or());
            if (cur().type == Tok::Comma)
                is_tuple = true;
            else
                break;
        }
        if (!is_tuple) {
            if (!items.empty()) return std::move(items[0]);
            if (!explicit_parens) expected("an expression", cur());
        }
        auto t = std::make_unique<SeqExpr>(ExprKind::Tuple, off);
        t->items = std::move(items);
        return t;
    }

    ExprPtr parse_expression() { return parse_condexpr(); }

    ExprPtr parse_condexpr() {
        ExpressionDepth depth(*this);
        std::uint32_t off = cur().offset;
        ExprPtr expr1 = parse_or();
        while (is_name("if")) {
            next();
            bool was_soft = soft_;
            soft_ = true;
            auto c = std::make_unique<CondExpr>(off);
            c->test = parse_or();
            if (skip_name("else")) c->otherwise = parse_condexpr();
            soft_ = was_soft;
            c->then = std::move(expr1);
            expr1 = std::move(c);
            off = cur().offset;
        }
        return expr1;
    }

    ExprPtr parse_or() {
        std::uint32_t off = cur().offset;
        ExprPtr left = parse_and();
        while (is_name("or")) {
            next();
            auto b = std::make_unique<BinaryExpr>(ExprKind::Or, off);
            b->left = std::move(left);
            b->right = parse_and();
            left = std::move(b);
        }
        return left;
    }

    ExprPtr parse_and() {
        std::uint32_t off = cur().offset;
        ExprPtr left = parse_not();
        while (is_name("and")) {
            next();
            auto b = std::make_unique<BinaryExpr>(ExprKind::And, off);
            b->left = std::move(left);
            b->right = parse_not();
            left = std::move(b);
        }
        return left;
    }

    ExprPtr parse_not() {
        ExpressionDepth depth(*this);
        if (is_name("not")) {
            std::uint32_t off = next().offset;
            return std::make_unique<UnaryExpr>(ExprKind::Not, off, parse_not());
        }
        return parse_compare();
    }

    ExprPtr parse_compare() {
        std::uint32_t off = cur().offset;
        ExprPtr expr = parse_math1();
        std::vector<std::pair<CmpOp, ExprPtr>> ops;
        while (true) {
            Tok t = cur().type;
            CmpOp op;
            if (t == Tok::Eq) op = CmpOp::Eq;
            else if (t == Tok::Ne) op = CmpOp::Ne;
            else if (t == Tok::Lt) op = CmpOp::Lt;
            else if (t == Tok::Le) op = CmpOp::Le;
            else if (t == Tok::Gt) op = CmpOp::Gt;
            else if (t == Tok::Ge) op = CmpOp::Ge;
            else if (is_name("in")) op = CmpOp::In;
            else if (is_name("not") && peek().type == Tok::Name && peek().text == "in") {
                next();
                op = CmpOp::NotIn;
            } else
                break;
            next();
            ops.emplace_back(op, parse_math1());
        }
        if (ops.empty()) return expr;
        auto c = std::make_unique<CompareExpr>(off);
        c->first = std::move(expr);
        c->rest = std::move(ops);
        return c;
    }

    ExprPtr binary(BinOp op, std::uint32_t off, ExprPtr left, ExprPtr right) {
        auto b = std::make_unique<BinaryExpr>(ExprKind::Binary, off);
        b->op = op;
        b->left = std::move(left);
        b->right = std::move(right);
        return b;
    }

    ExprPtr parse_math1() {
        std::uint32_t off = cur().offset;
        ExprPtr left = parse_concat();
        while (cur().type == Tok::Add || cur().type == Tok::Sub) {
            BinOp op = next().type == Tok::Add ? BinOp::Add : BinOp::Sub;
            left = binary(op, off, std::move(left), parse_concat());
        }
        return left;
    }

    ExprPtr parse_concat() {
        std::uint32_t off = cur().offset;
        ExprPtr first = parse_math2();
        if (cur().type != Tok::Tilde) return first;
        auto c = std::make_unique<ConcatExpr>(off);
        c->items.push_back(std::move(first));
        while (skip(Tok::Tilde)) c->items.push_back(parse_math2());
        c->constant = is_constant(c.get());
        return c;
    }

    ExprPtr parse_math2() {
        std::uint32_t off = cur().offset;
        ExprPtr left = parse_pow();
        while (true) {
            Tok t = cur().type;
            BinOp op;
            if (t == Tok::Mul) op = BinOp::Mul;
            else if (t == Tok::Div) op = BinOp::Div;
            else if (t == Tok::FloorDiv) op = BinOp::FloorDiv;
            else if (t == Tok::Mod) op = BinOp::Mod;
            else break;
            next();
            left = binary(op, off, std::move(left), parse_pow());
        }
        return left;
    }

    ExprPtr parse_pow() {
        std::uint32_t off = cur().offset;
        ExprPtr left = parse_unary();
        while (skip(Tok::Pow)) left = binary(BinOp::Pow, off, std::move(left), parse_unary());
        return left;
    }

    ExprPtr parse_unary(bool with_filter = true) {
        ExpressionDepth depth(*this);
        std::uint32_t off = cur().offset;
        ExprPtr node;
        if (cur().type == Tok::Sub) {
            next();
            node = std::make_unique<UnaryExpr>(ExprKind::Neg, off, parse_unary(false));
        } else if (cur().type == Tok::Add) {
            next();
            node = std::make_unique<UnaryExpr>(ExprKind::Pos, off, parse_unary(false));
        } else {
            node = parse_primary();
        }
        node = parse_postfix(std::move(node));
        if (with_filter) node = parse_filter_expr(std::move(node));
        return node;
    }

    ExprPtr parse_primary() {
        const Token& t = cur();
        switch (t.type) {
            case Tok::Name: {
                next();
                if (t.text == "true" || t.text == "True")
                    return std::make_unique<ConstExpr>(t.offset, Value::boolean(true));
                if (t.text == "false" || t.text == "False")
                    return std::make_unique<ConstExpr>(t.offset, Value::boolean(false));
                if (t.text == "none" || t.text == "None")
                    return std::make_unique<ConstExpr>(t.offset, Value::none());
                return std::make_unique<NameExpr>(t.offset, t.text);
            }
            case Tok::String: {
                std::uint32_t off = t.offset;
                std::string s = next().text;
                while (cur().type == Tok::String) s += next().text;
                return std::make_unique<ConstExpr>(off, Value::string(std::move(s)));
            }
            case Tok::Integer: next(); return std::make_unique<ConstExpr>(t.offset, Value::integer(t.integer));
            case Tok::Float: next(); return std::make_unique<ConstExpr>(t.offset, Value::floating(t.number));
            case Tok::LParen: {
                next();
                ExprPtr e = parse_tuple(true, true);
                expect(Tok::RParen);
                return e;
            }
            case Tok::LBracket: {
                std::uint32_t off = next().offset;
                auto l = std::make_unique<SeqExpr>(ExprKind::List, off);
                while (cur().type != Tok::RBracket) {
                    if (!l->items.empty()) expect(Tok::Comma);
                    if (cur().type == Tok::RBracket) break;
                    l->items.push_back(parse_expression());
                }
                expect(Tok::RBracket);
                return l;
            }
            case Tok::LBrace: {
                std::uint32_t off = next().offset;
                auto d = std::make_unique<DictExpr>(off);
                while (cur().type != Tok::RBrace) {
                    if (!d->items.empty()) expect(Tok::Comma);
                    if (cur().type == Tok::RBrace) break;
                    ExprPtr key = parse_expression();
                    expect(Tok::Colon, "after a dict key");
                    d->items.emplace_back(std::move(key), parse_expression());
                }
                expect(Tok::RBrace);
                return d;
            }
            default:
                if (t.type == Tok::Eof) fail_eof();
                if (t.type == Tok::VarEnd || t.type == Tok::BlockEnd)
                    error(t.offset, "expected an expression, found " + describe(t),
                          "an operator is missing its right-hand side");
                error(t.offset, "unexpected " + describe(t), "expected an expression here");
        }
    }

    ExprPtr parse_postfix(ExprPtr node) {
        while (true) {
            Tok t = cur().type;
            if (t == Tok::Dot || t == Tok::LBracket)
                node = parse_subscript(std::move(node));
            else if (t == Tok::LParen)
                node = parse_call(std::move(node));
            else
                break;
        }
        return node;
    }

    ExprPtr parse_filter_expr(ExprPtr node) {
        while (true) {
            if (cur().type == Tok::Pipe)
                node = parse_filter(std::move(node), false);
            else if (is_name("is"))
                node = parse_test(std::move(node));
            else if (cur().type == Tok::LParen)
                node = parse_call(std::move(node));
            else
                break;
        }
        return node;
    }

    ExprPtr parse_subscript(ExprPtr node) {
        const Token& t = next();
        if (t.type == Tok::Dot) {
            const Token& attr = cur();
            if (attr.type == Tok::Name) {
                next();
                auto g = std::make_unique<GetattrExpr>(attr.offset);
                g->object = std::move(node);
                g->attr = attr.text;
                return g;
            }
            if (attr.type == Tok::Integer) {
                next();
                auto g = std::make_unique<GetitemExpr>(attr.offset);
                g->object = std::move(node);
                g->index = std::make_unique<ConstExpr>(attr.offset, Value::integer(attr.integer));
                return g;
            }
            expected("an attribute name after `.`", attr);
        }
        // `[`
        std::uint32_t off = t.offset;
        std::vector<ExprPtr> args;
        while (cur().type != Tok::RBracket) {
            if (!args.empty()) expect(Tok::Comma);
            args.push_back(parse_subscribed());
        }
        expect(Tok::RBracket);
        auto g = std::make_unique<GetitemExpr>(off);
        g->object = std::move(node);
        if (args.size() == 1) {
            g->index = std::move(args[0]);
        } else {
            if (args.empty()) error(off, "expected a subscript between `[` and `]`");
            auto tuple = std::make_unique<SeqExpr>(ExprKind::Tuple, off);
            tuple->items = std::move(args);
            g->index = std::move(tuple);
        }
        return g;
    }

    ExprPtr parse_subscribed() {
        std::uint32_t off = cur().offset;
        ExprPtr start;
        if (cur().type == Tok::Colon) {
            next();
        } else {
            ExprPtr e = parse_expression();
            if (cur().type != Tok::Colon) return e;
            next();
            start = std::move(e);
        }
        auto s = std::make_unique<SliceExpr>(off);
        s->start = std::move(start);
        if (cur().type != Tok::Colon && cur().type != Tok::RBracket && cur().type != Tok::Comma)
            s->stop = parse_expression();
        if (skip(Tok::Colon)) {
            if (cur().type != Tok::RBracket && cur().type != Tok::Comma) s->step = parse_expression();
        }
        return s;
    }

    Arguments parse_call_args() {
        std::uint32_t open = expect(Tok::LParen).offset;
        Arguments a;
        bool require_comma = false;
        auto ensure = [&](bool ok) {
            if (!ok) error(open, "invalid syntax for a call", "positional arguments must come before keyword arguments");
        };
        while (cur().type != Tok::RParen) {
            if (require_comma) {
                expect(Tok::Comma);
                if (cur().type == Tok::RParen) break;
            }
            if (cur().type == Tok::Mul) {
                ensure(!a.dyn_args && !a.dyn_kwargs);
                next();
                a.dyn_args = parse_expression();
            } else if (cur().type == Tok::Pow) {
                ensure(!a.dyn_kwargs);
                next();
                a.dyn_kwargs = parse_expression();
            } else if (cur().type == Tok::Name && peek().type == Tok::Assign) {
                ensure(!a.dyn_kwargs);
                std::string key = next().text;
                next();
                a.kw.emplace_back(std::move(key), parse_expression());
            } else {
                ensure(!a.dyn_args && !a.dyn_kwargs && a.kw.empty());
                a.pos.push_back(parse_expression());
            }
            require_comma = true;
        }
        expect(Tok::RParen);
        return a;
    }

    ExprPtr parse_call(ExprPtr node) {
        std::uint32_t off = cur().offset;
        auto c = std::make_unique<CallExpr>(off);
        c->callee = std::move(node);
        c->args = parse_call_args();
        return c;
    }

    ExprPtr parse_filter(ExprPtr node, bool start_inline) {
        while (cur().type == Tok::Pipe || start_inline) {
            if (!start_inline) next();
            start_inline = false;
            const Token& name = expect(Tok::Name, "for a filter after `|`");
            auto f = std::make_unique<FilterExpr>(ExprKind::Filter, name.offset);
            f->name = name.text;
            while (cur().type == Tok::Dot) {
                next();
                f->name += "." + expect(Tok::Name).text;
            }
            if (cur().type == Tok::LParen) f->args = parse_call_args();
            f->input = std::move(node);
            auto it = registry_.filters.find(f->name);
            if (it != registry_.filters.end())
                f->filter = &it->second;
            else if (!soft_)
                error(name.offset, "unknown filter `" + f->name + "`",
                      did_you_mean_hint(f->name, registry_.filter_names()));
            node = std::move(f);
        }
        return node;
    }

    ExprPtr parse_test(ExprPtr node) {
        std::uint32_t is_off = next().offset;
        bool negated = skip_name("not");
        const Token& name = expect(Tok::Name, "for a test after `is`");
        auto f = std::make_unique<FilterExpr>(ExprKind::Test, name.offset);
        f->name = name.text;
        while (cur().type == Tok::Dot) {
            next();
            f->name += "." + expect(Tok::Name).text;
        }
        Tok t = cur().type;
        if (t == Tok::LParen) {
            f->args = parse_call_args();
        } else if ((t == Tok::Name || t == Tok::String || t == Tok::Integer || t == Tok::Float ||
                    t == Tok::LParen || t == Tok::LBracket || t == Tok::LBrace) &&
                   !is_name("else") && !is_name("or") && !is_name("and")) {
            if (is_name("is")) error(cur().offset, "tests cannot be chained with `is`");
            f->args.pos.push_back(parse_postfix(parse_primary()));
        }
        f->input = std::move(node);
        auto it = registry_.tests.find(f->name);
        if (it != registry_.tests.end())
            f->test = &it->second;
        else if (!soft_)
            error(name.offset, "unknown test `" + f->name + "`",
                  did_you_mean_hint(f->name, registry_.test_names()));
        if (negated) return std::make_unique<UnaryExpr>(ExprKind::Not, is_off, std::move(f));
        return f;
    }
};

}  // namespace

std::unique_ptr<Template> parse_template(std::string name, SourceInfo info,
                                         const Registry& registry) {
    auto tmpl = std::make_unique<Template>();
    tmpl->name = std::move(name);
    tmpl->info = std::move(info);
    Parser parser(*tmpl, registry);
    parser.run();
    return tmpl;
}

}  // namespace boardpress::tmpl
