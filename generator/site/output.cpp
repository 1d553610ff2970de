#include "site/output.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include <climits>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "data/data.hpp"
#include "site/fingerprint.hpp"

namespace fs = std::filesystem;

namespace boardpress::site {

static fs::path sibling(const fs::path& output, std::string_view suffix) {
    return output.parent_path() / ("." + output.filename().string() + std::string(suffix));
}

StagingFolder::StagingFolder(fs::path output, std::string_view version, bool reuse)
    : output_(std::move(output)),
      staging_(sibling(output_, ".staging")),
      previous_(sibling(output_, ".previous")),
      version_(version) {
    // A staging folder left by a killed build holds who knows what: never reused.
    fs::remove_all(staging_);
    if (reuse && fs::exists(previous_))
        take_previous(version);
    else
        start_empty();
}

StagingFolder::~StagingFolder() {
    std::error_code ignored;
    if (!committed_) fs::remove_all(staging_, ignored);
}

void StagingFolder::start_empty() {
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
    folders_.insert(staging_);
}

// The previous site becomes the staging folder (one rename, so a build killed from here on leaves
// a staging folder, which the next build throws away). Only files its record describes, still the
// size and age they were written with, are kept; anything else in it is removed.
void StagingFolder::take_previous(std::string_view version) {
    std::optional<BuildRecord> record = read_record(previous_, version);
    if (!record) {
        start_empty();
        return;
    }
    fs::rename(previous_, staging_);
    folders_.insert(staging_);
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(staging_, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        const fs::path& file = it->path();
        if (it->is_directory() && !it->is_symlink()) {
            folders_.insert(file);
            continue;
        }
        std::string relative = file.lexically_relative(staging_).generic_string();
        auto recorded = record->outputs.find(relative);
        auto stamp = file_stamp(file);
        if (recorded != record->outputs.end() && relative != record_file_name && stamp &&
            stamp->size == recorded->second.size && stamp->mtime == recorded->second.mtime)
            staged_.outputs.insert(*recorded);
        else
            fs::remove(file);
    }
    if (error)
        throw std::runtime_error("cannot read " + staging_.string() + ": " + error.message());
}

void StagingFolder::make_parent(const fs::path& target) {
    fs::path parent = target.parent_path();
    std::lock_guard lock(mutex_);
    if (folders_.contains(parent)) return;
    fs::create_directories(parent);
    for (; parent != staging_ && !parent.empty(); parent = parent.parent_path())
        folders_.insert(parent);
}

// Site-relative paths come from file names under content/ and templates/assets/; refuse anything
// that could land outside the staging folder all the same.
static fs::path inside(const fs::path& base, std::string_view relative) {
    fs::path path = fs::path(relative).lexically_normal();
    if (path.empty() || path.is_absolute() || *path.begin() == "..")
        throw std::runtime_error("refusing to write outside the site: " + std::string(relative));
    return base / path;
}

// True (with `made` completed) when the staged file at `path` was made with `key`: nothing to do.
bool StagingFolder::already_made(const std::string& path, std::uint64_t key, OutputRecord& made) {
    auto staged = staged_.outputs.find(path);
    if (staged == staged_.outputs.end() || staged->second.key != key) return false;
    made.size = staged->second.size;
    made.mtime = staged->second.mtime;
    return true;
}

void StagingFolder::remember(std::string path, const OutputRecord& made, bool changed) {
    std::lock_guard lock(mutex_);
    made_.outputs[std::move(path)] = made;
    if (changed) ++changed_;
}

// A staged file may be a hard link shared with the current site: it is replaced, never
// written into.
static void remove_file(const fs::path& target) {
    if (::unlink(target.c_str()) != 0 && errno != ENOENT)
        throw std::runtime_error("cannot replace " + target.string() + ": " + std::strerror(errno));
}

// Creates `target` (which must not exist) holding `pieces`, one after the other.
static FileStamp create_file(const fs::path& target, std::span<const std::string_view> pieces) {
    int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    auto fail = [&](int error) {
        return std::runtime_error("cannot write " + target.string() + ": " + std::strerror(error));
    };
    if (fd < 0) throw fail(errno);
    // Up to IOV_MAX pieces a call; a short write resumes inside a piece.
    std::vector<iovec> vectors;
    for (std::string_view piece : pieces)
        if (!piece.empty()) vectors.push_back({const_cast<char*>(piece.data()), piece.size()});
    for (std::size_t next = 0; next < vectors.size();) {
        int count = static_cast<int>(std::min<std::size_t>(vectors.size() - next, IOV_MAX));
        ssize_t n = ::writev(fd, vectors.data() + next, count);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int error = n < 0 ? errno : EIO;
            ::close(fd);
            throw fail(error);
        }
        for (auto done = static_cast<std::size_t>(n); done > 0;) {
            iovec& first = vectors[next];
            std::size_t taken = std::min(done, first.iov_len);
            first.iov_base = static_cast<char*>(first.iov_base) + taken;
            first.iov_len -= taken;
            done -= taken;
            if (first.iov_len == 0) ++next;
        }
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        int error = errno;
        ::close(fd);
        throw fail(error);
    }
    if (::close(fd) != 0) throw fail(errno);
    return {static_cast<std::uintmax_t>(info.st_size),
            static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

void StagingFolder::write(std::string_view path, std::string_view bytes, OutputRecord made) {
    write(path, std::span<const std::string_view>(&bytes, 1), made);
}

void StagingFolder::write(std::string_view path, std::span<const std::string_view> pieces,
                          OutputRecord made) {
    fs::path target = inside(staging_, path);
    std::string relative = fs::path(path).lexically_normal().generic_string();
    if (already_made(relative, made.key, made)) {
        remember(std::move(relative), made, false);
        return;
    }
    make_parent(target);
    remove_file(target);
    FileStamp stamp = create_file(target, pieces);
    made.size = stamp.size;
    made.mtime = stamp.mtime;
    remember(std::move(relative), made, true);
}

void StagingFolder::keep(const fs::path& from, std::string_view path, const OutputRecord& current) {
    fs::path target = inside(staging_, path);
    std::string relative = fs::path(path).lexically_normal().generic_string();
    OutputRecord made = current;
    if (already_made(relative, current.key, made)) {
        remember(std::move(relative), made, false);
        return;
    }
    make_parent(target);
    remove_file(target);
    std::error_code error;
    fs::create_hard_link(from, target, error);
    if (error) fs::copy_file(from, target, fs::copy_options::overwrite_existing);
    auto stamp = file_stamp(target);
    if (!stamp) throw std::runtime_error("cannot write " + target.string());
    made.size = stamp->size;
    made.mtime = stamp->mtime;
    remember(std::move(relative), made, true);
}

std::size_t StagingFolder::copy_tree(const fs::path& from, std::string_view path) {
    if (!fs::is_directory(from)) return 0;
    std::size_t count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(from)) {
        // Symlinks are skipped: they could point anywhere on the machine.
        if (entry.is_symlink() || !entry.is_regular_file()) continue;
        std::string bytes = data::read_file(entry.path(), entry.path().string());
        fs::path destination = fs::path(path) / fs::relative(entry.path(), from);
        write(destination.generic_string(), bytes, {.key = Fingerprint().add(bytes).value()});
        ++count;
    }
    return count;
}

void StagingFolder::commit() {
    // What the reused folder held and this build did not make goes, then any folder left empty.
    for (const auto& [path, recorded] : staged_.outputs)
        if (!made_.outputs.contains(path)) remove_file(staging_ / path);
    std::vector<fs::path> folders(folders_.begin(), folders_.end());
    std::sort(folders.begin(), folders.end(), [](const fs::path& a, const fs::path& b) {
        return a.native().size() > b.native().size();  // deepest first
    });
    for (const fs::path& folder : folders)
        if (folder != staging_) ::rmdir(folder.c_str());  // fails, as it should, unless empty

    fs::path record = staging_ / record_file_name;
    remove_file(record);
    std::string record_bytes = record_text(made_, version_);
    std::string_view record_view = record_bytes;
    create_file(record, std::span<const std::string_view>(&record_view, 1));

    if (fs::exists(output_)) {
        // One atomic exchange: at every instant either the old or the new site is in place.
        if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, output_.c_str(), RENAME_EXCHANGE) != 0)
            throw std::runtime_error("cannot replace " + output_.string() + ": " +
                                     std::strerror(errno));
        committed_ = true;
        // The staging folder now holds the previous site: the next build starts from it.
        std::error_code ignored;
        fs::rename(staging_, previous_, ignored);
        if (ignored) fs::remove_all(staging_, ignored);
    } else {
        fs::rename(staging_, output_);
        committed_ = true;
    }
}

}  // namespace boardpress::site
