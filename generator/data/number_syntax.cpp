// number_syntax: JSON's number grammar, -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
#include "data/data.hpp"

namespace boardpress::data {

NumberSyntax number_syntax(std::string_view text) {
    std::size_t i = 0;
    auto digits = [&] {
        std::size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        return i - start;
    };
    if (i < text.size() && text[i] == '-') ++i;
    std::size_t whole = i;
    if (digits() == 0 || (text[whole] == '0' && i - whole > 1)) return NumberSyntax::none;
    NumberSyntax syntax = NumberSyntax::integer;
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (digits() == 0) return NumberSyntax::none;
        syntax = NumberSyntax::decimal;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
        if (digits() == 0) return NumberSyntax::none;
        syntax = NumberSyntax::decimal;
    }
    return i == text.size() ? syntax : NumberSyntax::none;
}

}  // namespace boardpress::data
