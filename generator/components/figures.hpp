// The format module's functions that components use, behind a header that does not include
// format/format.hpp: its `namespace boardpress::format` clashes with diag's function
// `boardpress::format(const Diagnostic&)`, so no file may include both (diag is everywhere here).
#pragma once

#include <string>
#include <string_view>

namespace boardpress::components::figures {

std::string number(double value, int decimals);
std::string percent(double ratio, int decimals);
std::string gbp(double value, int decimals);
std::string change(double current, double previous, int decimals);
// `style` is one of full, short, month, year, iso (checked by the caller); "" when not a date.
std::string date(std::string_view text, std::string_view style);
bool is_date(std::string_view text);
std::string slug(std::string_view text);
std::string escape_html(std::string_view text);

}  // namespace boardpress::components::figures
