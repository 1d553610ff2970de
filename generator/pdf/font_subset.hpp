// TrueType subsetting with HarfBuzz (hb-subset): a font file cut down to the glyphs a PDF draws,
// for embedding. Glyph outlines and metrics are copied unchanged, so text measured with the full
// font lays out identically; glyph ids are renumbered, and `new_glyph` says how. Layout tables
// (GSUB, GPOS, kern...) are dropped: a PDF positions every glyph itself. The output is a
// function of the input alone (no clock, no file names), so PDFs stay reproducible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace boardpress::pdf {

struct FontSubset {
    std::string bytes;                                           // a complete TrueType font
    std::unordered_map<std::uint32_t, std::uint32_t> new_glyph;  // old glyph id -> new
};

// The font at `path` (a .ttf with glyf outlines) cut to `glyphs` (ids in that font; glyph 0, the
// .notdef box, and the parts of composite glyphs are always kept) and mapping `code_points` in its
// cmap. std::nullopt when HarfBuzz cannot read or subset the font (e.g. CFF outlines): the caller
// then embeds the font as before.
std::optional<FontSubset> subset_font(const std::string& path,
                                      const std::vector<std::uint32_t>& glyphs,
                                      const std::vector<char32_t>& code_points);

}  // namespace boardpress::pdf
