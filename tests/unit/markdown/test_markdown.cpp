#include <catch2/catch.hpp>

#include <cmark-gfm.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "markdown/markdown.hpp"

using namespace boardpress::markdown;

namespace {

std::vector<cmark_node*> top_level(const Document& document, cmark_node_type type) {
    std::vector<cmark_node*> nodes;
    for (cmark_node* n = cmark_node_first_child(document.root()); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == type) nodes.push_back(n);
    return nodes;
}

int count_type(cmark_node* root, const std::string& type) {
    int count = 0;
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE)
        if (event == CMARK_EVENT_ENTER && type == cmark_node_get_type_string(cmark_iter_get_node(iter)))
            ++count;
    cmark_iter_free(iter);
    return count;
}

std::string number_of(const Outline& outline, cmark_node* node) {
    auto found = outline.numbers.find(node);
    return found == outline.numbers.end() ? "" : found->second;
}

}  // namespace

TEST_CASE("parse builds an owned tree with the GFM extensions", "[markdown]") {
    Document document = parse(
        "# Title\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~old~~ www.example.org\n\n"
        "- [x] done\n- [ ] todo\n\nA note.[^n]\n\n[^n]: The note.\n");
    REQUIRE(document.root() != nullptr);
    CHECK(count_type(document.root(), "table") == 1);
    CHECK(count_type(document.root(), "table_header") == 1);
    CHECK(count_type(document.root(), "table_row") == 1);
    CHECK(count_type(document.root(), "table_cell") == 4);
    CHECK(count_type(document.root(), "strikethrough") == 1);
    CHECK(count_type(document.root(), "link") == 1);  // autolinked www.
    CHECK(count_type(document.root(), "tasklist") == 2);
    CHECK(top_level(document, CMARK_NODE_FOOTNOTE_DEFINITION).size() == 1);
    CHECK((document.cmark_options & CMARK_OPT_FOOTNOTES) != 0);
    CHECK((document.cmark_options & CMARK_OPT_VALIDATE_UTF8) != 0);
    CHECK((document.cmark_options & CMARK_OPT_UNSAFE) == 0);
    CHECK_FALSE(document.unsafe_html);
}

TEST_CASE("parse options: smart punctuation and unsafe HTML", "[markdown]") {
    Document smart = parse("\"Quoted\" and 'single' -- en --- em...\n");
    CHECK(plain_text(smart.root()) ==
          "\xE2\x80\x9CQuoted\xE2\x80\x9D and \xE2\x80\x98single\xE2\x80\x99 "
          "\xE2\x80\x93 en \xE2\x80\x94 em\xE2\x80\xA6");
    CHECK((smart.cmark_options & CMARK_OPT_SMART) != 0);

    Document plain = parse("\"Quoted\" -- x\n", {.smart = false, .unsafe_html = false});
    CHECK(plain_text(plain.root()) == "\"Quoted\" -- x");
    CHECK((plain.cmark_options & CMARK_OPT_SMART) == 0);

    Document unsafe = parse("<div>x</div>\n", {.smart = true, .unsafe_html = true});
    CHECK(unsafe.unsafe_html);
    CHECK((unsafe.cmark_options & CMARK_OPT_UNSAFE) != 0);
}

TEST_CASE("parse replaces invalid UTF-8 and keeps valid UTF-8", "[markdown]") {
    Document document = parse("caf\xC3\xA9 \xFF end\n");
    CHECK(plain_text(document.root()) == "caf\xC3\xA9 \xEF\xBF\xBD end");
}

TEST_CASE("a moved-from Document and the default Document own nothing", "[markdown]") {
    Document empty;
    CHECK(empty.root() == nullptr);
    Document a = parse("text\n");
    Document b = std::move(a);
    CHECK(b.root() != nullptr);
    CHECK(outline(empty).headings.empty());
}

TEST_CASE("parsing on many threads at once gives the same trees", "[markdown][threads]") {
    // cmark-gfm keeps its inline trigger characters ('~', autolink 'w' and ':') in global tables
    // that every cmark_parser_finish adds to and removes from; without the lock in parse() a
    // fair share of these parses lose their strikethrough or links.
    std::string text;
    for (int i = 0; i < 40; ++i) text += "para ~~gone~~ and www.example.com here\n\n";
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&] {
            for (int r = 0; r < 100; ++r) {
                Document document = parse(text);
                if (count_type(document.root(), "strikethrough") != 40 ||
                    count_type(document.root(), "link") != 40)
                    ++wrong;
            }
        });
    for (auto& thread : threads) thread.join();
    CHECK(wrong == 0);
}

TEST_CASE("plain_text flattens inlines and separates blocks", "[markdown]") {
    Document document = parse(
        "Some *emphasis*, `code` and [a link](x)  \nnext ![alt **text**](i.png)<b>x</b>[^1]\n\n"
        "> quoted\n\n[^1]: note\n");
    auto paragraphs = top_level(document, CMARK_NODE_PARAGRAPH);
    REQUIRE(paragraphs.size() == 1);
    CHECK(plain_text(paragraphs[0]) == "Some emphasis, code and a link next alt textx");
    CHECK(plain_text(nullptr).empty());
}

TEST_CASE("slugify", "[markdown]") {
    CHECK(slugify("The LSCB Budget.") == "the-lscb-budget");
    CHECK(slugify("  4.4  Budget & Finance ") == "4-4-budget-finance");
    CHECK(slugify("Children\xE2\x80\x99s Services") == "childrens-services");
    CHECK(slugify("Children's Services") == "childrens-services");
    CHECK(slugify("Caf\xC3\xA9 Stra\xC3\x9F" "e \xC5\x81\xC3\xB3""d\xC5\xBA") == "cafe-strasse-lodz");
    CHECK(slugify("\xE2\x80\x94 \xE2\x9C\x93 !!") == "");
    CHECK(slugify("\xE6\x97\xA5\xE6\x9C\xAC report") == "report");
}

TEST_CASE("display_number and paragraph_id", "[markdown]") {
    CHECK(display_number("12") == "12.");
    CHECK(display_number("4.4.1") == "4.4.1");
    CHECK(display_number("") == "");
    CHECK(paragraph_id("4.4.1") == "p-4-4-1");
    CHECK(paragraph_id("7") == "p-7");
}

TEST_CASE("parse_numbering", "[markdown]") {
    bool ok = false;
    CHECK(parse_numbering("paragraphs", &ok) == Numbering::paragraphs);
    CHECK(ok);
    CHECK(parse_numbering("sections", &ok) == Numbering::sections);
    CHECK(ok);
    CHECK(parse_numbering("none", &ok) == Numbering::none);
    CHECK(ok);
    CHECK(parse_numbering("chapters", &ok) == Numbering::none);
    CHECK_FALSE(ok);
    CHECK(parse_numbering("sections") == Numbering::sections);
}

TEST_CASE("outline gives headings stable unique ids", "[markdown]") {
    Document document = parse(
        "# Budget\n\n## Budget\n\ntext\n\n## Budget\n\n### !!!\n\n### ???\n\n## Budget 2\n\n"
        "> ## Quoted heading\n");
    Outline result = outline(document);
    REQUIRE(result.headings.size() == 6);  // the quoted heading is not part of the outline
    CHECK(result.headings[0].id == "budget");
    CHECK(result.headings[0].level == 1);
    CHECK(result.headings[0].text == "Budget");
    CHECK(result.headings[1].id == "budget-2");
    CHECK(result.headings[2].id == "budget-3");
    CHECK(result.headings[3].id == "section");
    CHECK(result.headings[4].id == "section-2");
    CHECK(result.headings[5].id == "budget-2-2");  // "budget-2" was taken
    for (const auto& heading : result.headings) {
        CHECK(heading.number.empty());
        CHECK(result.ids.at(heading.node) == heading.id);
    }
    CHECK(result.numbers.empty());

    std::set<std::string> unique;
    for (const auto& [node, id] : result.ids) unique.insert(id);
    CHECK(unique.size() == result.ids.size());
    CHECK(unique.count("quoted-heading") == 1);  // nested headings still get ids

    // Stable: the same text gives the same ids.
    Outline again = outline(parse(
        "# Budget\n\n## Budget\n\ntext\n\n## Budget\n\n### !!!\n\n### ???\n\n## Budget 2\n"));
    for (std::size_t i = 0; i < again.headings.size(); ++i)
        CHECK(again.headings[i].id == result.headings[i].id);
}

TEST_CASE("paragraph numbering: top-level paragraphs, straight through headings", "[markdown]") {
    Document document = parse(
        "# Report\n\nFirst.\n\n## Background\n\nSecond.\n\n- a list item\n\n  loose para\n\n"
        "> quoted\n\nThird.\n\n[^1]: note\n\nRef[^1].\n");
    Outline result = outline(document, {Numbering::paragraphs, 5});
    auto paragraphs = top_level(document, CMARK_NODE_PARAGRAPH);
    REQUIRE(paragraphs.size() == 4);
    CHECK(number_of(result, paragraphs[0]) == "5");
    CHECK(number_of(result, paragraphs[1]) == "6");
    CHECK(number_of(result, paragraphs[2]) == "7");
    CHECK(number_of(result, paragraphs[3]) == "8");
    CHECK(result.ids.at(paragraphs[0]) == "p-5");
    CHECK(result.numbers.size() == 4);  // nothing in lists, quotes, footnotes; no headings
    for (const auto& heading : result.headings) CHECK(heading.number.empty());
}

TEST_CASE("section numbering as annual reports print it", "[markdown]") {
    Document document = parse(
        "# Governance and Accountability\n\n"
        "Intro one.\n\nIntro two.\n\n"
        "## Chairing of the LSCB\n\nChair one.\n\nChair two.\n\n"
        "## The LSCB Budget\n\nBudget one.\n\nBudget two.\n\n"
        "### Staffing\n\nStaff one.\n\n"
        "#### Skipped level\n\nDeep.\n\n"
        "### Training\n\n"
        "## Participation\n\n- not numbered\n\nPart one.\n");
    Outline result = outline(document, {Numbering::sections, 4});
    REQUIRE(result.headings.size() == 7);
    CHECK(result.headings[0].number == "4");
    CHECK(result.headings[1].number == "4.3");  // shares the counter with "Intro" 4.1 and 4.2
    CHECK(result.headings[2].number == "4.4");
    CHECK(result.headings[3].number.empty());  // subheads are not numbered
    CHECK(result.headings[4].number.empty());
    CHECK(result.headings[5].number.empty());
    CHECK(result.headings[6].number == "4.5");
    CHECK(result.headings[2].id == "the-lscb-budget");
    for (const auto& heading : result.headings)
        if (!heading.number.empty()) CHECK(result.numbers.at(heading.node) == heading.number);

    auto paragraphs = top_level(document, CMARK_NODE_PARAGRAPH);
    std::vector<std::string> numbers;
    for (cmark_node* p : paragraphs) numbers.push_back(number_of(result, p));
    CHECK(numbers == std::vector<std::string>{"4.1", "4.2", "4.3.1", "4.3.2", "4.4.1", "4.4.2",
                                              "4.4.3", "4.4.4", "4.5.1"});
    CHECK(result.ids.at(paragraphs[4]) == "p-4-4-1");
}

TEST_CASE("section numbering before the level-1 heading, and a second one", "[markdown]") {
    // The first level-1 heading is the page's own number; paragraphs before it already count.
    Document document = parse(
        "Intro.\n\n## Budget\n\nMoney.\n\n# Title\n\nMore.\n\n# Next\n\nLast.\n\n## Sub\n");
    Outline result = outline(document, {Numbering::sections, 2});
    auto paragraphs = top_level(document, CMARK_NODE_PARAGRAPH);
    REQUIRE(paragraphs.size() == 4);
    REQUIRE(result.headings.size() == 4);
    CHECK(number_of(result, paragraphs[0]) == "2.1");
    CHECK(result.headings[0].number == "2.2");
    CHECK(number_of(result, paragraphs[1]) == "2.2.1");
    CHECK(result.headings[1].number == "2");
    CHECK(number_of(result, paragraphs[2]) == "2.3");
    CHECK(result.headings[2].number == "3");
    CHECK(number_of(result, paragraphs[3]) == "3.1");
    CHECK(result.headings[3].number == "3.2");
}

TEST_CASE("footnote ids and generated ids never collide with headings", "[markdown]") {
    Document document = parse(
        "# FN 1\n\n# P 1\n\nOne[^a] two[^b] again[^a].\n\n[^b]: B.\n[^a]: A.\n");
    Outline result = outline(document, {Numbering::paragraphs, 1});
    CHECK(result.headings[0].id == "fn-1-2");
    CHECK(result.headings[1].id == "p-1-2");
    auto definitions = top_level(document, CMARK_NODE_FOOTNOTE_DEFINITION);
    REQUIRE(definitions.size() == 2);
    CHECK(result.ids.at(definitions[0]) == "fn-1");  // [^a], referenced first
    CHECK(result.ids.at(definitions[1]) == "fn-2");
    std::vector<std::string> refs;
    cmark_iter* iter = cmark_iter_new(document.root());
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter);
        if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_REFERENCE)
            refs.push_back(result.ids.at(node));
    }
    cmark_iter_free(iter);
    CHECK(refs == std::vector<std::string>{"fnref-1", "fnref-2", "fnref-1-2"});
}

TEST_CASE("node positions are lines of the parsed text", "[markdown]") {
    Document document = parse("first\n\n```chart\nx\n```\n");
    cmark_node* code = cmark_node_last_child(document.root());
    CHECK(cmark_node_get_type(code) == CMARK_NODE_CODE_BLOCK);
    CHECK(cmark_node_get_start_line(code) == 3);
}
