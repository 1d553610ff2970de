#include "pdf/metadata.hpp"

#include <algorithm>
#include <optional>

#include "format/format.hpp"

namespace boardpress::pdf {

void write_metadata(HpdfDoc& doc, const PdfOptions& options) {
    auto set = [&](HPDF_InfoType type, const std::string& value) {
        if (!value.empty()) HPDF_SetInfoAttr(doc.get(), type, value.c_str());
    };
    set(HPDF_INFO_TITLE, options.title);
    set(HPDF_INFO_AUTHOR, options.author.empty() ? options.organisation : options.author);
    set(HPDF_INFO_SUBJECT, options.subject);
    set(HPDF_INFO_KEYWORDS, options.keywords);
    set(HPDF_INFO_CREATOR, "boardpress");
    if (std::optional<format::Date> date = format::parse_date(options.date)) {
        HPDF_Date when{
            date->year, std::max(1, date->month), std::max(1, date->day), 0, 0, 0, 'Z', 0, 0};
        HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_CREATION_DATE, when);
        HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_MOD_DATE, when);
    }
    doc.check("writing the document information");
    if (!options.language.empty()) doc.set_language(options.language);
}

}  // namespace boardpress::pdf
