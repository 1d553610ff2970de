// What the HTML writers' tests share.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace test_html {

// How many times `needle` occurs in `text`, overlapping ones included.
inline std::size_t count(const std::string& text, std::string_view needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace test_html
