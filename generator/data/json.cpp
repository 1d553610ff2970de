// parse_json: nlohmann parses; when it fails, a small tokenizer re-reads the text up to the
// failure to say in plain words what is wrong, where it starts, and how to fix it.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <vector>

#include "data/data.hpp"

namespace boardpress::data {

namespace {

enum class Tok {
    lbrace, rbrace, lbracket, rbracket, colon, comma, string, number, literal, end,
    other_char,  // a character JSON has no use for: `=`, `;`, `#`, ...
    // Tokens that are wrong in themselves, wherever they stand:
    bad_word, bad_number, single_quoted, comment, unterminated_string, bad_escape, control_char,
};

struct Token {
    Tok kind = Tok::end;
    std::size_t start = 0;
    std::size_t end = 0;
    std::size_t problem = 0;  // bad_escape, control_char: the offending character
};

bool is_bad(Tok kind) { return kind >= Tok::bad_word; }

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '$' || c == '.' || c == '+' || c == '-';
}

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_json_number(std::string_view word) { return number_syntax(word) != NumberSyntax::none; }

std::size_t utf8_length(unsigned char c) {
    if (c >= 0xF0) return 4;
    if (c >= 0xE0) return 3;
    if (c >= 0xC0) return 2;
    return 1;
}

Token scan_string(std::string_view text, std::size_t start) {
    std::size_t i = start + 1;
    while (i < text.size()) {
        char c = text[i];
        if (c == '"') return {Tok::string, start, i + 1};
        if (c == '\n' || c == '\r') return {Tok::unterminated_string, start, i};
        if (c == '\\') {
            if (i + 1 >= text.size()) return {Tok::unterminated_string, start, text.size()};
            char e = text[i + 1];
            if (e == 'u') {
                for (std::size_t k = 2; k < 6; ++k)
                    if (i + k >= text.size() || !is_hex(text[i + k]))
                        return {Tok::bad_escape, start, i + k, i};
                i += 6;
                continue;
            }
            if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos)
                return {Tok::bad_escape, start, i + 2, i};
            i += 2;
            continue;
        }
        if (static_cast<unsigned char>(c) < 0x20) return {Tok::control_char, start, i + 1, i};
        ++i;
    }
    return {Tok::unterminated_string, start, text.size()};
}

Token next_token(std::string_view text, std::size_t pos) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' ||
                                 text[pos] == '\r'))
        ++pos;
    if (pos >= text.size()) return {Tok::end, text.size(), text.size()};
    char c = text[pos];
    switch (c) {
        case '{': return {Tok::lbrace, pos, pos + 1};
        case '}': return {Tok::rbrace, pos, pos + 1};
        case '[': return {Tok::lbracket, pos, pos + 1};
        case ']': return {Tok::rbracket, pos, pos + 1};
        case ':': return {Tok::colon, pos, pos + 1};
        case ',': return {Tok::comma, pos, pos + 1};
        case '"': return scan_string(text, pos);
        case '\'': {
            std::size_t close = text.find_first_of("'\n", pos + 1);
            std::size_t end = close == std::string_view::npos ? text.size()
                              : text[close] == '\'' ? close + 1
                                                    : close;
            return {Tok::single_quoted, pos, end};
        }
        case '/':
            if (pos + 1 < text.size() && text[pos + 1] == '/') {
                std::size_t end = text.find('\n', pos);
                return {Tok::comment, pos, end == std::string_view::npos ? text.size() : end};
            }
            if (pos + 1 < text.size() && text[pos + 1] == '*') {
                std::size_t end = text.find("*/", pos + 2);
                return {Tok::comment, pos, end == std::string_view::npos ? text.size() : end + 2};
            }
            return {Tok::other_char, pos, pos + 1};
        default: break;
    }
    if (is_word_char(c)) {
        std::size_t end = pos;
        while (end < text.size() && is_word_char(text[end])) ++end;
        std::string_view word = text.substr(pos, end - pos);
        if (word == "true" || word == "false" || word == "null") return {Tok::literal, pos, end};
        bool numeric = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
        if (numeric) return {is_json_number(word) ? Tok::number : Tok::bad_number, pos, end};
        return {Tok::bad_word, pos, end};
    }
    return {Tok::other_char, pos,
            std::min(text.size(), pos + utf8_length(static_cast<unsigned char>(c)))};
}

std::string shorten(std::string_view s) {
    if (s.size() <= 30) return std::string(s);
    std::size_t cut = 27;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return std::string(s.substr(0, cut)) + "...";
}

std::string describe(std::string_view text, const Token& t) {
    if (t.kind == Tok::end) return "the end of the file";
    return "`" + shorten(text.substr(t.start, t.end - t.start)) + "`";
}

bool starts_value(Tok kind) {
    return kind == Tok::string || kind == Tok::number || kind == Tok::literal ||
           kind == Tok::lbrace || kind == Tok::lbracket;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string position_words(std::string_view text, std::size_t offset) {
    auto where = locate({}, text, offset);
    return "line " + std::to_string(where.line) + ", column " + std::to_string(where.column);
}

struct Problem {
    std::size_t offset;
    std::string message;
    std::string hint;
};

Problem bad_token(std::string_view text, const Token& t, bool key_position) {
    std::string word(text.substr(t.start, t.end - t.start));
    const std::string prefix = "JSON syntax error: ";
    switch (t.kind) {
        case Tok::comment:
            return {t.start, prefix + "JSON does not allow comments",
                    "remove the comment; JSON files cannot contain notes"};
        case Tok::single_quoted: {
            std::string inner = word.size() >= 2 && word.back() == '\''
                                    ? word.substr(1, word.size() - 2)
                                    : word.substr(1);
            return {t.start,
                    prefix + (key_position ? "keys" : "strings") + " must be in double quotes, found " +
                        describe(text, t),
                    "write `\"" + shorten(inner) + "\"` instead of `'" + shorten(inner) + "'`"};
        }
        case Tok::unterminated_string:
            return {t.start, prefix + "this string has no closing `\"`",
                    "add `\"` where the text ends; a line break inside a string is written `\\n`"};
        case Tok::bad_escape: {
            std::size_t length = std::min<std::size_t>(t.end - t.problem, 6);
            std::string escape(text.substr(t.problem, length));
            if (escape.size() > 1 && escape[1] == 'u')
                return {t.problem, prefix + "`" + escape + "` is not a valid escape",
                        "`\\u` must be followed by four hex digits, as in `\\u00e9`"};
            return {t.problem, prefix + "`" + escape + "` is not a valid escape",
                    "write a backslash as `\\\\`; the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                    "and \\uXXXX"};
        }
        case Tok::control_char: {
            unsigned char c = static_cast<unsigned char>(text[t.problem]);
            if (c == '\t')
                return {t.problem, prefix + "a tab inside a string", "write the tab as `\\t`"};
            char code[8];
            std::snprintf(code, sizeof code, "%04X", c);
            return {t.problem,
                    prefix + "a control character (U+" + code + ") inside a string",
                    std::string("write it as `\\u") + code + "`"};
        }
        case Tok::bad_number: {
            std::string hint = "numbers are written like `12`, `-3.5` or `1e6`; put other text in "
                               "double quotes: `\"" + word + "\"`";
            std::string digits = word[0] == '-' ? word.substr(1) : word;
            std::string l = lower(digits);
            if (l == "infinity" || l == "inf" || l == "nan")
                hint = "JSON has no infinity or NaN; use `null` for a missing number";
            else if (l.rfind("0x", 0) == 0)
                hint = "JSON numbers are decimal; write the number in decimal, or put it in quotes";
            else if (std::regex_match(word, std::regex(R"(\d{4}-\d{1,2}(-\d{1,2})?)")))
                hint = "put dates in double quotes: `\"" + word + "\"`";
            else if (digits.size() > 1 && digits[0] == '0' &&
                     digits.find_first_not_of("0123456789") == std::string::npos)
                hint = "a number cannot start with 0: write `" +
                       std::string(word[0] == '-' ? "-" : "") +
                       digits.substr(digits.find_first_not_of('0') == std::string::npos
                                         ? digits.size() - 1
                                         : digits.find_first_not_of('0')) +
                       "`, or `\"" + word + "\"` in quotes to keep the zeros";
            else if (word[0] == '+')
                hint = "write the number without the `+`: `" + word.substr(1) + "`";
            else if (digits[0] == '.')
                hint = "write a 0 before the point: `" + std::string(word[0] == '-' ? "-" : "") +
                       "0" + digits + "`";
            else if (word.back() == '.')
                hint = "write a digit after the point, or drop it: `" +
                       word.substr(0, word.size() - 1) + "`";
            return {t.start, prefix + "`" + shorten(word) + "` is not a valid JSON number",
                    hint};
        }
        case Tok::bad_word: {
            if (key_position)
                return {t.start, prefix + "the key `" + shorten(word) + "` is not in double quotes",
                        "write it as `\"" + shorten(word) + "\"`"};
            std::string l = lower(word);
            std::string hint = "put text in double quotes: `\"" + shorten(word) + "\"`";
            if (l == "true" || l == "false" || l == "null")
                hint = "write `" + l + "` in lower case";
            else if (l == "none" || l == "nil" || l == "undefined")
                hint = "JSON writes \"no value\" as `null`";
            else if (l == "yes" || l == "no")
                hint = "JSON's yes and no are `true` and `false`";
            else if (l == "nan" || l == "infinity" || l == "inf")
                hint = "JSON has no infinity or NaN; use `null` for a missing number";
            return {t.start, prefix + "`" + shorten(word) + "` is not a JSON value", hint};
        }
        default: break;
    }
    return {t.start, prefix + "unexpected " + describe(text, t), {}};
}

struct Open {
    char bracket;
    std::size_t offset;
};

// Says what is wrong in `text`, given where nlohmann stopped (`byte`, characters read) and its
// message (for what it expected there).
Problem diagnose(std::string_view text, std::size_t byte, const std::string& what) {
    const std::string prefix = "JSON syntax error: ";
    std::vector<Open> stack;
    Token previous{Tok::end, 0, 0};
    bool have_previous = false;
    Token found;
    std::size_t pos = 0;
    std::size_t limit = std::max<std::size_t>(byte, 1);
    while (true) {
        Token t = next_token(text, pos);
        bool key_position = !stack.empty() && stack.back().bracket == '{' && have_previous &&
                            (previous.kind == Tok::lbrace || previous.kind == Tok::comma);
        if (is_bad(t.kind) && t.start < limit) return bad_token(text, t, key_position);
        if (t.kind == Tok::end || t.end >= limit) {
            found = t;
            break;
        }
        if (t.kind == Tok::lbrace || t.kind == Tok::lbracket)
            stack.push_back({text[t.start], t.start});
        if ((t.kind == Tok::rbrace || t.kind == Tok::rbracket) && !stack.empty())
            stack.pop_back();
        previous = t;
        have_previous = true;
        pos = t.end;
    }

    if (found.kind == Tok::end && !have_previous)
        return {found.start, prefix + "the file is empty",
                "an empty dataset is written `[]` or `{}`"};

    // nlohmann: "... while parsing CONTEXT - unexpected X; expected Y"
    std::string context, expected;
    if (auto at = what.find("while parsing "); at != std::string::npos) {
        auto dash = what.find(" - ", at);
        context = what.substr(at + 14, dash == std::string::npos ? std::string::npos
                                                                 : dash - at - 14);
    }
    if (auto at = what.rfind("; expected "); at != std::string::npos)
        expected = what.substr(at + 11);
    else if (context == "value")
        expected = "'[', '{', or a literal";  // a lexer error where a value was due

    std::string found_words = describe(text, found);
    bool after_comma = have_previous && previous.kind == Tok::comma;
    std::string trailing_comma_hint =
        after_comma ? "remove the trailing comma at " + position_words(text, previous.start) +
                          ": JSON does not allow a comma after the last item"
                    : std::string();

    auto unclosed_hint = [&]() -> std::string {
        if (stack.empty()) return {};
        return "the `" + std::string(1, stack.back().bracket) + "` at " +
               position_words(text, stack.back().offset) + " is never closed";
    };

    if (expected == "end of input") {
        std::string hint =
            found.kind == Tok::rbrace || found.kind == Tok::rbracket
                ? "there is one " + found_words + " too many, or an earlier one closes the data too "
                                                  "soon"
                : "a JSON file holds one value; to give several, put them in a list: "
                  "`[ ..., ... ]`";
        return {found.start, prefix + "unexpected " + found_words + " after the end of the data",
                hint};
    }

    std::string expectation;
    std::string hint;
    char closer = 0;
    if (expected == "string literal") {
        expectation = "a key in double quotes";
        if ((found.kind == Tok::rbrace) && after_comma) hint = trailing_comma_hint;
        else if (found.kind == Tok::number || found.kind == Tok::literal)
            hint = "keys are text in double quotes: `\"" +
                   std::string(text.substr(found.start, found.end - found.start)) + "\"`";
    } else if (expected == "':'") {
        expectation = "`:` after the key";
        if (found.kind == Tok::other_char && text[found.start] == '=')
            hint = "use `:` between a key and its value";
        else if (starts_value(found.kind))
            hint = "add `:` between the key and its value";
    } else if (expected == "'}'" || expected == "']'") {
        closer = expected[1];
        expectation = std::string("`,` or `") + closer + "`";
    } else if (expected.find("a literal") != std::string::npos) {
        expectation = "a value";
        if ((found.kind == Tok::rbracket || found.kind == Tok::rbrace) && after_comma)
            hint = trailing_comma_hint;
        else if (found.kind == Tok::comma)
            hint = after_comma ? "there are two commas in a row" : "remove the extra `,`";
        else if (found.kind == Tok::rbrace || found.kind == Tok::rbracket ||
                 found.kind == Tok::comma)
            hint = "write a value, such as `\"\"`, `0`, `null`, `[]` or `{}`";
    } else {
        // Something this reader does not know: nlohmann's own words, minus its prefix.
        std::string detail = what;
        if (auto dash = detail.find(" - "); dash != std::string::npos)
            detail = detail.substr(dash + 3);
        return {found.start, prefix + detail, {}};
    }

    if (hint.empty()) {
        if (found.kind == Tok::end) {
            hint = unclosed_hint();
        } else if (closer && starts_value(found.kind)) {
            auto before = locate({}, text, previous.end);
            auto here = locate({}, text, found.start);
            hint = before.line < here.line
                       ? "add a `,` at the end of line " + std::to_string(before.line) +
                             ", after the previous item"
                       : std::string("add a `,` before this item");
        } else if (closer && (found.kind == Tok::rbrace || found.kind == Tok::rbracket) &&
                   !stack.empty()) {
            char wanted = stack.back().bracket == '{' ? '}' : ']';
            hint = "the `" + std::string(1, stack.back().bracket) + "` at " +
                   position_words(text, stack.back().offset) + " is closed with " + found_words +
                   "; use `" + std::string(1, wanted) + "`";
        } else if (found.kind == Tok::other_char && text[found.start] == '#') {
            hint = "JSON does not allow comments; remove it";
        }
    }
    return {found.start, prefix + "expected " + expectation + ", found " + found_words, hint};
}

}  // namespace

nlohmann::ordered_json parse_json(std::string_view text, const std::string& file) {
    text = skip_bom(text);
    check_utf8(text, file);
    try {
        return nlohmann::ordered_json::parse(text.begin(), text.end());
    } catch (const nlohmann::ordered_json::parse_error& e) {
        Problem problem = diagnose(text, e.byte, e.what());
        Diagnostic d{Severity::error, locate(file, text, problem.offset),
                     std::move(problem.message), {}, std::move(problem.hint)};
        attach_source(d, text);
        throw Error(std::move(d));
    } catch (const nlohmann::ordered_json::out_of_range&) {
        // A number beyond a double ("1e400"); nlohmann says which but not where.
        Token token = next_token(text, 0);
        for (; token.kind != Tok::end; token = next_token(text, token.end)) {
            if (token.kind != Tok::number) continue;
            std::string number(text.substr(token.start, token.end - token.start));
            if (!std::isfinite(std::strtod(number.c_str(), nullptr))) break;
        }
        Diagnostic d{Severity::error, locate(file, text, token.start),
                     "the number " + describe(text, token) + " is too large",
                     {},
                     "numbers go up to about 1.8e308; put it in double quotes to keep it as text"};
        attach_source(d, text);
        throw Error(std::move(d));
    }
}

// ---- Positions of keys and values in valid JSON ----

std::string pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::size_t JsonPositions::key_or_value(const std::string& pointer, std::size_t fallback) const {
    auto it = at.find(pointer);
    if (it == at.end()) return fallback;
    return it->second.key != JsonPosition::none ? it->second.key : it->second.value;
}

std::size_t JsonPositions::value_of(const std::string& pointer, std::size_t fallback) const {
    auto it = at.find(pointer);
    return it == at.end() ? fallback : it->second.value;
}

namespace {

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

struct Indexer {
    std::string_view text;
    std::size_t pos = 0;
    JsonPositions result;

    void skip_space() {
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' ||
                                     text[pos] == '\n' || text[pos] == '\r'))
            ++pos;
    }

    unsigned long hex4(std::size_t at) {
        unsigned long value = 0;
        for (std::size_t k = 0; k < 4 && at + k < text.size(); ++k) {
            char c = text[at + k];
            value = value * 16 + static_cast<unsigned long>(
                                     c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        return value;
    }

    std::string read_string() {  // at the opening quote
        std::string out;
        ++pos;
        while (pos < text.size() && text[pos] != '"') {
            if (text[pos] != '\\') {
                out += text[pos++];
                continue;
            }
            char e = pos + 1 < text.size() ? text[pos + 1] : '"';
            pos += 2;
            switch (e) {
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned long cp = hex4(pos);
                    pos += 4;
                    if (cp >= 0xD800 && cp <= 0xDBFF && pos + 6 <= text.size() &&
                        text[pos] == '\\' && text[pos + 1] == 'u') {
                        unsigned long low = hex4(pos + 2);
                        pos += 6;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default: out += e; break;
            }
        }
        ++pos;  // closing quote
        return out;
    }

    void value(const std::string& pointer, std::size_t key_offset, int depth) {
        skip_space();
        if (pos >= text.size() || depth > 512) return;
        if (result.at.count(pointer) && key_offset != JsonPosition::none)
            result.duplicates.emplace_back(pointer, key_offset);
        // A repeated key's later value is the one kept, so its positions replace the first's.
        // Positions below the first value are dropped with it.
        if (result.at.count(pointer)) {
            auto prefix = pointer + "/";
            for (auto it = result.at.lower_bound(prefix);
                 it != result.at.end() && it->first.compare(0, prefix.size(), prefix) == 0;)
                it = result.at.erase(it);
        }
        result.at[pointer] = JsonPosition{key_offset, pos};
        char c = text[pos];
        if (c == '{') {
            ++pos;
            skip_space();
            if (pos < text.size() && text[pos] == '}') {
                ++pos;
                return;
            }
            while (pos < text.size()) {
                skip_space();
                std::size_t key_at = pos;
                std::string key = read_string();
                skip_space();
                ++pos;  // ':'
                value(pointer + "/" + pointer_token(key), key_at, depth + 1);
                skip_space();
                if (pos < text.size() && text[pos] == ',') {
                    ++pos;
                    continue;
                }
                ++pos;  // '}'
                return;
            }
        } else if (c == '[') {
            ++pos;
            skip_space();
            if (pos < text.size() && text[pos] == ']') {
                ++pos;
                return;
            }
            for (std::size_t index = 0; pos < text.size(); ++index) {
                value(pointer + "/" + std::to_string(index), JsonPosition::none, depth + 1);
                skip_space();
                if (pos < text.size() && text[pos] == ',') {
                    ++pos;
                    continue;
                }
                ++pos;  // ']'
                return;
            }
        } else if (c == '"') {
            read_string();
        } else {
            while (pos < text.size() && std::string_view(",]} \t\r\n").find(text[pos]) ==
                                            std::string_view::npos)
                ++pos;
        }
    }
};

}  // namespace

JsonPositions index_json_positions(std::string_view text) {
    Indexer indexer{text, 0, {}};
    indexer.value("", JsonPosition::none, 0);
    return std::move(indexer.result);
}

}  // namespace boardpress::data
