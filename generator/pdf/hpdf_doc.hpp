// RAII ownership of a libharu document. libharu reports errors through a callback; throwing from
// it would unwind through C frames, so the callback records the first error and check() turns it
// into a boardpress::Error at the next checkpoint (after loading fonts and images, after each page,
// after saving). Nothing calls exit().
#pragma once

#include <hpdf.h>

#include <memory>
#include <string>

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
    // The document's bytes (HPDF_SaveToStream).
    std::string save();
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
    std::unique_ptr<ErrorState> error_;  // the callback's user data; stable address
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, Free> doc_;
};

}  // namespace boardpress::pdf
