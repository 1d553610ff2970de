// What the fuzz targets share: a scratch folder made once at start-up (for templates that
// `include` files), and an optional leading byte that picks a target's options, so a seed of
// plain text runs with the defaults and the fuzzer can still reach the other settings.
//
// Every target catches boardpress::Error only: any other exception escapes to libFuzzer, which
// reports it (with the input) like a crash, a sanitizer report or a timeout.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

#include <unistd.h>

namespace boardpress::fuzz {

// A folder below the system's temporary folder, named for this process, removed when the
// fuzzer exits normally (a crashing run leaves it behind for inspection).
class ScratchFolder {
  public:
    explicit ScratchFolder(std::string_view name)
        : path_(std::filesystem::temp_directory_path() /
                ("boardpress-fuzz-" + std::string(name) + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    void write(const std::string& relative, std::string_view text) const {
        std::filesystem::create_directories((path_ / relative).parent_path());
        std::ofstream(path_ / relative, std::ios::binary) << text;
    }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// The input's text and the option bits chosen by its first byte when that byte is 0x01-0x07
// (not text any seed starts with); otherwise all of the input is text and the bits are 0.
struct Input {
    unsigned options = 0;
    std::string_view text;
};

inline Input split_options(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!text.empty() && text[0] >= 0x01 && text[0] <= 0x07)
        return {static_cast<unsigned>(text[0]), text.substr(1)};
    return {0, text};
}

}  // namespace boardpress::fuzz
