#include "components/figures.hpp"

#include "format/format.hpp"

namespace boardpress::components::figures {

std::string number(double value, int decimals) {
    return format::number(value, decimals);
}
std::string percent(double ratio, int decimals) {
    return format::percent(ratio, decimals);
}
std::string gbp(double value, int decimals) {
    return format::gbp(value, decimals);
}
std::string change(double current, double previous, int decimals) {
    return format::change(current, previous, decimals);
}
std::string date(std::string_view text, std::string_view style) {
    return format::date(text, format::parse_date_style(style).value_or(format::DateStyle::full));
}
bool is_date(std::string_view text) {
    return format::parse_date(text).has_value();
}
std::string slug(std::string_view text) {
    return format::slug(text);
}
std::string escape_html(std::string_view text) {
    return format::escape_html(text);
}

}  // namespace boardpress::components::figures
