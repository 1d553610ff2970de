// ToUnicode CMaps: how a PDF reader turns a font's character codes back into text (copy, search,
// pdftotext). libharu 2.3's own ToUnicode stream for UTF-8 fonts is an encoding CMap
// ("begincidrange"), which readers reject; this writes a correct one.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace boardpress::pdf {

// A ToUnicode CMap for 2-byte codes (Identity-H): each pair maps a code to a Unicode code point
// (written as UTF-16BE, so code points past U+FFFF work). Consecutive codes with consecutive code
// points in one 256-block become bfrange entries, the rest bfchar; at most 100 per section. The
// pairs must be sorted by code, without repeats.
std::string to_unicode_cmap(const std::vector<std::pair<std::uint16_t, char32_t>>& codes);

}  // namespace boardpress::pdf
