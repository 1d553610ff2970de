// Writing the output folder so that a failed or interrupted build never leaves a half-written site:
// everything is written into a staging folder beside the output, which is then swapped in at once.
// The site it replaces is kept beside it (`.site.previous`) and becomes the next build's staging
// folder: its record says what each of its files was made from, so the next build writes only
// what changed since then instead of recreating thousands of files.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <thread>

#include "site/build_record.hpp"

namespace boardpress::site {

class StagingFolder {
  public:
    // Prepares a staging folder beside `output`. With `reuse`, the site before the current one is
    // taken as it is when its record (written by `version`) can be trusted; otherwise, or when a
    // killed build left a staging folder, it starts empty.
    StagingFolder(std::filesystem::path output, std::string_view version, bool reuse);
    ~StagingFolder();  // removes the staging folder unless it was committed
    StagingFolder(const StagingFolder&) = delete;
    StagingFolder& operator=(const StagingFolder&) = delete;

    // Puts `bytes` at the site-relative `path` (creating folders; the path must stay inside),
    // unless the staged file there was already made with `made.key`. write() and keep() may be
    // called from several threads at once. `made.size` and `made.mtime` are filled in.
    void write(std::string_view path, std::string_view bytes, OutputRecord made = {});
    // The same for a file made of `pieces`, one after the other.
    void write(std::string_view path, std::span<const std::string_view> pieces,
               OutputRecord made = {});
    // Puts the existing file `from` (the current site's, recorded as `current`) at `path`: a hard
    // link when it can (an unchanged page costs no copy), else a copy; nothing when the staged
    // file is already the same.
    void keep(const std::filesystem::path& from, std::string_view path,
              const OutputRecord& current);
    // Copies a folder's regular files (recursively; symlinks skipped) to the site-relative
    // `path`. Returns the file count.
    std::size_t copy_tree(const std::filesystem::path& from, std::string_view path);
    // Writes the record of everything put, removes what was not, and atomically puts the staged
    // site in place of the output folder.
    void commit();

    const std::filesystem::path& path() const { return staging_; }
    // Files that had to be written or linked (the rest were already right in the staging folder).
    std::size_t files_changed() const { return changed_; }

  private:
    void start_empty();
    void take_previous(std::string_view version);
    bool already_made(const std::string& path, std::uint64_t key, OutputRecord& made);
    void make_parent(const std::filesystem::path& target);
    void remember(std::string path, const OutputRecord& made, bool changed);

    std::filesystem::path output_;
    std::filesystem::path staging_;
    std::filesystem::path previous_;
    std::string version_;
    bool committed_ = false;
    BuildRecord staged_;  // the staging folder's files as checked on disk, when it was reused
    std::mutex mutex_;
    std::set<std::filesystem::path> folders_;  // folders known to exist in the staging folder
    BuildRecord made_;                         // what this build put in
    std::size_t changed_ = 0;
    std::jthread remover_;  // removes an old site that could not be reused
};

}  // namespace boardpress::site
