// Repairing text that is UTF-8 but for a few Latin-1 bytes (see utf8_from_latin1_bytes).
#include "data/data.hpp"

namespace boardpress::data {

std::string utf8_from_latin1_bytes(std::string_view text) {
    std::string out;
    while (std::optional<std::size_t> bad = find_invalid_utf8(text)) {
        out.append(text.substr(0, *bad));
        auto byte = static_cast<unsigned char>(text[*bad]);
        out += static_cast<char>(0xC0 | (byte >> 6));
        out += static_cast<char>(0x80 | (byte & 0x3F));
        text.remove_prefix(*bad + 1);
    }
    out.append(text);
    return out;
}

}  // namespace boardpress::data
