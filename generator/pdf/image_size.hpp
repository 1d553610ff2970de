// Pixel sizes of PNG and JPEG files from their headers, so layout can size images before libharu
// loads them.
#pragma once

#include <optional>
#include <string>

namespace boardpress::pdf {

enum class ImageType { png, jpeg };
struct ImageSize {
    ImageType type = ImageType::png;
    int width = 0, height = 0;
};

// nullopt when the file cannot be read or is neither PNG nor JPEG.
std::optional<ImageSize> read_image_size(const std::string& path);

}  // namespace boardpress::pdf
