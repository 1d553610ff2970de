// Embedded fonts: subset with HarfBuzz, metrics unchanged, a valid ToUnicode CMap, reproducible.
#include <catch2/catch.hpp>

#include <hb.h>

#include <filesystem>
#include <memory>

#include "markdown/markdown.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/fonts.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf/to_unicode.hpp"
#include "pdf_test_support.hpp"

using namespace boardpress;
using namespace boardpress::pdf;

namespace {

const std::string sample = "Costs £253,047 – up “sharply” — ‘really’ for the café • noted";

struct SubsetSource {
    markdown::Document document;
    markdown::Outline outline;
    explicit SubsetSource(const std::string& text)
        : document(markdown::parse(text)), outline(markdown::outline(document, {})) {}
};

std::string write_sample(const std::string& text, bool cover = false) {
    SubsetSource source(text);
    PdfOptions o;
    o.title = "Fonts";
    o.cover = cover;
    o.contents = false;
    std::vector<Chapter> chapters{{"Café £ – “title”", "", &source.document, &source.outline}};
    return write(chapters, o);
}

std::uintmax_t regular_font_size() {
    return std::filesystem::file_size(default_font_files().paths[0]);
}

struct HbFont {
    hb_blob_t* blob;
    hb_face_t* face;
    hb_font_t* font;
    explicit HbFont(hb_blob_t* b)
        : blob(b), face(hb_face_create(b, 0)), font(hb_font_create(face)) {}
    HbFont(const HbFont&) = delete;
    HbFont& operator=(const HbFont&) = delete;
    ~HbFont() {
        hb_font_destroy(font);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
    }
    hb_codepoint_t glyph(char32_t code) const {
        hb_codepoint_t glyph = 0;
        hb_font_get_nominal_glyph(font, code, &glyph);
        return glyph;
    }
    hb_position_t advance(hb_codepoint_t glyph) const {
        return hb_font_get_glyph_h_advance(font, glyph);
    }
};

}  // namespace

TEST_CASE("a PDF with a few characters embeds far less than the whole font", "[pdf][fonts]") {
    std::string bytes = write_sample("Hi £ é\n\n**Bold** *it* `mono`\n");
    // Six faces are loaded (regular, bold, italic, bold italic, mono, mono bold); the regular
    // face alone is ~400 KB.
    CHECK(bytes.size() < regular_font_size() / 10);
    test::TempPdf pdf(bytes, "few.pdf");
    std::string fonts = test::run_command("pdffonts '" + pdf.path() + "' 2>/dev/null");
    CHECK(fonts.find("+LiberationSans ") != std::string::npos);
    CHECK(fonts.find("+LiberationMono ") != std::string::npos);
    CHECK(fonts.find(" no ") == std::string::npos);  // every font: emb yes, sub yes, uni yes
    CHECK(std::system(("qpdf --check '" + pdf.path() + "' >/dev/null 2>&1").c_str()) == 0);
}

TEST_CASE("UTF-8 text round-trips, and poppler finds nothing wrong with the fonts",
          "[pdf][fonts]") {
    std::string bytes = write_sample(sample + "\n\n**Bold £ “quoted”** and *italic é — •*\n", true);
    test::TempPdf pdf(bytes, "roundtrip.pdf");
    std::string text = pdf.text();
    CHECK(text.find(sample) != std::string::npos);
    CHECK(text.find("Bold £ “quoted” and italic é — •") != std::string::npos);
    CHECK(text.find("Café £ – “title”") != std::string::npos);
    // Poppler's warnings (e.g. "Invalid 'begincidrange' operator in ToUnicode CMap") go to stderr.
    std::string warnings =
        test::run_command("pdftotext '" + pdf.path() + "' /dev/null 2>&1; pdffonts '" + pdf.path() +
                          "' 2>&1 >/dev/null");
    CHECK(warnings.find("ToUnicode") == std::string::npos);
    CHECK(warnings == "");
    std::string fonts = test::run_command("pdffonts '" + pdf.path() + "' 2>/dev/null");
    CHECK(fonts.find(" no ") == std::string::npos);
    std::string check = test::run_command("qpdf --check '" + pdf.path() + "' 2>&1");
    CHECK(check.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(check.find("WARNING") == std::string::npos);
}

TEST_CASE("subset fonts are reproducible: same input, same bytes", "[pdf][fonts]") {
    std::string text = sample + "\n\n**Bold** *italic* `code`\n";
    std::string first = write_sample(text, true);
    std::string second = write_sample(text, true);
    CHECK(first == second);
}

TEST_CASE("subset_font keeps the glyphs asked for, with their metrics", "[pdf][fonts]") {
    std::string path = default_font_files().paths[0];
    HbFont full(hb_blob_create_from_file(path.c_str()));
    std::vector<char32_t> codes{U'A', U'b', U'£', U'é', U'–', U'“'};
    std::vector<std::uint32_t> glyphs;
    for (char32_t code : codes) glyphs.push_back(full.glyph(code));
    std::optional<FontSubset> subset = subset_font(path, glyphs, codes);
    REQUIRE(subset);
    CHECK(subset->bytes.size() < regular_font_size() / 20);
    CHECK(subset->new_glyph.at(0) == 0);
    HbFont small(hb_blob_create(subset->bytes.data(), static_cast<unsigned>(subset->bytes.size()),
                                HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    CHECK(hb_face_get_upem(small.face) == hb_face_get_upem(full.face));
    for (std::size_t i = 0; i < codes.size(); ++i) {
        REQUIRE(subset->new_glyph.count(glyphs[i]) == 1);
        hb_codepoint_t now = subset->new_glyph.at(glyphs[i]);
        CHECK(small.glyph(codes[i]) == now);  // the subset's cmap agrees
        CHECK(small.advance(now) == full.advance(glyphs[i]));
    }
    // Same input, same bytes.
    CHECK(subset_font(path, glyphs, codes)->bytes == subset->bytes);
    CHECK_FALSE(subset_font("/nonexistent.ttf", glyphs, codes));
}

TEST_CASE("ToUnicode CMaps: ranges, single codes, code points past U+FFFF", "[pdf][fonts]") {
    std::string cmap = to_unicode_cmap({{0x41, U'A'},
                                        {0x42, U'B'},
                                        {0x43, U'C'},
                                        {0xA3, U'£'},
                                        {0xFF, 0xFF},
                                        {0x100, 0x100},
                                        {0x2013, U'–'},
                                        {0xE000, 0x1F600}});
    CHECK(cmap.find("/CMapName /Adobe-Identity-UCS def") != std::string::npos);
    CHECK(cmap.find("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange") !=
          std::string::npos);
    CHECK(cmap.find("1 beginbfrange\n<0041> <0043> <0041>\nendbfrange") != std::string::npos);
    // 00FF and 0100 are consecutive but in different 256-blocks: two single codes.
    CHECK(cmap.find("5 beginbfchar\n<00A3> <00A3>\n<00FF> <00FF>\n<0100> <0100>\n<2013> "
                    "<2013>\n<E000> <D83DDE00>\nendbfchar") != std::string::npos);
    CHECK(cmap.find("cidrange") == std::string::npos);

    std::vector<std::pair<std::uint16_t, char32_t>> many;
    for (std::uint16_t code = 0; code < 250; ++code)
        many.emplace_back(static_cast<std::uint16_t>(code * 2), code * 2);
    std::string sections = to_unicode_cmap(many);
    CHECK(sections.find("100 beginbfchar") != std::string::npos);
    CHECK(sections.find("50 beginbfchar") != std::string::npos);
    CHECK(sections.find("beginbfrange") == std::string::npos);
}

TEST_CASE("characters the fonts lack do not break the PDF", "[pdf][fonts]") {
    std::string bytes = write_sample("Before 漢字 and 😀 after\n");
    test::TempPdf pdf(bytes, "missing.pdf");
    std::string text = pdf.text();
    CHECK(text.find("Before") != std::string::npos);
    CHECK(text.find("after") != std::string::npos);
    std::string warnings = test::run_command("pdftotext '" + pdf.path() + "' /dev/null 2>&1");
    CHECK(warnings == "");
    std::string check = test::run_command("qpdf --check '" + pdf.path() + "' 2>&1");
    CHECK(check.find("No syntax or stream encoding errors found") != std::string::npos);
}
