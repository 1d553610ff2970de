#include "html/component_text.hpp"

#include "components/figures.hpp"

namespace boardpress::html {

void append_text(std::string_view value, std::string& out) {
    out += components::figures::escape_html(value);
}

void append_marked(std::string_view mark, std::string_view words, std::string& out) {
    out += "<span aria-hidden=\"true\">";
    append_text(mark, out);
    out += "</span><span class=\"visually-hidden\">";
    append_text(words, out);
    out += "</span>";
}

}  // namespace boardpress::html
