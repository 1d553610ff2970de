// What a table cell's text looks like: numbers are right-aligned.
#pragma once

#include <string_view>

namespace boardpress::pdf {

// "1,234", "-5.2%", "£253,047", "(1,200)", "+3", "−4" (minus sign), "12k".
bool looks_numeric(std::string_view text);
// "", "–", "—", "-", "n/a", "*" : a gap in a column of numbers.
bool is_blank_cell(std::string_view text);

}  // namespace boardpress::pdf
