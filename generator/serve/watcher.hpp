// Watches a project's sources (boardpress.json, content/, data/, templates/) for changes with
// inotify, including folders created later.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace boardpress::serve {

class Watcher {
  public:
    explicit Watcher(std::filesystem::path project_root);  // throws boardpress::Error
    ~Watcher();
    Watcher(const Watcher&) = delete;
    Watcher& operator=(const Watcher&) = delete;

    // The descriptor to poll for readability.
    int fd() const { return fd_; }

    // Reads what changed since the last call: project-relative paths, each once, editors'
    // temporary files left out. Call when fd() is readable; waits `settle` for a burst of events
    // (an editor's save is several) to finish.
    std::vector<std::string> changes(std::chrono::milliseconds settle);

  private:
    void watch_tree(const std::filesystem::path& folder);
    void watch_folder(const std::filesystem::path& folder);

    std::filesystem::path root_;
    int fd_ = -1;
    std::map<int, std::filesystem::path> folders_;  // watch descriptor -> folder
};

// True for the files editors write beside the real one while saving (".x.swp", "x~", "4913").
bool is_editor_temporary(const std::string& name);

}  // namespace boardpress::serve
