// How a component shows one value: the `format`, `decimals` and `date_style` options shared by
// tables, stats and charts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "components/context.hpp"

namespace boardpress::components {

enum class Format { number, percent, gbp, date, text };

const std::vector<std::string>& format_names();  // "number", "percent", "gbp", "date", "text"
std::optional<Format> parse_format(std::string_view name);
bool is_numeric(Format format);  // number, percent, gbp
const std::vector<std::string>& date_style_names();

struct ValueFormat {
    Format format = Format::text;
    int decimals = 0;
    std::string date_style = "full";  // full, short, month, year, iso (date_style_names)
};

// A number shown in a numeric format (percent takes a ratio: 0.63 -> "63%").
std::string format_number(double value, const ValueFormat& how);

// Any value: numbers through format_number, dates through format::date, text as it is.
// nullopt when the value does not fit the format (text where a number is needed, not a date).
std::optional<std::string> format_value(const Json& value, const ValueFormat& how);

// Decimals to use when the options give none, from the values themselves: number keeps up to 2
// of the digits the data has, percent up to 1 (0.6322 -> 63.2%), gbp 2 when there are pence.
int default_decimals(Format format, const std::vector<double>& values);

// True for an ISO date "YYYY-MM-DD" that is a real date: such text columns show as dates.
bool is_iso_date(std::string_view text);

}  // namespace boardpress::components
