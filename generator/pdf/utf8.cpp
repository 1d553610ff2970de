#include "pdf/utf8.hpp"

#include "pdf/style.hpp"

namespace boardpress::pdf {

std::size_t utf8_length(std::string_view text, std::size_t i) {
    auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 1;
    if (i + length > text.size()) return 1;
    for (std::size_t k = 1; k < length; ++k)
        if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
    return length;
}

char32_t utf8_decode(std::string_view text, std::size_t i) {
    std::size_t length = utf8_length(text, i);
    auto byte = [&](std::size_t k) {
        return static_cast<char32_t>(static_cast<unsigned char>(text[i + k]));
    };
    if (length == 1) return byte(0) < 0x80 ? byte(0) : 0xFFFD;
    char32_t code = byte(0) & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (byte(k) & 0x3F);
    return code;
}

Face with_bold(Face face) {
    switch (face) {
        case Face::regular:
            return Face::bold;
        case Face::italic:
            return Face::bold_italic;
        case Face::mono:
            return Face::mono_bold;
        default:
            return face;
    }
}

Face with_italic(Face face) {
    switch (face) {
        case Face::regular:
            return Face::italic;
        case Face::bold:
            return Face::bold_italic;
        default:
            return face;  // Liberation Mono italic is not loaded: code stays upright
    }
}

}  // namespace boardpress::pdf
