// Markdown nested thousands deep (lists in lists, quotes in quotes, emphasis in emphasis) is an
// error at its line instead of a stack overflow in the writers, which walk the tree recursively.
#include <catch2/catch.hpp>

#include <string>

#include "../expect_error.hpp"
#include "markdown/markdown.hpp"

using namespace boardpress;

using testing::repeat;

namespace {

Diagnostic failure(const std::string& text, const SourceLocation& origin) {
    return testing::diagnostic_of([&] { markdown::parse(text, {}, origin); });
}

}  // namespace

TEST_CASE("Markdown nested 10,000 deep is an error at its line", "[markdown]") {
    const SourceLocation origin{"content/deep.md", 4, 1};
    for (const std::string& deep :
         {repeat("- ", 10'000) + "bottom\n", repeat("> ", 10'000) + "bottom\n",
          repeat("*", 10'000) + "bottom" + repeat("*", 10'000) + "\n"}) {
        Diagnostic d = failure("First line.\n\n" + deep, origin);
        CHECK(d.location.file == "content/deep.md");
        CHECK(d.location.line == 6);  // line 3 of the text, which starts at line 4
        CHECK(d.location.column >= 1);
        CHECK(d.message == "lists, block quotes or emphasis are nested here more than 100 "
                           "levels deep");
        CHECK_FALSE(d.hint.empty());
    }
}

TEST_CASE("Markdown nested as deeply as people write it parses", "[markdown]") {
    // 40 levels of list: 80 nodes of list and item, and the paragraph and text inside.
    markdown::Document document = markdown::parse(repeat("- ", 40) + "bottom\n");
    CHECK(document.root() != nullptr);
}
