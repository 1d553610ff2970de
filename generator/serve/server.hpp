// The preview server of `boardpress serve`: serves the built site on 127.0.0.1 only, adds a
// live-reload script to pages, and shows the errors of a failed build in place of pages.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "diag/diagnostics.hpp"

namespace boardpress::serve {

class Server {
  public:
    // Listens on 127.0.0.1:`port` (0: any free port). Throws boardpress::Error when it cannot.
    Server(std::filesystem::path site_root, int port);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    int port() const { return port_; }
    std::size_t requests() const { return requests_; }

    // After each build: open tabs reload, to the new pages or to the build's errors.
    void publish_success();
    void publish_failure(const Diagnostics& diagnostics);

  private:
    void accept_connections(std::stop_token stop);
    void serve_connections(std::stop_token stop);
    void keep_streams_alive(std::stop_token stop);
    void handle(int client, const std::string& head);
    void send_to_streams(const std::string& message);

    std::filesystem::path site_root_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<std::size_t> requests_{0};

    std::mutex mutex_;  // guards everything below
    std::condition_variable_any work_ready_;
    std::deque<std::pair<int, std::string>> waiting_;  // requests read, not yet served
    std::vector<int> streams_;               // open event streams (live reload)
    std::uint64_t generation_ = 1;           // counts builds
    std::optional<std::string> error_page_;  // set while the last build failed

    std::vector<std::jthread> threads_;  // last: they stop before the members above go
};

}  // namespace boardpress::serve
