#include "components/due_date.hpp"

#include "format/format.hpp"

namespace boardpress::components {

namespace {

std::string_view trim(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n";
    std::size_t first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    std::size_t last = text.find_last_not_of(kSpace);
    return text.substr(first, last - first + 1);
}

std::optional<format::Date> read_date(std::string_view text) {
    if (auto date = format::parse_date(text)) return date;
    if (!text.empty() && text.back() == '.')
        return format::parse_date(trim(text.substr(0, text.size() - 1)));
    return std::nullopt;
}

}  // namespace

DueDate parse_due(std::string_view text) {
    DueDate due;
    std::string_view written = trim(text);
    due.text = std::string(written);
    if (written.empty()) return due;
    std::optional<format::Date> date = read_date(written);
    if (!date) {
        due.precision = DuePrecision::text;
        due.display = due.text;
        return due;
    }
    format::Date end = *date;
    if (end.month == 0) {
        due.precision = DuePrecision::year;
        end.month = 12;
        end.day = 31;
    } else if (end.day == 0) {
        due.precision = DuePrecision::month;
        end.day = format::days_in_month(end.year, end.month);
    } else {
        due.precision = DuePrecision::day;
    }
    due.display = format::date(*date, format::DateStyle::full);
    due.iso = format::date(end, format::DateStyle::iso);
    return due;
}

std::optional<std::string> iso_day(std::string_view text) {
    auto date = format::parse_date(trim(text));
    if (!date || date->day == 0) return std::nullopt;
    return format::date(*date, format::DateStyle::iso);
}

bool due_before(const DueDate& due, std::string_view as_of) {
    // ISO dates of four-digit years compare as text.
    return due.is_date() && !as_of.empty() && due.iso < as_of;
}

}  // namespace boardpress::components
