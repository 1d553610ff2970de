#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "serve/server.hpp"

namespace fs = std::filesystem;
using boardpress::serve::Server;

namespace {

int connect_to(int port) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    timeval timeout{10, 0};
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    return s;
}

void send_text(int s, std::string_view text) {
    REQUIRE(send(s, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size()));
}

std::string answer(int s) {
    std::string all;
    char buffer[4096];
    ssize_t got;
    while ((got = recv(s, buffer, sizeof buffer, 0)) > 0) all.append(buffer, got);
    close(s);
    return all;
}

fs::path make_server_site() {
    fs::path site = fs::temp_directory_path() / "bp-serve-server-site";
    fs::remove_all(site);
    fs::create_directories(site);
    std::ofstream(site / "index.html") << "<body>home</body>";
    return site;
}

}  // namespace

TEST_CASE("slow clients hold no worker: others are answered at once", "[serve]") {
    Server server(make_server_site(), 0);
    // More slow connections than the server has workers: silent ones, and ones whose request
    // head never ends (each would have held a worker while it trickled in).
    std::vector<int> slow;
    for (int i = 0; i < 24; ++i) {
        slow.push_back(connect_to(server.port()));
        if (i % 2) send_text(slow.back(), "GET /index.html HTTP/1.1\r\nX-Slow: ");
    }
    auto start = std::chrono::steady_clock::now();
    int client = connect_to(server.port());
    send_text(client, "GET /index.html HTTP/1.1\r\n\r\n");
    std::string reply = answer(client);
    auto took = std::chrono::steady_clock::now() - start;
    CHECK(reply.starts_with("HTTP/1.1 200 OK\r\n"));
    CHECK(reply.find("home") != std::string::npos);
    CHECK(took < std::chrono::seconds(1));

    // A request that arrives in pieces is served once it is whole.
    int pieces = connect_to(server.port());
    send_text(pieces, "GET /index");
    send_text(pieces, ".html HTTP/1.1\r\n");
    send_text(pieces, "\r\n");
    std::string whole = answer(pieces);
    INFO(whole);
    CHECK(whole.starts_with("HTTP/1.1 200 OK\r\n"));
    for (int s : slow) close(s);
}

TEST_CASE("a request head that is too large is refused", "[serve]") {
    Server server(make_server_site(), 0);
    int client = connect_to(server.port());
    send_text(client, "GET / HTTP/1.1\r\nX-Big: " + std::string(9000, 'a'));
    CHECK(answer(client).starts_with("HTTP/1.1 431 "));
}
