// What a page refers to must be in the project: its layout (there, and not empty), its images
// (not ../ out of the project, not a link out of it) and the files of templates/.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "../data/temp_project.hpp"
#include "site/site.hpp"

namespace fs = std::filesystem;
using namespace boardpress;

namespace {

// The smallest project that builds: settings, a home page and its layouts.
struct Project : testing::TempProject {
    Project() {
        write("boardpress.json", R"({"title": "T", "organisation": "O", "language": "en-GB"})");
        write("templates/page.html", "<main>{{ page.content }}</main>");
        write("templates/index.html", "<main>{{ page.content }}</main>");
        write("content/index.md", "---\ntitle: Home\n---\nHello.\n");
    }
    std::vector<Diagnostic> errors() const {
        site::BuildOptions options;
        options.project_root = root();
        options.jobs = 1;
        site::BuildResult result = site::build(options);
        return result.diagnostics.items();
    }
};

}  // namespace

TEST_CASE("a page's own layout that is not there is reported at its template key", "[site]") {
    Project project;
    project.write("content/about.md", "---\ntitle: About\ntemplate: pgae.html\n---\nText.\n");
    auto errors = project.errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].location.file == "content/about.md");
    CHECK(errors[0].location.line == 3);
    CHECK(errors[0].location.column == 1);
    CHECK(errors[0].source_line == "template: pgae.html");
    CHECK(errors[0].message == "the layout `pgae.html` is not in templates/");
    CHECK(errors[0].hint == "did you mean `page.html`?");
}

TEST_CASE("a usual layout that is missing is reported once for all its pages", "[site]") {
    Project project;
    project.write("content/report/index.md", "---\ntitle: Report\n---\nText.\n");
    project.write("templates/publication.html", "{{ page.content }}");
    project.write("content/report/01-one.md", "---\ntitle: One\n---\nText.\n");
    project.write("content/report/02-two.md", "---\ntitle: Two\n---\nText.\n");
    auto errors = project.errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].location.file == "templates/section.html");
    CHECK(errors[0].message ==
          "the layout `section.html` is not in templates/, and the "
          "sections of publications are laid out with it");
}

TEST_CASE("an empty layout is an error rather than blank pages", "[site]") {
    Project project;
    project.write("templates/page.html", "\n");
    project.write("content/about.md", "---\ntitle: About\n---\nText.\n");
    auto errors = project.errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].location.file == "templates/page.html");
    CHECK(
        errors[0].message ==
        "the layout `templates/page.html` is empty, so the pages laid out with it would be blank");
}

TEST_CASE("an image outside the project is an error at the image", "[site]") {
    Project project;
    project.write("../bp-site-bad-outside.png", "PNG");
    project.write("content/about.md",
                  "---\ntitle: About\n---\nText.\n\nSee ![a chart](../../outside.png) here.\n\n"
                  "![linked](linked.png)\n\n![fine](pic.png) ![web](https://example.org/a.png)\n");
    project.write("content/pic.png", "PNG");
    fs::create_symlink(project.root().parent_path() / "bp-site-bad-outside.png",
                       project.root() / "content/linked.png");
    auto errors = project.errors();
    fs::remove(project.root().parent_path() / "bp-site-bad-outside.png");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].location.file == "content/about.md");
    CHECK(errors[0].location.line == 6);
    CHECK(errors[0].message == "the image `../../outside.png` is outside the project");
    CHECK(errors[0].source_line == "See ![a chart](../../outside.png) here.");
    CHECK(errors[1].location.line == 8);
    CHECK(errors[1].message == "the image `linked.png` links to a file outside the project");
}

TEST_CASE("a file in templates/ that links out of it is refused", "[site]") {
    Project project;
    project.write("../bp-site-bad-secret.css", "SECRET");
    fs::create_directories(project.root() / "templates/assets");
    fs::create_symlink(project.root().parent_path() / "bp-site-bad-secret.css",
                       project.root() / "templates/assets/site.css");
    auto errors = project.errors();
    fs::remove(project.root().parent_path() / "bp-site-bad-secret.css");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].location.file == "templates/assets/site.css");
    CHECK(errors[0].message.find("which is outside `templates/`") != std::string::npos);
}
