// Text in component markup, shared by the component writers: escaped, and marks ("–", "*", "●")
// that screen readers skip for the words that say what they stand for.
#pragma once

#include <string>
#include <string_view>

namespace boardpress::html {

// Appends `value` escaped for HTML text and attributes.
void append_text(std::string_view value, std::string& out);

// A mark for sighted readers only; screen readers read `words` instead.
void append_marked(std::string_view mark, std::string_view words, std::string& out);

}  // namespace boardpress::html
