#include "site/output.hpp"

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace fs = std::filesystem;

namespace boardpress::site {

static fs::path sibling(const fs::path& output, std::string_view suffix) {
    return output.parent_path() / ("." + output.filename().string() + std::string(suffix));
}

StagingFolder::StagingFolder(fs::path output)
    : output_(std::move(output)),
      staging_(sibling(output_, ".staging")),
      previous_(sibling(output_, ".previous")) {
    fs::remove_all(staging_);  // left by a killed build
    if (fs::exists(previous_)) {
        fs::path trash = sibling(output_, ".trash");
        fs::remove_all(trash);  // left by a build killed while removing it
        fs::rename(previous_, trash);
        remover_ = std::jthread([trash] {
            std::error_code ignored;
            fs::remove_all(trash, ignored);
        });
    }
    fs::create_directories(staging_);
    made_.insert(staging_);
}

StagingFolder::~StagingFolder() {
    std::error_code ignored;
    if (!committed_) fs::remove_all(staging_, ignored);
}

void StagingFolder::make_parent(const fs::path& target) {
    fs::path parent = target.parent_path();
    std::lock_guard lock(made_mutex_);
    if (made_.contains(parent)) return;
    fs::create_directories(parent);
    for (; parent != staging_ && !parent.empty(); parent = parent.parent_path())
        made_.insert(parent);
}

// Site-relative paths come from file names under content/ and templates/assets/; refuse anything
// that could land outside the staging folder all the same.
static fs::path inside(const fs::path& base, std::string_view relative) {
    fs::path path = fs::path(relative).lexically_normal();
    if (path.empty() || path.is_absolute() || *path.begin() == "..")
        throw std::runtime_error("refusing to write outside the site: " + std::string(relative));
    return base / path;
}

void StagingFolder::write(std::string_view path, std::string_view bytes) {
    fs::path target = inside(staging_, path);
    make_parent(target);
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + target.string());
}

void StagingFolder::keep(const fs::path& from, std::string_view path) {
    fs::path target = inside(staging_, path);
    make_parent(target);
    std::error_code error;
    fs::create_hard_link(from, target, error);
    if (error) fs::copy_file(from, target, fs::copy_options::overwrite_existing);
}

std::size_t StagingFolder::copy_tree(const fs::path& from, std::string_view path) {
    if (!fs::is_directory(from)) return 0;
    fs::path target = inside(staging_, path);
    std::size_t count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(from)) {
        // Symlinks are skipped: they could point anywhere on the machine.
        if (entry.is_symlink() || !entry.is_regular_file()) continue;
        fs::path destination = target / fs::relative(entry.path(), from);
        fs::create_directories(destination.parent_path());
        fs::copy_file(entry.path(), destination, fs::copy_options::overwrite_existing);
        ++count;
    }
    return count;
}

void StagingFolder::commit() {
    if (fs::exists(output_)) {
        // One atomic exchange: at every instant either the old or the new site is in place.
        if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, output_.c_str(), RENAME_EXCHANGE) != 0)
            throw std::runtime_error("cannot replace " + output_.string() + ": " +
                                     std::strerror(errno));
        committed_ = true;
        // The staging folder now holds the previous site: the next build removes it.
        std::error_code ignored;
        fs::rename(staging_, previous_, ignored);
        if (ignored) fs::remove_all(staging_, ignored);
    } else {
        fs::rename(staging_, output_);
        committed_ = true;
    }
}

}  // namespace boardpress::site
