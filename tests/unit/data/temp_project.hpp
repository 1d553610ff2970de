// A throw-away project folder for reader tests, removed when the test ends.
#pragma once

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

namespace boardpress::testing {

class TempProject {
public:
    TempProject() {
        static std::atomic<int> counter{0};
        std::random_device random;
        root_ = std::filesystem::temp_directory_path() /
                ("boardpress-test-" + std::to_string(random()) + "-" +
                 std::to_string(counter++));
        std::filesystem::create_directories(root_);
    }
    ~TempProject() {
        std::error_code ignored;
        std::filesystem::remove_all(root_, ignored);
    }
    TempProject(const TempProject&) = delete;
    TempProject& operator=(const TempProject&) = delete;

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path operator/(const std::string& relative) const { return root_ / relative; }

    // Writes `bytes` exactly (no newline translation) to ROOT/relative, making folders.
    std::filesystem::path write(const std::string& relative, std::string_view bytes) const {
        auto path = root_ / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream out(path, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return path;
    }

    void mkdir(const std::string& relative) const {
        std::filesystem::create_directories(root_ / relative);
    }

private:
    std::filesystem::path root_;
};

}  // namespace boardpress::testing
