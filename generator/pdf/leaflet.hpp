// Leaflets: a Markdown page of `kind: leaflet` printed as an A4 tri-fold (letter fold). Top-level
// thematic breaks (`***`, `---`) separate its panels, 1 to 6 in reading order: 1 the front cover,
// 2 the flap that folds in, 3-5 the inside, 6 the back. Each panel is laid out by the report's
// layout code (same fonts, headings, lists, tables, components) at the panel's width; a panel
// whose text is too long for it is an error naming the panel and by how much it overflows.
//
// Imposition (the standard letter fold): two A4 landscape pages, the two sides of one sheet, each
// three panels of equal width with the folds at 1/3 and 2/3. Left to right:
//   page 1 (outside): panel 2 (inside flap) | panel 6 (back) | panel 1 (front cover)
//   page 2 (inside):  panel 3               | panel 4        | panel 5
// Panel 5 (behind the flap) folds in first, then panel 3 (behind the front) over it: the front is
// on top, the back underneath, opening the front shows the flap, opening that shows 3, 4 and 5.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostics.hpp"
#include "markdown/markdown.hpp"
#include "pdf/pdf_writer.hpp"

namespace boardpress::pdf {

inline constexpr int leaflet_panel_count = 6;

// The report's typography, a little tighter for narrow panels.
Theme leaflet_theme();
// PdfOptions for a leaflet: A4 landscape, no cover or contents pages, leaflet_theme().
PdfOptions leaflet_pdf_options();

struct LeafletOptions {
    // Used: font_folder, title (the cover's title and the PDF's), subtitle (under the title),
    // organisation (cover foot, back), author, subject, keywords, language, date (back, and the
    // PDF's dates), theme, base_url, resolve_image, render_code_block. The page size, margins,
    // cover, contents and header are the leaflet's own.
    PdfOptions pdf = leaflet_pdf_options();
    std::string file;        // the Markdown file as shown to the user, for diagnostics
    int body_line = 1;       // file line of the Markdown's line 1 (below the front matter)
    std::string source;      // the Markdown text (optional): diagnostics show its lines
    double margin = 34.016;  // 12 mm from every panel edge (page edge or fold) to its text
    bool fold_marks = true;  // short ticks in the top and bottom margins at the folds
};

// Every problem that stops the leaflet printing, all of them: more than six panels (at the break
// that starts the seventh) and each panel whose text is too long for it (at the panel's first
// block: "panel 3 (“Who must tell the council”) is 14 mm too long for its space", with a hint
// saying about how many words to cut), in source order. Empty when the leaflet prints.
// Throws boardpress::Error only for failures that are not the text's (fonts, libharu).
Diagnostics check_leaflet(const markdown::Document& document, const markdown::Outline& outline,
                          const LeafletOptions& options);

// The leaflet's PDF (2 pages), or nullopt when there were problems, every one of them added to
// `diagnostics` as check_leaflet reports them. Same input, same bytes.
std::optional<PdfFile> write_leaflet(const markdown::Document& document,
                                     const markdown::Outline& outline,
                                     const LeafletOptions& options, Diagnostics& diagnostics);

// The same, throwing boardpress::Error with the first problem (its hint says how many more there
// are) instead of collecting them.
PdfFile write_leaflet(const markdown::Document& document, const markdown::Outline& outline,
                      const LeafletOptions& options);

}  // namespace boardpress::pdf
