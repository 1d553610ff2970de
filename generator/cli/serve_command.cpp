#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <chrono>
#include <iostream>

#include "cli/commands.hpp"
#include "serve/server.hpp"
#include "serve/watcher.hpp"
#include "site/site.hpp"

namespace fs = std::filesystem;

namespace boardpress::cli {

namespace {

using Clock = std::chrono::steady_clock;

long milliseconds_since(Clock::time_point start) {
    return static_cast<long>(
        std::chrono::duration<double, std::milli>(Clock::now() - start).count());
}

// Ctrl-C and SIGTERM arrive as a readable descriptor, so the watch loop can end cleanly. They are
// blocked before any thread starts, so no other thread takes them.
class StopSignals {
  public:
    StopSignals() {
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGINT);
        sigaddset(&signals_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
        fd_ = signalfd(-1, &signals_, SFD_CLOEXEC);
    }
    ~StopSignals() {
        if (fd_ >= 0) close(fd_);
        pthread_sigmask(SIG_UNBLOCK, &signals_, nullptr);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;
    int fd() const { return fd_; }

  private:
    sigset_t signals_;
    int fd_ = -1;
};

std::string describe_changes(const std::vector<std::string>& changed) {
    if (changed.empty()) return "";
    std::string words = changed.front();
    if (changed.size() > 1) words += " and " + std::to_string(changed.size() - 1) + " more";
    return " after " + words + " changed";
}

}  // namespace

int serve_command(const Arguments& arguments) {
    site::BuildOptions options;
    int port = 8000;
    bool have_dir = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= arguments.size()) throw std::invalid_argument(argument + " needs a value");
            return arguments[++i];
        };
        if (argument == "--drafts") {
            options.include_drafts = true;
        } else if (argument == "--port" || argument == "-p") {
            const std::string& text = value();
            std::size_t used = 0;
            port = std::stoi(text, &used);
            if (used != text.size() || port < 0 || port > 65535)
                throw std::invalid_argument(
                    "--port takes a number from 1 to 65535 (0: any free port), not `" + text + "`");
        } else if (!argument.empty() && argument[0] != '-' && !have_dir) {
            options.project_root = argument;
            have_dir = true;
        } else {
            std::cerr << "boardpress serve: unknown option `" << argument << "`\n";
            return 2;
        }
    }
    const fs::path root = fs::weakly_canonical(options.project_root);
    if (!fs::is_regular_file(root / "boardpress.json")) {
        std::cerr << "boardpress serve: " << root.string()
                  << " has no boardpress.json: run it in a project folder\n";
        return 1;
    }
    options.project_root = root;
    options.incremental = true;  // what is unchanged since the last build is not made again
    content::SourceCache sources;  // pages whose files did not change are not read again
    options.sources = &sources;
    const fs::path output = root / "site";
    auto started = Clock::now();
    StopSignals stop_signals;

    std::size_t builds = 0;
    std::unique_ptr<serve::Server> server;
    auto rebuild = [&](const std::string& reason) {
        auto start = Clock::now();
        site::BuildResult result = site::build(options);
        ++builds;
        print_diagnostics(result.diagnostics);
        if (result.ok()) {
            std::cout << "built " << result.pages_rendered << " of " << result.pages_written
                      << " pages and " << result.pdfs_rendered << " of " << result.pdfs_written
                      << (result.pdfs_written == 1 ? " PDF" : " PDFs") << reason << " in "
                      << milliseconds_since(start) << " ms" << std::endl;
            if (server) server->publish_success();
        } else {
            std::cout << "build failed" << reason << ": the errors are above and in the browser"
                      << std::endl;
            if (server) server->publish_failure(result.diagnostics);
        }
        return result;
    };

    site::BuildResult first = rebuild("");
    try {
        server = std::make_unique<serve::Server>(output, port);
    } catch (const Error& error) {
        Diagnostics problem;
        problem.add(error);
        print_diagnostics(problem);
        return 1;
    }
    if (!first.ok()) server->publish_failure(first.diagnostics);
    serve::Watcher watcher(root);
    std::cout << "serving " << output.string() << " at http://127.0.0.1:" << server->port()
              << "/ (only this computer can see it); watching content/, data/ and templates/. "
                 "Ctrl-C stops."
              << std::endl;

    for (;;) {
        pollfd waits[2] = {{watcher.fd(), POLLIN, 0}, {stop_signals.fd(), POLLIN, 0}};
        if (poll(waits, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (waits[1].revents & POLLIN) break;
        if (waits[0].revents & POLLIN) {
            std::vector<std::string> changed = watcher.changes(std::chrono::milliseconds(30));
            if (!changed.empty()) rebuild(describe_changes(changed));
        }
    }
    std::size_t requests = server->requests();
    server.reset();
    std::cout << "\nserved " << requests << (requests == 1 ? " request" : " requests")
              << " and built " << builds << (builds == 1 ? " time" : " times") << " in "
              << milliseconds_since(started) / 1000 << " s" << std::endl;
    return 0;
}

}  // namespace boardpress::cli
