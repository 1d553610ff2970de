#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "../data/temp_project.hpp"
#include "content/content.hpp"

using namespace boardpress;
using namespace boardpress::content;
using boardpress::testing::TempProject;
namespace fs = std::filesystem;

namespace {

// Writes `text` into the file in place (same inode), then sets its time to `when`.
void overwrite(const fs::path& file, const std::string& text, fs::file_time_type when) {
    std::ofstream(file, std::ios::in | std::ios::out) << text;
    fs::last_write_time(file, when);
}

std::string title_of(const ContentTree& tree, const std::string& output) {
    for (const auto& page : tree.pages)
        if (page.output == output) return page.title;
    return "(none)";
}

}  // namespace

TEST_CASE("a source cache reads again only files whose size, time or inode changed",
          "[content][cache]") {
    TempProject project;
    project.write("content/a.md", "---\ntitle: Alpha\n---\nText.\n");
    project.write("content/b.md", "---\ntitle: Bravo\n---\nText.\n");
    const auto long_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (const char* name : {"content/a.md", "content/b.md"})
        fs::last_write_time(project.root() / name, long_ago);

    SourceCache cache;
    Diagnostics diagnostics;
    LoadOptions options{.cache = &cache};
    ContentTree first = load(project.root(), options, diagnostics);
    CHECK(cache.size() == 2);
    CHECK(title_of(first, "a.html") == "Alpha");

    // Same size, time and inode: the cached page is used (the file is not read again)...
    overwrite(project.root() / "content/a.md", "---\ntitle: Alpho\n---\nText.\n", long_ago);
    // ...but a new time means reading it again.
    overwrite(project.root() / "content/b.md", "---\ntitle: Bravu\n---\nText.\n",
              long_ago + std::chrono::seconds(5));
    ContentTree second = load(project.root(), options, diagnostics);
    CHECK(title_of(second, "a.html") == "Alpha");
    CHECK(title_of(second, "b.html") == "Bravu");
    CHECK(diagnostics.error_count() == 0);

    // A file gone is gone from the cache.
    fs::remove(project.root() / "content/b.md");
    ContentTree third = load(project.root(), options, diagnostics);
    CHECK(cache.size() == 1);
    CHECK(title_of(third, "b.html") == "(none)");
}

TEST_CASE("a file read within a second of its last change is read again next time",
          "[content][cache]") {
    TempProject project;
    project.write("content/a.md", "---\ntitle: Alpha\n---\nText.\n");
    const fs::path file = project.root() / "content/a.md";
    const auto just_now = fs::last_write_time(file);

    SourceCache cache;
    Diagnostics diagnostics;
    LoadOptions options{.cache = &cache};
    load(project.root(), options, diagnostics);
    // A second edit in the same clock tick would leave the time as it was.
    overwrite(file, "---\ntitle: Alpho\n---\nText.\n", just_now);
    CHECK(title_of(load(project.root(), options, diagnostics), "a.html") == "Alpho");
}
