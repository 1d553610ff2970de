// A file mapped read-only into memory: the last build's search index is read as views into it,
// with no copy (it holds every page's words, as large as all the Markdown).
#pragma once

#include <filesystem>
#include <string_view>

namespace boardpress::site {

class MappedFile {
  public:
    MappedFile() = default;
    explicit MappedFile(const std::filesystem::path& path);  // empty when it cannot be read
    ~MappedFile();
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::string_view text() const { return {static_cast<const char*>(data_), size_}; }

  private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace boardpress::site
