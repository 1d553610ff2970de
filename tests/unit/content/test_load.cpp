#include <catch2/catch.hpp>

#include <filesystem>

#include "../data/temp_project.hpp"
#include "content/content.hpp"

using namespace boardpress;
using namespace boardpress::content;
using boardpress::testing::TempProject;
namespace fs = std::filesystem;

namespace {

std::string page_md(const std::string& title, const std::string& extra = "",
                    const std::string& body = "Text.\n") {
    return "---\ntitle: " + title + "\n" + extra + "---\n" + body;
}

std::vector<std::string> outputs(const ContentTree& tree) {
    std::vector<std::string> out;
    for (const auto& page : tree.pages) out.push_back(page.output);
    return out;
}

const Page& by_output(const ContentTree& tree, const std::string& output) {
    for (const auto& page : tree.pages)
        if (page.output == output) return page;
    FAIL("no page makes " << output);
    return tree.pages.front();
}

}  // namespace

TEST_CASE("load groups publications, sections and pages", "[content][load]") {
    TempProject project;
    project.write("content/index.md", page_md("Home"));
    project.write("content/about.md", page_md("About us"));
    project.write("content/help/contact.md", page_md("Contact"));
    project.write("content/annual-report-2014-15/index.md",
                  page_md("Annual report 2014-15", "kind: annual-report\ndate: 2015-06-30\n"));
    project.write("content/annual-report-2014-15/02-chair.md", page_md("Chair's foreword"));
    project.write("content/annual-report-2014-15/01-summary.md",
                  page_md("Summary", "kind: summary\n"));
    project.write("content/annual-report-2014-15/10_appendix.md", page_md("Appendix"));
    project.write("content/annual-report-2014-15/notes.txt", "not Markdown");
    project.write("content/annual-report-2014-15/extra/more.md", page_md("More"));

    Diagnostics diagnostics;
    ContentTree tree = load(project.root(), {}, diagnostics);
    CHECK(diagnostics.empty());
    CHECK(outputs(tree) == std::vector<std::string>{
                               "about.html",
                               "annual-report-2014-15/index.html",
                               "annual-report-2014-15/summary.html",
                               "annual-report-2014-15/chair.html",
                               "annual-report-2014-15/appendix.html",
                               "annual-report-2014-15/extra/more.html",
                               "help/contact.html",
                               "index.html",
                           });

    REQUIRE(tree.publications.size() == 1);
    const Publication& publication = tree.publications[0];
    CHECK(publication.folder == "annual-report-2014-15");
    CHECK(tree.pages[publication.index_page].output == "annual-report-2014-15/index.html");
    REQUIRE(publication.sections.size() == 3);
    CHECK(tree.pages[publication.sections[0]].slug == "summary");
    CHECK(tree.pages[publication.sections[1]].slug == "chair");
    CHECK(tree.pages[publication.sections[2]].slug == "appendix");

    const Page& index = by_output(tree, "annual-report-2014-15/index.html");
    CHECK(index.is_publication_index);
    CHECK(index.publication == 0);
    CHECK(index.kind == "annual-report");
    CHECK(index.date == "2015-06-30");
    CHECK(index.slug == "index");
    CHECK(index.source == "content/annual-report-2014-15/index.md");

    const Page& chair = by_output(tree, "annual-report-2014-15/chair.html");
    CHECK(chair.source == "content/annual-report-2014-15/02-chair.md");
    CHECK(chair.title == "Chair's foreword");
    CHECK(chair.kind == "annual-report");  // inherited from the publication
    CHECK(chair.publication == 0);
    CHECK_FALSE(chair.is_publication_index);
    CHECK(chair.front_matter["kind"] == "annual-report");
    CHECK(chair.front_matter["draft"] == false);
    CHECK(chair.front_matter["weight"] == 0);

    CHECK(by_output(tree, "annual-report-2014-15/summary.html").kind == "summary");

    const Page& more = by_output(tree, "annual-report-2014-15/extra/more.html");
    CHECK(more.publication == -1);  // a subfolder's files are not sections
    CHECK(more.slug == "more");

    const Page& home = by_output(tree, "index.html");
    CHECK(home.publication == -1);
    CHECK_FALSE(home.is_publication_index);
    CHECK(home.kind == "page");
    CHECK(by_output(tree, "help/contact.html").source == "content/help/contact.md");
}

TEST_CASE("load keeps the body and its first line", "[content][load]") {
    TempProject project;
    project.write("content/a.md", "---\ntitle: A\nweight: 3\ntemplate: wide.html\n---\n# A\n\nText\n");
    project.write("content/plain-2015.md", "---\ntitle: B\n---\n");
    Diagnostics diagnostics;
    ContentTree tree = load(project.root(), {}, diagnostics);
    REQUIRE(tree.pages.size() == 2);
    CHECK(tree.pages[0].body == "# A\n\nText\n");
    CHECK(tree.pages[0].body_line == 6);
    CHECK(tree.pages[0].weight == 3);
    CHECK(tree.pages[0].template_name == "wide.html");
    CHECK(tree.pages[1].output == "plain-2015.html");  // pages keep their whole stem
}

TEST_CASE("load: BOM and CRLF", "[content][load]") {
    TempProject project;
    project.write("content/a.md", "\xEF\xBB\xBF---\r\ntitle: A\r\n---\r\n# A\r\n\r\nText\r\n");
    project.write("content/b.md", "\xEF\xBB\xBF---\r\ntitle: B\r\nkind: nope\r\n---\r\n");
    Diagnostics diagnostics;
    ContentTree tree = load(project.root(), {}, diagnostics);
    REQUIRE(tree.pages.size() == 1);
    CHECK(tree.pages[0].body == "# A\n\nText\n");
    CHECK(tree.pages[0].body_line == 4);
    CHECK(tree.pages[0].title == "A");
    REQUIRE(diagnostics.items().size() == 1);
    CHECK(diagnostics.items()[0].location.line == 3);
    CHECK(diagnostics.items()[0].location.column == 1);
    CHECK(diagnostics.items()[0].source_line == "kind: nope");
}

TEST_CASE("load: drafts", "[content][load]") {
    TempProject project;
    project.write("content/a.md", page_md("A", "draft: true\n"));
    project.write("content/b.md", page_md("B"));
    project.write("content/pub/index.md", page_md("Pub", "draft: true\n"));
    project.write("content/pub/01-s.md", page_md("S"));
    project.write("content/pub2/index.md", page_md("Pub 2"));
    project.write("content/pub2/01-s.md", page_md("S", "draft: true\n"));
    project.write("content/pub2/02-t.md", page_md("T"));

    Diagnostics diagnostics;
    ContentTree tree = load(project.root(), {}, diagnostics);
    CHECK(diagnostics.empty());
    CHECK(outputs(tree) ==
          std::vector<std::string>{"b.html", "pub2/index.html", "pub2/t.html"});
    REQUIRE(tree.publications.size() == 1);
    CHECK(tree.publications[0].folder == "pub2");
    CHECK(tree.publications[0].sections.size() == 1);
    CHECK(tree.pages[1].publication == 0);

    ContentTree all = load(project.root(), {true}, diagnostics);
    CHECK(all.pages.size() == 7);
    CHECK(all.publications.size() == 2);
    CHECK(by_output(all, "a.html").draft);
}

TEST_CASE("load: two pages with the same output", "[content][load]") {
    TempProject project;
    project.write("content/pub/index.md", page_md("Pub"));
    project.write("content/pub/01-chair.md", page_md("Chair"));
    project.write("content/pub/02-chair.md", page_md("Chair again"));
    Diagnostics diagnostics;
    ContentTree tree = load(project.root(), {}, diagnostics);
    REQUIRE(diagnostics.items().size() == 1);
    const auto& d = diagnostics.items()[0];
    CHECK(d.location.file == "content/pub/02-chair.md");
    CHECK(d.message ==
          "`content/pub/01-chair.md` and `content/pub/02-chair.md` both make `pub/chair.html`");
    CHECK(outputs(tree) == std::vector<std::string>{"pub/index.html", "pub/chair.html"});
    CHECK(tree.publications[0].sections.size() == 1);
}

TEST_CASE("load: a ':' in a name is refused, so no address starts with a scheme",
          "[content][load]") {
    TempProject project;
    project.write("content/javascript:alert(1).md", page_md("Script"));
    project.write("content/mailto:x/index.md", page_md("Mail"));
    project.write("content/about.md", page_md("About"));
    Diagnostics diagnostics;
    ContentTree tree = load(project.root(), {}, diagnostics);
    REQUIRE(diagnostics.items().size() == 2);
    CHECK(diagnostics.items()[0].location.file == "content/javascript:alert(1).md");
    CHECK(diagnostics.items()[1].location.file == "content/mailto:x/index.md");
    CHECK(diagnostics.items()[1].message.starts_with("a `:` in a file or folder name"));
    CHECK(outputs(tree) == std::vector<std::string>{"about.html"});
}

TEST_CASE("load reports every broken file and keeps the rest", "[content][load]") {
    TempProject project;
    project.write("content/bad-yaml.md", "---\ntitle: A\n\tdate: 1\n---\n");
    project.write("content/bad-utf8.md", "---\ntitle: Caf\xE9\n---\n");
    project.write("content/no-title.md", "# Heading\n");
    project.write("content/unclosed.md", "---\ntitle: A\n");
    project.write("content/good.md", page_md("Good"));
    project.write("content/broken-pub/index.md", "---\ntitle: [x\n---\n");
    project.write("content/broken-pub/01-a.md", page_md("A", "kind: x\n"));
    project.write("content/broken-pub/02-b.md", page_md("B"));

    Diagnostics diagnostics;
    ContentTree tree = load(project.root(), {}, diagnostics);
    CHECK(outputs(tree) == std::vector<std::string>{"good.html"});
    CHECK(tree.publications.empty());
    diagnostics.sort();
    REQUIRE(diagnostics.items().size() == 6);
    const auto& items = diagnostics.items();
    // sorted by file, line, column
    CHECK(items[0].location.file == "content/bad-utf8.md");
    CHECK(items[0].location.line == 2);
    CHECK(items[0].location.column == 11);
    CHECK(items[0].message == "the file is not valid UTF-8 (byte 0xE9)");
    CHECK(items[1].location.file == "content/bad-yaml.md");
    CHECK(items[1].location.line == 3);
    CHECK(items[1].message == "YAML syntax error: a tab is used for indentation");
    CHECK(items[2].location.file == "content/broken-pub/01-a.md");  // sections are still checked
    CHECK(items[2].location.line == 3);
    CHECK(items[3].location.file == "content/broken-pub/index.md");
    CHECK(items[3].location.line == 2);
    CHECK(items[3].location.column == 8);
    CHECK(items[4].location.file == "content/no-title.md");
    CHECK(items[5].location.file == "content/unclosed.md");
    CHECK(items[5].message == "the front matter opened here is never closed");
}

TEST_CASE("load: a missing content folder is empty", "[content][load]") {
    TempProject project;
    Diagnostics diagnostics;
    ContentTree tree = load(project.root(), {}, diagnostics);
    CHECK(tree.pages.empty());
    CHECK(diagnostics.empty());
}

TEST_CASE("load never follows a link out of content/", "[content][load]") {
    TempProject project;
    project.write("elsewhere.md", page_md("Outside"));
    project.write("content/a.md", page_md("A"));
    std::error_code ec;
    fs::create_symlink(project / "elsewhere.md", project / "content/b.md", ec);
    if (ec) {
        WARN("symbolic links are not available here");
        return;
    }
    Diagnostics diagnostics;
    ContentTree tree = load(project.root(), {}, diagnostics);
    CHECK(outputs(tree) == std::vector<std::string>{"a.html"});
    REQUIRE(diagnostics.items().size() == 1);
    CHECK(diagnostics.items()[0].location.file == "content/b.md");
}
