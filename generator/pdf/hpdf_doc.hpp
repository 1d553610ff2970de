// RAII ownership of a libharu document. libharu reports errors through a callback; throwing from
// it would unwind through C frames, so the callback records the first error and check() turns it
// into a boardpress::Error at the next checkpoint (after loading fonts and images, after each page,
// after saving). Nothing calls exit().
//
// TrueType fonts loaded through load_truetype() are embedded as subsets: libharu marks each glyph
// it measures or draws, and save() embeds just those (cut with HarfBuzz, see font_subset.hpp),
// with a CIDToGIDMap, widths and a ToUnicode CMap for the characters used.
#pragma once

#include <hpdf.h>

#include <memory>
#include <string>
#include <vector>

namespace boardpress::pdf {

class HpdfDoc {
  public:
    HpdfDoc();
    HpdfDoc(const HpdfDoc&) = delete;
    HpdfDoc& operator=(const HpdfDoc&) = delete;

    HPDF_Doc get() const { return doc_.get(); }
    // Throws boardpress::Error naming `what` when libharu has reported an error since the last
    // check.
    void check(const std::string& what);
    // The document's bytes (HPDF_SaveToStream), fonts subset first.
    std::string save();
    // Makes the UTF-8 encoder (used for fonts, bookmarks) the current one; once is enough.
    void use_utf8();
    // The TrueType font at `path`, embedded, with the UTF-8 encoder (text is UTF-8, 2-byte
    // Identity-H codes in the PDF). Loading the same font twice gives the same handle.
    HPDF_Font load_truetype(const std::string& path);
    // Forgets the glyphs used so far (measured, e.g. for layout trials), so that only glyphs drawn
    // from now on are embedded. Optional: without it, measured glyphs are embedded too.
    void reset_glyph_use();
    // /Lang in the catalogue: libharu has no API for it, so it is added to the catalogue dict.
    void set_language(const std::string& language);

    struct ErrorState {
        HPDF_STATUS code = HPDF_OK;
        HPDF_STATUS detail = 0;
    };

  private:
    struct Free {
        void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
    };
    struct LoadedFont {
        HPDF_Font font;
        std::string path;
    };
    std::unique_ptr<ErrorState> error_;  // the callback's user data; stable address
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, Free> doc_;
    std::vector<LoadedFont> fonts_;
    bool utf8_ready_ = false;
    bool fonts_embedded_ = false;
    void embed_fonts();
};

}  // namespace boardpress::pdf
