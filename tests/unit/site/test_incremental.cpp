#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "site/site.hpp"

namespace fs = std::filesystem;
using namespace boardpress;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Every file but the build record, which holds the files' modification times.
std::map<std::string, std::string> tree_of(const fs::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file() && entry.path().filename() != ".boardpress-build")
            files[entry.path().lexically_relative(folder).generic_string()] = slurp(entry.path());
    return files;
}

// The example project, copied so it can be edited.
fs::path copy_example() {
    fs::path copy = fs::temp_directory_path() / "bp-incremental";
    fs::remove_all(copy);
    fs::create_directories(copy);
    for (const char* part : {"boardpress.json", "content", "data", "templates"})
        fs::copy(fs::path(BP_SOURCE_DIR) / part, copy / part, fs::copy_options::recursive);
    return copy;
}

void append(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::app) << text;
}

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = slurp(file);
    std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(file, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("an incremental build makes only what changed, and the same site as a clean one",
          "[site][incremental]") {
    fs::path project = copy_example();
    site::BuildOptions incremental;
    incremental.project_root = project;
    incremental.output = project / "site";
    incremental.incremental = true;
    site::BuildOptions clean = incremental;
    clean.output = project / "clean";
    clean.jobs = 1;
    clean.incremental = false;

    site::BuildResult first = site::build(incremental);
    REQUIRE(first.ok());
    const std::size_t all_pages = first.pages_written;
    CHECK(first.pages_rendered == all_pages);

    // After each edit: only some pages made again, and byte for byte what a clean build makes.
    auto rebuild_and_compare = [&]() {
        site::BuildResult again = site::build(incremental);
        REQUIRE(again.ok());
        site::BuildResult reference = site::build(clean);
        REQUIRE(reference.ok());
        CHECK(tree_of(incremental.output) == tree_of(clean.output));
        return again;
    };

    SECTION("nothing changed: nothing made again") {
        site::BuildResult again = rebuild_and_compare();
        CHECK(again.pages_rendered == 0);
        CHECK(again.pdfs_rendered == 0);
    }
    SECTION("a section's text: its publication's pages and PDF") {
        append(project / "content/annual-report-2014-15/07-training.md", "\nOne more sentence.\n");
        site::BuildResult again = rebuild_and_compare();
        CHECK(again.pdfs_rendered == 1);
        CHECK(again.pages_rendered < all_pages);
        CHECK(slurp(incremental.output / "annual-report-2014-15/training.html")
                  .find("One more sentence.") != std::string::npos);
    }
    SECTION("a dataset: only the pages that read it") {
        replace_in(project / "data/pf/private_fostering.json", "\"", "\"");  // same text
        append(project / "data/pf/private_fostering.json", "\n");
        site::BuildResult unchanged = rebuild_and_compare();
        CHECK(unchanged.pages_rendered == 0);  // the value is what counts, not the bytes

        std::string text = slurp(project / "data/pf/private_fostering.json");
        std::size_t digit = text.find_first_of("123456789");
        REQUIRE(digit != std::string::npos);
        text[digit] = text[digit] == '9' ? '8' : static_cast<char>(text[digit] + 1);
        std::ofstream(project / "data/pf/private_fostering.json", std::ios::binary) << text;
        site::BuildResult again = rebuild_and_compare();
        CHECK(again.pages_rendered > 0);
        CHECK(again.pages_rendered < all_pages);
    }
    SECTION("a partial: every page that includes it, no PDF") {
        append(project / "templates/partials/footer.html", "<!-- changed -->\n");
        site::BuildResult again = rebuild_and_compare();
        CHECK(again.pages_rendered == all_pages);
        CHECK(again.pdfs_rendered == 0);
    }
    SECTION("the settings: everything") {
        replace_in(project / "boardpress.json", "\"title\": \"", "\"title\": \"The ");
        site::BuildResult again = rebuild_and_compare();
        CHECK(again.pages_rendered == all_pages);
        CHECK(again.pdfs_rendered == first.pdfs_written);
    }
    SECTION("a damaged record, or a page changed by hand: made again") {
        std::ofstream(incremental.output / ".boardpress-build", std::ios::app) << "junk\n";
        site::BuildResult again = rebuild_and_compare();
        CHECK(again.pages_rendered == all_pages);
        std::ofstream(incremental.output / "about.html", std::ios::app) << "edited by hand";
        again = rebuild_and_compare();
        CHECK(again.pages_rendered == 1);
    }
    SECTION("a failed build in between: the next one is still right") {
        std::string good = slurp(project / "content/about.md");
        std::ofstream(project / "content/about.md") << "---\ntitle: [broken\n---\n";
        CHECK_FALSE(site::build(incremental).ok());
        std::ofstream(project / "content/about.md") << good << "\nMended.\n";
        site::BuildResult again = rebuild_and_compare();
        CHECK(slurp(incremental.output / "about.html").find("Mended.") != std::string::npos);
    }
}

TEST_CASE("a build reports its progress stage by stage", "[site]") {
    fs::path project = copy_example();
    site::BuildOptions options;
    options.project_root = project;
    std::map<std::string, std::pair<std::size_t, std::size_t>> last;  // stage -> (done, total)
    std::vector<std::string> order;
    options.progress = [&](std::string_view stage, std::size_t done, std::size_t total) {
        if (order.empty() || order.back() != stage) order.emplace_back(stage);
        last[std::string(stage)] = {done, total};
    };
    site::BuildResult result = site::build(options);
    REQUIRE(result.ok());
    CHECK(order == std::vector<std::string>{"pages", "PDFs", "layouts"});
    CHECK(last["pages"] ==
          std::pair<std::size_t, std::size_t>{result.pages_written, result.pages_written});
    CHECK(last["PDFs"].first == result.pdfs_written);
    CHECK(last["layouts"].first == result.pages_written);
}
