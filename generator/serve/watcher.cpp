#include "serve/watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "diag/diagnostics.hpp"

namespace fs = std::filesystem;

namespace boardpress::serve {

static constexpr uint32_t file_events = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE |
                                        IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF;

bool is_editor_temporary(const std::string& name) {
    if (name.empty() || name == "4913") return true;
    if (name.front() == '.' || name.front() == '#') return true;  // .x.swp, .#x, #x#
    if (name.back() == '~') return true;
    return name.ends_with(".swp") || name.ends_with(".swx") || name.ends_with(".tmp");
}

Watcher::Watcher(fs::path project_root) : root_(std::move(project_root)) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0)
        throw Error({root_.string(), 0, 0},
                    std::string("cannot watch the project for changes: ") + std::strerror(errno),
                    "raise fs.inotify.max_user_instances, or use `boardpress build`");
    watch_folder(root_);  // boardpress.json, and folders created at the top
    for (const char* folder : {"content", "data", "templates"})
        if (fs::is_directory(root_ / folder)) watch_tree(root_ / folder);
}

Watcher::~Watcher() {
    if (fd_ >= 0) close(fd_);
}

void Watcher::watch_folder(const fs::path& folder) {
    int descriptor = inotify_add_watch(fd_, folder.c_str(), file_events);
    if (descriptor >= 0) folders_[descriptor] = folder;
}

void Watcher::watch_tree(const fs::path& folder) {
    watch_folder(folder);
    std::error_code error;
    for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end;
         it.increment(error)) {
        if (it->is_directory(error) && !it->is_symlink(error)) watch_folder(it->path());
    }
}

std::vector<std::string> Watcher::changes(std::chrono::milliseconds settle) {
    std::vector<std::string> changed;
    alignas(inotify_event) char buffer[16 * 1024];
    auto read_available = [&] {
        for (;;) {
            ssize_t length = read(fd_, buffer, sizeof buffer);
            if (length <= 0) return;
            for (char* at = buffer; at < buffer + length;) {
                auto* event = reinterpret_cast<inotify_event*>(at);
                at += sizeof(inotify_event) + event->len;
                auto folder = folders_.find(event->wd);
                if (folder == folders_.end()) continue;
                if (event->mask & IN_IGNORED) {
                    folders_.erase(folder);
                    continue;
                }
                std::string name = event->len ? std::string(event->name) : std::string();
                fs::path path = name.empty() ? folder->second : folder->second / name;
                if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) {
                    // Only the project's source folders are watched below the top.
                    if (folder->second != root_ || name == "content" || name == "data" ||
                        name == "templates")
                        watch_tree(path);
                }
                if (!name.empty() && is_editor_temporary(name)) continue;
                // At the top only boardpress.json and the source folders count (not site/).
                if (folder->second == root_ && name != "boardpress.json" && name != "content" &&
                    name != "data" && name != "templates")
                    continue;
                changed.push_back(path.lexically_relative(root_).generic_string());
            }
        }
    };
    read_available();
    // An editor's save is a burst of events: wait until it has been quiet for `settle`.
    pollfd wait{fd_, POLLIN, 0};
    while (poll(&wait, 1, static_cast<int>(settle.count())) > 0) read_available();
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    return changed;
}

}  // namespace boardpress::serve
