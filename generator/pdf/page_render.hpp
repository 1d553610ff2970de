// Draws paginated Items on libharu pages: text, rules, shading, images, link annotations, and the
// running header and footer. All pages are created first, so links can point forward.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pdf/fonts.hpp"
#include "pdf/layout.hpp"
#include "pdf/paginate.hpp"

namespace boardpress::pdf {

struct PageGeometry {
    double width = 595.276, height = 841.89;              // A4
    double left = 72, right = 72, top = 78, bottom = 72;  // margins
    double body_width() const { return width - left - right; }
    double body_height() const { return height - top - bottom; }
};

class PageRenderer {
  public:
    PageRenderer(HpdfDoc& doc, const FontSet& fonts, const Theme& theme, PageGeometry geometry,
                 std::size_t page_count);

    HPDF_Page page(std::size_t index) const { return pages_.at(index); }
    // `anchors` locate "#id" link targets by page index in this document.
    void draw(std::size_t index, const Page& content,
              const std::map<std::string, Location>& anchors);
    void header_footer(std::size_t index, const std::string& header, const std::string& footer);
    // A destination at `y` (down from the text block's top) on page `index`.
    HPDF_Destination destination(std::size_t index, double y) const;
    // Draws one text op at an absolute position (y down from the page top), for covers.
    void text(std::size_t index, double x, double y, const std::string& text, const Style& style);

  private:
    HpdfDoc& doc_;
    const FontSet& fonts_;
    const Theme& theme_;
    PageGeometry geometry_;
    std::vector<HPDF_Page> pages_;
    std::map<std::string, HPDF_Image> images_;

    double pdf_y(double y) const { return geometry_.height - geometry_.top - y; }
    HPDF_Image image(const std::string& path);
    void draw_paths(HPDF_Page page, const std::vector<PathOp>& paths, double top);
    void link(HPDF_Page page, const TextOp& op, double top,
              const std::map<std::string, Location>& anchors);
};

}  // namespace boardpress::pdf
