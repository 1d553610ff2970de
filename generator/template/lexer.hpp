// Splits template source into tokens the way Jinja2's lexer does (default delimiters,
// no trim_blocks/lstrip_blocks): text, `{{ }}`, `{% %}`, `{# #}`, `{% raw %}` and `-` whitespace
// control.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"

namespace boardpress::tmpl {

enum class Tok : std::uint8_t {
    Data,
    VarBegin,
    VarEnd,
    BlockBegin,
    BlockEnd,
    Name,
    String,
    Integer,
    Float,
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    Tilde,
    LBracket,
    RBracket,
    LParen,
    RParen,
    LBrace,
    RBrace,
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Assign,
    Dot,
    Colon,
    Pipe,
    Comma,
    Semicolon,
    Eof,
};

struct Token {
    Tok type = Tok::Eof;
    std::uint32_t offset = 0;  // byte offset in the (newline-normalised) source
    std::string text;          // Data, Name and String (decoded) values; operator spelling
    std::int64_t integer = 0;
    double number = 0;
};

// Where a template's text came from, for diagnostics.
struct SourceInfo {
    std::string display;   // the file as shown to the user
    std::string source;    // the normalised source the offsets point into
    int line_offset = 0;   // added to line numbers (a page body starts below its front matter)
    int column_offset = 0; // added to columns on the first line
};

Error make_error(const SourceInfo& info, std::size_t offset, std::string message,
                 std::string hint = {});

// Jinja2's source normalisation: \r\n and \r become \n, one trailing newline is dropped.
std::string normalize_source(std::string_view source);

std::vector<Token> tokenize(const SourceInfo& info);

// How a token reads in a message: "`endfor`", "`%}`", "end of template", ...
std::string describe(const Token& token);
std::string_view tok_spelling(Tok type);

}  // namespace boardpress::tmpl
