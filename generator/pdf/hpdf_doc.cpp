#include "pdf/hpdf_doc.hpp"

#include <hpdf_doc.h>

#include <cstdio>

#include "diag/diagnostics.hpp"

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

std::string HpdfDoc::save() {
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
