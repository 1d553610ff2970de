#include "site/fingerprint.hpp"

#include <functional>
#include <string_view>

namespace boardpress::site {

void Fingerprint::mix(const unsigned char* bytes, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
        state_ ^= bytes[i];
        state_ *= 1099511628211ull;
    }
}

Fingerprint& Fingerprint::add(std::uint64_t number) {
    unsigned char bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(number >> (8 * i));
    mix(bytes, sizeof bytes);
    return *this;
}

Fingerprint& Fingerprint::add(std::string_view bytes) {
    add(static_cast<std::uint64_t>(bytes.size()));
    // Long texts (page bodies) through the library's word-at-a-time hash; FNV goes byte by byte.
    if (bytes.size() > 64)
        add(static_cast<std::uint64_t>(std::hash<std::string_view>{}(bytes)));
    else
        mix(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return *this;
}

}  // namespace boardpress::site
