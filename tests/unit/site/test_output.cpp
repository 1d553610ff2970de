#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "site/output.hpp"

namespace fs = std::filesystem;
using boardpress::site::StagingFolder;

static std::string slurp(const fs::path& path) {
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
        StagingFolder staging(root / "site");
        staging.write("index.html", "new");
        staging.write("a/b.html", "nested");
        staging.commit();
    }
    CHECK(slurp(root / "site/index.html") == "new");
    CHECK(slurp(root / "site/a/b.html") == "nested");
    CHECK_FALSE(fs::exists(root / "site/old"));
    CHECK_FALSE(fs::exists(root / ".site.staging"));
}

TEST_CASE("an abandoned staging folder leaves the output untouched", "[site]") {
    fs::path root = fresh_folder("abandon");
    fs::create_directories(root / "site");
    std::ofstream(root / "site/index.html") << "old";
    {
        StagingFolder staging(root / "site");
        staging.write("index.html", "new");
    }
    CHECK(slurp(root / "site/index.html") == "old");
    CHECK_FALSE(fs::exists(root / ".site.staging"));
}

TEST_CASE("staging refuses paths that leave the site", "[site]") {
    fs::path root = fresh_folder("escape");
    StagingFolder staging(root / "site");
    CHECK_THROWS(staging.write("../outside.html", "x"));
    CHECK_THROWS(staging.write("/etc/passwd", "x"));
    CHECK_FALSE(fs::exists(root / "outside.html"));
}

TEST_CASE("copy_tree copies files and skips symlinks", "[site]") {
    fs::path root = fresh_folder("copy");
    fs::create_directories(root / "assets/css");
    std::ofstream(root / "assets/css/site.css") << "body{}";
    fs::create_symlink("/etc/hostname", root / "assets/link");
    StagingFolder staging(root / "site");
    CHECK(staging.copy_tree(root / "assets", "assets") == 1);
    staging.commit();
    CHECK(slurp(root / "site/assets/css/site.css") == "body{}");
    CHECK_FALSE(fs::exists(root / "site/assets/link"));
}
