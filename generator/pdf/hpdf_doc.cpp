#include "pdf/hpdf_doc.hpp"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <utility>

#include "diag/diagnostics.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/to_unicode.hpp"

namespace boardpress::pdf {

namespace {

void record_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) {
    auto* state = static_cast<HpdfDoc::ErrorState*>(user_data);
    if (state->code == HPDF_OK) {
        state->code = code;
        state->detail = detail;
    }
}

std::string hex(HPDF_STATUS code) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%04X", static_cast<unsigned>(code));
    return buffer;
}

// The bytes of a libharu memory stream.
std::string stream_bytes(HPDF_Stream stream) {
    std::string bytes;
    for (HPDF_UINT i = 0, n = HPDF_MemStream_GetBufCount(stream); i < n; ++i) {
        HPDF_UINT length = 0;
        const HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(stream, i, &length);
        if (data) bytes.append(reinterpret_cast<const char*>(data), length);
    }
    bytes.resize(std::min<std::size_t>(bytes.size(), stream->size));
    return bytes;
}

// Replaces the data of a stream object (its dictionary stays).
void replace_stream(HPDF_Dict dict, const std::string& bytes) {
    const std::size_t chunk = std::max<std::size_t>(4096, bytes.size());  // one buffer
    HPDF_Stream fresh = HPDF_MemStream_New(dict->mmgr, static_cast<HPDF_UINT>(chunk));
    if (!fresh) return;  // libharu has reported the error
    if (!bytes.empty() && HPDF_Stream_Write(fresh, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                            static_cast<HPDF_UINT>(bytes.size())) != HPDF_OK) {
        HPDF_Stream_Free(fresh);
        return;
    }
    if (dict->stream) HPDF_Stream_Free(dict->stream);
    dict->stream = fresh;
}

// A FontDescriptor with the subset as its FontFile2. libharu writes its own descriptor (and the
// whole font) only when the font definition has none yet.
HPDF_Dict subset_descriptor(HPDF_FontDef def, HPDF_Xref xref, const std::string& font,
                            HPDF_UINT filter) {
    auto* tt = static_cast<HPDF_TTFontDefAttr>(def->attr);
    HPDF_MMgr mmgr = def->mmgr;
    HPDF_Dict descriptor = HPDF_Dict_New(mmgr);
    if (!descriptor || HPDF_Xref_Add(xref, descriptor) != HPDF_OK) return nullptr;
    HPDF_Dict file = HPDF_DictStream_New(mmgr, xref);
    if (!file) return nullptr;
    replace_stream(file, font);
    file->filter = filter;
    HPDF_STATUS ret = HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(font.size()));
    ret += HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
    ret += HPDF_Dict_AddName(descriptor, "FontName", tt->base_font);
    ret += HPDF_Dict_AddNumber(descriptor, "Flags", static_cast<HPDF_INT32>(def->flags));
    ret += HPDF_Dict_Add(descriptor, "FontBBox", HPDF_Box_Array_New(mmgr, def->font_bbox));
    ret += HPDF_Dict_AddNumber(descriptor, "ItalicAngle", def->italic_angle);
    ret += HPDF_Dict_AddNumber(descriptor, "Ascent", def->ascent);
    ret += HPDF_Dict_AddNumber(descriptor, "Descent", def->descent);
    ret += HPDF_Dict_AddNumber(descriptor, "CapHeight", def->cap_height);
    ret += HPDF_Dict_AddNumber(descriptor, "XHeight", def->x_height);
    ret += HPDF_Dict_AddNumber(descriptor, "StemV", def->stemv);
    ret += HPDF_Dict_Add(descriptor, "FontFile2", file);
    return ret == HPDF_OK ? descriptor : nullptr;
}

// The /W array: widths (1/1000 em) of the codes used, runs of consecutive codes grouped; codes
// with the default width (/DW) left out.
HPDF_Array widths_array(HPDF_FontDef def,
                        const std::vector<std::pair<std::uint16_t, std::uint16_t>>& codes) {
    HPDF_Array widths = HPDF_Array_New(def->mmgr);
    if (!widths) return nullptr;
    HPDF_Array run = nullptr;
    long previous = -2;
    for (auto [code, glyph] : codes) {
        HPDF_INT16 width = HPDF_TTFontDef_GetGidWidth(def, glyph);
        if (width == def->missing_width) {
            run = nullptr;
            continue;
        }
        if (!run || code != previous + 1) {
            run = HPDF_Array_New(def->mmgr);
            if (!run) return nullptr;
            HPDF_Array_AddNumber(widths, code);
            HPDF_Array_Add(widths, run);
        }
        HPDF_Array_AddNumber(run, width);
        previous = code;
    }
    return widths;
}

// Rewrites one UTF-8 Type0 font for embedding: the glyphs libharu marked as used, subset with
// HarfBuzz; CIDToGIDMap, /W and ToUnicode for the codes that reach those glyphs. libharu 2.3's
// own versions cover every code in the font (and its ToUnicode is not a valid ToUnicode CMap).
void embed_font(HPDF_Doc doc, HPDF_Font font, const std::string& path) {
    auto* attr = static_cast<HPDF_FontAttr>(font->attr);
    if (!attr || attr->type != HPDF_FONT_TYPE0_TT || !attr->map_stream || !attr->cmap_stream)
        return;
    HPDF_FontDef def = attr->fontdef;
    auto* tt = static_cast<HPDF_TTFontDefAttr>(def->attr);
    HPDF_UINT filter = (doc->compression_mode & HPDF_COMP_METADATA)
                           ? HPDF_STREAM_FILTER_FLATE_DECODE
                           : HPDF_STREAM_FILTER_NONE;
    font->filter = filter;  // libharu copies it to the CIDToGIDMap and ToUnicode streams

    // The codes (CIDs: with the UTF-8 encoder, Unicode code points) whose glyphs were used.
    std::string map = stream_bytes(attr->map_stream->stream);
    std::vector<std::pair<std::uint16_t, std::uint16_t>> codes;  // code, glyph in the full font
    for (std::size_t code = 0; 2 * code + 1 < map.size() && code < 0x10000; ++code) {
        auto glyph = static_cast<std::uint16_t>(static_cast<unsigned char>(map[2 * code]) << 8 |
                                                static_cast<unsigned char>(map[2 * code + 1]));
        if (glyph != 0 && glyph < tt->num_glyphs && tt->glyph_tbl.flgs[glyph])
            codes.emplace_back(static_cast<std::uint16_t>(code), glyph);
    }
    std::vector<std::uint32_t> glyphs;
    for (HPDF_UINT16 glyph = 0; glyph < tt->num_glyphs; ++glyph)
        if (tt->glyph_tbl.flgs[glyph]) glyphs.push_back(glyph);
    std::vector<char32_t> code_points;
    for (auto [code, glyph] : codes) code_points.push_back(code);

    std::optional<FontSubset> subset;
    if (!def->descriptor) subset = subset_font(path, glyphs, code_points);
    if (subset) def->descriptor = subset_descriptor(def, attr->xref, subset->bytes, filter);
    if (!def->descriptor) subset.reset();  // libharu embeds the font itself, glyph ids unchanged

    std::string new_map(std::max<std::size_t>(map.size(), 2), '\0');  // every code, as before
    for (auto [code, glyph] : codes) {
        std::uint32_t now = glyph;
        if (subset) {
            auto found = subset->new_glyph.find(glyph);
            now = found == subset->new_glyph.end() ? 0 : found->second;
        }
        new_map[2 * code] = static_cast<char>(now >> 8);
        new_map[2 * code + 1] = static_cast<char>(now & 0xFF);
    }
    replace_stream(attr->map_stream, new_map);
    if (HPDF_Array widths = widths_array(def, codes))
        HPDF_Dict_Add(attr->descendant_font, "W", widths);

    // The ToUnicode stream: libharu's keys (an encoding CMap's) out, a ToUnicode CMap in.
    std::vector<std::pair<std::uint16_t, char32_t>> text;
    for (auto [code, glyph] : codes)
        if (code < 0xD800 || code > 0xDFFF) text.emplace_back(code, code);  // no lone surrogates
    for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"})
        HPDF_Dict_RemoveElement(attr->cmap_stream, key);
    replace_stream(attr->cmap_stream, to_unicode_cmap(text));
}

}  // namespace

HpdfDoc::HpdfDoc() : error_(std::make_unique<ErrorState>()) {
    doc_.reset(HPDF_New(record_error, error_.get()));
    if (!doc_) throw Error({}, "cannot create a PDF document (out of memory)");
}

void HpdfDoc::check(const std::string& what) {
    if (error_->code == HPDF_OK) return;
    HPDF_STATUS code = error_->code, detail = error_->detail;
    *error_ = {};
    HPDF_ResetError(get());
    throw Error({},
                "PDF writer (libharu) failed while " + what + ": error " + hex(code) + " (detail " +
                    std::to_string(detail) + ")",
                "see HPDF_* error codes in hpdf_error.h");
}

void HpdfDoc::use_utf8() {
    if (utf8_ready_) return;
    HPDF_UseUTFEncodings(get());
    HPDF_SetCurrentEncoder(get(), "UTF-8");
    check("selecting the UTF-8 encoder");
    utf8_ready_ = true;
}

HPDF_Font HpdfDoc::load_truetype(const std::string& path) {
    use_utf8();
    const char* name = HPDF_LoadTTFontFromFile(get(), path.c_str(), HPDF_TRUE);
    check("loading the font " + path);
    HPDF_Font font = HPDF_GetFont(get(), name, "UTF-8");
    check("loading the font " + path);
    bool known = std::any_of(fonts_.begin(), fonts_.end(),
                             [&](const LoadedFont& loaded) { return loaded.font == font; });
    if (!known) fonts_.push_back({font, path});
    return font;
}

void HpdfDoc::reset_glyph_use() {
    for (const LoadedFont& loaded : fonts_) {
        auto* attr = static_cast<HPDF_FontAttr>(loaded.font->attr);
        auto* tt = static_cast<HPDF_TTFontDefAttr>(attr->fontdef->attr);
        if (attr->fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE || !tt->glyph_tbl.flgs) continue;
        std::fill(tt->glyph_tbl.flgs, tt->glyph_tbl.flgs + tt->num_glyphs, HPDF_BYTE{0});
        tt->glyph_tbl.flgs[0] = 1;  // .notdef, always embedded
    }
}

void HpdfDoc::embed_fonts() {
    if (fonts_embedded_) return;
    fonts_embedded_ = true;
    for (const LoadedFont& loaded : fonts_) embed_font(get(), loaded.font, loaded.path);
    check("embedding the fonts");
}

std::string HpdfDoc::save() {
    embed_fonts();
    HPDF_SaveToStream(get());
    check("writing the PDF");
    std::string bytes;
    bytes.resize(HPDF_GetStreamSize(get()));
    HPDF_ResetStream(get());
    std::size_t filled = 0;
    while (filled < bytes.size()) {
        HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size() - filled);
        HPDF_STATUS status =
            HPDF_ReadFromStream(get(), reinterpret_cast<HPDF_BYTE*>(bytes.data() + filled), &size);
        filled += size;
        if (size == 0 || status == HPDF_STREAM_EOF) break;
    }
    *error_ = {};  // HPDF_ReadFromStream reports the end of the stream as an error
    HPDF_ResetError(get());
    bytes.resize(filled);
    return bytes;
}

void HpdfDoc::set_language(const std::string& language) {
    HPDF_Doc doc = get();
    HPDF_String value = HPDF_String_New(doc->mmgr, language.c_str(), nullptr);
    if (value) HPDF_Dict_Add(doc->catalog, "Lang", value);
    check("setting the document language");
}

}  // namespace boardpress::pdf
