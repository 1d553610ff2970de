#include "format/format.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace boardpress::format {

namespace {

constexpr std::string_view kMinus = "\xE2\x88\x92";  // U+2212 MINUS SIGN

// A finite double as its shortest round-trip decimal digits: value = 0.d1d2d3... * 10^point.
struct Decimal {
    bool negative = false;
    std::string digits;  // no leading zeros; empty for zero
    int point = 0;       // position of the decimal point relative to the start of digits
};

Decimal decompose(double value) {
    Decimal d;
    d.negative = std::signbit(value);
    if (value == 0) return d;
    std::array<char, 64> buf{};
    // Scientific shortest form: "-1.2345e+04". Locale-independent by specification.
    auto result = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(value),
                                std::chars_format::scientific);
    std::string_view text(buf.data(), static_cast<std::size_t>(result.ptr - buf.data()));
    auto e = text.find('e');
    std::string_view mantissa = text.substr(0, e);
    for (char c : mantissa)
        if (c != '.') d.digits.push_back(c);
    int exponent = 0;
    std::string_view exp_text = text.substr(e + 1);
    bool exp_negative = false;
    if (!exp_text.empty() && (exp_text[0] == '+' || exp_text[0] == '-')) {
        exp_negative = exp_text[0] == '-';
        exp_text.remove_prefix(1);
    }
    std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
    if (exp_negative) exponent = -exponent;
    d.point = exponent + 1;
    while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
    return d;
}

// The integer digits of |value| * 10^decimals rounded half away from zero, without leading zeros
// ("" when the result is zero). `shift` multiplies by 10^shift exactly before rounding.
std::string scaled_digits(const Decimal& d, int decimals, int shift) {
    if (d.digits.empty()) return {};
    long keep = static_cast<long>(d.point) + shift + decimals;  // digits of d.digits to keep
    std::string out;
    bool round_up = false;
    if (keep < 0) return {};
    if (keep >= static_cast<long>(d.digits.size())) {
        out = d.digits;
        out.append(static_cast<std::size_t>(keep) - d.digits.size(), '0');
    } else {
        out = d.digits.substr(0, static_cast<std::size_t>(keep));
        round_up = d.digits[static_cast<std::size_t>(keep)] >= '5';
    }
    if (round_up) {
        std::size_t i = out.size();
        while (i > 0) {
            --i;
            if (out[i] == '9') {
                out[i] = '0';
            } else {
                ++out[i];
                round_up = false;
                break;
            }
        }
        if (round_up) out.insert(out.begin(), '1');
    }
    auto first = out.find_first_not_of('0');
    if (first == std::string::npos) return {};
    return out.substr(first);
}

std::string group_thousands(std::string_view integer) {
    std::string out;
    out.reserve(integer.size() + integer.size() / 3);
    std::size_t n = integer.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out.push_back(',');
        out.push_back(integer[i]);
    }
    return out;
}

struct Formatted {
    bool negative = false;  // true only when the rounded value is not zero
    std::string magnitude;  // "1,234.50"
};

Formatted format_fixed(double value, int decimals, int shift = 0) {
    decimals = std::clamp(decimals, 0, 30);
    Decimal d = decompose(value);
    std::string digits = scaled_digits(d, decimals, shift);
    Formatted f;
    f.negative = d.negative && !digits.empty();
    if (digits.size() <= static_cast<std::size_t>(decimals))
        digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
    std::size_t int_len = digits.size() - static_cast<std::size_t>(decimals);
    f.magnitude = group_thousands(std::string_view(digits).substr(0, int_len));
    if (decimals > 0) {
        f.magnitude.push_back('.');
        f.magnitude.append(digits, int_len, std::string::npos);
    }
    return f;
}

std::string with_sign(const Formatted& f, std::string_view prefix = {},
                      std::string_view suffix = {}) {
    std::string out;
    if (f.negative) out.append(kMinus);
    out.append(prefix);
    out.append(f.magnitude);
    out.append(suffix);
    return out;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// "March", "mar", "Mar.", "Sept" -> 3 / 9; 0 when not a month name.
int month_from_name(std::string_view word) {
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (word.size() < 3) return 0;
    for (int m = 0; m < 12; ++m) {
        std::string_view full = kMonths[static_cast<std::size_t>(m)];
        if (iequals(word, full) || iequals(word, full.substr(0, 3))) return m + 1;
    }
    if (iequals(word, "sept")) return 9;
    return 0;
}

// A run of 1..max_len ASCII digits, the whole of `text`.
std::optional<int> parse_uint(std::string_view text, std::size_t min_len, std::size_t max_len) {
    if (text.size() < min_len || text.size() > max_len) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (!is_digit(c)) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// "31", "1st", "2nd", "3rd", "4th", "21ST" -> the day number (not yet range-checked).
std::optional<int> parse_day(std::string_view text) {
    if (text.size() > 2) {
        std::string_view suffix = text.substr(text.size() - 2);
        if (iequals(suffix, "st") || iequals(suffix, "nd") || iequals(suffix, "rd") ||
            iequals(suffix, "th"))
            text.remove_suffix(2);
    }
    return parse_uint(text, 1, 2);
}

std::optional<Date> checked(int year, int month, int day) {
    if (year < 1 || year > 9999) return std::nullopt;
    if (month == 0) {
        if (day != 0) return std::nullopt;
        return Date{year, 0, 0};
    }
    if (month < 1 || month > 12) return std::nullopt;
    if (day != 0 && (day < 1 || day > days_in_month(year, month))) return std::nullopt;
    return Date{year, month, day};
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        auto pos = s.find(sep, start);
        parts.push_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return parts;
}

// A time after an ISO date: "T09:30", "T09:30:00Z", " 09:30:00+01:00", "T09:30:00.123".
bool looks_like_time(std::string_view s) {
    if (s.empty() || (s[0] != 'T' && s[0] != 't' && s[0] != ' ')) return false;
    s.remove_prefix(1);
    if (s.size() < 5 || !is_digit(s[0]) || !is_digit(s[1]) || s[2] != ':' || !is_digit(s[3]) ||
        !is_digit(s[4]))
        return false;
    for (char c : s)
        if (!(is_digit(c) || c == ':' || c == '.' || c == '+' || c == '-' || c == 'Z' || c == 'z'))
            return false;
    return true;
}

std::optional<Date> parse_iso(std::string_view s) {
    if (s.size() > 10 && s[4] == '-' && s[7] == '-' && looks_like_time(s.substr(10)))
        s = s.substr(0, 10);
    auto parts = split(s, '-');
    if (parts.size() > 3) return std::nullopt;
    auto year = parse_uint(parts[0], 4, 4);
    if (!year) return std::nullopt;
    int month = 0, day = 0;
    if (parts.size() >= 2) {
        auto m = parse_uint(parts[1], 1, 2);
        if (!m || *m == 0) return std::nullopt;
        month = *m;
    }
    if (parts.size() == 3) {
        auto d = parse_uint(parts[2], 1, 2);
        if (!d || *d == 0) return std::nullopt;
        day = *d;
    }
    return checked(*year, month, day);
}

std::optional<Date> parse_slashed(std::string_view s) {
    auto parts = split(s, '/');
    if (parts.size() != 3) return std::nullopt;
    auto day = parse_uint(parts[0], 1, 2);
    auto month = parse_uint(parts[1], 1, 2);
    auto year = parse_uint(parts[2], 4, 4);
    if (!day || !month || !year || *day == 0 || *month == 0) return std::nullopt;
    return checked(*year, *month, *day);
}

// "31 March 2016", "1st Apr 2015", "March 2016", "March 31, 2016", "31 March, 2016".
std::optional<Date> parse_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        if (is_space(s[i]) || s[i] == ',') {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < s.size() && !is_space(s[i]) && s[i] != ',') ++i;
        words.push_back(s.substr(start, i - start));
    }
    std::optional<int> day, month, year;
    if (words.size() == 2) {
        int m = month_from_name(words[0]);
        if (m == 0) return std::nullopt;
        month = m;
        year = parse_uint(words[1], 4, 4);
        day = 0;
    } else if (words.size() == 3) {
        if (int m = month_from_name(words[1]); m != 0) {  // day month year
            month = m;
            day = parse_day(words[0]);
        } else if (int m0 = month_from_name(words[0]); m0 != 0) {  // month day year
            month = m0;
            day = parse_day(words[1]);
        } else {
            return std::nullopt;
        }
        year = parse_uint(words[2], 4, 4);
        if (day && *day == 0) return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!day || !month || !year) return std::nullopt;
    return checked(*year, *month, *day);
}

// Decodes one UTF-8 code point at s[i], advancing i; malformed bytes give U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) {
        ++i;
        return c;
    }
    int len = (c >= 0xF0 && c < 0xF8) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = c & (0x3F >> (len - 1));
    for (int k = 1; k < len; ++k) {
        unsigned char cc = byte(i + static_cast<std::size_t>(k));
        if ((cc & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    i += static_cast<std::size_t>(len);
    return cp;
}

// ASCII letters for a Latin letter with diacritics; "" when there is no simple folding.
std::string_view fold_latin(char32_t cp) {
    // U+00C0 .. U+00FF
    static constexpr std::array<std::string_view, 64> latin1 = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
    };
    if (cp >= 0xC0 && cp <= 0xFF) return latin1[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F) {
        struct Range {
            char32_t first, last;
            std::string_view ascii;
        };
        static constexpr std::array<Range, 23> ranges = {{
            {0x100, 0x105, "a"},  {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
            {0x11C, 0x123, "g"},  {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
            {0x134, 0x135, "j"},  {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
            {0x14C, 0x151, "o"},  {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
            {0x162, 0x167, "t"},  {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
            {0x179, 0x17E, "z"},  {0x17F, 0x17F, "s"}, {0, 0, ""},
        }};
        for (const auto& r : ranges)
            if (cp >= r.first && cp <= r.last) return r.ascii;
    }
    return {};
}

bool is_ascii_punct(unsigned char c) {
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
}

}  // namespace

std::string number(double value, int decimals) {
    if (!std::isfinite(value)) return {};
    return with_sign(format_fixed(value, decimals));
}

std::string percent(double ratio, int decimals) {
    if (!std::isfinite(ratio)) return {};
    return with_sign(format_fixed(ratio, decimals, 2), {}, "%");
}

std::string gbp(double value, int decimals) {
    if (!std::isfinite(value)) return {};
    return with_sign(format_fixed(value, decimals), "\xC2\xA3");
}

std::string change(double current, double previous, int decimals) {
    if (previous == 0 || !std::isfinite(previous) || !std::isfinite(current)) return {};
    double ratio = (current - previous) / std::fabs(previous);
    if (!std::isfinite(ratio)) return {};
    Formatted f = format_fixed(ratio, decimals, 2);
    bool zero = f.magnitude.find_first_not_of("0.,") == std::string::npos;
    std::string out = f.negative ? std::string(kMinus) : zero ? std::string() : std::string("+");
    out += f.magnitude;
    out += '%';
    return out;
}

std::string per(double value, double population, double per, int decimals) {
    if (population == 0) return {};
    double rate = value / population * per;
    if (!std::isfinite(rate)) return {};
    return with_sign(format_fixed(rate, decimals));
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && is_leap_year(year)) return 29;
    return days[static_cast<std::size_t>(month - 1)];
}

std::optional<Date> parse_date(std::string_view text) {
    std::string_view s = trim(text);
    if (s.empty()) return std::nullopt;
    if (s.find('/') != std::string_view::npos) return parse_slashed(s);
    if (is_digit(s[0]) && s.size() >= 4 && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
        (s.size() == 4 || s[4] == '-'))
        return parse_iso(s);
    return parse_words(s);
}

std::string date(const Date& d, DateStyle style) {
    if (!checked(d.year, d.month, d.day)) return {};
    std::string year = std::to_string(d.year);
    if (style == DateStyle::year || d.month == 0) {
        if (style == DateStyle::iso) year.insert(0, 4 - std::min<std::size_t>(4, year.size()), '0');
        return year;
    }
    auto two = [](int n) {
        std::string s = std::to_string(n);
        return n < 10 ? "0" + s : s;
    };
    std::string_view month_name = kMonths[static_cast<std::size_t>(d.month - 1)];
    switch (style) {
    case DateStyle::iso: {
        std::string padded = std::string(4 - std::min<std::size_t>(4, year.size()), '0') + year;
        std::string out = padded + "-" + two(d.month);
        if (d.day != 0) out += "-" + two(d.day);
        return out;
    }
    case DateStyle::month:
        return std::string(month_name) + " " + year;
    case DateStyle::short_: {
        std::string out = d.day != 0 ? std::to_string(d.day) + " " : std::string();
        return out + std::string(month_name.substr(0, 3)) + " " + year;
    }
    case DateStyle::full:
    case DateStyle::year:
    default: {
        std::string out = d.day != 0 ? std::to_string(d.day) + " " : std::string();
        return out + std::string(month_name) + " " + year;
    }
    }
}

std::string date(std::string_view text, DateStyle style) {
    auto parsed = parse_date(text);
    if (!parsed) return {};
    return date(*parsed, style);
}

std::optional<DateStyle> parse_date_style(std::string_view name) {
    if (name == "full") return DateStyle::full;
    if (name == "short") return DateStyle::short_;
    if (name == "month") return DateStyle::month;
    if (name == "year") return DateStyle::year;
    if (name == "iso") return DateStyle::iso;
    return std::nullopt;
}

std::string slug(std::string_view text) {
    std::string out;
    bool pending_hyphen = false;
    auto emit = [&](std::string_view piece) {
        if (pending_hyphen && !out.empty()) out.push_back('-');
        pending_hyphen = false;
        out.append(piece);
    };
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = next_code_point(text, i);
        if (cp < 0x80) {
            char c = static_cast<char>(cp);
            if ((c >= 'a' && c <= 'z') || is_digit(c)) {
                emit(std::string_view(&c, 1));
            } else if (c >= 'A' && c <= 'Z') {
                char l = lower(c);
                emit(std::string_view(&l, 1));
            } else if (c == '\'') {
                // apostrophes vanish
            } else {
                pending_hyphen = true;
            }
        } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
            // typographic apostrophes vanish too
        } else if (cp >= 0x300 && cp <= 0x36F) {
            // combining diacritical marks: the base letter was already emitted
        } else if (auto folded = fold_latin(cp); !folded.empty()) {
            emit(folded);
        } else {
            pending_hyphen = true;
        }
    }
    return out;
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&#34;"; break;
        case '\'': out += "&#39;"; break;
        default: out.push_back(c);
        }
    }
    return out;
}

bool is_safe_url(std::string_view url) {
    // Browsers ignore leading spaces and control characters and tabs/newlines anywhere in a URL
    // ("java\tscript:"), so those are skipped before looking at the scheme.
    std::string scheme;
    for (char c : url) {
        if (static_cast<unsigned char>(c) <= 0x20) continue;
        scheme += lower(c);
        if (c == ':' || scheme.size() >= 16) break;
    }
    if (scheme == "javascript:" || scheme == "vbscript:" || scheme == "file:") return false;
    if (scheme == "data:") {
        std::string rest;
        for (char c : url) {
            if (static_cast<unsigned char>(c) > 0x20) rest += lower(c);
            if (rest.size() >= 16) break;
        }
        // Raster images only, as cmark allows: data:image/svg+xml can carry script.
        return rest.starts_with("data:image/png") || rest.starts_with("data:image/gif") ||
               rest.starts_with("data:image/jpeg") || rest.starts_with("data:image/webp");
    }
    return true;
}

std::string escape_markdown(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    for (char c : text) {
        if (is_ascii_punct(static_cast<unsigned char>(c))) out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

}  // namespace boardpress::format
