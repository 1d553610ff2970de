// Front matter: splitting it from the body, YAML -> JSON with positions, and checking known keys.
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "content/content.hpp"
#include "data/data.hpp"

namespace boardpress::content {

namespace {

// One line of `text` starting at `start`: [start, content_end) without its line break; `next` is
// where the following line starts (text.size() at the end).
struct Line {
    std::size_t start = 0;
    std::size_t content_end = 0;
    std::size_t next = 0;
};

Line line_at(std::string_view text, std::size_t start) {
    std::size_t newline = text.find('\n', start);
    Line line{start, newline == std::string_view::npos ? text.size() : newline,
              newline == std::string_view::npos ? text.size() : newline + 1};
    if (line.content_end > start && text[line.content_end - 1] == '\r') --line.content_end;
    return line;
}

bool is_fence(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == "---";
}

std::string crlf_to_lf(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
    return out;
}

bool is_key_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_key_char(char c) { return is_key_start(c) || (c >= '0' && c <= '9') || c == '-'; }

// "kind:page": a word, a colon and then text with no space between. Returns the colon's offset
// within `s`, or npos. A "/" after the colon is left alone (a URL).
std::size_t missing_space_colon(std::string_view s) {
    if (s.empty() || !is_key_start(s[0])) return std::string_view::npos;
    std::size_t i = 1;
    while (i < s.size() && is_key_char(s[i])) ++i;
    if (i + 1 >= s.size() || s[i] != ':') return std::string_view::npos;
    char after = s[i + 1];
    if (after == ' ' || after == '\t' || after == '/' || after == ':') return std::string_view::npos;
    return i;
}

// Offsets in the (LF-normalised) YAML text become file positions: yaml-cpp marks are 0-based
// bytes; diagnostics want 1-based lines of the file and columns in code points.
class YamlText {
public:
    YamlText(std::string text, const std::string& file, int first_line)
        : text_(std::move(text)), file_(file), first_line_(first_line) {}

    const std::string& text() const { return text_; }

    SourceLocation at(std::size_t offset) const {
        SourceLocation where = locate(file_, text_, offset);
        where.line += first_line_ - 1;
        return where;
    }
    SourceLocation at(const YAML::Mark& mark) const {
        if (mark.is_null() || mark.pos < 0) return {file_, first_line_, 1};
        return at(static_cast<std::size_t>(mark.pos));
    }
    Error error(std::size_t offset, std::string message, std::string hint) const {
        Diagnostic d{Severity::error, at(offset), std::move(message), {}, std::move(hint)};
        d.source_line = line_of(text_, d.location.line - first_line_ + 1);
        return Error(std::move(d));
    }
    Error error(const YAML::Mark& mark, std::string message, std::string hint) const {
        std::size_t offset = mark.is_null() || mark.pos < 0 ? 0 : static_cast<std::size_t>(mark.pos);
        return error(offset, std::move(message), std::move(hint));
    }

private:
    std::string text_;
    const std::string& file_;
    int first_line_;
};

const char* const syntax = "YAML syntax error: ";
const char* const quote_hint_double = "add the closing `\"` at the end of the text";
const char* const quote_hint_single = "add the closing `'` at the end of the text";

std::string missing_space_message(const std::string& key) {
    return std::string(syntax) + "no space after the `:` of `" + key + "`";
}

// Where a quoted scalar that opens at `open` closes (the offset of its closing quote), or npos.
std::size_t closing_quote(std::string_view text, std::size_t open) {
    char quote = text[open];
    for (std::size_t i = open + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') {
            ++i;
        } else if (text[i] == quote) {
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i;  // '' is a quote inside single quotes
                continue;
            }
            return i;
        }
    }
    return std::string_view::npos;
}

struct QuoteSpan {
    std::size_t open;
    std::size_t close;  // npos when never closed
};

// A rough scan of the text outside quotes and comments: the quoted scalars (a quote at the start
// of a value) and the flow brackets left open at `limit`. Only used to explain an error
// yaml-cpp reported, so it need not be a full YAML lexer.
struct RoughScan {
    std::vector<QuoteSpan> quotes;
    std::vector<std::size_t> open_brackets;  // offsets of `[` and `{` not yet closed
};

RoughScan rough_scan(std::string_view text, std::size_t limit) {
    RoughScan scan;
    char previous = '\n';  // last non-blank character, '\n' at a line start
    for (std::size_t i = 0; i < text.size() && i < limit; ++i) {
        char c = text[i];
        if (c == '\n') {
            previous = '\n';
        } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' ||
                                text[i - 1] == '\n')) {
            while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
        } else if ((c == '"' || c == '\'') &&
                   std::string_view("\n:-[{,?").find(previous) != std::string_view::npos) {
            std::size_t close = closing_quote(text, i);
            scan.quotes.push_back({i, close});
            if (close == std::string_view::npos) break;
            i = close;
            previous = c;
        } else {
            if (c == '[' || c == '{') scan.open_brackets.push_back(i);
            if ((c == ']' || c == '}') && !scan.open_brackets.empty())
                scan.open_brackets.pop_back();
            if (c != ' ' && c != '\t') previous = c;
        }
    }
    return scan;
}

struct LineInfo {
    Line line;
    std::size_t first = 0;  // first character that is not a space
    std::size_t indent = 0;
    bool blank = true;      // empty, spaces only, or a comment
};

LineInfo line_info(std::string_view text, std::size_t start) {
    LineInfo info{line_at(text, start)};
    info.first = start;
    while (info.first < info.line.content_end && text[info.first] == ' ') ++info.first;
    info.indent = info.first - start;
    info.blank = info.first == info.line.content_end || text[info.first] == '#';
    return info;
}

bool is_list_item(std::string_view text, const LineInfo& info) {
    return !info.blank && text[info.first] == '-' &&
           (info.first + 1 == info.line.content_end || text[info.first + 1] == ' ');
}

// Offset of the first `: ` (or a `:` ending the line) in a line, or npos.
std::size_t key_colon(std::string_view text, const LineInfo& info) {
    for (std::size_t i = info.first; i < info.line.content_end; ++i)
        if (text[i] == ':' && (i + 1 == info.line.content_end || text[i + 1] == ' ' ||
                               text[i + 1] == '\t'))
            return i;
    return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

[[noreturn]] void explain_parser_error(const YamlText& yaml, const YAML::ParserException& e) {
    std::string_view text = yaml.text();
    std::size_t pos = e.mark.pos < 0 ? 0 : std::min<std::size_t>(e.mark.pos, text.size());
    std::size_t here_start = pos == 0 ? 0 : text.rfind('\n', pos - 1);
    here_start = here_start == std::string_view::npos || pos == 0 ? 0 : here_start + 1;
    // yaml-cpp reports a problem found at a line break on the next line; keep pos on its line.
    LineInfo here = line_info(text, here_start);
    std::optional<LineInfo> above;  // the nearest line above with content
    for (std::size_t start = 0; start < here_start;) {
        LineInfo info = line_info(text, start);
        if (!info.blank) above = info;
        start = info.line.next;
    }
    auto syntax_error = [&](std::size_t offset, const std::string& message, std::string hint) {
        return yaml.error(offset, syntax + message, std::move(hint));
    };

    // Checked on every line up to the error, since yaml-cpp often notices them a line late.
    for (std::size_t start = 0; start <= here.line.content_end && start < text.size();) {
        LineInfo info = line_info(text, start);
        std::size_t i = info.line.start;
        while (i < info.line.content_end && (text[i] == ' ' || text[i] == '\t')) ++i;
        std::size_t tab = text.substr(info.line.start, i - info.line.start).find('\t');
        if (i < info.line.content_end && tab != std::string_view::npos)
            throw syntax_error(info.line.start + tab, "a tab is used for indentation",
                 "indent with spaces; YAML does not allow tabs for indentation");
        // `key:value` with no space, which YAML reads as plain text rather than a key.
        std::size_t key_start = is_list_item(text, info) ? info.first + 2 : info.first;
        while (key_start < info.line.content_end && text[key_start] == ' ') ++key_start;
        std::string_view content = text.substr(key_start, info.line.content_end - key_start);
        if (std::size_t colon = missing_space_colon(content); colon != std::string_view::npos) {
            std::string key(content.substr(0, colon));
            throw yaml.error(key_start + colon, missing_space_message(key),
                             "write `" + key + ": " + std::string(content.substr(colon + 1)) + "`");
        }
        start = info.line.next;
    }

    RoughScan scan = rough_scan(text, pos);
    int error_line = locate({}, text, pos).line;
    for (const auto& span : scan.quotes) {
        bool double_quoted = text[span.open] == '"';
        int open_line = locate({}, text, span.open).line;
        bool closed_here = span.close != std::string_view::npos &&
                           locate({}, text, span.close).line == error_line;
        if (span.close == std::string_view::npos)
            throw syntax_error(span.open, "this quoted text is never closed",
                               double_quoted ? quote_hint_double : quote_hint_single);
        // A quoted text that runs on past its line: the usual cause is a missing closing quote.
        if (open_line < error_line && closed_here)
            throw syntax_error(span.open, "this quoted text is not closed on its line",
                 double_quoted ? quote_hint_double : quote_hint_single);
        // Text straight after the closing quote: a quote inside the text ended it early.
        if (closed_here && trim(text.substr(span.close + 1, pos - span.close - 1)).empty() &&
            pos > span.close)
            throw syntax_error(pos,
                 std::string("the text in ") + (double_quoted ? "double" : "single") +
                     " quotes ends early",
                 double_quoted ? "write a `\"` inside double quotes as `\\\"`, or put the text in "
                                 "single quotes"
                               : "write an apostrophe inside single quotes twice (`''`), or put "
                                 "the text in double quotes");
    }

    const std::string& msg = e.msg;
    auto starts = [&](std::string_view prefix) { return msg.rfind(prefix, 0) == 0; };
    const std::string layout_hint = "keys of one mapping start in the same column";

    if (starts("end of sequence flow not found") || starts("end of map flow not found")) {
        bool list = starts("end of sequence");
        char wanted = list ? '[' : '{';
        std::size_t at = pos;
        for (auto it = scan.open_brackets.rbegin(); it != scan.open_brackets.rend(); ++it)
            if (text[*it] == wanted) {
                at = *it;
                break;
            }
        throw syntax_error(at, list ? "a `[` list is never closed" : "a `{` mapping is never closed",
             list ? "add the closing `]`" : "add the closing `}`");
    }
    if (starts("illegal map value")) {
        std::size_t first_colon = key_colon(text, here);
        if (first_colon != std::string_view::npos && first_colon < pos) {
            std::string key(text.substr(here.first, first_colon - here.first));
            std::string value(trim(text.substr(first_colon + 1, here.line.content_end - first_colon - 1)));
            throw syntax_error(pos, "`: ` inside a value",
                 "put the value in quotes: `" + key + ": \"" + value + "\"`");
        }
        if (above && !is_list_item(text, *above) &&
            key_colon(text, *above) == std::string_view::npos &&
            text[above->first] != '"' && text[above->first] != '\'' &&
            above->indent <= here.indent)
            throw syntax_error(above->first, "this line is not `key: value`",
                 "write it as `name: value`; text that continues the value above must be "
                 "indented under it");
        if (above && here.indent > above->indent)
            throw syntax_error(here.first, "this line is indented more than the line above", layout_hint);
        throw syntax_error(pos, "unexpected `:`", "put a value that contains `: ` in quotes");
    }
    if (starts("end of map not found") || starts("illegal block entry")) {
        if (is_list_item(text, here)) {
            if (above && is_list_item(text, *above) && above->indent != here.indent)
                throw syntax_error(here.first, "this list item does not line up with the one above",
                     "start each `- ` of one list in the same column");
            throw syntax_error(here.first, "a list item where a key was expected",
                 "put list items on the lines under their key, such as `tags:`");
        }
        if (above && here.first == pos && here.indent != above->indent)
            throw syntax_error(here.first, "this line does not line up with the keys above it", layout_hint);
        throw syntax_error(pos, "unexpected text here",
             layout_hint + ", and a value that contains `: ` or quotes must be quoted as a whole");
    }
    if (starts("unknown escape character")) {
        std::size_t backslash = pos == 0 ? 0 : text.rfind('\\', pos - 1);
        if (backslash == std::string_view::npos) backslash = pos;
        throw syntax_error(backslash, "`" + std::string(text.substr(backslash, 2)) +
                            "` is not a valid escape in double quotes",
             "write a backslash as `\\\\`, or put the text in single quotes");
    }
    if (starts("unknown token") && pos < text.size()) {
        std::size_t length = 1;
        while (pos + length < text.size() &&
               (static_cast<unsigned char>(text[pos + length]) & 0xC0) == 0x80)
            ++length;
        throw syntax_error(pos, "a value cannot start with `" + std::string(text.substr(pos, length)) + "`",
             "put the value in quotes");
    }
    if (starts("the referenced anchor is not defined")) {
        std::size_t end = text.find_first_of(" \t\n,[]{}", pos + 1);
        if (end == std::string_view::npos) end = text.size();
        throw syntax_error(pos, "`" + std::string(text.substr(pos, end - pos)) +
                      "` refers to an anchor that is not defined",
             "put the value in quotes: a value starting with `*` is a reference in YAML");
    }
    if (starts("illegal tab"))
        throw syntax_error(pos, "a tab is used for indentation",
             "indent with spaces; YAML does not allow tabs for indentation");
    if (starts("illegal flow end") && pos < text.size())
        throw syntax_error(pos, "unexpected `" + std::string(1, text[pos]) + "`",
             "remove it, or put the whole value in quotes");
    throw syntax_error(pos, msg, "front matter is YAML: one `key: value` per line; " + layout_hint);
}

// YAML 1.2 core schema for a plain scalar.
nlohmann::ordered_json plain_scalar(const std::string& s) {
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
    auto all = [&](std::size_t from, auto predicate) {
        if (from >= s.size()) return false;
        for (std::size_t i = from; i < s.size(); ++i)
            if (!predicate(s[i])) return false;
        return true;
    };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    auto octal = [](char c) { return c >= '0' && c <= '7'; };
    auto hex = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
    auto integer = [&](std::size_t from, int base) -> nlohmann::ordered_json {
        std::int64_t value = 0;
        bool negative = s[0] == '-';
        auto [end, ec] = std::from_chars(s.data() + from, s.data() + s.size(), value, base);
        if (ec != std::errc() || end != s.data() + s.size()) return s;  // too big: kept as text
        return negative ? -value : value;
    };
    std::size_t sign = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (all(sign, digit)) return integer(sign, 10);
    if (s.size() > 2 && s[0] == '0' && s[1] == 'o' && all(2, octal)) return integer(2, 8);
    if (s.size() > 2 && s[0] == '0' && s[1] == 'x' && all(2, hex)) return integer(2, 16);
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    std::size_t i = sign;
    std::size_t int_digits = 0, frac_digits = 0;
    while (i < s.size() && digit(s[i])) ++i, ++int_digits;
    bool point = i < s.size() && s[i] == '.';
    if (point) {
        ++i;
        while (i < s.size() && digit(s[i])) ++i, ++frac_digits;
    }
    bool mantissa = int_digits > 0 || frac_digits > 0;
    if (mantissa && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exponent_digits = 0;
        while (i < s.size() && digit(s[i])) ++i, ++exponent_digits;
        if (exponent_digits == 0) mantissa = false;
    }
    if (mantissa && i == s.size()) {
        errno = 0;
        double value = std::strtod(s.c_str(), nullptr);
        if (errno != ERANGE) return value;
    }
    return s;  // .inf and .nan too: JSON cannot hold them
}

class Converter {
public:
    explicit Converter(const YamlText& yaml) : yaml_(yaml) {}

    nlohmann::ordered_json convert(const YAML::Node& node, int depth) {
        if (depth > 64)
            throw yaml_.error(node.Mark(), "the front matter is nested too deeply",
                              "front matter holds simple settings; keep it shallow");
        // An alias (`*name`) is copied where it is used, so aliases of aliases grow
        // exponentially ("billion laughs"): count the values made, not the text's length.
        if (++values_ > kMaxValues)
            throw yaml_.error(node.Mark(),
                              "the front matter holds more than " + std::to_string(kMaxValues) +
                                  " values once its aliases (`*name`) are copied out",
                              "front matter holds simple settings; repeat less with aliases");
        switch (node.Type()) {
            case YAML::NodeType::Null:
            case YAML::NodeType::Undefined: return nullptr;
            case YAML::NodeType::Scalar: return scalar(node);
            case YAML::NodeType::Sequence: {
                nlohmann::ordered_json list = nlohmann::ordered_json::array();
                for (const auto& item : node) list.push_back(convert(item, depth + 1));
                return list;
            }
            case YAML::NodeType::Map: return mapping(node, depth, nullptr);
        }
        return nullptr;
    }

    nlohmann::ordered_json mapping(const YAML::Node& node, int depth,
                                   std::map<std::string, SourceLocation>* keys) {
        nlohmann::ordered_json object = nlohmann::ordered_json::object();
        std::map<std::string, int> seen;  // key -> file line
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node key_node = it->first;  // copies: `it->` yields a temporary
            const YAML::Node value_node = it->second;
            if (!key_node.IsScalar())
                throw yaml_.error(key_node.Mark(), std::string(syntax) + "a key must be plain text",
                                  "write keys as `name: value`");
            check_quotes(key_node);
            std::string key = data::utf8_from_latin1_bytes(key_node.Scalar());
            SourceLocation where = yaml_.at(key_node.Mark());
            if (value_node.IsNull() && key_node.Tag() == "?") {
                if (std::size_t colon = missing_space_colon(key); colon != std::string::npos) {
                    std::string name = key.substr(0, colon);
                    throw yaml_.error(static_cast<std::size_t>(key_node.Mark().pos) + colon,
                                      missing_space_message(name),
                                      "write `" + name + ": " + key.substr(colon + 1) + "`");
                }
            }
            if (auto [first, added] = seen.emplace(key, where.line); !added)
                throw yaml_.error(key_node.Mark(), "`" + key + "` is given twice",
                                  "it is first given on line " + std::to_string(first->second) +
                                      "; keep one of them");
            object[key] = convert(value_node, depth + 1);
            if (keys) (*keys)[key] = where;
        }
        return object;
    }

private:
    static constexpr std::size_t kMaxValues = 100'000;
    std::size_t values_ = 0;

    // yaml-cpp 0.7 ends a quoted scalar that is never closed at the end of the text without
    // complaint, swallowing the lines after it; that is always a mistake in front matter.
    void check_quotes(const YAML::Node& node) const {
        const std::string& text = yaml_.text();
        if (node.Mark().pos < 0) return;
        auto pos = static_cast<std::size_t>(node.Mark().pos);
        if (pos >= text.size() || (text[pos] != '"' && text[pos] != '\'')) return;
        if (closing_quote(text, pos) == std::string::npos)
            throw yaml_.error(pos, std::string(syntax) + "this quoted text is never closed",
                              text[pos] == '"' ? quote_hint_double : quote_hint_single);
    }

    nlohmann::ordered_json scalar(const YAML::Node& node) const {
        check_quotes(node);
        const std::string& tag = node.Tag();
        // yaml-cpp writes the escapes `\_` and `\N` as Latin-1 bytes.
        std::string text = data::utf8_from_latin1_bytes(node.Scalar());
        // "?" is a plain scalar; "!" a quoted or block one; explicit tags other than the core
        // schema's keep the text.
        if (tag == "?") return plain_scalar(text);
        if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
            tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null")
            return plain_scalar(text);
        return text;
    }

    const YamlText& yaml_;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text, const std::string& file) {
    text = data::skip_bom(text);
    FrontMatterSplit split;
    split.body = text;
    split.body_line = 1;
    Line first = line_at(text, 0);
    if (!is_fence(text.substr(0, first.content_end))) return split;
    int line_number = 2;
    for (std::size_t start = first.next; start < text.size(); ++line_number) {
        Line line = line_at(text, start);
        if (is_fence(text.substr(line.start, line.content_end - line.start))) {
            split.yaml = text.substr(first.next, line.start - first.next);
            split.yaml_line = 2;
            split.body = text.substr(line.next);
            split.body_line = line_number + 1;
            return split;
        }
        start = line.next;
    }
    Diagnostic d{Severity::error, {file, 1, 1}, "the front matter opened here is never closed",
                 std::string(text.substr(0, first.content_end)),
                 "add a line with only `---` after the front matter"};
    throw Error(std::move(d));
}

FrontMatter parse_front_matter_located(std::string_view yaml_text, const std::string& file,
                                       int first_line) {
    // CRLF becomes LF so yaml-cpp's offsets and our line arithmetic agree; lines are unchanged.
    YamlText yaml(crlf_to_lf(yaml_text), file, first_line);
    // yaml-cpp reads a NUL byte in plain text as an escape ("\0_" becomes U+00A0): refuse it.
    if (std::size_t nul = yaml.text().find('\0'); nul != std::string::npos)
        throw yaml.error(nul, "the front matter contains a NUL character (byte 0)",
                         "remove it; a text file has none, so the file may be damaged");
    FrontMatter result;
    YAML::Node root;
    try {
        root = YAML::Load(yaml.text());
    } catch (const YAML::ParserException& e) {
        explain_parser_error(yaml, e);
    }
    if (!root.IsDefined() || root.IsNull()) return result;
    if (!root.IsMap()) {
        std::size_t offset = root.Mark().pos < 0 ? 0 : static_cast<std::size_t>(root.Mark().pos);
        if (root.IsScalar() && root.Tag() == "?") {
            const std::string& s = root.Scalar();
            if (std::size_t colon = missing_space_colon(s); colon != std::string::npos)
                throw yaml.error(offset, "the front matter must be `key: value` lines",
                                 "put a space after the colon: `" + s.substr(0, colon) + ": " +
                                     s.substr(colon + 1) + "`");
        }
        throw yaml.error(offset, "the front matter must be `key: value` lines",
                         "write one setting per line, such as `title: Annual report 2014-15`");
    }
    Converter converter(yaml);
    result.values = converter.mapping(root, 0, &result.keys);
    return result;
}

nlohmann::ordered_json parse_front_matter(std::string_view yaml, const std::string& file,
                                          int first_line) {
    return parse_front_matter_located(yaml, file, first_line).values;
}

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!is_digit(text[i])) return false;
    auto number = [&](std::size_t from, std::size_t length) {
        int value = 0;
        for (std::size_t i = from; i < from + length; ++i) value = value * 10 + (text[i] - '0');
        return value;
    };
    int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int last = days[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= last;
}

std::string section_slug(std::string_view stem) {
    std::size_t digits = 0;
    while (digits < stem.size() && is_digit(stem[digits])) ++digits;
    bool prefix = digits >= 1 && digits <= 3 && digits < stem.size() &&
                  (stem[digits] == '-' || stem[digits] == '_');
    if (!prefix || digits + 1 == stem.size()) return std::string(stem);
    return std::string(stem.substr(digits + 1));
}

namespace {

std::string comma_list(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : ", ") + word;
    return out;
}

// What a value is, in the words of "`draft` must be true or false, not text".
std::string type_words(const nlohmann::ordered_json& value) {
    if (value.is_null()) return "empty";
    if (value.is_boolean()) return "true or false";
    if (value.is_number()) return "a number";
    if (value.is_string()) return "text";
    if (value.is_array()) return "a list";
    return "a mapping";
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

std::string two_digits(std::string_view s) { return s.size() == 1 ? "0" + std::string(s) : std::string(s); }

// A likely ISO spelling of a date written another way ("2015-6-3", "30/06/2015"), or "".
std::string iso_guess(std::string_view s) {
    std::vector<std::string_view> parts;
    char separator = s.find('/') != std::string_view::npos ? '/' : s.find('.') != std::string_view::npos ? '.' : '-';
    for (std::size_t start = 0;;) {
        std::size_t at = s.find(separator, start);
        parts.push_back(s.substr(start, at == std::string_view::npos ? at : at - start));
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    if (parts.size() != 3 || !std::all_of(parts.begin(), parts.end(), all_digits)) return {};
    std::string guess;
    if (parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2)
        guess = std::string(parts[0]) + "-" + two_digits(parts[1]) + "-" + two_digits(parts[2]);
    else if (parts[2].size() == 4 && parts[0].size() <= 2 && parts[1].size() <= 2)
        guess = std::string(parts[2]) + "-" + two_digits(parts[1]) + "-" + two_digits(parts[0]);  // UK order
    return is_iso_date(guess) ? guess : std::string();
}

}  // namespace

void check_front_matter(const FrontMatter& front_matter, const std::string& file,
                        std::string_view text, Diagnostics& diagnostics) {
    auto report = [&](const std::string& key, std::string message, std::string hint) {
        auto it = front_matter.keys.find(key);
        SourceLocation where =
            it != front_matter.keys.end() ? it->second : SourceLocation{file, 1, 1};
        Diagnostic d{Severity::error, where, std::move(message), {}, std::move(hint)};
        attach_source(d, text);
        diagnostics.add(std::move(d));
    };
    auto empty_value = [&](const std::string& key) {
        report(key, "`" + key + "` is empty", "write a value after `" + key + ":`, or remove the line");
    };
    // Text keys; false (after reporting) when the value is not text.
    auto expect_text = [&](const std::string& key, const nlohmann::ordered_json& value) {
        if (value.is_string()) return true;
        if (value.is_null()) {
            empty_value(key);
        } else if (value.is_number() || value.is_boolean()) {
            report(key, "`" + key + "` must be text, not " + type_words(value),
                   "put it in quotes: `" + key + ": \"" + value.dump() + "\"`");
        } else {
            report(key, "`" + key + "` must be text, not " + type_words(value),
                   "write it on one line after `" + key + ":`");
        }
        return false;
    };
    auto one_of = [&](const std::string& key, const nlohmann::ordered_json& value,
                      const std::vector<std::string>& allowed) {
        if (!expect_text(key, value)) return;
        std::string word = value.get<std::string>();
        if (std::find(allowed.begin(), allowed.end(), word) != allowed.end()) return;
        std::string hint = did_you_mean_hint(word, allowed);
        report(key, "`" + key + "` must be one of " + comma_list(allowed) + ", not `" + word + "`",
               hint.empty() ? "write one of " + comma_list(allowed) : hint);
    };
    auto date = [&](const std::string& key, const nlohmann::ordered_json& value) {
        if (value.is_null()) return empty_value(key);
        std::string written = value.is_string() ? value.get<std::string>() : value.dump();
        if (value.is_string() && is_iso_date(written)) return;
        if (value.is_string() && written.size() == 10 && written[4] == '-' && written[7] == '-' &&
            all_digits(written.substr(0, 4)) && all_digits(written.substr(5, 2)) &&
            all_digits(written.substr(8, 2)))
            return report(key, "`" + key + "` is not a real date: " + written,
                          "check the month and the day");
        std::string guess = iso_guess(written);
        std::string hint = !guess.empty() ? "write `" + key + ": " + guess + "`"
                           : value.is_number_integer() || all_digits(written)
                               ? "write the whole date, like `" + key + ": 2015-06-30`"
                               : "write it like `" + key + ": 2015-06-30`";
        report(key, "`" + key + "` must be a date written YYYY-MM-DD, like 2015-06-30", hint);
    };

    for (const auto& [key, value] : front_matter.values.items()) {
        if (key == "title") {
            if (expect_text(key, value) && trim(value.get<std::string>()).empty())
                report(key, "`title` is empty", "write the page's title after `title:`");
        } else if (key == "summary") {
            expect_text(key, value);
        } else if (key == "kind") {
            one_of(key, value, kinds);
        } else if (key == "numbering") {
            one_of(key, value, numberings);
        } else if (key == "date" || key == "as_of") {
            date(key, value);
        } else if (key == "glossary") {
            if (!value.is_boolean())
                report(key, "`glossary` must be true or false, not " + type_words(value),
                       "write `glossary: false` to leave this page's terms unexplained");
        } else if (key == "draft") {
            if (!value.is_boolean())
                report(key, "`draft` must be true or false, not " + type_words(value),
                       "write `draft: true` or `draft: false`, without quotes");
        } else if (key == "weight") {
            if (!value.is_number())
                report(key, "`weight` must be a number, not " + type_words(value),
                       "write it like `weight: 10`, without quotes; lower weights come first");
        } else if (key == "pdf") {
            if (!value.is_boolean() && !value.is_object())
                report(key,
                       "`pdf` must be true, false or a mapping of PDF settings, not " +
                           type_words(value),
                       "write `pdf: true`, or settings indented on the lines under `pdf:`");
        } else if (key == "template") {
            if (!expect_text(key, value)) continue;
            std::string name = value.get<std::string>();
            if (name.size() <= 5 || name.compare(name.size() - 5, 5, ".html") != 0)
                report(key, "`template` must name an .html file in templates/, not `" + name + "`",
                       "write `template: " + (name.empty() ? std::string("page") : name) +
                           ".html`");
        }
    }
    if (!front_matter.values.contains("title")) {
        Diagnostic d{Severity::error, {file, 1, 1}, "the page has no `title`", {},
                     front_matter.keys.empty() && !text.starts_with("---")
                         ? "start the file with front matter: a line `---`, then "
                           "`title: ...`, then `---`"
                         : "add `title: ...` to the front matter"};
        attach_source(d, text);
        diagnostics.add(std::move(d));
    }
}

}  // namespace boardpress::content
