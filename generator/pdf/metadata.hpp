// The document information every PDF carries: title, author, subject, keywords, creator, dates
// from the content (never the clock) and, where libharu allows, the language.
#pragma once

#include "pdf/hpdf_doc.hpp"
#include "pdf/pdf_writer.hpp"

namespace boardpress::pdf {

void write_metadata(HpdfDoc& doc, const PdfOptions& options);

}  // namespace boardpress::pdf
