#include "serve/server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>

#include "serve/live_reload.hpp"
#include "serve/request_path.hpp"

namespace fs = std::filesystem;

namespace boardpress::serve {

namespace {

constexpr std::size_t max_request_bytes = 8 * 1024;
// Beyond these, connections are refused (503): they bound the descriptors a burst can take.
constexpr std::size_t max_reading = 256;  // connections whose request is still arriving
constexpr std::size_t max_waiting = 256;  // requests read and not yet served
constexpr std::size_t max_streams = 256;  // open live-reload event streams
// For the whole request head, however slowly it trickles in (slowloris).
constexpr auto head_time_limit = std::chrono::seconds(5);
constexpr int workers = 8;

using Clock = std::chrono::steady_clock;

bool send_all(int socket, std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t sent = send(socket, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
}

std::string status_text(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 400:
            return "Bad Request";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 408:
            return "Request Timeout";
        case 414:
            return "URI Too Long";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Error";
    }
}

void respond(int client, int status, const std::string& type, std::string_view body,
             bool head_only = false) {
    std::ostringstream header;
    header << "HTTP/1.1 " << status << ' ' << status_text(status) << "\r\n"
           << "Content-Type: " << type << "\r\n"
           << "Content-Length: " << body.size() << "\r\n"
           << "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
           << "Connection: close\r\n\r\n";
    if (send_all(client, header.str()) && !head_only) send_all(client, body);
}

std::optional<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

// A connection whose request head is still arriving. Heads are read by the accepting thread for
// every connection at once (non-blocking), so a client that sends slowly or not at all holds no
// worker: workers only ever get complete requests.
struct Reading {
    int socket;
    std::string head;
    Clock::time_point deadline;
};

void set_blocking(int socket) {
    int flags = fcntl(socket, F_GETFL);
    fcntl(socket, F_SETFL, flags & ~O_NONBLOCK);
}

}  // namespace

Server::Server(fs::path site_root, int port) : site_root_(std::move(site_root)) {
    listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int yes = 1;
    setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // never reachable from other machines
    if (listener_ < 0 ||
        bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        listen(listener_, 64) != 0) {
        std::string reason = std::strerror(errno);
        if (listener_ >= 0) close(listener_);
        throw Error(
            {"127.0.0.1:" + std::to_string(port), 0, 0},
            "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + reason,
            "another program may be using the port: try `--port " + std::to_string(port + 1) + "`");
    }
    socklen_t length = sizeof address;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);

    threads_.emplace_back([this](std::stop_token stop) { accept_connections(stop); });
    threads_.emplace_back([this](std::stop_token stop) { keep_streams_alive(stop); });
    for (int i = 0; i < workers; ++i)
        threads_.emplace_back([this](std::stop_token stop) { serve_connections(stop); });
}

Server::~Server() {
    for (auto& thread : threads_) thread.request_stop();
    work_ready_.notify_all();
    threads_.clear();  // joins
    close(listener_);
    for (const auto& [socket, head] : waiting_) close(socket);
    for (int socket : streams_) close(socket);
}

void Server::accept_connections(std::stop_token stop) {
    std::vector<Reading> reading;
    std::vector<pollfd> polled;
    const std::string text = "text/plain; charset=utf-8";
    auto refuse = [&](int client, int status, std::string_view body) {
        respond(client, status, text, body);  // best effort: a short answer fits the buffer
        close(client);
    };
    while (!stop.stop_requested()) {
        polled.assign(1, pollfd{listener_, POLLIN, 0});
        Clock::time_point now = Clock::now();
        auto wait = std::chrono::milliseconds(100);
        for (const Reading& r : reading) {
            polled.push_back({r.socket, POLLIN, 0});
            wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(r.deadline - now));
        }
        int ready =
            poll(polled.data(), polled.size(), static_cast<int>(std::max<long>(wait.count(), 0)));
        if (ready < 0) continue;

        // Reading before accepting, while `polled` still lines up with `reading`.
        std::vector<bool> done(reading.size(), false);
        for (std::size_t i = 0; i < reading.size(); ++i) {
            if (!polled[i + 1].revents) continue;
            Reading& r = reading[i];
            char buffer[4096];
            ssize_t got;
            while ((got = recv(r.socket, buffer, sizeof buffer, 0)) > 0) {
                r.head.append(buffer, static_cast<std::size_t>(got));
                if (r.head.size() > max_request_bytes + 4) break;
            }
            std::size_t end = r.head.find("\r\n\r\n");
            if ((end == std::string::npos ? r.head.size() : end) > max_request_bytes) {
                refuse(r.socket, 431, "request too large\n");
                done[i] = true;
            } else if (end != std::string::npos) {
                r.head.resize(end);
                set_blocking(r.socket);
                std::unique_lock lock(mutex_);
                if (waiting_.size() >= max_waiting) {
                    lock.unlock();
                    refuse(r.socket, 503, "busy: try again\n");
                } else {
                    waiting_.push_back({r.socket, std::move(r.head)});
                    lock.unlock();
                    work_ready_.notify_one();
                }
                done[i] = true;
            } else if (got == 0 ||
                       (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                close(r.socket);  // gone before finishing its request
                done[i] = true;
            }
        }
        now = Clock::now();
        for (std::size_t i = 0; i < reading.size(); ++i) {
            if (!done[i] && now >= reading[i].deadline) {
                refuse(reading[i].socket, 408, "request too slow\n");
                done[i] = true;
            }
        }
        std::size_t kept = 0;
        for (std::size_t i = 0; i < reading.size(); ++i) {
            if (done[i]) continue;
            if (kept != i) reading[kept] = std::move(reading[i]);  // a self-move would empty it
            ++kept;
        }
        reading.resize(kept);

        if (!(polled[0].revents & POLLIN)) continue;
        int client = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (client < 0) {
            // Out of descriptors: the listener stays readable, so wait rather than spin.
            if (errno == EMFILE || errno == ENFILE)
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;
        }
        ++requests_;
        timeval timeout{5, 0};  // a client that does not read its answer holds a worker no longer
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        if (reading.size() >= max_reading) {
            refuse(client, 503, "busy: try again\n");
            continue;
        }
        reading.push_back({client, {}, Clock::now() + head_time_limit});
    }
    for (const Reading& r : reading) close(r.socket);
}

void Server::serve_connections(std::stop_token stop) {
    for (;;) {
        std::unique_lock lock(mutex_);
        if (!work_ready_.wait(lock, stop, [this] { return !waiting_.empty(); })) return;
        auto [client, head] = std::move(waiting_.front());
        waiting_.pop_front();
        lock.unlock();
        handle(client, head);
    }
}

// Event streams are written to rarely; a comment now and then finds the closed ones.
void Server::keep_streams_alive(std::stop_token stop) {
    std::mutex sleeper;
    std::condition_variable_any wake;
    while (!stop.stop_requested()) {
        std::unique_lock lock(sleeper);
        wake.wait_for(lock, stop, std::chrono::seconds(10), [] { return false; });
        if (!stop.stop_requested()) send_to_streams(": still here\n\n");
    }
}

void Server::send_to_streams(const std::string& message) {
    std::lock_guard lock(mutex_);
    std::erase_if(streams_, [&](int socket) {
        if (send_all(socket, message)) return false;
        close(socket);
        return true;
    });
}

void Server::publish_success() {
    std::uint64_t generation;
    {
        std::lock_guard lock(mutex_);
        error_page_.reset();
        generation = ++generation_;
    }
    send_to_streams("data: " + std::to_string(generation) + "\n\n");
}

void Server::publish_failure(const Diagnostics& diagnostics) {
    std::uint64_t generation;
    {
        std::lock_guard lock(mutex_);
        error_page_ = build_error_page(diagnostics);
        generation = ++generation_;
    }
    send_to_streams("data: " + std::to_string(generation) + "\n\n");
}

void Server::handle(int client, const std::string& head) {
    std::istringstream line(head.substr(0, head.find("\r\n")));
    std::string method, target, version;
    line >> method >> target >> version;
    const std::string text = "text/plain; charset=utf-8";
    if (method.empty() || target.empty() || !version.starts_with("HTTP/1.")) {
        respond(client, 400, text, "bad request\n");
    } else if (method != "GET" && method != "HEAD") {
        respond(client, 405, text, "only GET and HEAD\n");
    } else if (target.size() > 2048) {
        respond(client, 414, text, "address too long\n");
    } else if (target.substr(0, target.find('?')) == events_path) {
        std::unique_lock lock(mutex_);
        if (streams_.size() >= max_streams) {
            lock.unlock();
            respond(client, 503, text, "too many open tabs\n");
            close(client);
            return;
        }
        std::string hello =
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
            "Connection: keep-alive\r\n\r\nretry: 500\ndata: " +
            std::to_string(generation_) + "\n\n";
        if (send_all(client, hello)) {
            streams_.push_back(client);  // kept open; written to after each build
            return;
        }
    } else {
        bool head_only = method == "HEAD";
        std::optional<std::string> error_page;
        {
            std::lock_guard lock(mutex_);
            error_page = error_page_;
        }
        std::optional<fs::path> file = resolve_request(site_root_, target);
        bool is_page = !file || file->extension() == ".html";
        std::optional<std::string> bytes = file ? read_file(*file) : std::nullopt;
        if (error_page && is_page) {
            respond(client, 500, "text/html; charset=utf-8", *error_page, head_only);
        } else if (bytes) {
            std::string type = content_type(*file);
            if (file->extension() == ".html")
                respond(client, 200, type, with_reload_script(*bytes), head_only);
            else
                respond(client, 200, type, *bytes, head_only);
        } else if (auto not_found = read_file(site_root_ / "404.html")) {
            respond(client, 404, "text/html; charset=utf-8", with_reload_script(*not_found),
                    head_only);
        } else {
            respond(client, 404, text, "not found\n", head_only);
        }
    }
    close(client);
}

}  // namespace boardpress::serve
