#include "pdf/image_size.hpp"

#include <fstream>
#include <iterator>
#include <vector>

namespace boardpress::pdf {

namespace {

unsigned byte_at(const std::vector<char>& data, std::size_t i) {
    return i < data.size() ? static_cast<unsigned char>(data[i]) : 0;
}
unsigned be16(const std::vector<char>& data, std::size_t i) {
    return byte_at(data, i) << 8 | byte_at(data, i + 1);
}
unsigned be32(const std::vector<char>& data, std::size_t i) {
    return be16(data, i) << 16 | be16(data, i + 2);
}

}  // namespace

std::optional<ImageSize> read_image_size(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::vector<char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.size() > 24 && be32(data, 0) == 0x89504E47 && be32(data, 12) == 0x49484452)
        return ImageSize{ImageType::png, static_cast<int>(be32(data, 16)),
                         static_cast<int>(be32(data, 20))};
    if (be16(data, 0) != 0xFFD8) return std::nullopt;
    // JPEG: walk the segments to the first start-of-frame marker.
    std::size_t i = 2;
    while (i + 9 < data.size()) {
        if (byte_at(data, i) != 0xFF) return std::nullopt;
        unsigned marker = byte_at(data, i + 1);
        if (marker == 0xFF) {
            ++i;
            continue;
        }
        unsigned length = be16(data, i + 2);
        bool sof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof)
            return ImageSize{ImageType::jpeg, static_cast<int>(be16(data, i + 7)),
                             static_cast<int>(be16(data, i + 5))};
        i += 2 + length;
    }
    return std::nullopt;
}

}  // namespace boardpress::pdf
