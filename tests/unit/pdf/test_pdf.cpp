#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>

#include "diag/diagnostics.hpp"
#include "markdown/markdown.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf_test_support.hpp"

using namespace boardpress;
using namespace boardpress::pdf;

namespace {

struct ReportSource {
    markdown::Document document;
    markdown::Outline outline;
    ReportSource(const std::string& text, markdown::Numbering numbering = markdown::Numbering::none,
                 int first = 1)
        : document(markdown::parse(text)),
          outline(markdown::outline(document, {numbering, first})) {}
};

std::string filler(int paragraphs) {
    std::string text;
    for (int i = 0; i < paragraphs; ++i)
        text += "The board met " + std::to_string(i) +
                " times and agreed its priorities for the year ahead, with partners from health, "
                "police, education and the council's children's services taking part in audits, "
                "reviews and training across the county.\n\n";
    return text;
}

PdfOptions report_options() {
    PdfOptions o;
    o.title = "Annual report 2014–15";
    o.organisation = "Riverside Safeguarding Children Board";
    o.subtitle = "Keeping children safe";
    o.author = "Business unit";
    o.subject = "Annual report";
    o.keywords = "safeguarding, annual report";
    o.date = "2015-09-30";
    return o;
}

}  // namespace

TEST_CASE("a report: pages, contents, bookmarks, header and footer", "[pdf]") {
    ReportSource foreword("Intro paragraph.\n\n## What the figures tell us\n\n" + filler(30) +
                          "## Thanks\n\nThank you.\n");
    ReportSource budget("## Income\n\n" + filler(8) + "## Spending\n\nSee [income](#income).\n");
    std::vector<Chapter> chapters{{"Foreword", "", &foreword.document, &foreword.outline},
                                  {"Budget", "", &budget.document, &budget.outline}};
    std::string bytes = write(chapters, report_options());
    test::TempPdf pdf(bytes, "report.pdf");
    int pages = pdf.pages();
    CHECK(pages >= 5);

    // Every page after the cover: running header and "Page X of Y".
    for (int p = 2; p <= pages; ++p) {
        std::string text = pdf.text(p);
        CHECK(text.find("Page " + std::to_string(p) + " of " + std::to_string(pages)) !=
              std::string::npos);
        CHECK(text.find("Annual report 2014–15") != std::string::npos);
    }
    // Contents lists each chapter and heading with the page it is on.
    std::string contents = pdf.text(2);
    CHECK(contents.find("Contents") != std::string::npos);
    std::smatch match;
    for (std::string entry :
         {"Foreword", "What the figures tell us", "Thanks", "Budget", "Income", "Spending"}) {
        INFO(entry);
        std::regex line_re(entry + R"( +(\d+)\s*\n)");
        REQUIRE(std::regex_search(contents, match, line_re));
        int page = std::stoi(match[1]);
        CHECK(pdf.text(page).find(entry) != std::string::npos);
        if (page > 3) CHECK(pdf.text(page - 1).find(entry) == std::string::npos);
    }
    // Bookmarks nest chapter > h2.
    std::string outlines =
        test::run_command("qpdf --json=2 --json-key=outlines '" + pdf.path() + "'");
    CHECK(outlines.find("\"title\": \"Foreword\"") != std::string::npos);
    CHECK(outlines.find("\"title\": \"What the figures tell us\"") != std::string::npos);
    CHECK(outlines.find("\"title\": \"Contents\"") != std::string::npos);
    // Document information and language.
    std::string info = test::run_command("pdfinfo '" + pdf.path() + "'");
    CHECK(info.find("Creator:         boardpress") != std::string::npos);
    CHECK(info.find("Author:          Business unit") != std::string::npos);
    CHECK(info.find("Subject:         Annual report") != std::string::npos);
    CHECK(info.find("CreationDate:") != std::string::npos);
    CHECK(test::run_command("qpdf --show-object=trailer '" + pdf.path() + "'").find("/Root") !=
          std::string::npos);
    CHECK(std::system(("qpdf --check '" + pdf.path() + "' >/dev/null 2>&1").c_str()) == 0);
}

TEST_CASE("same input, same bytes", "[pdf]") {
    ReportSource source("## One\n\n" + filler(20) + "| a | b |\n|---|--:|\n| x | 1 |\n");
    std::vector<Chapter> chapters{{"Chapter", "", &source.document, &source.outline}};
    std::string first = write(chapters, report_options());
    std::string second = write(chapters, report_options());
    CHECK(first.size() > 1000);
    CHECK(first == second);
    CHECK(first.find("/ID") == std::string::npos);
}

TEST_CASE("UTF-8 text round-trips through pdftotext; fonts are embedded", "[pdf]") {
    std::string sample = "Costs £253,047 – up “sharply” — ‘really’ for the café • noted";
    ReportSource source(sample + "\n\n**Bold £** and *italic é* and `code £`\n");
    PdfOptions o = report_options();
    o.cover = false;
    o.contents = false;
    std::vector<Chapter> chapters{{"Café £ – “title”", "", &source.document, &source.outline}};
    test::TempPdf pdf(write(chapters, o), "utf8.pdf");
    std::string text = pdf.text();
    CHECK(text.find(sample) != std::string::npos);
    CHECK(text.find("Bold £ and italic é and code £") != std::string::npos);
    CHECK(text.find("Café £ – “title”") != std::string::npos);
    std::string fonts = test::run_command("pdffonts '" + pdf.path() + "' 2>/dev/null");
    CHECK(fonts.find("LiberationSans-Bold") != std::string::npos);
    CHECK(fonts.find("LiberationMono") != std::string::npos);
    CHECK(fonts.find(" no ") == std::string::npos);  // every font: emb yes, sub yes, uni yes
    CHECK(std::system(("qpdf --check '" + pdf.path() + "' >/dev/null 2>&1").c_str()) == 0);
}

TEST_CASE("a long table repeats its header on every page it spans", "[pdf][table]") {
    std::string text =
        "Before the table.\n\n| Quarter name | Children on plans | Change |\n|---|---|---|\n";
    for (int i = 0; i < 150; ++i)
        text += "| Q" + std::to_string(i) + " | " + std::to_string(100 + i) + " | " +
                std::to_string(i % 7 - 3) + "% |\n";
    ReportSource source(text);
    PdfOptions o = report_options();
    o.cover = false;
    o.contents = false;
    std::vector<Chapter> chapters{{"Figures", "", &source.document, &source.outline}};
    test::TempPdf pdf(write(chapters, o), "table.pdf");
    int pages = pdf.pages();
    REQUIRE(pages >= 3);
    for (int p = 1; p <= pages; ++p) {
        INFO("page " << p);
        CHECK(pdf.text(p).find("Children on plans") != std::string::npos);
    }
    CHECK(pdf.text(pages).find("Q149") != std::string::npos);
}

TEST_CASE("numbered paragraphs and headings show their numbers; lists, quotes, code, notes",
          "[pdf]") {
    ReportSource source(
        "## Budget\n\nFirst paragraph.[^1]\n\nSecond paragraph.\n\n- one\n- two\n  1. nested\n\n"
        "> A quote\n\n```\nint x = 1;\n```\n\n---\n\n[site](https://example.org/x)\n\n"
        "[^1]: The note.\n",
        markdown::Numbering::sections, 4);
    PdfOptions o = report_options();
    o.cover = false;
    o.contents = false;
    std::vector<Chapter> chapters{{"Money", "4", &source.document, &source.outline}};
    std::string bytes = write(chapters, o);
    test::TempPdf pdf(bytes, "numbers.pdf");
    std::string text = pdf.text();
    CHECK(text.find("4 Money") != std::string::npos);
    CHECK(text.find("4.1") != std::string::npos);
    CHECK(text.find("4.1.1") != std::string::npos);
    CHECK(text.find("•") != std::string::npos);
    CHECK(text.find("int x = 1;") != std::string::npos);
    CHECK(text.find("The note.") != std::string::npos);
    // libharu writes "/" in strings as \057.
    CHECK(bytes.find("/URI (https:\\057\\057example.org\\057x)") != std::string::npos);
    CHECK(std::system(("qpdf --check '" + pdf.path() + "' >/dev/null 2>&1").c_str()) == 0);
}

TEST_CASE("a missing font folder is a boardpress::Error", "[pdf]") {
    ReportSource source("Text.\n");
    PdfOptions o = report_options();
    o.font_folder = "/nonexistent-fonts";
    std::vector<Chapter> chapters{{"T", "", &source.document, &source.outline}};
    CHECK_THROWS_AS(write(chapters, o), Error);
}

// Not run by default: writes the example annual report (template tags left as they are) to
// /tmp/bp-sample.pdf, to look at: `test_pdf "[.sample]"`.
TEST_CASE("sample report", "[.sample]") {
    std::vector<std::unique_ptr<ReportSource>> sources;
    std::vector<Chapter> chapters;
    std::vector<std::string> titles;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(BP_SOURCE_DIR) +
                                                                 "/content/annual-report-2014-15"))
        if (entry.path().filename() != "index.md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    int number = 1;
    for (const auto& file : files) {
        std::ifstream in(file);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string title = file.stem().string();
        if (text.rfind("---\n", 0) == 0) {
            auto end = text.find("\n---\n", 4);
            auto t = text.find("title:");
            if (t != std::string::npos && t < end)
                title = text.substr(t + 7, text.find('\n', t) - t - 7);
            text = text.substr(end + 5);
        }
        sources.push_back(
            std::make_unique<ReportSource>(text, markdown::Numbering::sections, number));
        chapters.push_back(
            {title, std::to_string(number++), &sources.back()->document, &sources.back()->outline});
    }
    std::string extra =
        "## Figures\n\nChildren with a plan rose by **12%**[^1] (see [the budget](#budget)).\n\n"
        "| Month | Plans | Change | Notes |\n|---|---|---|---|\n";
    for (int i = 0; i < 70; ++i)
        extra += "| Month " + std::to_string(i) + " | " + std::to_string(300 + i * 7 % 40) + " | " +
                 std::to_string(i % 9 - 4) + "% | " +
                 (i % 5 ? "" : "a longer note that wraps in its cell") + " |\n";
    extra +=
        "\n> A quotation from a young person, set in from the text with a rule beside it.\n>\n"
        "> It runs to two paragraphs.\n\n```\nplans_by_month = load(\"data/cp.json\")\n```\n\n"
        "1. First step\n2. Second step\n   - nested point\n   - another\n\n---\n\n"
        "![A chart](chart.png)\n\n## Budget\n\nMoney [link](https://example.org).\n\n"
        "[^1]: From the child protection register.\n";
    sources.push_back(std::make_unique<ReportSource>(extra, markdown::Numbering::sections, number));
    chapters.push_back({"Everything else", std::to_string(number), &sources.back()->document,
                        &sources.back()->outline});
    PdfOptions o = report_options();
    o.resolve_image = [](std::string_view) {
        return std::string("/usr/share/doc/nodejs/contributing/doc_img/compare-boxplot.png");
    };
    std::ofstream("/tmp/bp-sample.pdf", std::ios::binary) << write(chapters, o);
}
