// Fonts: TrueType files embedded with the UTF-8 encoder, so any text the fonts cover prints; the
// PDF carries only the glyphs used (HpdfDoc::save subsets them with HarfBuzz). FontSet also
// measures text, for the layout, with the full fonts: subsetting leaves the metrics as they are.
#pragma once

#include <array>
#include <string>
#include <unordered_map>

#include "pdf/hpdf_doc.hpp"
#include "pdf/style.hpp"

namespace boardpress::pdf {

inline constexpr const char* default_font_folder = "/usr/share/fonts/truetype/liberation2";

struct FontFiles {
    std::array<std::string, face_count> paths;  // indexed by Face
};

// Liberation Sans (regular, bold, italic, bold italic) and Liberation Mono from the system.
FontFiles default_font_files();
// A project's own fonts: in `folder`, the .ttf files named *-Regular, *-Bold, *-Italic and
// *-BoldItalic (any case; the first in name order); faces it lacks, and the monospace faces, stay
// Liberation. Throws boardpress::Error when the folder has no *-Regular.ttf.
FontFiles font_files(const std::string& folder);

// A face's font is loaded into the document when first measured or drawn: faces a document never
// uses (often bold italic and the monospace faces) cost neither time nor bytes.
class FontSet : public Measure {
  public:
    FontSet(HpdfDoc& doc, const FontFiles& files);
    HPDF_Font font(Face face) const;  // throws boardpress::Error when the font cannot be loaded
    double width(Face face, std::string_view utf8, double size) const override;

  private:
    HpdfDoc& doc_;
    FontFiles files_;
    mutable std::array<HPDF_Font, face_count> fonts_{};
    // Advance widths (1/1000 em) per code point, cached: measuring by code point keeps UTF-8
    // sequences whole, whatever libharu's MeasureText does with bytes.
    mutable std::array<std::unordered_map<char32_t, double>, face_count> widths_;
};

}  // namespace boardpress::pdf
