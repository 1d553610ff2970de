#include "components/value_format.hpp"

#include <algorithm>

#include "components/dataset.hpp"
#include "components/figures.hpp"

namespace boardpress::components {

const std::vector<std::string>& format_names() {
    static const std::vector<std::string> names = {"number", "percent", "gbp", "date", "text"};
    return names;
}

std::optional<Format> parse_format(std::string_view name) {
    if (name == "number") return Format::number;
    if (name == "percent") return Format::percent;
    if (name == "gbp") return Format::gbp;
    if (name == "date") return Format::date;
    if (name == "text") return Format::text;
    return std::nullopt;
}

const std::vector<std::string>& date_style_names() {
    static const std::vector<std::string> names = {"full", "short", "month", "year", "iso"};
    return names;
}

bool is_numeric(Format format) {
    return format == Format::number || format == Format::percent || format == Format::gbp;
}

std::string format_number(double value, const ValueFormat& how) {
    switch (how.format) {
        case Format::percent:
            return figures::percent(value, how.decimals);
        case Format::gbp:
            return figures::gbp(value, how.decimals);
        default:
            return figures::number(value, how.decimals);
    }
}

std::optional<std::string> format_value(const Json& value, const ValueFormat& how) {
    if (is_numeric(how.format)) {
        auto number = number_of(value);
        if (!number) return std::nullopt;
        return format_number(*number, how);
    }
    if (how.format == Format::date) {
        if (!value.is_string()) return std::nullopt;
        std::string text = figures::date(value.get<std::string>(), how.date_style);
        if (text.empty()) return std::nullopt;
        return text;
    }
    return text_of(value);
}

int default_decimals(Format format, const std::vector<double>& values) {
    int most = 0;
    for (double v : values) most = std::max(most, fraction_digits(v));
    switch (format) {
        case Format::number:
            return std::min(most, 2);
        case Format::percent:
            return std::clamp(most - 2, 0, 1);
        case Format::gbp:
            return most > 0 ? 2 : 0;
        default:
            return 0;
    }
}

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    return figures::is_date(text);
}

}  // namespace boardpress::components
