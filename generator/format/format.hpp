// Formatting of numbers, money, dates and text the way UK public bodies print them. Pure functions:
// the template engine's domain filters and the components (tables, charts) all call these.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace boardpress::format {

// 12345.678 -> "12,346"; decimals fixed; negatives with U+2212 MINUS SIGN ("−1,234").
// Halves round away from zero. Non-finite values give "".
// Rounding works on the shortest decimal form of the double (the digits a JSON file would hold),
// so 2.675 -> "2.68" and 999.5 -> "1,000"; a value that rounds to zero prints with no sign.
// Independent of the C/C++ locale. decimals is clamped to 0-30.
std::string number(double value, int decimals = 0);

// A ratio as a percentage: 0.6322 -> "63%", (0.6322, 1) -> "63.2%".
std::string percent(double ratio, int decimals = 0);

// Pounds sterling: 1234.5 -> "£1,235"; (1234.5, 2) -> "£1,234.50"; -500 -> "−£500".
std::string gbp(double value, int decimals = 0);

// Signed percentage change from `previous` to `current`: (145, 100) -> "+45%", (90, 100) -> "−10%",
// (100, 100) -> "0%". Empty when previous is 0. The change is (current - previous) / |previous|, so
// the sign always says whether the value went up; a change that rounds to zero has no sign.
std::string change(double current, double previous, int decimals = 0);

// Rate per `per` of a population: (387, 1275000, 10000, 1) -> "3.0".
std::string per(double value, double population, double per = 10000, int decimals = 1);

struct Date {
    int year = 0;
    int month = 0;  // 1-12, 0 when only a year is known
    int day = 0;    // 1-31, 0 when only a month is known
};

// Accepts "2016-03-31", "2016-03", "2016", "31 March 2016", "March 2016", "31/03/2016".
// Also: ordinal days ("1st April 2015"), abbreviated and any-case month names ("Mar 2016",
// "Sept 2016", "31 mar. 2016"), "March 31, 2016", and an ISO date followed by a time
// ("2016-03-31T09:00:00Z", the time is ignored). Surrounding whitespace is ignored. Years have four
// digits. Impossible dates ("2015-02-30", "2016-13") give nullopt.
std::optional<Date> parse_date(std::string_view text);

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 when month is not 1-12

enum class DateStyle {
    full,   // "1 March 2017" (or "March 2017" / "2017" for partial dates)
    short_, // "1 Mar 2017"
    month,  // "March 2017"
    year,   // "2017"
    iso,    // "2017-03-01"
};
// An invalid Date (year < 1 or > 9999, month or day out of range) gives "".
std::string date(const Date& date, DateStyle style = DateStyle::full);
// Convenience: parse_date then date(); "" when `text` is not a date parse_date accepts.
std::string date(std::string_view text, DateStyle style = DateStyle::full);
std::optional<DateStyle> parse_date_style(std::string_view name);  // "full", "short", ...

// "Keeping Children Safe!" -> "keeping-children-safe"; accents folded where simple, else dropped.
// Apostrophes (' and U+2019) vanish ("Children's" -> "childrens"); every other run of characters
// that are not ASCII letters or digits becomes one hyphen, none at either end.
std::string slug(std::string_view text);

// HTML escaping exactly as markupsafe does it: & < > " ' -> &amp; &lt; &gt; &#34; &#39;
std::string escape_html(std::string_view text);

// False for addresses that run script or open local files when followed: javascript:, vbscript:,
// file: and data: (except data:image/png, gif, jpeg and webp), ignoring case, leading blanks and
// embedded tabs/newlines ("Java\tScript:"), as browsers do. The one rule for every address a
// project writes: Markdown links and images, and boardpress.json's navigation.
bool is_safe_url(std::string_view url);

// Makes text literal inside CommonMark: backslash-escapes every ASCII punctuation character, so a
// data value can never become emphasis, a link, a heading or raw HTML.
std::string escape_markdown(std::string_view text);

}  // namespace boardpress::format
