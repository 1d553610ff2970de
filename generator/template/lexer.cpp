#include "template/lexer.hpp"

#include <cstdlib>

#include "template/text.hpp"

namespace boardpress::tmpl {

Error make_error(const SourceInfo& info, std::size_t offset, std::string message,
                 std::string hint) {
    SourceLocation where = locate(info.display, info.source, offset);
    Diagnostic d{Severity::error, where, std::move(message), line_of(info.source, where.line),
                 std::move(hint)};
    if (where.line == 1) d.location.column += info.column_offset;
    d.location.line += info.line_offset;
    return Error(std::move(d));
}

std::string normalize_source(std::string_view source) {
    std::string out;
    out.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        char c = source[i];
        if (c == '\r') {
            out.push_back('\n');
            if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
        } else {
            out.push_back(c);
        }
    }
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

std::string_view tok_spelling(Tok type) {
    switch (type) {
        case Tok::Data: return "template data";
        case Tok::VarBegin: return "{{";
        case Tok::VarEnd: return "}}";
        case Tok::BlockBegin: return "{%";
        case Tok::BlockEnd: return "%}";
        case Tok::Name: return "name";
        case Tok::String: return "string";
        case Tok::Integer: return "integer";
        case Tok::Float: return "float";
        case Tok::Add: return "+";
        case Tok::Sub: return "-";
        case Tok::Mul: return "*";
        case Tok::Div: return "/";
        case Tok::FloorDiv: return "//";
        case Tok::Mod: return "%";
        case Tok::Pow: return "**";
        case Tok::Tilde: return "~";
        case Tok::LBracket: return "[";
        case Tok::RBracket: return "]";
        case Tok::LParen: return "(";
        case Tok::RParen: return ")";
        case Tok::LBrace: return "{";
        case Tok::RBrace: return "}";
        case Tok::Eq: return "==";
        case Tok::Ne: return "!=";
        case Tok::Gt: return ">";
        case Tok::Ge: return ">=";
        case Tok::Lt: return "<";
        case Tok::Le: return "<=";
        case Tok::Assign: return "=";
        case Tok::Dot: return ".";
        case Tok::Colon: return ":";
        case Tok::Pipe: return "|";
        case Tok::Comma: return ",";
        case Tok::Semicolon: return ";";
        case Tok::Eof: return "end of template";
    }
    return "?";
}

std::string describe(const Token& token) {
    switch (token.type) {
        case Tok::Eof: return "end of template";
        case Tok::Data: return "template text";
        case Tok::Name: return "`" + token.text + "`";
        case Tok::String: return "string " + text::string_repr(token.text);
        case Tok::Integer:
        case Tok::Float: return "number `" + token.text + "`";
        default: return "`" + std::string(tok_spelling(token.type)) + "`";
    }
}

namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Python's str.rstrip(): trailing Unicode whitespace.
std::string_view rstrip_ws(std::string_view s) {
    while (!s.empty()) {
        unsigned char c = static_cast<unsigned char>(s.back());
        if (c < 0x80) {
            if (is_ws(static_cast<char>(c)) || (c >= 0x1C && c <= 0x1F)) {
                s.remove_suffix(1);
                continue;
            }
            break;
        }
        std::size_t start = s.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        std::u32string cp = text::decode(s.substr(start));
        if (cp.size() == 1 && text::is_space(cp[0])) {
            s = s.substr(0, start);
            continue;
        }
        break;
    }
    return s;
}

// Regex \s* at pos (Unicode whitespace).
std::size_t skip_ws(std::string_view s, std::size_t pos) {
    while (pos < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[pos]);
        if (c < 0x80) {
            if (is_ws(static_cast<char>(c)) || (c >= 0x1C && c <= 0x1F)) {
                ++pos;
                continue;
            }
            break;
        }
        std::size_t end = pos + 1;
        while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
        std::u32string cp = text::decode(s.substr(pos, end - pos));
        if (cp.size() == 1 && text::is_space(cp[0])) {
            pos = end;
            continue;
        }
        break;
    }
    return pos;
}

bool is_name_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(unsigned char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
public:
    explicit Lexer(const SourceInfo& info) : info_(info), src_(info.source) {}

    std::vector<Token> run() {
        std::size_t pos = 0;
        while (pos < src_.size()) {
            // Find the next tag opener.
            std::size_t open = src_.find('{', pos);
            while (open != std::string_view::npos && open + 1 < src_.size()) {
                char next = src_[open + 1];
                if (next == '{' || next == '%' || next == '#') break;
                open = src_.find('{', open + 1);
            }
            if (open == std::string_view::npos || open + 1 >= src_.size()) {
                emit_data(pos, src_.substr(pos));
                break;
            }
            char kind = src_[open + 1];
            std::size_t after = open + 2;
            char sign = 0;
            if (after < src_.size() && (src_[after] == '-' || src_[after] == '+')) sign = src_[after];
            std::string_view text = src_.substr(pos, open - pos);
            // `{% raw %}` is recognised before ordinary blocks.
            if (kind == '%') {
                std::size_t raw_end;
                if (match_raw_begin(open, raw_end)) {
                    if (sign == '-') text = rstrip_ws(text);
                    emit_data(pos, text);
                    pos = lex_raw(open, raw_end);
                    continue;
                }
            }
            if (sign == '-') text = rstrip_ws(text);
            emit_data(pos, text);
            std::size_t body = after + (sign ? 1 : 0);
            if (kind == '#') {
                pos = lex_comment(open, body);
            } else {
                pos = lex_tag(open, body, kind == '{');
            }
        }
        Token eof;
        eof.type = Tok::Eof;
        eof.offset = static_cast<std::uint32_t>(src_.size());
        tokens_.push_back(std::move(eof));
        return std::move(tokens_);
    }

private:
    const SourceInfo& info_;
    std::string_view src_;
    std::vector<Token> tokens_;

    [[noreturn]] void error(std::size_t offset, std::string message, std::string hint = {}) {
        throw make_error(info_, offset, std::move(message), std::move(hint));
    }

    void emit_data(std::size_t offset, std::string_view text) {
        if (text.empty()) return;
        Token t;
        t.type = Tok::Data;
        t.offset = static_cast<std::uint32_t>(offset);
        t.text = std::string(text);
        tokens_.push_back(std::move(t));
    }

    void emit(Tok type, std::size_t offset, std::string text = {}) {
        Token t;
        t.type = type;
        t.offset = static_cast<std::uint32_t>(offset);
        t.text = std::move(text);
        tokens_.push_back(std::move(t));
    }

    // `{%(-|+|)\s*raw\s*(-%}\s*|%})` at `open`; raw_end is where the raw content starts.
    bool match_raw_begin(std::size_t open, std::size_t& raw_end) {
        std::size_t p = open + 2;
        if (p < src_.size() && (src_[p] == '-' || src_[p] == '+')) ++p;
        p = skip_ws(src_, p);
        if (src_.substr(p, 3) != "raw") return false;
        p += 3;
        p = skip_ws(src_, p);
        if (src_.substr(p, 3) == "-%}") {
            raw_end = skip_ws(src_, p + 3);
            return true;
        }
        if (src_.substr(p, 2) == "%}") {
            raw_end = p + 2;
            return true;
        }
        return false;
    }

    std::size_t lex_raw(std::size_t open, std::size_t content) {
        // (.*?)((?:{%\-|{%\+?)\s*endraw\s*(?:\+%}|\-%}\s*|%}))
        std::size_t search = content;
        while (true) {
            std::size_t tag = src_.find("{%", search);
            if (tag == std::string_view::npos)
                error(open, "unclosed `raw` block: expected `{% endraw %}`",
                      "close it with `{% endraw %}`");
            std::size_t p = tag + 2;
            char sign = 0;
            if (p < src_.size() && (src_[p] == '-' || src_[p] == '+')) sign = src_[p++];
            p = skip_ws(src_, p);
            if (src_.substr(p, 6) == "endraw") {
                std::size_t q = skip_ws(src_, p + 6);
                std::size_t end = std::string_view::npos;
                if (src_.substr(q, 3) == "+%}")
                    end = q + 3;
                else if (src_.substr(q, 3) == "-%}")
                    end = skip_ws(src_, q + 3);
                else if (src_.substr(q, 2) == "%}")
                    end = q + 2;
                if (end != std::string_view::npos) {
                    std::string_view text = src_.substr(content, tag - content);
                    if (sign == '-') text = rstrip_ws(text);
                    emit_data(content, text);
                    return end;
                }
            }
            search = tag + 2;
        }
    }

    std::size_t lex_comment(std::size_t open, std::size_t body) {
        // (.*?)((?:\+#}|\-#}\s*|#}))
        std::size_t p = body;
        std::size_t end = src_.find("#}", p);
        if (end == std::string_view::npos)
            error(open, "unclosed comment: expected `#}`", "close the comment with `#}`");
        // The earliest match wins: "-#}" starts one character before "#}".
        if (end > body && src_[end - 1] == '-') return skip_ws(src_, end + 2);
        return end + 2;
    }

    std::size_t lex_tag(std::size_t open, std::size_t pos, bool variable) {
        emit(variable ? Tok::VarBegin : Tok::BlockBegin, open);
        std::vector<char> balance;
        while (true) {
            pos = skip_ws(src_, pos);
            if (pos >= src_.size()) return pos;  // the parser reports the missing end
            std::string_view rest = src_.substr(pos);
            if (balance.empty()) {
                std::string_view end = variable ? "}}" : "%}";
                if (rest.size() >= 3 && rest[0] == '-' && rest.substr(1, 2) == end) {
                    emit(variable ? Tok::VarEnd : Tok::BlockEnd, pos);
                    return skip_ws(src_, pos + 3);
                }
                if (!variable && rest.size() >= 3 && rest[0] == '+' && rest.substr(1, 2) == end) {
                    emit(Tok::BlockEnd, pos);
                    return pos + 3;
                }
                if (rest.substr(0, 2) == end) {
                    emit(variable ? Tok::VarEnd : Tok::BlockEnd, pos);
                    return pos + 2;
                }
            }
            unsigned char c = static_cast<unsigned char>(rest[0]);
            if (is_digit(static_cast<char>(c))) {
                pos = lex_number(pos);
                continue;
            }
            if (is_name_start(c)) {
                std::size_t end = pos;
                while (end < src_.size() && is_name_char(static_cast<unsigned char>(src_[end]))) ++end;
                emit(Tok::Name, pos, std::string(src_.substr(pos, end - pos)));
                pos = end;
                continue;
            }
            if (c == '"' || c == '\'') {
                pos = lex_string(pos);
                continue;
            }
            // Operators, longest first.
            static const std::pair<std::string_view, Tok> two[] = {
                {"//", Tok::FloorDiv}, {"**", Tok::Pow}, {"==", Tok::Eq},
                {"!=", Tok::Ne},       {">=", Tok::Ge},  {"<=", Tok::Le}};
            bool matched = false;
            for (const auto& [spelling, type] : two) {
                if (rest.substr(0, 2) == spelling) {
                    emit(type, pos, std::string(spelling));
                    pos += 2;
                    matched = true;
                    break;
                }
            }
            if (matched) continue;
            Tok type;
            switch (c) {
                case '+': type = Tok::Add; break;
                case '-': type = Tok::Sub; break;
                case '*': type = Tok::Mul; break;
                case '/': type = Tok::Div; break;
                case '%': type = Tok::Mod; break;
                case '~': type = Tok::Tilde; break;
                case '[': type = Tok::LBracket; break;
                case ']': type = Tok::RBracket; break;
                case '(': type = Tok::LParen; break;
                case ')': type = Tok::RParen; break;
                case '{': type = Tok::LBrace; break;
                case '}': type = Tok::RBrace; break;
                case '>': type = Tok::Gt; break;
                case '<': type = Tok::Lt; break;
                case '=': type = Tok::Assign; break;
                case '.': type = Tok::Dot; break;
                case ':': type = Tok::Colon; break;
                case '|': type = Tok::Pipe; break;
                case ',': type = Tok::Comma; break;
                case ';': type = Tok::Semicolon; break;
                default: {
                    std::size_t end = pos + 1;
                    while (end < src_.size() && (static_cast<unsigned char>(src_[end]) & 0xC0) == 0x80) ++end;
                    error(pos, "unexpected character `" + std::string(src_.substr(pos, end - pos)) + "`",
                          variable ? "an expression inside `{{ }}` cannot contain this character"
                                   : "a tag inside `{% %}` cannot contain this character");
                }
            }
            if (type == Tok::LBrace) balance.push_back('}');
            if (type == Tok::LParen) balance.push_back(')');
            if (type == Tok::LBracket) balance.push_back(']');
            if (type == Tok::RBrace || type == Tok::RParen || type == Tok::RBracket) {
                if (balance.empty())
                    error(pos, "unexpected `" + std::string(1, static_cast<char>(c)) + "`",
                          "there is no opening bracket for it");
                if (balance.back() != static_cast<char>(c))
                    error(pos,
                          "unexpected `" + std::string(1, static_cast<char>(c)) + "`, expected `" +
                              std::string(1, balance.back()) + "`",
                          "brackets must be closed in the order they were opened");
                balance.pop_back();
            }
            emit(type, pos, std::string(1, static_cast<char>(c)));
            pos += 1;
        }
    }

    std::size_t lex_number(std::size_t pos) {
        std::string_view s = src_;
        // Float: (\d+_)*\d+((\.(\d+_)*\d+)?e[+\-]?(\d+_)*\d+|\.(\d+_)*\d+)
        auto digits = [&](std::size_t p) -> std::size_t {  // (\d+_)*\d+ ; returns end or npos
            if (p >= s.size() || !is_digit(s[p])) return std::string_view::npos;
            while (true) {
                while (p < s.size() && is_digit(s[p])) ++p;
                if (p + 1 < s.size() && s[p] == '_' && is_digit(s[p + 1])) {
                    ++p;
                    continue;
                }
                return p;
            }
        };
        auto exponent = [&](std::size_t p) -> std::size_t {
            if (p >= s.size() || (s[p] != 'e' && s[p] != 'E')) return std::string_view::npos;
            ++p;
            if (p < s.size() && (s[p] == '+' || s[p] == '-')) ++p;
            return digits(p);
        };
        bool preceded_by_dot = pos > 0 && s[pos - 1] == '.';
        std::size_t int_end = digits(pos);
        std::size_t float_end = std::string_view::npos;
        if (!preceded_by_dot) {
            if (int_end < s.size() && s[int_end] == '.') {
                std::size_t frac = digits(int_end + 1);
                if (frac != std::string_view::npos) {
                    std::size_t e = exponent(frac);
                    float_end = e != std::string_view::npos ? e : frac;
                }
            }
            if (float_end == std::string_view::npos) float_end = exponent(int_end);
        }
        if (float_end != std::string_view::npos) {
            std::string clean;
            for (char c : s.substr(pos, float_end - pos))
                if (c != '_') clean.push_back(c);
            Token t;
            t.type = Tok::Float;
            t.offset = static_cast<std::uint32_t>(pos);
            t.text = std::string(s.substr(pos, float_end - pos));
            t.number = std::strtod(clean.c_str(), nullptr);
            tokens_.push_back(std::move(t));
            return float_end;
        }
        // Integer: 0b.., 0o.., 0x.., [1-9](_?\d)*, 0(_?0)*
        std::size_t end = pos;
        int base = 10;
        if (s[pos] == '0' && pos + 1 < s.size() && std::string_view("bBoOxX").find(s[pos + 1]) != std::string_view::npos) {
            char p = static_cast<char>(s[pos + 1] | 0x20);
            base = p == 'b' ? 2 : p == 'o' ? 8 : 16;
            end = pos + 2;
            auto valid = [&](char c) {
                if (base == 2) return c == '0' || c == '1';
                if (base == 8) return c >= '0' && c <= '7';
                return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            };
            std::size_t start = end;
            while (end < s.size()) {
                if (valid(s[end])) ++end;
                else if (s[end] == '_' && end + 1 < s.size() && valid(s[end + 1])) ++end;
                else break;
            }
            if (end == start) {
                end = pos + 1;  // just "0"
                base = 10;
            }
        } else if (s[pos] == '0') {
            end = pos + 1;
            while (end < s.size()) {
                if (s[end] == '0') ++end;
                else if (s[end] == '_' && end + 1 < s.size() && s[end + 1] == '0') ++end;
                else break;
            }
        } else {
            end = pos + 1;
            while (end < s.size()) {
                if (is_digit(s[end])) ++end;
                else if (s[end] == '_' && end + 1 < s.size() && is_digit(s[end + 1])) ++end;
                else break;
            }
        }
        std::string clean;
        std::string_view body = s.substr(pos, end - pos);
        if (base != 10) body.remove_prefix(2);
        for (char c : body)
            if (c != '_') clean.push_back(c);
        Token t;
        t.type = Tok::Integer;
        t.offset = static_cast<std::uint32_t>(pos);
        t.text = std::string(s.substr(pos, end - pos));
        errno = 0;
        unsigned long long value = std::strtoull(clean.c_str(), nullptr, base);
        if (errno == ERANGE || value > static_cast<unsigned long long>(INT64_MAX))
            error(pos, "integer literal `" + t.text + "` is too large",
                  "the engine's integers are 64-bit");
        t.integer = static_cast<std::int64_t>(value);
        tokens_.push_back(std::move(t));
        return end;
    }

    std::size_t lex_string(std::size_t pos) {
        char quote = src_[pos];
        std::size_t p = pos + 1;
        std::string raw;
        while (true) {
            if (p >= src_.size())
                error(pos, "unterminated string", std::string("close the string with ") + quote);
            char c = src_[p];
            if (c == '\\' && p + 1 < src_.size()) {
                raw.push_back(c);
                raw.push_back(src_[p + 1]);
                p += 2;
                continue;
            }
            if (c == quote) break;
            raw.push_back(c);
            ++p;
        }
        Token t;
        t.type = Tok::String;
        t.offset = static_cast<std::uint32_t>(pos);
        t.text = unescape(raw, pos);
        tokens_.push_back(std::move(t));
        return p + 1;
    }

    // Python's "unicode-escape" decoding of a string literal's body.
    std::string unescape(std::string_view s, std::size_t pos) {
        std::string out;
        out.reserve(s.size());
        for (std::size_t i = 0; i < s.size(); ++i) {
            char c = s[i];
            if (c != '\\' || i + 1 >= s.size()) {
                out.push_back(c);
                continue;
            }
            char e = s[++i];
            auto hex = [&](std::size_t n) -> char32_t {
                char32_t v = 0;
                for (std::size_t k = 1; k <= n; ++k) {
                    if (i + k >= s.size()) error(pos, "truncated escape sequence in string");
                    char h = s[i + k];
                    int d = is_digit(h) ? h - '0'
                            : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                            : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                                     : -1;
                    if (d < 0) error(pos, "truncated escape sequence in string");
                    v = v * 16 + static_cast<char32_t>(d);
                }
                i += n;
                return v;
            };
            switch (e) {
                case '\n': break;
                case '\\': out.push_back('\\'); break;
                case '\'': out.push_back('\''); break;
                case '"': out.push_back('"'); break;
                case 'a': out.push_back('\a'); break;
                case 'b': out.push_back('\b'); break;
                case 'f': out.push_back('\f'); break;
                case 'n': out.push_back('\n'); break;
                case 'r': out.push_back('\r'); break;
                case 't': out.push_back('\t'); break;
                case 'v': out.push_back('\v'); break;
                case 'x': text::append_utf8(out, hex(2)); break;
                case 'u': text::append_utf8(out, hex(4)); break;
                case 'U': text::append_utf8(out, hex(8)); break;
                default:
                    if (e >= '0' && e <= '7') {
                        char32_t v = static_cast<char32_t>(e - '0');
                        for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++k)
                            v = v * 8 + static_cast<char32_t>(s[++i] - '0');
                        text::append_utf8(out, v);
                    } else {
                        out.push_back('\\');
                        out.push_back(e);
                    }
            }
        }
        return out;
    }
};

}  // namespace

std::vector<Token> tokenize(const SourceInfo& info) { return Lexer(info).run(); }

}  // namespace boardpress::tmpl
