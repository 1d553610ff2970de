#include <catch2/catch.hpp>

#include <clocale>
#include <cmath>
#include <limits>
#include <locale>

#include "format/format.hpp"

using namespace boardpress::format;

namespace {
const std::string M = "\xE2\x88\x92";  // U+2212 MINUS SIGN
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

TEST_CASE("number: grouping and the header's examples", "[format][number]") {
    CHECK(number(12345.678) == "12,346");
    CHECK(number(0) == "0");
    CHECK(number(1) == "1");
    CHECK(number(12) == "12");
    CHECK(number(123) == "123");
    CHECK(number(999) == "999");
    CHECK(number(1000) == "1,000");
    CHECK(number(12345) == "12,345");
    CHECK(number(123456) == "123,456");
    CHECK(number(1234567) == "1,234,567");
    CHECK(number(-1234) == M + "1,234");
    CHECK(number(-1) == M + "1");
    CHECK(number(1e9) == "1,000,000,000");
    CHECK(number(-1e9) == M + "1,000,000,000");
}

TEST_CASE("number: decimals", "[format][number]") {
    CHECK(number(1234.5, 2) == "1,234.50");
    CHECK(number(0.5, 2) == "0.50");
    CHECK(number(0, 2) == "0.00");
    CHECK(number(0.05, 1) == "0.1");
    CHECK(number(0.04, 1) == "0.0");
    CHECK(number(3.14159, 3) == "3.142");
    CHECK(number(-3.14159, 3) == M + "3.142");
    CHECK(number(1e-7, 2) == "0.00");
    CHECK(number(0.001, 3) == "0.001");
    CHECK(number(0.0001, 3) == "0.000");
    CHECK(number(0.0005, 3) == "0.001");
    CHECK(number(1234567.891, 1) == "1,234,567.9");
    CHECK(number(12, 5) == "12.00000");
}

TEST_CASE("number: halves round away from zero", "[format][number]") {
    CHECK(number(0.5) == "1");
    CHECK(number(1.5) == "2");
    CHECK(number(2.5) == "3");  // not banker's rounding
    CHECK(number(-0.5) == M + "1");
    CHECK(number(-2.5) == M + "3");
    CHECK(number(999.5) == "1,000");
    CHECK(number(999.4) == "999");
    CHECK(number(-999.5) == M + "1,000");
    CHECK(number(999999.5) == "1,000,000");
    CHECK(number(9.995, 2) == "10.00");
    // The shortest decimal form is rounded, not the binary double (2.67499999...).
    CHECK(number(2.675, 2) == "2.68");
    CHECK(number(1.005, 2) == "1.01");
    CHECK(number(0.125, 2) == "0.13");
    CHECK(number(-0.125, 2) == M + "0.13");
    CHECK(number(0.49999999999999994) == "0");
}

TEST_CASE("number: zero and negative zero have no sign", "[format][number]") {
    CHECK(number(-0.0) == "0");
    CHECK(number(-0.0, 2) == "0.00");
    CHECK(number(-0.4) == "0");
    CHECK(number(-0.004, 2) == "0.00");
    CHECK(number(-0.005, 2) == M + "0.01");
    CHECK(number(-1e-300) == "0");
}

TEST_CASE("number: large and tiny values", "[format][number]") {
    CHECK(number(1e15) == "1,000,000,000,000,000");
    CHECK(number(1e20) == "100,000,000,000,000,000,000");
    CHECK(number(123456789012.0) == "123,456,789,012");
    CHECK(number(9007199254740993.0) == "9,007,199,254,740,992");  // nearest double
    CHECK(number(1.5e300).size() == 301 + 100);  // 301 digits, 100 commas
    CHECK(number(1.5e300).substr(0, 6) == "1,500,");
    CHECK(number(std::numeric_limits<double>::max()).substr(0, 7) == "179,769");
    CHECK(number(std::numeric_limits<double>::denorm_min(), 2) == "0.00");
    CHECK(number(2147483648.0) == "2,147,483,648");
}

TEST_CASE("number: non-finite values give empty strings", "[format][number]") {
    CHECK(number(kNaN).empty());
    CHECK(number(kInf).empty());
    CHECK(number(-kInf, 2).empty());
    CHECK(percent(kNaN).empty());
    CHECK(gbp(kInf).empty());
    CHECK(per(kNaN, 100).empty());
    CHECK(change(kNaN, 100).empty());
    CHECK(change(100, kNaN).empty());
}

TEST_CASE("number: decimals out of range are clamped", "[format][number]") {
    CHECK(number(1.5, -3) == "2");
    CHECK(number(1.25, 100) == "1." + std::string("25") + std::string(28, '0'));
}

TEST_CASE("number: independent of the global locale", "[format][number]") {
    // Try a locale with a comma decimal point; skip quietly when none is installed.
    const char* chosen = nullptr;
    for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8"}) {
        if (std::setlocale(LC_ALL, name)) {
            chosen = name;
            break;
        }
    }
    CHECK(number(1234.5, 2) == "1,234.50");
    CHECK(percent(0.6322, 1) == "63.2%");
    CHECK(gbp(1234.5, 2) == "\xC2\xA3" "1,234.50");
    std::setlocale(LC_ALL, "C");
    (void)chosen;
}

TEST_CASE("percent", "[format][percent]") {
    CHECK(percent(0.6322) == "63%");
    CHECK(percent(0.6322, 1) == "63.2%");
    CHECK(percent(0) == "0%");
    CHECK(percent(1) == "100%");
    CHECK(percent(1.5) == "150%");
    CHECK(percent(12.345) == "1,235%");
    CHECK(percent(-0.1) == M + "10%");
    CHECK(percent(0.145) == "15%");   // 14.5 rounds away from zero
    CHECK(percent(0.005) == "1%");
    CHECK(percent(0.004) == "0%");
    CHECK(percent(-0.004) == "0%");
    CHECK(percent(0.07, 2) == "7.00%");
    CHECK(percent(0.123456, 3) == "12.346%");
}

TEST_CASE("gbp", "[format][gbp]") {
    const std::string P = "\xC2\xA3";
    CHECK(gbp(1234.5) == P + "1,235");
    CHECK(gbp(1234.5, 2) == P + "1,234.50");
    CHECK(gbp(-500) == M + P + "500");
    CHECK(gbp(-1500) == M + P + "1,500");
    CHECK(gbp(0) == P + "0");
    CHECK(gbp(-0.2) == P + "0");
    CHECK(gbp(0.5) == P + "1");
    CHECK(gbp(1e9) == P + "1,000,000,000");
    CHECK(gbp(-12.345, 2) == M + P + "12.35");
    CHECK(gbp(99.999, 2) == P + "100.00");
}

TEST_CASE("change", "[format][change]") {
    CHECK(change(145, 100) == "+45%");
    CHECK(change(90, 100) == M + "10%");
    CHECK(change(100, 100) == "0%");
    CHECK(change(100, 0).empty());
    CHECK(change(0, 100) == M + "100%");
    CHECK(change(300, 100) == "+200%");
    CHECK(change(100.1, 100) == "0%");      // rounds to zero: no sign
    CHECK(change(99.9, 100) == "0%");
    CHECK(change(100.1, 100, 1) == "+0.1%");
    CHECK(change(1, 3, 1) == M + "66.7%");
    CHECK(change(1, 8) == M + "88%");       // -87.5 rounds away from zero
    CHECK(change(2, 1, 2) == "+100.00%");
    CHECK(change(1234, 1) == "+123,300%");
    // Against a negative base the sign follows the direction of travel.
    CHECK(change(-50, -100) == "+50%");
    CHECK(change(-150, -100) == M + "50%");
}

TEST_CASE("per", "[format][per]") {
    CHECK(per(387, 1275000, 10000, 1) == "3.0");
    CHECK(per(387, 1275500) == "3.0");
    CHECK(per(0, 1000) == "0.0");
    CHECK(per(5, 1000, 1000, 0) == "5");
    CHECK(per(1, 3, 100, 2) == "33.33");
    CHECK(per(2, 3, 100, 2) == "66.67");
    CHECK(per(10, 0).empty());
    CHECK(per(1500000, 1, 1, 0) == "1,500,000");
    CHECK(per(-5, 1000, 1000, 1) == M + "5.0");
}

TEST_CASE("is_leap_year and days_in_month", "[format][date]") {
    CHECK(is_leap_year(2016));
    CHECK(is_leap_year(2000));
    CHECK_FALSE(is_leap_year(1900));
    CHECK_FALSE(is_leap_year(2015));
    CHECK(days_in_month(2016, 2) == 29);
    CHECK(days_in_month(2015, 2) == 28);
    CHECK(days_in_month(2015, 4) == 30);
    CHECK(days_in_month(2015, 12) == 31);
    CHECK(days_in_month(2015, 0) == 0);
    CHECK(days_in_month(2015, 13) == 0);
}

namespace {
void check_date(std::string_view text, int y, int m, int d) {
    INFO("parsing \"" << std::string(text) << "\"");
    auto parsed = parse_date(text);
    REQUIRE(parsed.has_value());
    CHECK(parsed->year == y);
    CHECK(parsed->month == m);
    CHECK(parsed->day == d);
}
void check_invalid(std::string_view text) {
    INFO("parsing \"" << std::string(text) << "\"");
    CHECK_FALSE(parse_date(text).has_value());
}
}  // namespace

TEST_CASE("parse_date: ISO forms", "[format][date]") {
    check_date("2016-03-31", 2016, 3, 31);
    check_date("2016-03", 2016, 3, 0);
    check_date("2016", 2016, 0, 0);
    check_date("2016-3-1", 2016, 3, 1);
    check_date("  2016-03-31\n", 2016, 3, 31);
    check_date("2016-03-31T09:30:00Z", 2016, 3, 31);
    check_date("2016-03-31T09:30", 2016, 3, 31);
    check_date("2016-03-31 09:30:00+01:00", 2016, 3, 31);
    check_date("0001-01-01", 1, 1, 1);
}

TEST_CASE("parse_date: written forms", "[format][date]") {
    check_date("31 March 2016", 2016, 3, 31);
    check_date("March 2016", 2016, 3, 0);
    check_date("1 march 2016", 2016, 3, 1);
    check_date("1 MARCH 2016", 2016, 3, 1);
    check_date("Mar 2016", 2016, 3, 0);
    check_date("31 Mar 2016", 2016, 3, 31);
    check_date("31 Mar. 2016", 2016, 3, 31);
    check_date("Sept 2016", 2016, 9, 0);
    check_date("1 Sep 2016", 2016, 9, 1);
    check_date("1st April 2015", 2015, 4, 1);
    check_date("2nd April 2015", 2015, 4, 2);
    check_date("3rd April 2015", 2015, 4, 3);
    check_date("4th April 2015", 2015, 4, 4);
    check_date("21st June 2015", 2015, 6, 21);
    check_date("22nd June 2015", 2015, 6, 22);
    check_date("23rd June 2015", 2015, 6, 23);
    check_date("11th June 2015", 2015, 6, 11);
    check_date("1ST April 2015", 2015, 4, 1);
    check_date("March 31, 2016", 2016, 3, 31);
    check_date("March 31 2016", 2016, 3, 31);
    check_date("31 March, 2016", 2016, 3, 31);
    check_date("  31   December   2016  ", 2016, 12, 31);
    check_date("05 January 2017", 2017, 1, 5);
    for (int m = 1; m <= 12; ++m) {
        static const char* names[] = {"January", "February", "March",     "April",
                                      "May",     "June",     "July",      "August",
                                      "September", "October", "November", "December"};
        check_date(std::string("1 ") + names[m - 1] + " 2020", 2020, m, 1);
        check_date(std::string("1 ") + std::string(names[m - 1]).substr(0, 3) + " 2020", 2020,
                   m, 1);
    }
}

TEST_CASE("parse_date: UK numeric form", "[format][date]") {
    check_date("31/03/2016", 2016, 3, 31);
    check_date("1/3/2016", 2016, 3, 1);
    check_date("01/12/2016", 2016, 12, 1);
    check_invalid("03/31/2016");  // American order: month 31
    check_invalid("31/03/16");    // two-digit years are ambiguous
    check_invalid("31/03");
    check_invalid("0/03/2016");
}

TEST_CASE("parse_date: impossible and malformed dates", "[format][date]") {
    check_invalid("2015-02-30");
    check_invalid("2015-02-29");  // not a leap year
    check_date("2016-02-29", 2016, 2, 29);
    check_date("2000-02-29", 2000, 2, 29);
    check_invalid("1900-02-29");
    check_invalid("29 February 2015");
    check_date("29 February 2016", 2016, 2, 29);
    check_invalid("29/02/2015");
    check_invalid("2016-04-31");
    check_invalid("31 April 2016");
    check_invalid("2016-13");
    check_invalid("2016-00");
    check_invalid("2016-01-00");
    check_invalid("2016-01-32");
    check_invalid("0000");
    check_invalid("");
    check_invalid("   ");
    check_invalid("yesterday");
    check_invalid("2016-03-31-01");
    check_invalid("2016-03-31T");
    check_invalid("2016-03-31 junk");
    check_invalid("20160331");
    check_invalid("16-03-31");
    check_invalid("2016-");
    check_invalid("2016-003");
    check_invalid("32 March 2016");
    check_invalid("0 March 2016");
    check_invalid("Marchy 2016");
    check_invalid("Ma 2016");
    check_invalid("March");
    check_invalid("31 March");
    check_invalid("March 16");
    check_invalid("1st April 2015 extra");
    check_invalid("1xx April 2015");
    check_invalid("2014-15");  // a financial year is not a month
}

TEST_CASE("date styles", "[format][date]") {
    Date d{2017, 3, 1};
    CHECK(date(d) == "1 March 2017");
    CHECK(date(d, DateStyle::full) == "1 March 2017");
    CHECK(date(d, DateStyle::short_) == "1 Mar 2017");
    CHECK(date(d, DateStyle::month) == "March 2017");
    CHECK(date(d, DateStyle::year) == "2017");
    CHECK(date(d, DateStyle::iso) == "2017-03-01");
    CHECK(date(Date{2016, 9, 30}, DateStyle::short_) == "30 Sep 2016");
    CHECK(date(Date{2016, 12, 25}, DateStyle::iso) == "2016-12-25");
}

TEST_CASE("date styles on partial dates", "[format][date]") {
    Date m{2017, 3, 0};
    CHECK(date(m) == "March 2017");
    CHECK(date(m, DateStyle::short_) == "Mar 2017");
    CHECK(date(m, DateStyle::month) == "March 2017");
    CHECK(date(m, DateStyle::year) == "2017");
    CHECK(date(m, DateStyle::iso) == "2017-03");
    Date y{2017, 0, 0};
    CHECK(date(y) == "2017");
    CHECK(date(y, DateStyle::short_) == "2017");
    CHECK(date(y, DateStyle::month) == "2017");
    CHECK(date(y, DateStyle::year) == "2017");
    CHECK(date(y, DateStyle::iso) == "2017");
    CHECK(date(Date{999, 1, 2}, DateStyle::iso) == "0999-01-02");
}

TEST_CASE("date of an invalid Date is empty", "[format][date]") {
    CHECK(date(Date{}).empty());
    CHECK(date(Date{2017, 13, 1}).empty());
    CHECK(date(Date{2017, 2, 29}).empty());
    CHECK(date(Date{2017, 0, 5}).empty());
}

TEST_CASE("date from text", "[format][date]") {
    CHECK(date("2017-03-01") == "1 March 2017");
    CHECK(date("2017-03-01", DateStyle::short_) == "1 Mar 2017");
    CHECK(date("1st April 2015", DateStyle::iso) == "2015-04-01");
    CHECK(date("31/03/2016", DateStyle::full) == "31 March 2016");
    CHECK(date("Mar 2016") == "March 2016");
    CHECK(date("2016", DateStyle::month) == "2016");
    CHECK(date("2015-02-30").empty());
    CHECK(date("not a date").empty());
    CHECK(date(std::string("2017-03-01"), DateStyle::month) == "March 2017");
    CHECK(date({2017, 3, 1}) == "1 March 2017");
    // Round trip through every style that keeps the day.
    for (std::string_view text : {"2016-02-29", "2015-12-31", "2000-01-01"}) {
        CHECK(date(date(text, DateStyle::full), DateStyle::iso) == text);
        CHECK(date(date(text, DateStyle::short_), DateStyle::iso) == text);
    }
}

TEST_CASE("parse_date_style", "[format][date]") {
    CHECK(parse_date_style("full") == DateStyle::full);
    CHECK(parse_date_style("short") == DateStyle::short_);
    CHECK(parse_date_style("month") == DateStyle::month);
    CHECK(parse_date_style("year") == DateStyle::year);
    CHECK(parse_date_style("iso") == DateStyle::iso);
    CHECK_FALSE(parse_date_style("long").has_value());
    CHECK_FALSE(parse_date_style("").has_value());
    CHECK_FALSE(parse_date_style("short_").has_value());
}

TEST_CASE("slug", "[format][slug]") {
    CHECK(slug("Keeping Children Safe!") == "keeping-children-safe");
    CHECK(slug("Keeping safe") == "keeping-safe");
    CHECK(slug("") == "");
    CHECK(slug("!!!") == "");
    CHECK(slug("  Leading and trailing  ") == "leading-and-trailing");
    CHECK(slug("a -- b") == "a-b");
    CHECK(slug("Annual Report 2014/15") == "annual-report-2014-15");
    CHECK(slug("2014\xE2\x80\x93" "15") == "2014-15");  // en dash
    CHECK(slug("Children's Services") == "childrens-services");
    CHECK(slug("Children\xE2\x80\x99s Services") == "childrens-services");
    CHECK(slug("Caf\xC3\xA9 na\xC3\xAFve") == "cafe-naive");
    CHECK(slug("Cafe\xCC\x81") == "cafe");  // combining acute accent
    CHECK(slug("\xC3\x86sop \xC3\x9F \xC5\x92uvre") == "aesop-ss-oeuvre");
    CHECK(slug("\xC5\x81\xC3\xB3" "d\xC5\xBA") == "lodz");
    CHECK(slug("\xC2\xA3" "5m budget") == "5m-budget");
    CHECK(slug("\xE6\x97\xA5\xE6\x9C\xAC report") == "report");
    CHECK(slug("Q&A") == "q-a");
    CHECK(slug("already-a-slug") == "already-a-slug");
    CHECK(slug("snake_case_name") == "snake-case-name");
    CHECK(slug("\xFF\xFE broken") == "broken");  // malformed UTF-8 is a separator
}

TEST_CASE("escape_html matches markupsafe", "[format][escape]") {
    CHECK(escape_html("") == "");
    CHECK(escape_html("plain text") == "plain text");
    CHECK(escape_html("<script>alert('x')</script>") ==
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    CHECK(escape_html("a & b") == "a &amp; b");
    CHECK(escape_html("&amp;") == "&amp;amp;");
    CHECK(escape_html("say \"hi\"") == "say &#34;hi&#34;");
    CHECK(escape_html("\xC2\xA3 \xE2\x80\x93 \xE2\x80\x9Cquotes\xE2\x80\x9D \xC3\xA9") ==
          "\xC2\xA3 \xE2\x80\x93 \xE2\x80\x9Cquotes\xE2\x80\x9D \xC3\xA9");
    CHECK(escape_html("`=/") == "`=/");
}

TEST_CASE("escape_markdown", "[format][escape]") {
    CHECK(escape_markdown("") == "");
    CHECK(escape_markdown("plain text 123") == "plain text 123");
    CHECK(escape_markdown("*bold* _em_") == "\\*bold\\* \\_em\\_");
    CHECK(escape_markdown("# Heading") == "\\# Heading");
    CHECK(escape_markdown("[link](http://x)") == "\\[link\\]\\(http\\:\\/\\/x\\)");
    CHECK(escape_markdown("<b>") == "\\<b\\>");
    CHECK(escape_markdown("1. item") == "1\\. item");
    CHECK(escape_markdown("a\\b") == "a\\\\b");
    CHECK(escape_markdown("\xC2\xA3" "5 \xE2\x80\x93 \xC3\xA9") == "\xC2\xA3" "5 \xE2\x80\x93 \xC3\xA9");
    std::string all = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    std::string expected;
    for (char c : all) {
        expected.push_back('\\');
        expected.push_back(c);
    }
    CHECK(escape_markdown(all) == expected);
    CHECK(escape_markdown("line one\nline two") == "line one\nline two");
}

TEST_CASE("is_safe_url refuses addresses that run script, as browsers read them", "[format][url]") {
    CHECK(is_safe_url("about.html"));
    CHECK(is_safe_url("../a/b.html#x"));
    CHECK(is_safe_url("https://example.org/"));
    CHECK(is_safe_url("mailto:board@example.org"));
    CHECK(is_safe_url("javascript.html"));  // a relative path, not a scheme
    CHECK(is_safe_url("data:image/png;base64,AAAA"));
    CHECK_FALSE(is_safe_url("javascript:alert(1)"));
    CHECK_FALSE(is_safe_url("JaVaScRiPt:alert(1)"));
    CHECK_FALSE(is_safe_url(" \x01\tjava\nscr\tipt:alert(1)"));  // browsers drop these
    CHECK_FALSE(is_safe_url("vbscript:msgbox"));
    CHECK_FALSE(is_safe_url("file:///etc/passwd"));
    CHECK_FALSE(is_safe_url("data:text/html,<script>alert(1)</script>"));
    CHECK_FALSE(is_safe_url("data:image/svg+xml,<svg onload=alert(1)>"));
}
