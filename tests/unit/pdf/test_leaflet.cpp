#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "diag/diagnostics.hpp"
#include "markdown/markdown.hpp"
#include "pdf/leaflet.hpp"
#include "pdf_test_support.hpp"

using namespace boardpress;
using namespace boardpress::pdf;

using boardpress::pdf::test::in_order;

namespace {

struct Leaflet {
    markdown::Document document;
    markdown::Outline outline;
    explicit Leaflet(const std::string& text)
        : document(markdown::parse(text)), outline(markdown::outline(document)) {}
};

std::string sample_text() {
    std::ifstream in(std::string(BP_SOURCE_DIR) + "/tests/unit/pdf/leaflet_sample.md");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

LeafletOptions options(const std::string& source = {}) {
    LeafletOptions o;
    o.pdf.title = "Private fostering";
    o.pdf.subtitle =
        "Is someone else looking after your child, or are you looking after "
        "someone else's? You need to tell us.";
    o.pdf.organisation = "Northmoor Safeguarding Children Board";
    o.pdf.subject = "Private fostering";
    o.pdf.keywords = "leaflet";
    o.pdf.date = "2015-10-01";
    o.file = "content/leaflets/private-fostering.md";
    o.body_line = 8;
    o.source = source;
    return o;
}

std::string words(int count) {
    std::string text;
    for (int i = 0; i < count; ++i) text += (i % 12 == 11 ? "carers.\n" : "children ");
    return text + "\n";
}

std::string pdftotext(const test::TempPdf& pdf, int page, const std::string& mode = "") {
    return test::run_command("pdftotext " + mode + " -f " + std::to_string(page) + " -l " +
                             std::to_string(page) + " '" + pdf.path() + "' - 2>/dev/null");
}

}  // namespace

TEST_CASE("leaflet: two A4 landscape pages, panels imposed for a letter fold", "[pdf][leaflet]") {
    Leaflet leaflet(sample_text());
    PdfFile file = write_leaflet(leaflet.document, leaflet.outline, options());
    CHECK(file.pages == 2);
    test::TempPdf pdf(file.bytes, "leaflet.pdf");
    CHECK(pdf.pages() == 2);
    // A4 landscape (pdfinfo prints 595.276 as 595.28 or 595.276, by version).
    std::regex a4_landscape(R"(size: +841\.89 x 595\.28?\d* pts)");
    std::string info = test::run_command("pdfinfo -f 1 -l 2 '" + pdf.path() + "' 2>/dev/null");
    CHECK(std::distance(std::sregex_iterator(info.begin(), info.end(), a4_landscape),
                        std::sregex_iterator()) == 2);  // pages 1 and 2
    std::string summary = test::run_command("pdfinfo '" + pdf.path() + "' 2>/dev/null");
    CHECK(std::regex_search(summary, a4_landscape));  // "Page size:"
    CHECK(std::regex_search(summary, std::regex("Title: +Private fostering\n")));
    CHECK(
        std::regex_search(summary, std::regex("Author: +Northmoor Safeguarding Children Board\n")));

    // Text is drawn panel by panel in reading order, so extracted in content order (-raw) it
    // reads 1, 2, 6 on the outside, 3, 4, 5 inside, every panel whole. (pdftotext's default mode
    // guesses columns from the geometry, and takes panels whose blocks line up for a table.)
    std::string outside = pdftotext(pdf, 1, "-raw");
    CHECK(in_order(outside, {"Private", "fostering", "Is someone else looking after your",
                             "someone else’s?", "Is someone else looking", "after your child?",
                             "Private fostering is when a child under 16", "not a close relative.",
                             "Northmoor Safeguarding Children Board", "Why it matters",
                             "Most privately fostered children",
                             "most of them students at language schools.", "Northmoor Safeguarding",
                             "The board brings together the agencies", "Published October 2015"}));
    std::string inside = pdftotext(pdf, 2, "-raw");
    CHECK(in_order(inside,
                   {"Who must tell the council", "Parents who arrange", "Carers who look after",
                    "Anyone else involved", "Tell us at least six weeks", "What happens next",
                    "A social worker will visit", "within the time it should.", "How to tell us",
                    "Call Northmoor County Council", "police on 999."}));
    // Where each panel prints: the outside left to right 2 | 6 | 1, the inside 3 | 4 | 5.
    auto x_of = [&](int page, const std::string& word) {
        std::string boxes =
            test::run_command("pdftotext -bbox -f " + std::to_string(page) + " -l " +
                              std::to_string(page) + " '" + pdf.path() + "' - 2>/dev/null");
        std::smatch match;
        std::regex box("<word xMin=\"([0-9.]+)\"[^>]*>" + word + "</word>");
        return std::regex_search(boxes, match, box) ? std::stod(match[1]) : -1.0;
    };
    double third = 841.89 / 3;
    CHECK(x_of(1, "Why") > 0);
    CHECK(x_of(1, "Why") < third);                                        // panel 2
    CHECK((x_of(1, "brings") > third && x_of(1, "brings") < 2 * third));  // panel 6
    CHECK(x_of(1, "close") > 2 * third);                                  // panel 1
    CHECK(x_of(2, "Parents") < third);                                    // panel 3
    CHECK((x_of(2, "social") > third && x_of(2, "social") < 2 * third));  // panel 4
    CHECK(x_of(2, "999.") > 2 * third);                                   // panel 5
    // No text within 12 mm of a fold or the page's edge.
    std::string boxes = test::run_command("pdftotext -bbox '" + pdf.path() + "' - 2>/dev/null");
    std::regex word_box(
        R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)")re");
    double margin = 12 / 25.4 * 72 - 0.5;
    int words = 0;
    for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), word_box);
         it != std::sregex_iterator(); ++it, ++words) {
        double x0 = std::stod((*it)[1]), x1 = std::stod((*it)[3]);
        int panel = static_cast<int>(x0 / third);
        INFO("word at x " << x0 << ".." << x1);
        CHECK(x0 >= panel * third + margin);
        CHECK(x1 <= (panel + 1) * third - margin);
        CHECK(std::stod((*it)[2]) >= margin - 8);  // yMin includes the ascent
        CHECK(std::stod((*it)[4]) <= 595.276 - margin);
    }
    CHECK(words > 250);

    CHECK(std::system(("qpdf --check '" + pdf.path() + "' >/dev/null 2>&1").c_str()) == 0);
    // Fonts are embedded.
    std::string fonts = test::run_command("pdffonts '" + pdf.path() + "' 2>/dev/null");
    CHECK(fonts.find("LiberationSans") != std::string::npos);
    CHECK(fonts.find(" no  ") == std::string::npos);
}

TEST_CASE("leaflet: same input, same bytes", "[pdf][leaflet]") {
    Leaflet a(sample_text()), b(sample_text());
    std::string first = write_leaflet(a.document, a.outline, options()).bytes;
    std::string second = write_leaflet(b.document, b.outline, options()).bytes;
    CHECK(first == second);
    CHECK(first.size() > 1000);
}

TEST_CASE("leaflet: fewer than six panels leave the rest blank", "[pdf][leaflet]") {
    Leaflet leaflet("## Front\n\nThe cover text.\n\n---\n\n## Flap\n\nThe flap text.\n");
    Diagnostics diagnostics;
    std::optional<PdfFile> file =
        write_leaflet(leaflet.document, leaflet.outline, options(), diagnostics);
    REQUIRE(file);
    CHECK(diagnostics.empty());
    test::TempPdf pdf(file->bytes, "short.pdf");
    CHECK(pdf.pages() == 2);
    CHECK(in_order(pdftotext(pdf, 1, "-raw"),
                   {"Front", "The cover text.", "Northmoor Safeguarding Children Board", "Flap",
                    "The flap text.", "Published October 2015"}));
    std::string inside = pdftotext(pdf, 2);
    CHECK(inside.find_first_not_of(" \n\f") == std::string::npos);
    CHECK(std::system(("qpdf --check '" + pdf.path() + "' >/dev/null 2>&1").c_str()) == 0);
}

TEST_CASE("leaflet: a panel too long for its space is an error naming it and where it starts",
          "[pdf][leaflet]") {
    std::string text = sample_text();
    // Panel 3 and panel 5 get far too much text.
    std::string three = "## Who must tell the council\n";
    std::string five = "## How to tell us\n";
    text.replace(text.find(five), five.size(), five + "\n" + words(260));
    text.replace(text.find(three), three.size(), three + "\n" + words(400));
    Leaflet leaflet(text);
    LeafletOptions o = options(text);

    Diagnostics diagnostics = check_leaflet(leaflet.document, leaflet.outline, o);
    REQUIRE(diagnostics.items().size() == 2);
    const Diagnostic& first = diagnostics.items()[0];
    INFO(describe(first));
    CHECK(first.location.file == "content/leaflets/private-fostering.md");
    // "## Who must tell the council" is line 17 of the Markdown, line 24 of the file.
    CHECK(first.location.line == 24);
    CHECK(first.source_line == "## Who must tell the council");
    std::regex message(
        R"(panel 3 \(“Who must tell the council”\) is (\d+) mm too long for its space)");
    std::smatch match;
    REQUIRE(std::regex_match(first.message, match, message));
    int mm = std::stoi(match[1]);
    CHECK(mm > 20);
    CHECK(mm < 400);
    std::regex hint(R"(shorten it by about (\d+) words or move text to another panel)");
    REQUIRE(std::regex_match(first.hint, match, hint));
    int cut = std::stoi(match[1]);
    CHECK(cut % 5 == 0);
    // The estimate is about right: cutting a little less still overflows, a little more fits.
    auto panel_3_fits = [&](int count) {
        std::string shorter = sample_text();
        shorter.replace(shorter.find(three), three.size(), three + "\n" + words(count));
        Leaflet l(shorter);
        return check_leaflet(l.document, l.outline, options()).empty();
    };
    CHECK_FALSE(panel_3_fits(400 - cut * 8 / 10));
    CHECK(panel_3_fits(400 - cut * 12 / 10));

    const Diagnostic& second = diagnostics.items()[1];
    INFO(describe(second));
    CHECK(second.message.rfind("panel 5 (“How to tell us”) is ", 0) == 0);
    CHECK(second.source_line == "## How to tell us");

    // The PDF is not made; every problem is reported.
    Diagnostics collected;
    CHECK_FALSE(write_leaflet(leaflet.document, leaflet.outline, o, collected));
    CHECK(collected.error_count() == 2);
    // The throwing form gives the first, and says there is another.
    try {
        write_leaflet(leaflet.document, leaflet.outline, o);
        FAIL("no error");
    } catch (const Error& error) {
        CHECK(error.diagnostic().message == first.message);
        CHECK(error.diagnostic().location.line == 24);
        CHECK(error.diagnostic().hint.find("1 more problem") != std::string::npos);
    }
}

TEST_CASE("leaflet: a panel that only just fits is not an error; a little more is",
          "[pdf][leaflet]") {
    // Grow panel 4 a line at a time until it overflows: the first overflow is small.
    std::string base = sample_text();
    std::string four = "## What happens next\n";
    int mm = -1;
    for (int count = 100; count < 700 && mm < 0; ++count) {
        std::string text = base;
        text.replace(text.find(four), four.size(), four + "\n" + words(count));
        Leaflet leaflet(text);
        Diagnostics diagnostics = check_leaflet(leaflet.document, leaflet.outline, options());
        if (diagnostics.empty()) continue;
        REQUIRE(diagnostics.items().size() == 1);
        std::smatch match;
        std::regex message(R"(panel 4 \(“What happens next”\) is (\d+) mm too long.*)");
        REQUIRE(std::regex_match(diagnostics.items()[0].message, match, message));
        mm = std::stoi(match[1]);
        CHECK(diagnostics.items()[0].hint.find("about 5 words") != std::string::npos);
    }
    CHECK(mm >= 1);
    CHECK(mm <= 7);  // one line
}

TEST_CASE("leaflet: the front has less room than an inside panel", "[pdf][leaflet]") {
    // The same text fits panel 3 but not panel 1 (the cover's title band takes room).
    std::string body = "## Heading\n\n" + words(120);
    Leaflet front(body);
    Leaflet inside("Front\n\n***\n\nFlap\n\n***\n\n" + body);
    CHECK(check_leaflet(inside.document, inside.outline, options()).empty());
    Diagnostics diagnostics = check_leaflet(front.document, front.outline, options());
    REQUIRE(diagnostics.items().size() == 1);
    CHECK(diagnostics.items()[0].message.rfind("panel 1 (“Heading”) is ", 0) == 0);
    CHECK(diagnostics.items()[0].location.line == 8);
}

TEST_CASE("leaflet: more than six panels is an error at the break that starts the seventh",
          "[pdf][leaflet]") {
    std::string text;
    for (int i = 1; i <= 8; ++i) {
        if (i > 1) text += "***\n\n";
        text += "Panel " + std::to_string(i) + ".\n\n";
    }
    // Breaks are on lines 3, 7, 11, 15, 19 (the sixth: it starts panel 7), 23.
    Leaflet leaflet(text);
    LeafletOptions o = options(text);
    o.body_line = 1;
    Diagnostics diagnostics = check_leaflet(leaflet.document, leaflet.outline, o);
    REQUIRE(diagnostics.items().size() == 1);
    const Diagnostic& d = diagnostics.items()[0];
    INFO(describe(d));
    CHECK(d.location.line == 23);
    CHECK(d.source_line == "***");
    CHECK(d.message.find("the leaflet has 8 panels") != std::string::npos);
    CHECK(d.message.find("this break starts panel 7") != std::string::npos);
    CHECK(d.hint.find("join two panels") != std::string::npos);
    CHECK_THROWS_AS(write_leaflet(leaflet.document, leaflet.outline, o), Error);

    // With a panel that overflows too, both are reported, in the order of the file.
    std::string both = "Panel 1.\n\n***\n\n" + words(400) + text.substr(text.find("***"));
    Leaflet crowded(both);
    o.source = both;
    Diagnostics two = check_leaflet(crowded.document, crowded.outline, o);
    REQUIRE(two.items().size() == 2);
    INFO(describe(two.items()[0]));
    // A panel without a heading is named by its first words.
    CHECK(two.items()[0].message.rfind("panel 2 (“children children children children children "
                                       "children…”) is ",
                                       0) == 0);
    CHECK(two.items()[0].location.line == 5);
    CHECK(two.items()[1].message.find("the leaflet has 9 panels") != std::string::npos);
}

TEST_CASE("leaflet: empty panels, footnotes and links", "[pdf][leaflet]") {
    // Two breaks in a row: panel 2 is left blank. A note prints in the panel that refers to it.
    Leaflet leaflet(
        "Cover.\n\n***\n\n***\n\nInside left.[^1] See [the website](https://example.org/).\n\n"
        "[^1]: Children Act 1989, section 66.\n");
    Diagnostics diagnostics;
    std::optional<PdfFile> file =
        write_leaflet(leaflet.document, leaflet.outline, options(), diagnostics);
    REQUIRE(file);
    test::TempPdf pdf(file->bytes, "notes.pdf");
    std::string inside = pdftotext(pdf, 2);
    CHECK(in_order(inside, {"Inside left.", "See the website.", "Children Act 1989"}));
    CHECK(pdftotext(pdf, 1).find("Children Act") == std::string::npos);
    CHECK(file->bytes.find("/URI (https:\\057\\057example.org\\057)") != std::string::npos);
}
