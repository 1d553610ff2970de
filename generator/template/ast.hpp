// The parsed template: expression and statement nodes. A node keeps the byte offset of the token
// that starts it, for diagnostics. Templates are immutable once parsed and shared between threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "template/lexer.hpp"
#include "template/ops.hpp"
#include "template/value.hpp"

namespace boardpress::tmpl {

struct FilterEntry;
struct TestEntry;

enum class ExprKind : std::uint8_t {
    Const,
    Name,
    Getattr,
    Getitem,
    Slice,
    Neg,
    Pos,
    Not,
    Binary,
    And,
    Or,
    Concat,
    Compare,
    CondExpr,
    List,
    Tuple,
    Dict,
    Call,
    Filter,
    Test,
};

struct Expr {
    ExprKind kind;
    std::uint32_t offset;
    Expr(ExprKind k, std::uint32_t off) : kind(k), offset(off) {}
    virtual ~Expr() = default;
};
using ExprPtr = std::unique_ptr<Expr>;

struct ConstExpr : Expr {
    Value value;
    ConstExpr(std::uint32_t off, Value v) : Expr(ExprKind::Const, off), value(std::move(v)) {}
};

struct NameExpr : Expr {
    std::string name;
    NameExpr(std::uint32_t off, std::string n) : Expr(ExprKind::Name, off), name(std::move(n)) {}
};

struct GetattrExpr : Expr {
    ExprPtr object;
    std::string attr;
    GetattrExpr(std::uint32_t off) : Expr(ExprKind::Getattr, off) {}
};

struct GetitemExpr : Expr {
    ExprPtr object;
    ExprPtr index;  // may be a SliceExpr
    GetitemExpr(std::uint32_t off) : Expr(ExprKind::Getitem, off) {}
};

struct SliceExpr : Expr {
    ExprPtr start, stop, step;  // each may be null
    SliceExpr(std::uint32_t off) : Expr(ExprKind::Slice, off) {}
};

struct UnaryExpr : Expr {
    ExprPtr operand;
    UnaryExpr(ExprKind k, std::uint32_t off, ExprPtr e) : Expr(k, off), operand(std::move(e)) {}
};

struct BinaryExpr : Expr {
    BinOp op = BinOp::Add;  // for ExprKind::Binary
    ExprPtr left, right;
    BinaryExpr(ExprKind k, std::uint32_t off) : Expr(k, off) {}
};

struct ConcatExpr : Expr {
    std::vector<ExprPtr> items;
    bool constant = false;  // Jinja2 folds constant concatenations to plain strings
    ConcatExpr(std::uint32_t off) : Expr(ExprKind::Concat, off) {}
};

struct CompareExpr : Expr {
    ExprPtr first;
    std::vector<std::pair<CmpOp, ExprPtr>> rest;
    CompareExpr(std::uint32_t off) : Expr(ExprKind::Compare, off) {}
};

struct CondExpr : Expr {
    ExprPtr test, then, otherwise;  // otherwise may be null
    CondExpr(std::uint32_t off) : Expr(ExprKind::CondExpr, off) {}
};

struct SeqExpr : Expr {  // List and Tuple
    std::vector<ExprPtr> items;
    SeqExpr(ExprKind k, std::uint32_t off) : Expr(k, off) {}
};

struct DictExpr : Expr {
    std::vector<std::pair<ExprPtr, ExprPtr>> items;
    DictExpr(std::uint32_t off) : Expr(ExprKind::Dict, off) {}
};

struct Arguments {
    std::vector<ExprPtr> pos;
    std::vector<std::pair<std::string, ExprPtr>> kw;
    ExprPtr dyn_args, dyn_kwargs;
    bool empty() const { return pos.empty() && kw.empty() && !dyn_args && !dyn_kwargs; }
};

struct CallExpr : Expr {
    ExprPtr callee;
    Arguments args;
    CallExpr(std::uint32_t off) : Expr(ExprKind::Call, off) {}
};

struct FilterExpr : Expr {  // also used for tests (ExprKind::Test)
    ExprPtr input;  // null for the innermost filter of a filter block / set block
    std::string name;
    Arguments args;
    const FilterEntry* filter = nullptr;  // resolved at parse time when known
    const TestEntry* test = nullptr;
    FilterExpr(ExprKind k, std::uint32_t off) : Expr(k, off) {}
};

// ---------------------------------------------------------------------------------------------

enum class StmtKind : std::uint8_t {
    Text,
    Print,
    If,
    For,
    Set,
    SetBlock,
    Macro,
    CallBlock,
    FilterBlock,
    Include,
    Import,
    FromImport,
    Extends,
    Block,
    With,
    Autoescape,
};

struct Stmt {
    StmtKind kind;
    std::uint32_t offset;
    Stmt(StmtKind k, std::uint32_t off) : kind(k), offset(off) {}
    virtual ~Stmt() = default;
};
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

// An assignment target: a name, a namespace attribute (ns.attr) or a tuple of targets.
struct Target {
    enum class Kind : std::uint8_t { Name, NsAttr, Tuple } kind = Kind::Name;
    std::string name;
    std::string attr;
    std::vector<Target> items;
    std::uint32_t offset = 0;
};

struct TextStmt : Stmt {
    std::string text;
    TextStmt(std::uint32_t off, std::string t) : Stmt(StmtKind::Text, off), text(std::move(t)) {}
};

struct PrintStmt : Stmt {
    ExprPtr expr;
    PrintStmt(std::uint32_t off, ExprPtr e) : Stmt(StmtKind::Print, off), expr(std::move(e)) {}
};

struct IfStmt : Stmt {
    std::vector<std::pair<ExprPtr, Body>> branches;
    Body otherwise;
    IfStmt(std::uint32_t off) : Stmt(StmtKind::If, off) {}
};

struct ForStmt : Stmt {
    Target target;
    ExprPtr iter;
    ExprPtr filter;  // `for x in xs if cond`
    bool recursive = false;
    Body body, otherwise;
    ForStmt(std::uint32_t off) : Stmt(StmtKind::For, off) {}
};

struct SetStmt : Stmt {
    Target target;
    ExprPtr value;
    SetStmt(std::uint32_t off) : Stmt(StmtKind::Set, off) {}
};

struct SetBlockStmt : Stmt {
    Target target;
    ExprPtr filter;  // a FilterExpr chain whose innermost input is null, or null
    Body body;
    SetBlockStmt(std::uint32_t off) : Stmt(StmtKind::SetBlock, off) {}
};

struct MacroStmt : Stmt {  // also the body of a call block
    std::string name;
    std::vector<std::string> params;
    std::vector<ExprPtr> defaults;  // for the last defaults.size() params
    Body body;
    bool uses_caller = false, uses_varargs = false, uses_kwargs = false;
    MacroStmt(std::uint32_t off) : Stmt(StmtKind::Macro, off) {}
};

struct CallBlockStmt : Stmt {
    std::unique_ptr<MacroStmt> caller;  // the block's body as the `caller` macro
    ExprPtr call;                       // a CallExpr
    CallBlockStmt(std::uint32_t off) : Stmt(StmtKind::CallBlock, off) {}
};

struct FilterBlockStmt : Stmt {
    ExprPtr filter;  // FilterExpr chain whose innermost input is null
    Body body;
    FilterBlockStmt(std::uint32_t off) : Stmt(StmtKind::FilterBlock, off) {}
};

struct IncludeStmt : Stmt {
    ExprPtr name;
    bool ignore_missing = false;
    bool with_context = true;
    IncludeStmt(std::uint32_t off) : Stmt(StmtKind::Include, off) {}
};

struct ImportStmt : Stmt {
    ExprPtr name;
    std::string target;
    bool with_context = false;
    ImportStmt(std::uint32_t off) : Stmt(StmtKind::Import, off) {}
};

struct FromImportStmt : Stmt {
    ExprPtr name;
    std::vector<std::pair<std::string, std::string>> names;  // (imported, bound as)
    std::vector<std::uint32_t> name_offsets;
    bool with_context = false;
    FromImportStmt(std::uint32_t off) : Stmt(StmtKind::FromImport, off) {}
};

struct ExtendsStmt : Stmt {
    ExprPtr name;
    ExtendsStmt(std::uint32_t off) : Stmt(StmtKind::Extends, off) {}
};

struct BlockStmt : Stmt {
    std::string name;
    bool scoped = false;
    bool required = false;
    Body body;
    BlockStmt(std::uint32_t off) : Stmt(StmtKind::Block, off) {}
};

struct WithStmt : Stmt {
    std::vector<std::pair<Target, ExprPtr>> assignments;
    Body body;
    WithStmt(std::uint32_t off) : Stmt(StmtKind::With, off) {}
};

struct AutoescapeStmt : Stmt {
    ExprPtr value;
    Body body;
    AutoescapeStmt(std::uint32_t off) : Stmt(StmtKind::Autoescape, off) {}
};

// A parsed template.
struct Template {
    std::string name;  // the name it was loaded by ("main.html", "partials/nav.html")
    SourceInfo info;
    Body body;
    std::map<std::string, const BlockStmt*, std::less<>> blocks;  // every block, by name
};

}  // namespace boardpress::tmpl
