#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "site/output.hpp"

namespace fs = std::filesystem;
using boardpress::site::StagingFolder;

static std::string file_bytes(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

static fs::path fresh_folder(const std::string& name) {
    fs::path folder = fs::temp_directory_path() / ("bp-output-" + name);
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

TEST_CASE("a committed staging folder replaces the output whole", "[site]") {
    fs::path root = fresh_folder("commit");
    fs::create_directories(root / "site/old");
    std::ofstream(root / "site/old/page.html") << "old";
    {
        StagingFolder staging(root / "site", "test", false);
        staging.write("index.html", "new");
        staging.write("a/b.html", "nested");
        staging.commit();
    }
    CHECK(file_bytes(root / "site/index.html") == "new");
    CHECK(file_bytes(root / "site/a/b.html") == "nested");
    CHECK_FALSE(fs::exists(root / "site/old"));
    CHECK_FALSE(fs::exists(root / ".site.staging"));
}

TEST_CASE("an abandoned staging folder leaves the output untouched", "[site]") {
    fs::path root = fresh_folder("abandon");
    fs::create_directories(root / "site");
    std::ofstream(root / "site/index.html") << "old";
    {
        StagingFolder staging(root / "site", "test", false);
        staging.write("index.html", "new");
    }
    CHECK(file_bytes(root / "site/index.html") == "old");
    CHECK_FALSE(fs::exists(root / ".site.staging"));
}

TEST_CASE("staging refuses paths that leave the site", "[site]") {
    fs::path root = fresh_folder("escape");
    StagingFolder staging(root / "site", "test", false);
    CHECK_THROWS(staging.write("../outside.html", "x"));
    CHECK_THROWS(staging.write("/etc/passwd", "x"));
    CHECK_FALSE(fs::exists(root / "outside.html"));
}

TEST_CASE("copy_tree copies files and skips symlinks", "[site]") {
    fs::path root = fresh_folder("copy");
    fs::create_directories(root / "assets/css");
    std::ofstream(root / "assets/css/site.css") << "body{}";
    fs::create_symlink("/etc/hostname", root / "assets/link");
    StagingFolder staging(root / "site", "test", false);
    CHECK(staging.copy_tree(root / "assets", "assets") == 1);
    staging.commit();
    CHECK(file_bytes(root / "site/assets/css/site.css") == "body{}");
    CHECK_FALSE(fs::exists(root / "site/assets/link"));
}

static void build_once(const fs::path& root, const std::map<std::string, std::uint64_t>& files,
                       std::size_t expect_changed) {
    StagingFolder staging(root / "site", "test", true);
    for (const auto& [path, key] : files)
        staging.write(path, "made with " + std::to_string(key), {.key = key});
    staging.commit();
    CHECK(staging.files_changed() == expect_changed);
}

TEST_CASE("the site before last is brought up to date, not made again", "[site]") {
    fs::path root = fresh_folder("reuse");
    build_once(root, {{"a.html", 1}, {"p/b.html", 1}, {"gone/c.html", 1}}, 3);
    build_once(root, {{"a.html", 1}, {"p/b.html", 2}, {"gone/c.html", 1}}, 3);  // nothing to reuse
    // The site before last (a1, b1, c1) is the staging folder: a is already right, b is replaced,
    // c is removed with its folder, d is new.
    std::ofstream(root / ".site.previous/stray.html") << "not made by a build";
    build_once(root, {{"a.html", 1}, {"p/b.html", 3}, {"d.html", 1}}, 2);
    CHECK(file_bytes(root / "site/a.html") == "made with 1");
    CHECK(file_bytes(root / "site/p/b.html") == "made with 3");
    CHECK(file_bytes(root / "site/d.html") == "made with 1");
    CHECK_FALSE(fs::exists(root / "site/gone"));
    CHECK_FALSE(fs::exists(root / "site/stray.html"));
    // The site it replaced is untouched, though they shared files.
    CHECK(file_bytes(root / ".site.previous/p/b.html") == "made with 2");
    CHECK(file_bytes(root / ".site.previous/gone/c.html") == "made with 1");
}

TEST_CASE("a file changed by hand in the site before last is made again", "[site]") {
    fs::path root = fresh_folder("reuse-hand");
    build_once(root, {{"a.html", 1}}, 1);
    build_once(root, {{"a.html", 2}}, 1);
    {  // same size, different bytes and time
        fs::path edited = root / ".site.previous/a.html";
        auto written = fs::last_write_time(edited);
        std::ofstream(edited) << "made with 7";
        fs::last_write_time(edited, written + std::chrono::seconds(1));
    }
    build_once(root, {{"a.html", 1}}, 1);
    CHECK(file_bytes(root / "site/a.html") == "made with 1");
}

TEST_CASE("a staging folder left by a killed build is never reused", "[site]") {
    fs::path root = fresh_folder("reuse-killed");
    build_once(root, {{"a.html", 1}}, 1);
    fs::create_directories(root / ".site.staging");
    std::ofstream(root / ".site.staging/half.html") << "half";
    build_once(root, {{"a.html", 1}}, 1);
    CHECK_FALSE(fs::exists(root / "site/half.html"));
}

TEST_CASE("a file written in pieces holds them one after the other", "[site]") {
    fs::path root = fresh_folder("pieces");
    std::vector<std::string> numbers;
    for (int i = 0; i < 3000; ++i) numbers.push_back(std::to_string(i) + ",");  // > IOV_MAX
    std::vector<std::string_view> pieces(numbers.begin(), numbers.end());
    std::string whole;
    for (const auto& number : numbers) whole += number;
    StagingFolder staging(root / "site", "test", false);
    staging.write("index.js", pieces);
    staging.commit();
    CHECK(file_bytes(root / "site/index.js") == whole);
}
