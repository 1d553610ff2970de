// UTF-8 decoding and face helpers (declarations of utf8.cpp).
#pragma once

#include <cstddef>
#include <string_view>

#include "pdf/style.hpp"

namespace boardpress::pdf {

// Bytes in the UTF-8 sequence starting at text[i]; 1 for an invalid or truncated sequence.
std::size_t utf8_length(std::string_view text, std::size_t i);
// The code point starting at text[i]; U+FFFD for an invalid byte.
char32_t utf8_decode(std::string_view text, std::size_t i);

Face with_bold(Face face);
Face with_italic(Face face);

}  // namespace boardpress::pdf
