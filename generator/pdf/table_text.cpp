#include "pdf/table_text.hpp"

#include <string>

namespace boardpress::pdf {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool strip_prefix(std::string_view& text, std::string_view prefix) {
    if (text.substr(0, prefix.size()) != prefix) return false;
    text.remove_prefix(prefix.size());
    return true;
}

bool strip_suffix(std::string_view& text, std::string_view suffix) {
    if (text.size() < suffix.size() || text.substr(text.size() - suffix.size()) != suffix)
        return false;
    text.remove_suffix(suffix.size());
    return true;
}

}  // namespace

bool looks_numeric(std::string_view text) {
    text = trim(text);
    for (bool again = true; again;)
        again = strip_prefix(text, "-") || strip_prefix(text, "+") || strip_prefix(text, "(") ||
                strip_prefix(text, "\xE2\x88\x92") || strip_prefix(text, "\xE2\x80\x93") ||
                strip_prefix(text, "\xC2\xA3") || strip_prefix(text, "$") ||
                strip_prefix(text, "\xE2\x82\xAC");
    for (bool again = true; again;)
        again = strip_suffix(text, "%") || strip_suffix(text, ")") || strip_suffix(text, "k") ||
                strip_suffix(text, "m") || strip_suffix(text, "bn") || strip_suffix(text, "*");
    bool digit = false;
    for (char c : text) {
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c != ',' && c != '.')
            return false;
    }
    return digit;
}

bool is_blank_cell(std::string_view text) {
    text = trim(text);
    return text.empty() || text == "-" || text == "\xE2\x80\x93" || text == "\xE2\x80\x94" ||
           text == "n/a" || text == "N/A" || text == "*";
}

}  // namespace boardpress::pdf
