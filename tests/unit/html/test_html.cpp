#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

#include "html/html_writer.hpp"

using namespace boardpress;
using Catch::Matchers::Contains;

namespace {

std::string render(std::string_view text, markdown::OutlineOptions outline_options = {},
                   markdown::ParseOptions parse_options = {},
                   const html::WriterOptions& writer_options = {}) {
    markdown::Document document = markdown::parse(text, parse_options);
    markdown::Outline outline = markdown::outline(document, outline_options);
    return html::write(document, outline, writer_options);
}

std::string render_unsafe(std::string_view text) {
    return render(text, {}, {.smart = true, .unsafe_html = true});
}

}  // namespace

TEST_CASE("paragraphs, emphasis, strong, code, breaks", "[html]") {
    CHECK(render("Hello *world* and **bold** and `a < b`  \nnext\nsoft\n") ==
          "<p>Hello <em>world</em> and <strong>bold</strong> and <code>a &lt; b</code><br>\n"
          "next\nsoft</p>\n");
    CHECK(render("") == "");
}

TEST_CASE("text is escaped", "[html]") {
    CHECK(render("Tom & Jerry <3 \"quotes\" 'single'\n", {}, {.smart = false}) ==
          "<p>Tom &amp; Jerry &lt;3 &quot;quotes&quot; 'single'</p>\n");
    CHECK(render("AT&amp;T &lt;b&gt;\n") == "<p>AT&amp;T &lt;b&gt;</p>\n");
}

TEST_CASE("smart punctuation", "[html]") {
    CHECK(render("\"Quoted\" and 'single' -- en --- em... it's\n") ==
          "<p>\xE2\x80\x9CQuoted\xE2\x80\x9D and \xE2\x80\x98single\xE2\x80\x99 \xE2\x80\x93 en "
          "\xE2\x80\x94 em\xE2\x80\xA6 it\xE2\x80\x99s</p>\n");
}

TEST_CASE("UTF-8 passes through and invalid bytes are replaced", "[html]") {
    CHECK(render("Budget \xC2\xA3"
                 "253,047 \xE2\x80\x94 caf\xC3\xA9 \xF0\x9F\x98\x80\n") ==
          "<p>Budget \xC2\xA3"
          "253,047 \xE2\x80\x94 caf\xC3\xA9 \xF0\x9F\x98\x80</p>\n");
    CHECK(render("bad \xC3 byte\n") == "<p>bad \xEF\xBF\xBD byte</p>\n");
    CHECK(render("# Caf\xC3\xA9 \xC2\xA3"
                 "5\n") ==
          "<h1 id=\"cafe-5\">Caf\xC3\xA9 \xC2\xA3"
          "5</h1>\n");
}

TEST_CASE("headings with ids", "[html]") {
    CHECK(render("# Budget\n\n## Budget\n\n###### Small *print*\n") ==
          "<h1 id=\"budget\">Budget</h1>\n<h2 id=\"budget-2\">Budget</h2>\n"
          "<h6 id=\"small-print\">Small <em>print</em></h6>\n");
}

TEST_CASE("an empty outline gives headings without ids", "[html]") {
    markdown::Document document = markdown::parse("# Budget\n\nText[^1]\n\n[^1]: Note.\n");
    std::string html = html::write(document, markdown::Outline{});
    CHECK_THAT(html, Contains("<h1>Budget</h1>"));
    CHECK_THAT(html, Contains("<a href=\"#fn-1\" id=\"fnref-1\""));
    CHECK_THAT(html, Contains("<li id=\"fn-1\">"));
}

TEST_CASE("block quote and thematic break", "[html]") {
    CHECK(render("> quoted\n> text\n\n---\n") ==
          "<blockquote>\n<p>quoted\ntext</p>\n</blockquote>\n<hr>\n");
}

TEST_CASE("lists: tight, loose, ordered with start", "[html]") {
    CHECK(render("- one\n- two\n") == "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
    CHECK(render("- one\n\n- two\n") ==
          "<ul>\n<li>\n<p>one</p>\n</li>\n<li>\n<p>two</p>\n</li>\n</ul>\n");
    CHECK(render("1. one\n2. two\n") == "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n");
    CHECK(render("3) three\n4) four\n") ==
          "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n");
    CHECK(render("- a\n  - nested\n") ==
          "<ul>\n<li>a\n<ul>\n<li>nested</li>\n</ul>\n</li>\n</ul>\n");
}

TEST_CASE("task lists get disabled, labelled checkboxes", "[html]") {
    CHECK(render("- [x] Done *well*\n- [ ] To do\n- plain\n") ==
          "<ul class=\"task-list\">\n"
          "<li class=\"task-list-item\"><label><input type=\"checkbox\" "
          "class=\"task-list-item-checkbox\" disabled checked> Done <em>well</em></label></li>\n"
          "<li class=\"task-list-item\"><label><input type=\"checkbox\" "
          "class=\"task-list-item-checkbox\" disabled> To do</label></li>\n"
          "<li>plain</li>\n</ul>\n");
    CHECK(render("- [ ] Loose\n\n  more\n") ==
          "<ul class=\"task-list\">\n<li class=\"task-list-item\">\n"
          "<p><label><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled> "
          "Loose</label></p>\n<p>more</p>\n</li>\n</ul>\n");
}

TEST_CASE("code blocks: language class, escaping, hook", "[html]") {
    CHECK(render("```cpp extra\nif (a < b && c) {}\n```\n") ==
          "<pre><code class=\"language-cpp\">if (a &lt; b &amp;&amp; c) {}\n</code></pre>\n");
    CHECK(render("    indented\n") == "<pre><code>indented\n</code></pre>\n");
    CHECK(render("```\"><script>\nx\n```\n") ==
          "<pre><code class=\"language-&quot;&gt;&lt;script&gt;\">x\n</code></pre>\n");

    html::WriterOptions options;
    struct Seen {
        std::string info;
        int line;
    };
    std::vector<Seen> seen;  // CodeBlock's views die with the document: copy them
    options.render_code_block = [&](const html::CodeBlock& block) -> std::optional<std::string> {
        seen.push_back({std::string(block.info), block.line});
        if (block.info.substr(0, 5) == "chart")
            return "<figure>chart " + std::string(block.literal) + "</figure>";
        return std::nullopt;
    };
    std::string text =
        "Intro\n\n```chart bar\ndata\n```\n\n```python\nprint()\n```\n\n    indented\n";
    CHECK(render(text, {}, {}, options) ==
          "<p>Intro</p>\n<figure>chart data\n</figure>\n"
          "<pre><code class=\"language-python\">print()\n</code></pre>\n"
          "<pre><code>indented\n</code></pre>\n");
    REQUIRE(seen.size() == 2);  // fenced blocks only
    CHECK(seen[0].info == "chart bar");
    CHECK(seen[0].line == 3);
    CHECK(seen[1].info == "python");
}

TEST_CASE("raw HTML is omitted unless unsafe_html", "[html]") {
    CHECK(
        render("<div onclick=\"x()\">block</div>\n\ntext <b>bold</b> end\n") ==
        "<!-- raw HTML omitted -->\n<p>text <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> "
        "end</p>\n");
    CHECK(render("<script>alert(1)</script>\n") == "<!-- raw HTML omitted -->\n");
    CHECK(render("a <!-- comment --> b\n") == "<p>a <!-- raw HTML omitted --> b</p>\n");

    CHECK(render_unsafe("<div class=\"x\">block</div>\n\ntext <b>bold</b>\n") ==
          "<div class=\"x\">block</div>\n<p>text <b>bold</b></p>\n");
    // Even then, GitHub's tag filter disarms the tags that take over the page.
    CHECK(render_unsafe("<script>alert(1)</script>\n") == "&lt;script>alert(1)&lt;/script>\n");
    CHECK(render_unsafe("x <iframe src=y> <STYLE> <scripts>\n") ==
          "<p>x &lt;iframe src=y> &lt;STYLE> <scripts></p>\n");
}

TEST_CASE("links: escaped, titled, dangerous schemes dropped", "[html]") {
    CHECK(render("[a](https://example.org/?a=1&b=\"2\" \"T & <t>\")\n") ==
          "<p><a href=\"https://example.org/?a=1&amp;b=%222%22\" title=\"T &amp; "
          "&lt;t&gt;\">a</a></p>\n");
    CHECK(render("[sp](<a b> 'x')\n") == "<p><a href=\"a%20b\" title=\"x\">sp</a></p>\n");
    CHECK(render("[caf\xC3\xA9](/caf\xC3\xA9)\n") ==
          "<p><a href=\"/caf%C3%A9\">caf\xC3\xA9</a></p>\n");
    CHECK(render("<https://example.org> and www.example.com\n") ==
          "<p><a href=\"https://example.org\">https://example.org</a> and "
          "<a href=\"http://www.example.com\">www.example.com</a></p>\n");

    CHECK(render("[click](javascript:alert(1))\n") == "<p>click</p>\n");
    CHECK(render("[click](JavaScript:alert(1))\n") == "<p>click</p>\n");
    CHECK(render("[click](&#106;avascript:alert(1))\n") == "<p>click</p>\n");
    CHECK(render("[click](<java\tscript:alert(1)>)\n") == "<p>click</p>\n");
    CHECK(render("[v](vbscript:msgbox)\n") == "<p>v</p>\n");
    CHECK(render("[d](data:text/html;base64,PHNjcmlwdD4=)\n") == "<p>d</p>\n");
    CHECK(render("[f](file:///etc/passwd)\n") == "<p>f</p>\n");
    CHECK(render("<javascript:alert(1)>\n") == "<p>javascript:alert(1)</p>\n");
    CHECK(render_unsafe("[click](javascript:alert(1))\n") == "<p>click</p>\n");
    CHECK(render("[ok](data:image/png;base64,AAAA)\n") ==
          "<p><a href=\"data:image/png;base64,AAAA\">ok</a></p>\n");
    CHECK(render("[rel](../a/b.html#frag)\n") == "<p><a href=\"../a/b.html#frag\">rel</a></p>\n");
}

TEST_CASE("url helpers", "[html]") {
    CHECK(html::is_safe_url("https://x"));
    CHECK(html::is_safe_url("mailto:a@b.c"));
    CHECK(html::is_safe_url("javascript"));  // a relative path, not a scheme
    CHECK_FALSE(html::is_safe_url(" \x01JAVASCRIPT:x"));
    CHECK_FALSE(html::is_safe_url("data:image/svg+xml,<svg>"));
    CHECK(html::is_safe_url("data:image/webp;base64,x"));
    CHECK(html::escape_url("a\"b<c>d'e&f g") == "a%22b%3Cc%3Ed&#x27;e&amp;f%20g");
    CHECK(html::escape_url("100%25") == "100%25");
    CHECK(html::escape_text("<a href=\"x\">&</a>") ==
          "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
}

TEST_CASE("images: alt from plain text, lazy, dangerous sources dropped", "[html]") {
    CHECK(render("![A *chart* of \"cases\"](img/chart.png \"Cases\")\n") ==
          "<p><img src=\"img/chart.png\" alt=\"A chart of \xE2\x80\x9C"
          "cases\xE2\x80\x9D\" "
          "title=\"Cases\" loading=\"lazy\"></p>\n");
    CHECK(render("![x\"y](a.png)\n", {}, {.smart = false}) ==
          "<p><img src=\"a.png\" alt=\"x&quot;y\" loading=\"lazy\"></p>\n");
    CHECK(render("![evil](javascript:alert(1))\n") == "<p>evil</p>\n");
}

TEST_CASE("strikethrough", "[html]") {
    CHECK(render("~~gone~~ and ~also~\n") == "<p><del>gone</del> and <del>also</del></p>\n");
}

TEST_CASE("tables with alignment", "[html]") {
    CHECK(render("| Agency | Budget | Share | Note |\n|:--|--:|:-:|---|\n"
                 "| Police | \xC2\xA3"
                 "1,000 | 10% | *x* |\n| NHS & Co | 2 | 3 |\n") ==
          "<div class=\"table-wrap\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">\n"
          "<table>\n<thead>\n<tr>\n"
          "<th scope=\"col\" style=\"text-align: left\">Agency</th>\n"
          "<th scope=\"col\" style=\"text-align: right\">Budget</th>\n"
          "<th scope=\"col\" style=\"text-align: center\">Share</th>\n"
          "<th scope=\"col\">Note</th>\n"
          "</tr>\n</thead>\n<tbody>\n<tr>\n"
          "<td style=\"text-align: left\">Police</td>\n"
          "<td style=\"text-align: right\">\xC2\xA3"
          "1,000</td>\n"
          "<td style=\"text-align: center\">10%</td>\n"
          "<td><em>x</em></td>\n"
          "</tr>\n<tr>\n"
          "<td style=\"text-align: left\">NHS &amp; Co</td>\n"
          "<td style=\"text-align: right\">2</td>\n"
          "<td style=\"text-align: center\">3</td>\n"
          "<td></td>\n"
          "</tr>\n</tbody>\n</table>\n</div>\n");
    CHECK(render("| a |\n|---|\n") ==
          "<div class=\"table-wrap\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">\n"
          "<table>\n<thead>\n<tr>\n<th scope=\"col\">a</th>\n</tr>\n</thead>\n</table>\n</div>\n");
}

TEST_CASE("a table's scrolling region is named by the heading above it", "[html]") {
    std::string out = render("## Who came\n\nText.\n\n| a |\n|---|\n| 1 |\n");
    CHECK_THAT(out, Contains("<h2 id=\"who-came\">Who came</h2>\n"));
    CHECK_THAT(out, Contains("<div class=\"table-wrap\" role=\"region\" "
                             "aria-labelledby=\"who-came\" tabindex=\"0\">\n<table>\n"));
}

TEST_CASE("footnotes with back-links", "[html]") {
    CHECK(
        render("One[^b] two[^a] again[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n\n    more B\n\n"
               "[^unused]: never shown\n") ==
        "<p>One<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" "
        "aria-label=\"Footnote 1\">1</a></sup> two<sup class=\"footnote-ref\"><a href=\"#fn-2\" "
        "id=\"fnref-2\" aria-label=\"Footnote 2\">2</a></sup> again<sup class=\"footnote-ref\">"
        "<a href=\"#fn-1\" id=\"fnref-1-2\" aria-label=\"Footnote 1\">1</a></sup>.</p>\n"
        "<section class=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n"
        "<li id=\"fn-1\">\n<p>Note B.</p>\n<p>more B "
        "<a href=\"#fnref-1\" class=\"footnote-backref\" aria-label=\"Back to reference 1\">"
        "\xE2\x86\xA9\xEF\xB8\x8E</a> "
        "<a href=\"#fnref-1-2\" class=\"footnote-backref\" aria-label=\"Back to reference 1 (2)\">"
        "\xE2\x86\xA9\xEF\xB8\x8E<sup>2</sup></a></p>\n</li>\n"
        "<li id=\"fn-2\">\n<p>Note A. "
        "<a href=\"#fnref-2\" class=\"footnote-backref\" aria-label=\"Back to reference 2\">"
        "\xE2\x86\xA9\xEF\xB8\x8E</a></p>\n</li>\n"
        "</ol>\n</section>\n");
    // A note that ends in something other than a paragraph gets its back-link in a paragraph.
    CHECK_THAT(render("x[^1]\n\n[^1]: - item\n"),
               Contains("<li id=\"fn-1\">\n<ul>\n<li>item</li>\n</ul>\n<p> <a href=\"#fnref-1\""));
    CHECK(render("no [^missing] note\n") == "<p>no [^missing] note</p>\n");
}

TEST_CASE("numbered paragraphs (committee reports)", "[html]") {
    CHECK(render("# Report\n\nFirst.\n\n## Budget\n\nSecond.\n\n- not numbered\n",
                 {markdown::Numbering::paragraphs, 7}) ==
          "<h1 id=\"report\">Report</h1>\n"
          "<p class=\"numbered\" id=\"p-7\"><span class=\"para-num\">7.</span> First.</p>\n"
          "<h2 id=\"budget\">Budget</h2>\n"
          "<p class=\"numbered\" id=\"p-8\"><span class=\"para-num\">8.</span> Second.</p>\n"
          "<ul>\n<li>not numbered</li>\n</ul>\n");
}

TEST_CASE("numbered sections (annual reports)", "[html]") {
    CHECK(render("# Governance\n\nIntro.\n\n## The LSCB Budget\n\nOne.\n\nTwo.\n",
                 {markdown::Numbering::sections, 4}) ==
          "<h1 id=\"governance\"><span class=\"heading-num\">4.</span> Governance</h1>\n"
          "<p class=\"numbered\" id=\"p-4-1\"><span class=\"para-num\">4.1</span> Intro.</p>\n"
          "<h2 id=\"the-lscb-budget\"><span class=\"heading-num\">4.2</span> The LSCB Budget</h2>\n"
          "<p class=\"numbered\" id=\"p-4-2-1\"><span class=\"para-num\">4.2.1</span> One.</p>\n"
          "<p class=\"numbered\" id=\"p-4-2-2\"><span class=\"para-num\">4.2.2</span> Two.</p>\n");
}

TEST_CASE("every id in the page is unique", "[html]") {
    std::string html = render(
        "# FN 1\n\n# P 1\n\n# Budget\n\n## Budget\n\nA[^x] b[^x] c[^y].\n\nMore.\n\n"
        "> # Budget\n\n[^x]: X.\n[^y]: Y.\n",
        {markdown::Numbering::paragraphs, 1});
    std::regex id_attribute(" id=\"([^\"]*)\"");
    std::set<std::string> ids;
    int count = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_attribute);
         it != std::sregex_iterator(); ++it) {
        ids.insert((*it)[1]);
        ++count;
    }
    CHECK(count == 12);  // 5 headings, 2 paragraphs, 3 references, 2 notes
    CHECK(ids.size() == static_cast<std::size_t>(count));
    // and every in-page link points at one of them
    std::regex href(" href=\"#([^\"]*)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), href);
         it != std::sregex_iterator(); ++it)
        CHECK(ids.count((*it)[1]) == 1);
}

TEST_CASE("output is deterministic", "[html]") {
    std::string text =
        "# A\n\nx[^1] ~~y~~ | z\n\n| a | b |\n|--|--|\n| 1 | 2 |\n\n- [x] t\n\n[^1]: n\n";
    std::string first = render(text, {markdown::Numbering::sections, 2});
    for (int i = 0; i < 5; ++i) CHECK(render(text, {markdown::Numbering::sections, 2}) == first);
}

TEST_CASE("the first use of a glossary term on a page is explained with abbr", "[html][glossary]") {
    markdown::Glossary glossary({{"LSCB", "Local \"Safeguarding\" <Children> Board"},
                                 {"CSE", "child sexual exploitation"}});
    html::WriterOptions options;
    options.glossary = &glossary;
    std::string html = render(
        "# The LSCB\n\nThe LSCB and its CSE work. The LSCB again.\n\n[LSCB site](a.html)\n\n"
        "- CSE once more\n",
        {}, {}, options);
    CHECK(
        html ==
        "<h1 id=\"the-lscb\">The LSCB</h1>\n"
        "<p>The <abbr title=\"Local &quot;Safeguarding&quot; &lt;Children&gt; Board\">LSCB</abbr>"
        " and its <abbr title=\"child sexual exploitation\">CSE</abbr> work. The LSCB again.</p>\n"
        "<p><a href=\"a.html\">LSCB site</a></p>\n"
        "<ul>\n<li>CSE once more</li>\n</ul>\n");
    CHECK(render("The LSCB.\n") == "<p>The LSCB.</p>\n");  // no glossary, no abbr
}

TEST_CASE("a Table: paragraph beside a table is its caption", "[html][caption]") {
    std::string before =
        render("Table: Referrals by *age*\n\n| Age | Count |\n|---|--:|\n| 0-4 | 12 |\n");
    CHECK(before.find("<caption id=\"table-caption-1\">Referrals by <em>age</em></caption>") !=
          std::string::npos);
    CHECK(before.find("aria-labelledby=\"table-caption-1\"") != std::string::npos);
    CHECK(before.find("<p>") == std::string::npos);  // not written again as a paragraph

    std::string after = render("| A |\n|---|\n| 1 |\n\nTable: After it\n\nTable: not a caption\n");
    CHECK(after.find("<caption id=\"table-caption-1\">After it</caption>") != std::string::npos);
    CHECK(after.find("<p>Table: not a caption</p>") != std::string::npos);

    // Numbered paragraphs skip captions.
    markdown::OutlineOptions numbered;
    numbered.numbering = markdown::Numbering::paragraphs;
    std::string counted =
        render("First.\n\nTable: Cap\n\n| A |\n|---|\n| 1 |\n\nSecond.\n", numbered);
    CHECK(counted.find("id=\"p-2\"") != std::string::npos);
    CHECK(counted.find("id=\"p-3\"") == std::string::npos);
}
