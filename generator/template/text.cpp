#include "template/text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace boardpress::tmpl::text {

std::u32string decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(c);
            ++i;
            continue;
        }
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
        if (extra < 0 || i + extra >= s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t cp = c & (0x3F >> extra);
        bool ok = true;
        for (int k = 1; k <= extra; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (!ok) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += extra + 1;
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string encode(std::u32string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t c : s) append_utf8(out, c);
    return out;
}

std::size_t length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// Case mapping for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
char32_t to_lower(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x100 && c <= 0x137) return (c % 2 == 0) ? c + 1 : c;
    if (c == 0x130) return 'i';
    if (c >= 0x139 && c <= 0x148) return (c % 2 == 1) ? c + 1 : c;
    if (c >= 0x14A && c <= 0x177) return (c % 2 == 0) ? c + 1 : c;
    if (c == 0x178) return 0xFF;
    if (c >= 0x179 && c <= 0x17E) return (c % 2 == 1) ? c + 1 : c;
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 37;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

char32_t to_upper(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if (c == 0xB5) return 0x39C;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
    if (c == 0xFF) return 0x178;
    if (c >= 0x100 && c <= 0x137) return (c % 2 == 1) ? c - 1 : c;
    if (c == 0x131) return 'I';
    if (c >= 0x139 && c <= 0x148) return (c % 2 == 0) ? c - 1 : c;
    if (c >= 0x14A && c <= 0x177) return (c % 2 == 1) ? c - 1 : c;
    if (c >= 0x179 && c <= 0x17E) return (c % 2 == 0) ? c - 1 : c;
    if (c == 0x17F) return 'S';
    if (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) return c - 32;
    if (c == 0x3C2) return 0x3A3;
    if (c == 0x3AC) return 0x386;
    if (c >= 0x3AD && c <= 0x3AF) return c - 37;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}

bool is_space(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85 ||
           c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool is_alpha(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c < 0x100)
        return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, ...
    if (c >= 0x3000 && c <= 0x303F) return false;
    if (c >= 0xFE30 && c <= 0xFE4F) return false;
    if (c >= 0xFF00 && c <= 0xFF0F) return false;
    if (c >= 0xE000 && c <= 0xF8FF) return false;
    if (c >= 0x1F000) return false;  // emoji and symbols
    if (c == 0xFFFD) return false;
    if (c >= 0x300 && c <= 0x36F) return false;  // combining marks
    return true;
}

bool is_alnum(char32_t c) {
    return is_alpha(c) || is_digit(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 ||
           (c >= 0xBC && c <= 0xBE);
}

bool is_word(char32_t c) { return c == '_' || is_alnum(c) || (c >= 0x300 && c <= 0x36F); }

bool is_cased_lower(char32_t c) { return to_upper(c) != c || c == 0xDF; }
bool is_cased_upper(char32_t c) { return to_lower(c) != c; }

bool is_printable(char32_t c) {
    if (c < 0x20 || c == 0x7F) return false;
    if (c >= 0x80 && c <= 0xA0) return false;
    if (c == 0xAD) return false;
    if (c >= 0x2000 && c <= 0x200F) return false;
    if (c >= 0x2028 && c <= 0x202F) return false;
    if (c >= 0x205F && c <= 0x206F) return false;
    if (c == 0x3000 || c == 0xFEFF) return false;
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    if (c >= 0xE000 && c <= 0xF8FF) return false;
    return true;
}

static void append_upper(std::string& out, char32_t c) {
    if (c == 0xDF) {
        out += "SS";
        return;
    }
    append_utf8(out, to_upper(c));
}

std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    if (is_ascii(s)) {
        for (char c : s) out.push_back((c >= 'A' && c <= 'Z') ? char(c + 32) : c);
        return out;
    }
    for (char32_t c : decode(s)) append_utf8(out, to_lower(c));
    return out;
}

std::string upper(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    if (is_ascii(s)) {
        for (char c : s) out.push_back((c >= 'a' && c <= 'z') ? char(c - 32) : c);
        return out;
    }
    for (char32_t c : decode(s)) append_upper(out, c);
    return out;
}

std::string capitalize(std::string_view s) {
    std::u32string cps = decode(s);
    std::string out;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        if (i == 0)
            append_upper(out, cps[i]);
        else
            append_utf8(out, to_lower(cps[i]));
    }
    return out;
}

std::string title(std::string_view s) {
    std::string out;
    bool previous_cased = false;
    for (char32_t c : decode(s)) {
        bool cased = is_cased_lower(c) || is_cased_upper(c);
        if (previous_cased)
            append_utf8(out, to_lower(c));
        else
            append_upper(out, c);
        previous_cased = cased;
    }
    return out;
}

std::string swapcase(std::string_view s) {
    std::string out;
    for (char32_t c : decode(s)) {
        if (is_cased_upper(c))
            append_utf8(out, to_lower(c));
        else if (is_cased_lower(c))
            append_upper(out, c);
        else
            append_utf8(out, c);
    }
    return out;
}

bool islower(std::string_view s) {
    bool cased = false;
    for (char32_t c : decode(s)) {
        if (is_cased_upper(c)) return false;
        if (is_cased_lower(c)) cased = true;
    }
    return cased;
}

bool isupper(std::string_view s) {
    bool cased = false;
    for (char32_t c : decode(s)) {
        if (is_cased_lower(c)) return false;
        if (is_cased_upper(c)) cased = true;
    }
    return cased;
}

std::string strip(std::string_view s, const std::string* chars, bool left, bool right) {
    std::u32string cps = decode(s);
    std::u32string set;
    if (chars) set = decode(*chars);
    auto strip_it = [&](char32_t c) {
        return chars ? set.find(c) != std::u32string::npos : is_space(c);
    };
    std::size_t begin = 0, end = cps.size();
    if (left)
        while (begin < end && strip_it(cps[begin])) ++begin;
    if (right)
        while (end > begin && strip_it(cps[end - 1])) --end;
    return encode(std::u32string_view(cps).substr(begin, end - begin));
}

std::vector<std::string> split(std::string_view s, const std::string* sep, long maxsplit) {
    std::vector<std::string> out;
    if (sep) {
        std::size_t start = 0;
        while (maxsplit < 0 || static_cast<long>(out.size()) < maxsplit) {
            std::size_t found = s.find(*sep, start);
            if (found == std::string_view::npos) break;
            out.emplace_back(s.substr(start, found - start));
            start = found + sep->size();
        }
        out.emplace_back(s.substr(start));
        return out;
    }
    std::u32string cps = decode(s);
    std::size_t i = 0;
    while (true) {
        while (i < cps.size() && is_space(cps[i])) ++i;
        if (i >= cps.size()) break;
        if (maxsplit >= 0 && static_cast<long>(out.size()) >= maxsplit) {
            std::size_t end = cps.size();
            while (end > i && is_space(cps[end - 1])) --end;
            out.push_back(encode(std::u32string_view(cps).substr(i, end - i)));
            break;
        }
        std::size_t j = i;
        while (j < cps.size() && !is_space(cps[j])) ++j;
        out.push_back(encode(std::u32string_view(cps).substr(i, j - i)));
        i = j;
    }
    return out;
}

std::vector<std::string> rsplit(std::string_view s, const std::string* sep, long maxsplit) {
    if (maxsplit < 0) return split(s, sep, maxsplit);
    std::vector<std::string> out;
    if (sep) {
        std::size_t end = s.size();
        while (static_cast<long>(out.size()) < maxsplit) {
            if (end < sep->size()) break;
            std::size_t found = s.rfind(*sep, end - sep->size());
            if (found == std::string_view::npos) break;
            out.emplace_back(s.substr(found + sep->size(), end - found - sep->size()));
            end = found;
        }
        out.emplace_back(s.substr(0, end));
        return {out.rbegin(), out.rend()};
    }
    std::u32string cps = decode(s);
    std::size_t end = cps.size();
    while (true) {
        while (end > 0 && is_space(cps[end - 1])) --end;
        if (end == 0) break;
        if (static_cast<long>(out.size()) >= maxsplit) {
            std::size_t begin = 0;
            while (begin < end && is_space(cps[begin])) ++begin;
            out.push_back(encode(std::u32string_view(cps).substr(begin, end - begin)));
            break;
        }
        std::size_t j = end;
        while (j > 0 && !is_space(cps[j - 1])) --j;
        out.push_back(encode(std::u32string_view(cps).substr(j, end - j)));
        end = j;
    }
    return {out.rbegin(), out.rend()};
}

std::vector<std::string_view> splitline_views(std::string_view s, bool keepends) {
    // Scanned as bytes: every break but U+0085, U+2028 and U+2029 is ASCII, and those three have
    // one UTF-8 form each. (Decoding to UTF-32 first took most of `indent`'s time.)
    std::vector<std::string_view> out;
    const std::size_t n = s.size();
    auto byte = [&](std::size_t at) { return static_cast<unsigned char>(s[at]); };
    std::size_t start = 0, i = 0;
    while (i < n) {
        unsigned char c = byte(i);
        std::size_t brk = 0;
        if (c == '\n' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E)
            brk = 1;
        else if (c == '\r')
            brk = i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
        else if (c == 0xC2 && i + 1 < n && byte(i + 1) == 0x85)
            brk = 2;
        else if (c == 0xE2 && i + 2 < n && byte(i + 1) == 0x80 &&
                 (byte(i + 2) == 0xA8 || byte(i + 2) == 0xA9))
            brk = 3;
        if (!brk) {
            ++i;
            continue;
        }
        out.push_back(s.substr(start, (keepends ? i + brk : i) - start));
        i += brk;
        start = i;
    }
    if (start < n) out.push_back(s.substr(start));
    return out;
}

std::vector<std::string> splitlines(std::string_view s, bool keepends) {
    std::vector<std::string> out;
    for (std::string_view line : splitline_views(s, keepends)) out.emplace_back(line);
    return out;
}

std::string replace(std::string_view s, std::string_view old, std::string_view repl, long count,
                    std::size_t limit) {
    std::string out;
    if (old.empty()) {
        std::u32string cps = decode(s);
        long done = 0;
        for (std::size_t i = 0; i <= cps.size() && out.size() <= limit; ++i) {
            if (count < 0 || done < count) {
                out += repl;
                ++done;
            }
            if (i < cps.size()) append_utf8(out, cps[i]);
        }
        return out;
    }
    std::size_t start = 0;
    long done = 0;
    while ((count < 0 || done < count) && out.size() <= limit) {
        std::size_t found = s.find(old, start);
        if (found == std::string_view::npos) break;
        out.append(s.substr(start, found - start));
        out.append(repl);
        start = found + old.size();
        ++done;
    }
    out.append(s.substr(start));
    return out;
}

long find(std::string_view s, std::string_view sub, bool reverse) {
    std::size_t found = reverse ? s.rfind(sub) : s.find(sub);
    if (found == std::string_view::npos) return -1;
    return static_cast<long>(length(s.substr(0, found)));
}

std::size_t count(std::string_view s, std::string_view sub) {
    if (sub.empty()) return length(s) + 1;
    std::size_t n = 0, start = 0;
    while (true) {
        std::size_t found = s.find(sub, start);
        if (found == std::string_view::npos) break;
        ++n;
        start = found + sub.size();
    }
    return n;
}

std::string float_repr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    auto result = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string_view sci(buf, result.ptr - buf);
    std::string out;
    if (sci.front() == '-') {
        out.push_back('-');
        sci.remove_prefix(1);
    }
    std::size_t e = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e))
        if (c != '.') digits.push_back(c);
    int exponent = std::atoi(std::string(sci.substr(e + 1)).c_str());
    int decpt = exponent + 1;
    int n = static_cast<int>(digits.size());
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            out += "0.";
            out.append(static_cast<std::size_t>(-decpt), '0');
            out += digits;
        } else if (decpt >= n) {
            out += digits;
            out.append(static_cast<std::size_t>(decpt - n), '0');
            out += ".0";
        } else {
            out += digits.substr(0, decpt);
            out += '.';
            out += digits.substr(decpt);
        }
        return out;
    }
    out += digits[0];
    if (n > 1) {
        out += '.';
        out += digits.substr(1);
    }
    int exp10 = decpt - 1;
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    out += ebuf;
    return out;
}

std::string string_repr(std::string_view s) {
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out(1, quote);
    for (char32_t c : decode(s)) {
        if (c == static_cast<char32_t>(quote) || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (!is_printable(c)) {
            char buf[16];
            if (c < 0x100)
                std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
            else if (c < 0x10000)
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            else
                std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
            out += buf;
        } else {
            append_utf8(out, c);
        }
    }
    out.push_back(quote);
    return out;
}

static std::string strip_ws(std::string_view s) {
    return strip(s, nullptr, true, true);
}

std::int64_t parse_digits(std::string_view digits) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec == std::errc::result_out_of_range) return std::numeric_limits<std::int64_t>::max();
    return end == digits.data() ? 0 : value;
}

std::optional<std::int64_t> parse_int(std::string_view input, int base) {
    std::string s = strip_ws(input);
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        ++i;
    }
    auto prefix = [&](char lower) {
        return i + 1 < s.size() && s[i] == '0' && (s[i + 1] == lower || s[i + 1] == lower - 32);
    };
    if (base == 0) {
        if (prefix('x'))
            base = 16, i += 2;
        else if (prefix('o'))
            base = 8, i += 2;
        else if (prefix('b'))
            base = 2, i += 2;
        else
            base = 10;
        if (base != 10 && i < s.size() && s[i] == '_') ++i;
    } else if ((base == 16 && prefix('x')) || (base == 8 && prefix('o')) ||
               (base == 2 && prefix('b'))) {
        i += 2;
        if (i < s.size() && s[i] == '_') ++i;
    }
    if (i >= s.size()) return std::nullopt;
    unsigned long long value = 0;
    bool previous_digit = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c == '_') {
            if (!previous_digit) return std::nullopt;
            previous_digit = false;
            continue;
        }
        int digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'z')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z')
            digit = c - 'A' + 10;
        else
            return std::nullopt;
        if (digit >= base) return std::nullopt;
        if (value > (~0ULL - digit) / base) return std::nullopt;
        value = value * base + digit;
        previous_digit = true;
    }
    if (!previous_digit) return std::nullopt;
    if (value > static_cast<unsigned long long>(INT64_MAX) + (negative ? 1 : 0))
        return std::nullopt;
    return negative ? static_cast<std::int64_t>(0 - value) : static_cast<std::int64_t>(value);
}

std::optional<double> parse_float(std::string_view input) {
    std::string s = strip_ws(input);
    std::string clean;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean.push_back(s[i++]);
    std::string rest = lower(s.substr(i));
    if (rest == "inf" || rest == "infinity")
        return clean == "-" ? -INFINITY : INFINITY;
    if (rest == "nan") return NAN;
    bool digits = false, dot = false, exp = false;
    char previous = 0;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            digits = true;
            clean.push_back(c);
        } else if (c == '_') {
            if (!(previous >= '0' && previous <= '9') || i + 1 >= s.size() ||
                !(s[i + 1] >= '0' && s[i + 1] <= '9'))
                return std::nullopt;
        } else if (c == '.' && !dot && !exp) {
            dot = true;
            clean.push_back(c);
        } else if ((c == 'e' || c == 'E') && digits && !exp) {
            exp = true;
            clean.push_back('e');
            if (i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-')) clean.push_back(s[++i]);
            if (i + 1 >= s.size()) return std::nullopt;
        } else {
            return std::nullopt;
        }
        previous = c;
    }
    if (!digits) return std::nullopt;
    return std::strtod(clean.c_str(), nullptr);
}

}  // namespace boardpress::tmpl::text
