// Text helpers with Python's semantics: UTF-8 code points, case mapping, whitespace, float repr.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardpress::tmpl::text {

// Decodes UTF-8 (invalid bytes decode as U+FFFD, one per byte).
std::u32string decode(std::string_view s);
std::string encode(std::u32string_view s);
void append_utf8(std::string& out, char32_t cp);
std::size_t length(std::string_view s);  // in code points
bool is_ascii(std::string_view s);

char32_t to_lower(char32_t c);
char32_t to_upper(char32_t c);
bool is_space(char32_t c);  // str.isspace
bool is_alpha(char32_t c);
bool is_digit(char32_t c);
bool is_alnum(char32_t c);
bool is_word(char32_t c);  // regex \w
bool is_cased_lower(char32_t c);
bool is_cased_upper(char32_t c);
bool is_printable(char32_t c);  // str.isprintable, for repr

std::string lower(std::string_view s);
std::string upper(std::string_view s);
std::string capitalize(std::string_view s);  // str.capitalize
std::string title(std::string_view s);       // str.title
std::string swapcase(std::string_view s);
bool islower(std::string_view s);
bool isupper(std::string_view s);

// str.strip/lstrip/rstrip; `chars` null means whitespace.
std::string strip(std::string_view s, const std::string* chars, bool left, bool right);
// str.split(): on runs of whitespace when `sep` is null.
std::vector<std::string> split(std::string_view s, const std::string* sep, long maxsplit = -1);
std::vector<std::string> rsplit(std::string_view s, const std::string* sep, long maxsplit = -1);
std::vector<std::string> splitlines(std::string_view s, bool keepends = false);
// The same lines as views into `s`.
std::vector<std::string_view> splitline_views(std::string_view s, bool keepends = false);
// Stops replacing once the result is longer than `limit`, which the caller then rejects: "a" can
// grow by the length of `repl` per character, far past any memory.
std::string replace(std::string_view s, std::string_view old, std::string_view repl,
                    long count = -1, std::size_t limit = std::string::npos);
// Substring index in code points, or -1.
long find(std::string_view s, std::string_view sub, bool reverse = false);
std::size_t count(std::string_view s, std::string_view sub);

// Python's repr() of a float and of a str.
std::string float_repr(double d);
std::string string_repr(std::string_view s);

// Python's int(str) (whitespace, sign, underscores, base prefixes when base is 0 or matching).
std::optional<std::int64_t> parse_int(std::string_view s, int base = 10);
// Python's float(str).
std::optional<double> parse_float(std::string_view s);
// A run of ASCII digits (an index or a width written in a template) as a number; one too large
// for 64 bits is the largest there is, since an index or a width that size is out of range anyway.
std::int64_t parse_digits(std::string_view digits);

}  // namespace boardpress::tmpl::text
