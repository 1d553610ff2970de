// Renders every case of tests/jinja/cases/*.json (expected outputs produced by Python's Jinja2
// 3.1) and compares bytes; cases with "error" must throw boardpress::Error.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>
#include <string>

#include "template/template.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using boardpress::tmpl::Environment;
using boardpress::tmpl::Options;

namespace {

// Cases deliberately out of scope, each with the reason.
const std::map<std::string, std::string>& skipped() {
    static const std::map<std::string, std::string> skip = {
    };
    return skip;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
}

// A fresh folder under the system temp dir, removed at scope end.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name) {
        path = fs::temp_directory_path() / ("bp-jinja-" + std::to_string(::getpid()) + "-" + name);
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

TEST_CASE("Jinja2 differential suite", "[template][jinja]") {
    fs::path dir = fs::path(BP_TEST_DATA) / "jinja" / "cases";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(!files.empty());

    std::size_t passed = 0, failed = 0, skips = 0;
    std::string report;
    for (const auto& file : files) {
        json cases = json::parse(read(file));
        for (const auto& c : cases) {
            std::string name = c.at("name").get<std::string>();
            if (skipped().count(name)) {
                ++skips;
                continue;
            }
            TempDir tmp(name);
            if (c.contains("files"))
                for (auto it = c["files"].begin(); it != c["files"].end(); ++it)
                    write(tmp.path / it.key(), it.value().get<std::string>());
            write(tmp.path / "main.html", c.at("template").get<std::string>());
            Options options;
            options.search_paths = {tmp.path};
            options.display_root = tmp.path;
            Environment env(std::move(options));
            json data = c.contains("data") ? c["data"] : json::object();
            std::string where = file.filename().string() + " / " + name;
            bool expect_error = c.contains("error");
            try {
                std::string out = env.render_file("main.html", data);
                if (expect_error) {
                    ++failed;
                    report += where + ": expected " + c["error"].get<std::string>() +
                              ", rendered " + json(out).dump() + "\n";
                } else if (out != c.at("expected").get<std::string>()) {
                    ++failed;
                    report += where + ":\n  expected " + json(c["expected"]).dump() +
                              "\n  actual   " + json(out).dump() + "\n";
                } else {
                    ++passed;
                }
            } catch (const boardpress::Error& e) {
                if (expect_error) {
                    ++passed;
                } else {
                    ++failed;
                    report += where + ": unexpected error: " + std::string(e.what()) + " at line " + std::to_string(e.diagnostic().location.line) + "\n";
                }
            } catch (const std::exception& e) {
                ++failed;
                report += where + ": non-boardpress exception: " + e.what() + "\n";
            }
        }
    }
    INFO(report);
    INFO("passed " << passed << ", failed " << failed << ", skipped " << skips);
    CHECK(failed == 0);
    WARN("jinja differential: passed " << passed << ", failed " << failed << ", skipped " << skips);
}
