// Writing the output folder so that a failed or interrupted build never leaves a half-written site:
// everything is written into a staging folder beside the output, which is then swapped in at once.
// The site it replaces is kept beside it (`.site.previous`) and removed by the next build, in the
// background while that build writes, so a small change costs little.
#pragma once

#include <filesystem>
#include <mutex>
#include <set>
#include <string_view>
#include <thread>

namespace boardpress::site {

class StagingFolder {
  public:
    // Creates an empty staging folder beside `output` (removing a stale one from a killed build).
    explicit StagingFolder(std::filesystem::path output);
    ~StagingFolder();  // removes the staging folder unless it was committed
    StagingFolder(const StagingFolder&) = delete;
    StagingFolder& operator=(const StagingFolder&) = delete;

    // Writes `bytes` to the site-relative `path`, creating folders. The path must stay inside.
    // write() and keep() may be called from several threads at once.
    void write(std::string_view path, std::string_view bytes);
    // Puts the existing file `from` at the site-relative `path`: a hard link when it can (an
    // unchanged page costs no copy), else a copy.
    void keep(const std::filesystem::path& from, std::string_view path);
    // Copies a folder's files (recursively) to the site-relative `path`. Returns the file count.
    std::size_t copy_tree(const std::filesystem::path& from, std::string_view path);
    // Atomically puts the staged site in place of the output folder.
    void commit();

    const std::filesystem::path& path() const { return staging_; }

  private:
    void make_parent(const std::filesystem::path& target);

    std::filesystem::path output_;
    std::filesystem::path staging_;
    std::filesystem::path previous_;
    bool committed_ = false;
    std::mutex made_mutex_;
    std::set<std::filesystem::path> made_;  // folders known to exist in the staging folder
    std::jthread remover_;                  // removes the site before the previous one
};

}  // namespace boardpress::site
