#include <catch2/catch.hpp>

#include <filesystem>

#include "data/data.hpp"
#include "temp_project.hpp"

using namespace boardpress;
using boardpress::testing::TempProject;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> files_of(const Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics.items()) out.push_back(d.location.file);
    return out;
}

}  // namespace

TEST_CASE("load_tree keys datasets by folder and stem", "[data][tree]") {
    TempProject project;
    project.write("data/cp/plans_by_month.json", R"([{"month": "2014-04", "plans": 120}])");
    project.write("data/cp/ages.csv", "age,count\n0-4,12\n");
    project.write("data/budget.json", R"({"total": 1500})");
    project.write("data/notes.txt", "ignored");
    project.write("data/.hidden.json", "not json at all");
    project.write("data/.git/x.json", "{");
    Diagnostics diagnostics;
    auto tree = data::load_tree(project / "data", project.root(), diagnostics);
    CHECK(diagnostics.empty());
    CHECK(tree["cp"]["plans_by_month"][0]["plans"] == 120);
    CHECK(tree["cp"]["ages"][0]["count"] == 12);
    CHECK(tree["budget"]["total"] == 1500);
    CHECK(tree.size() == 2);
}

TEST_CASE("load_tree on a missing folder is empty", "[data][tree]") {
    TempProject project;
    Diagnostics diagnostics;
    auto tree = data::load_tree(project / "data", project.root(), diagnostics);
    CHECK(tree == nlohmann::ordered_json::object());
    CHECK(diagnostics.empty());
}

TEST_CASE("load_tree reports every broken file and loads the rest", "[data][tree]") {
    TempProject project;
    project.write("data/a.json", "{\"x\": 1,}");
    project.write("data/b.json", "[1]");
    project.write("data/sub/c.csv", "a,b\n1\n");
    Diagnostics diagnostics;
    auto tree = data::load_tree(project / "data", project.root(), diagnostics);
    REQUIRE(diagnostics.error_count() == 2);
    CHECK(files_of(diagnostics) == std::vector<std::string>{"data/a.json", "data/sub/c.csv"});
    CHECK(diagnostics.items()[0].location.line == 1);
    CHECK(diagnostics.items()[0].location.column == 9);
    CHECK(diagnostics.items()[1].location.line == 2);
    CHECK(tree["b"] == nlohmann::ordered_json::array({1}));
    CHECK_FALSE(tree.contains("a"));
    CHECK_FALSE(tree.contains("sub"));
}

TEST_CASE("load_tree: a name used twice", "[data][tree]") {
    TempProject project;
    project.write("data/a.csv", "x\n1\n");
    project.write("data/a.json", "[2]");
    project.write("data/cp.json", "{}");
    project.write("data/cp/plans.json", "{}");
    Diagnostics diagnostics;
    auto tree = data::load_tree(project / "data", project.root(), diagnostics);
    REQUIRE(diagnostics.error_count() == 2);
    CHECK(diagnostics.items()[0].location.file == "data/a.json");
    CHECK(diagnostics.items()[0].message == "`data/a.csv` and `data/a.json` both give `data.a`");
    CHECK(diagnostics.items()[1].location.file == "data/cp.json");
    CHECK(diagnostics.items()[1].message ==
          "`data/cp.json` and the folder `data/cp/` both give `data.cp`");
    CHECK(tree["a"][0]["x"] == 1);
    CHECK(tree["cp"].contains("plans"));
}

TEST_CASE("load_tree: names that cannot be keys", "[data][tree]") {
    TempProject project;
    project.write("data/plans by month.json", "[]");
    project.write("data/old stuff/a.json", "[]");
    project.write("data/old stuff/b.json", "[]");
    project.write("data/ok-name_2.json", "[]");
    Diagnostics diagnostics;
    auto tree = data::load_tree(project / "data", project.root(), diagnostics);
    REQUIRE(diagnostics.error_count() == 2);  // the folder is reported once
    CHECK(diagnostics.items()[0].location.file == "data/old stuff");
    CHECK(diagnostics.items()[0].message ==
          "the folder name `old stuff` cannot be used as a data key");
    CHECK(diagnostics.items()[0].hint ==
          "rename the folder to `old_stuff`; names may use letters, digits, `_` and `-`");
    CHECK(diagnostics.items()[1].location.file == "data/plans by month.json");
    CHECK(diagnostics.items()[1].hint ==
          "rename the file to `plans_by_month.json`; names may use letters, digits, `_` and `-`");
    CHECK(tree.contains("ok-name_2"));
    CHECK(tree.size() == 1);
}

TEST_CASE("load_tree never follows a link out of data/", "[data][tree]") {
    TempProject project;
    project.write("secret.json", R"({"password": "x"})");
    project.write("data/shared/inside.json", "[1]");
    project.mkdir("outside");
    project.write("outside/o.json", "[2]");
    std::error_code ec;
    fs::create_symlink(project / "secret.json", project / "data/leak.json", ec);
    if (ec) {
        WARN("symbolic links are not available here");
        return;
    }
    fs::create_directory_symlink(project / "outside", project / "data/out", ec);
    fs::create_symlink(project / "data/shared/inside.json", project / "data/alias.json", ec);
    fs::create_directory_symlink(project / "data", project / "data/shared/loop", ec);
    fs::create_symlink(project / "nowhere.json", project / "data/broken.json", ec);

    Diagnostics diagnostics;
    auto tree = data::load_tree(project / "data", project.root(), diagnostics);
    CHECK(files_of(diagnostics) ==
          std::vector<std::string>{"data/broken.json", "data/leak.json", "data/out",
                                   "data/shared/loop"});
    CHECK(diagnostics.error_count() == 4);
    CHECK(diagnostics.items()[1].hint ==
          "copy the file into `data/` instead of linking to it");
    CHECK(tree["alias"] == nlohmann::ordered_json::array({1}));  // a link inside data/ is fine
    CHECK(tree["shared"]["inside"] == nlohmann::ordered_json::array({1}));
    CHECK_FALSE(tree.contains("leak"));
    CHECK_FALSE(tree.contains("out"));
}

TEST_CASE("list_files walks in sorted order", "[data][tree]") {
    TempProject project;
    project.write("content/b.md", "");
    project.write("content/a/z.md", "");
    project.write("content/a/B.md", "");
    project.write("content/A.md", "");
    project.write("content/c.txt", "");
    Diagnostics diagnostics;
    auto files = data::list_files(project / "content", project.root(), {".md"}, diagnostics);
    std::vector<std::string> relative;
    for (const auto& f : files) relative.push_back(f.relative);
    CHECK(relative == std::vector<std::string>{"A.md", "a/B.md", "a/z.md", "b.md"});
    CHECK(files[1].display == "content/a/B.md");
}
