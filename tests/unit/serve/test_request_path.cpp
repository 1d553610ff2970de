#include <catch2/catch.hpp>

#include <fstream>

#include "serve/request_path.hpp"

namespace fs = std::filesystem;
using boardpress::serve::content_type;
using boardpress::serve::percent_decode;
using boardpress::serve::resolve_request;

// A site folder with a page, a nested index, a hidden file, and a secret beside the site.
static fs::path make_request_site() {
    fs::path base = fs::temp_directory_path() / "bp-serve-site";
    fs::remove_all(base);
    fs::create_directories(base / "site/report");
    std::ofstream(base / "site/index.html") << "home";
    std::ofstream(base / "site/report/index.html") << "report";
    std::ofstream(base / "site/a b.html") << "space";
    std::ofstream(base / "site/.hidden") << "hidden";
    std::ofstream(base / "secret.txt") << "secret";
    fs::create_symlink(base / "secret.txt", base / "site/link.txt");
    return base / "site";
}

TEST_CASE("percent-decoding refuses bad escapes and NUL", "[serve]") {
    CHECK(percent_decode("a%20b") == "a b");
    CHECK(percent_decode("%2e%2E") == "..");
    CHECK_FALSE(percent_decode("%2"));
    CHECK_FALSE(percent_decode("%zz"));
    CHECK_FALSE(percent_decode("a%00b"));
}

TEST_CASE("requests map to files inside the site only", "[serve]") {
    fs::path site = make_request_site();
    fs::path root = fs::canonical(site);
    CHECK(resolve_request(site, "/") == root / "index.html");
    CHECK(resolve_request(site, "/report/") == root / "report/index.html");
    CHECK(resolve_request(site, "/report") == root / "report/index.html");
    CHECK(resolve_request(site, "/a%20b.html?x=1#top") == root / "a b.html");
    CHECK(resolve_request(site, "//index.html") == root / "index.html");

    CHECK_FALSE(resolve_request(site, "/../secret.txt"));
    CHECK_FALSE(resolve_request(site, "/%2e%2e/secret.txt"));
    CHECK_FALSE(resolve_request(site, "/report/..%2f..%2fsecret.txt"));
    CHECK_FALSE(resolve_request(site, "/..\\secret.txt"));
    CHECK_FALSE(resolve_request(site, "/.hidden"));
    CHECK_FALSE(resolve_request(site, "/link.txt"));  // a link leading out of the site
    CHECK_FALSE(resolve_request(site, "/missing.html"));
    CHECK_FALSE(resolve_request(site, "index.html"));  // not an absolute path
    CHECK_FALSE(resolve_request(site, "/" + std::string(3000, 'a')));
}

TEST_CASE("content types come from the extension", "[serve]") {
    CHECK(content_type("a/b.html") == "text/html; charset=utf-8");
    CHECK(content_type("x.PDF") == "application/pdf");
    CHECK(content_type("search-index.js") == "text/javascript; charset=utf-8");
    CHECK(content_type("unknown.bin") == "application/octet-stream");
}
