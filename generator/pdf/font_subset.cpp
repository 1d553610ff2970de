#include "pdf/font_subset.hpp"

#include <hb-subset.h>

#include <memory>

namespace boardpress::pdf {

namespace {

// RAII for HarfBuzz objects: each unique_ptr calls the matching *_destroy.
template <typename T, void (*destroy)(T*)>
struct HbDestroy {
    void operator()(T* object) const { destroy(object); }
};
template <typename T, void (*destroy)(T*)>
using HbPtr = std::unique_ptr<T, HbDestroy<T, destroy>>;

using HbBlob = HbPtr<hb_blob_t, hb_blob_destroy>;
using HbFace = HbPtr<hb_face_t, hb_face_destroy>;
using HbSubsetInput = HbPtr<hb_subset_input_t, hb_subset_input_destroy>;
using HbSubsetPlan = HbPtr<hb_subset_plan_t, hb_subset_plan_destroy>;

bool has_table(hb_face_t* face, hb_tag_t tag) {
    HbBlob table(hb_face_reference_table(face, tag));
    return table && hb_blob_get_length(table.get()) > 0;
}

}  // namespace

std::optional<FontSubset> subset_font(const std::string& path,
                                      const std::vector<std::uint32_t>& glyphs,
                                      const std::vector<char32_t>& code_points) {
    HbBlob file(hb_blob_create_from_file_or_fail(path.c_str()));
    if (!file) return std::nullopt;
    HbFace face(hb_face_create(file.get(), 0));
    // A PDF embeds TrueType outlines (FontFile2); CFF-flavoured fonts are left to libharu.
    if (!face || !has_table(face.get(), HB_TAG('g', 'l', 'y', 'f'))) return std::nullopt;

    HbSubsetInput input(hb_subset_input_create_or_fail());
    if (!input) return std::nullopt;
    hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
    hb_set_add(glyph_set, 0);
    for (std::uint32_t glyph : glyphs) hb_set_add(glyph_set, glyph);
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t code : code_points) hb_set_add(unicodes, static_cast<hb_codepoint_t>(code));
    // No layout features: substitutions would pull in ligatures and alternates the PDF never
    // shows, and a PDF positions glyphs itself, so the layout tables go.
    hb_set_clear(hb_subset_input_set(input.get(), HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t tag :
         {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
          HB_TAG('k', 'e', 'r', 'n'), HB_TAG('h', 'd', 'm', 'x'), HB_TAG('V', 'D', 'M', 'X'),
          HB_TAG('L', 'T', 'S', 'H'), HB_TAG('D', 'S', 'I', 'G'), HB_TAG('F', 'F', 'T', 'M')})
        hb_set_add(drop, tag);

    HbSubsetPlan plan(hb_subset_plan_create_or_fail(face.get(), input.get()));
    if (!plan) return std::nullopt;
    HbFace subset(hb_subset_plan_execute_or_fail(plan.get()));
    if (!subset) return std::nullopt;
    HbBlob blob(hb_face_reference_blob(subset.get()));
    unsigned length = 0;
    const char* data = blob ? hb_blob_get_data(blob.get(), &length) : nullptr;
    if (!data || length == 0) return std::nullopt;

    FontSubset result;
    result.bytes.assign(data, length);
    const hb_map_t* mapping = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
    auto map = [&](std::uint32_t old) {
        hb_codepoint_t now = hb_map_get(mapping, old);
        if (now != HB_MAP_VALUE_INVALID) result.new_glyph[old] = now;
    };
    map(0);
    for (std::uint32_t glyph : glyphs) map(glyph);
    return result;
}

}  // namespace boardpress::pdf
