// Templates as users get them wrong: nesting deep enough to exhaust the stack, includes and
// extends in a circle, byte order marks, bytes that are not UTF-8, links out of templates/.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "../data/temp_project.hpp"
#include "../expect_error.hpp"
#include "template/template.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using namespace boardpress;

using testing::diagnostic_of;
using testing::repeat;

namespace {

tmpl::Environment environment(const fs::path& templates = {}) {
    tmpl::Options options;
    if (!templates.empty()) {
        options.search_paths = {templates / "templates"};
        options.display_root = templates;
    }
    return tmpl::Environment(std::move(options));
}

}  // namespace

TEST_CASE("blocks nested 10,000 deep are an error at the first one too deep", "[template]") {
    tmpl::Environment env = environment();
    std::string source = repeat("{% if true %}", 10'000) + "x" + repeat("{% endif %}", 10'000);
    Diagnostic d = diagnostic_of([&] { env.render_string(source, {"page.md", 4, 1}, json::object()); });
    CHECK(d.location.file == "page.md");
    CHECK(d.location.line == 4);
    CHECK(d.location.column == 13 * 100 + 4);  // the `if` of the 101st tag
    CHECK(d.message == "`if` is nested 101 levels deep, more than the limit of 100");
    CHECK_FALSE(d.hint.empty());
    // As deep as Jinja2 goes (it stops near 100), rendering works.
    std::string deep = repeat("{% for i in [1] %}", 99) + "x" + repeat("{% endfor %}", 99);
    CHECK(env.render_string(deep, {"page.md", 1, 1}, json::object()) == "x");
}

TEST_CASE("expressions nested 10,000 deep are an error", "[template]") {
    tmpl::Environment env = environment();
    for (const std::string& source :
         {"{{ " + repeat("(", 10'000) + "1" + repeat(")", 10'000) + " }}",
          "{{ " + repeat("not ", 10'000) + "1 }}", "{{ " + repeat("-", 10'000) + "1 }}",
          "{{ " + repeat("[", 10'000) + repeat("]", 10'000) + " }}",
          "{{ " + repeat("1 if x else ", 10'000) + "1 }}"}) {
        Diagnostic d = diagnostic_of([&] {
            env.render_string(source, {"page.md", 1, 1}, json::object());
        });
        CHECK(d.message == "the expression is nested too deeply");
        CHECK(d.location.line == 1);
        CHECK(d.location.column > 3);
    }
    CHECK(env.render_string("{{ " + repeat("(", 90) + "1" + repeat(")", 90) + " }}",
                            {"page.md", 1, 1}, json::object()) == "1");
}

TEST_CASE("templates that include each other are named in the error", "[template]") {
    testing::TempProject folder;
    folder.write("templates/a.html", "A{% include 'b.html' %}");
    folder.write("templates/b.html", "B\n  {% include 'a.html' %}");
    tmpl::Environment env = environment(folder.root());
    Diagnostic d = diagnostic_of([&] { env.render_file("a.html", json::object()); });
    CHECK(d.message == "templates include each other without end: a.html -> b.html -> a.html");
    CHECK(d.location.file == "templates/b.html");
    CHECK(d.location.line == 2);
    CHECK(d.location.column == 6);
    CHECK(d.hint.find("{% if %}") != std::string::npos);
    // A template may include itself while a condition ends it (a nested menu).
    folder.write("templates/menu.html",
                 "[{% for item in items %}{{ item.name }}{% if item.children %}"
                 "{% with items = item.children %}{% include 'menu.html' %}{% endwith %}"
                 "{% endif %}{% endfor %}]");
    json menu =
        json::parse(R"({"items": [{"name": "a", "children": [{"name": "b", "children": []}]}]})");
    CHECK(env.render_file("menu.html", menu) == "[a[b]]");
}

TEST_CASE("templates that extend each other are named at the extends tag", "[template]") {
    testing::TempProject folder;
    folder.write("templates/one.html", "{% extends 'two.html' %}");
    folder.write("templates/two.html", "{# two #}\n{% extends 'one.html' %}");
    folder.write("templates/self.html",
                 "{% extends 'self.html' %}\n{% block main %}{% endblock %}");
    tmpl::Environment env = environment(folder.root());
    Diagnostic d = diagnostic_of([&] { env.render_file("one.html", json::object()); });
    CHECK(d.message == "templates extend each other in a circle: one.html -> two.html -> one.html");
    CHECK(d.location.file == "templates/two.html");
    CHECK(d.location.line == 2);
    CHECK(d.location.column == 4);
    CHECK_FALSE(d.hint.empty());
    d = diagnostic_of([&] { env.render_file("self.html", json::object()); });
    CHECK(d.message == "templates extend each other in a circle: self.html -> self.html");
    CHECK(d.location.line == 1);  // at the extends tag, not at the block after it
}

TEST_CASE("template files: a byte order mark is dropped, bytes that are not UTF-8 are an error",
          "[template]") {
    testing::TempProject folder;
    folder.write("templates/page.html", "\xEF\xBB\xBF<p>{% include 'part.html' %}</p>");
    folder.write("templates/part.html", "\xEF\xBB\xBFpart");
    folder.write("templates/latin1.html", "<p>ok</p>\n<p>Caf\xE9</p>");
    tmpl::Environment env = environment(folder.root());
    CHECK(env.render_file("page.html", json::object()) == "<p>part</p>");
    Diagnostic d = diagnostic_of([&] { env.render_file("latin1.html", json::object()); });
    CHECK(d.location.file == "templates/latin1.html");
    CHECK(d.location.line == 2);
    CHECK(d.location.column == 7);
    CHECK(d.message == "the file is not valid UTF-8 (byte 0xE9)");
}

TEST_CASE("a template that links out of its folder is refused", "[template]") {
    testing::TempProject folder;
    folder.write("secret.html", "SECRET");
    folder.write("templates/page.html", "{% include 'partials/linked.html' %}");
    fs::create_directories(folder.root() / "templates/partials");
    fs::create_symlink(folder.root() / "secret.html",
                       folder.root() / "templates/partials/linked.html");
    folder.write("templates/partials/inside.html", "inside");
    fs::create_symlink(folder.root() / "templates/partials/inside.html",
                       folder.root() / "templates/alias.html");
    tmpl::Environment env = environment(folder.root());
    Diagnostic d = diagnostic_of([&] { env.render_file("page.html", json::object()); });
    CHECK(d.location.file == "templates/partials/linked.html");
    CHECK(d.message.find("which is outside `templates/`") != std::string::npos);
    CHECK(d.hint == "copy the file into `templates/` instead of linking to it");
    CHECK(env.render_file("alias.html", json::object()) == "inside");  // a link inside is fine
}

TEST_CASE("a range too large to loop over says what to check", "[template]") {
    tmpl::Environment env = environment();
    Diagnostic d = diagnostic_of([&] {
        env.render_string("{% for i in range(10**12) %}{% endfor %}", {"page.md", 1, 1},
                          json::object());
    });
    CHECK(d.location.column == 18);  // the call
    CHECK(d.message.find("more than the limit of 1000000") != std::string::npos);
    CHECK(d.hint == "is a number given to it much larger than intended?");
}
