#include "pdf/page_render.hpp"

#include <algorithm>

#include "diag/diagnostics.hpp"
#include "pdf/image_size.hpp"

namespace boardpress::pdf {

namespace {

void set_fill(HPDF_Page page, const Color& color) {
    HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(color.r), static_cast<HPDF_REAL>(color.g),
                         static_cast<HPDF_REAL>(color.b));
}
void set_stroke(HPDF_Page page, const Color& color) {
    HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(color.r), static_cast<HPDF_REAL>(color.g),
                           static_cast<HPDF_REAL>(color.b));
}
HPDF_REAL real(double value) {
    return static_cast<HPDF_REAL>(value);
}

// Builds `path` as the current path; `x` and `y` map its coordinates to the page's.
template <typename X, typename Y>
void build_path(HPDF_Page page, const PathOp& path, X x, Y y) {
    for (const PathPoint& p : path.points) {
        switch (p.verb) {
            case PathVerb::move:
                HPDF_Page_MoveTo(page, real(x(p.x)), real(y(p.y)));
                break;
            case PathVerb::line:
                HPDF_Page_LineTo(page, real(x(p.x)), real(y(p.y)));
                break;
            case PathVerb::curve:
                HPDF_Page_CurveTo(page, real(x(p.x1)), real(y(p.y1)), real(x(p.x2)), real(y(p.y2)),
                                  real(x(p.x)), real(y(p.y)));
                break;
            case PathVerb::close:
                HPDF_Page_ClosePath(page);
                break;
        }
    }
}

}  // namespace

PageRenderer::PageRenderer(HpdfDoc& doc, const FontSet& fonts, const Theme& theme,
                           PageGeometry geometry, std::size_t page_count)
    : doc_(doc), fonts_(fonts), theme_(theme), geometry_(geometry) {
    for (std::size_t i = 0; i < page_count; ++i) {
        HPDF_Page page = HPDF_AddPage(doc.get());
        HPDF_Page_SetWidth(page, real(geometry.width));
        HPDF_Page_SetHeight(page, real(geometry.height));
        pages_.push_back(page);
    }
    doc.check("adding pages");
}

HPDF_Destination PageRenderer::destination(std::size_t index, double y) const {
    HPDF_Destination destination = HPDF_Page_CreateDestination(pages_.at(index));
    // A little above the target, so a heading is not flush with the window's edge.
    // XYZ with a null zoom would keep the reader's zoom, but libharu rejects zoom 0: fit width.
    HPDF_Destination_SetFitH(destination, real(std::min(geometry_.height, pdf_y(y) + 12)));
    return destination;
}

HPDF_Image PageRenderer::image(const std::string& path) {
    auto found = images_.find(path);
    if (found != images_.end()) return found->second;
    std::optional<ImageSize> size = read_image_size(path);
    HPDF_Image loaded = nullptr;
    if (size && size->type == ImageType::png)
        loaded = HPDF_LoadPngImageFromFile(doc_.get(), path.c_str());
    else if (size)
        loaded = HPDF_LoadJpegImageFromFile(doc_.get(), path.c_str());
    doc_.check("loading the image " + path);
    if (!loaded) throw Error({path, 0, 0}, "not a PNG or JPEG image", "convert it to PNG");
    images_.emplace(path, loaded);
    return loaded;
}

void PageRenderer::link(HPDF_Page page, const TextOp& op, double top,
                        const std::map<std::string, Location>& anchors) {
    const std::string& target = op.style.link;
    double baseline = pdf_y(top + op.baseline);
    HPDF_Rect rect{real(geometry_.left + op.x), real(baseline - op.style.size * 0.25),
                   real(geometry_.left + op.x + op.width), real(baseline + op.style.size * 0.85)};
    HPDF_Annotation annotation = nullptr;
    if (target[0] == '#') {
        auto found = anchors.find(target.substr(1));
        if (found == anchors.end()) return;  // a dangling anchor: `boardpress check` reports it
        annotation =
            HPDF_Page_CreateLinkAnnot(page, rect, destination(found->second.page, found->second.y));
    } else {
        annotation = HPDF_Page_CreateURILinkAnnot(page, rect, target.c_str());
    }
    if (annotation) HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0);
}

void PageRenderer::draw(std::size_t index, const Page& content,
                        const std::map<std::string, Location>& anchors) {
    HPDF_Page page = pages_.at(index);
    double left = geometry_.left;
    const Item* previous = nullptr;
    for (const Placed& placed : content) {
        const Item& item = *placed.item;
        double top = placed.y;
        for (const RectOp& rect : item.rects) {
            if (rect.stroke) {
                set_stroke(page, rect.fill);
                HPDF_Page_SetLineWidth(page, 0.6f);
            } else {
                set_fill(page, rect.fill);
            }
            HPDF_Page_Rectangle(page, real(left + rect.x), real(pdf_y(top + rect.y + rect.h)),
                                real(rect.w), real(rect.h));
            rect.stroke ? HPDF_Page_Stroke(page) : HPDF_Page_Fill(page);
        }
        draw_paths(page, item.paths, top);
        // Block quote rules run on through the space between items of the same quote.
        for (std::size_t q = 0; q < item.quote_rules.size(); ++q) {
            bool continues = previous && !placed.first && previous->quote_rules.size() > q;
            double from = continues ? top - item.space_before : top;
            set_stroke(page, theme_.rule);
            HPDF_Page_SetLineWidth(page, 2.5f);
            HPDF_Page_MoveTo(page, real(left + item.quote_rules[q]), real(pdf_y(from)));
            HPDF_Page_LineTo(page, real(left + item.quote_rules[q]),
                             real(pdf_y(top + item.height)));
            HPDF_Page_Stroke(page);
        }
        for (const LineOp& line : item.lines) {
            set_stroke(page, line.color);
            HPDF_Page_SetLineWidth(page, real(line.width));
            HPDF_Page_MoveTo(page, real(left + line.x1), real(pdf_y(top + line.y1)));
            HPDF_Page_LineTo(page, real(left + line.x2), real(pdf_y(top + line.y2)));
            HPDF_Page_Stroke(page);
        }
        for (const ImageOp& op : item.images)
            HPDF_Page_DrawImage(page, image(op.path), real(left + op.x),
                                real(pdf_y(top + op.y + op.h)), real(op.w), real(op.h));
        if (!item.texts.empty()) {
            HPDF_Page_BeginText(page);
            for (const TextOp& op : item.texts) {
                HPDF_Page_SetFontAndSize(page, fonts_.font(op.style.face), real(op.style.size));
                set_fill(page, op.style.color);
                HPDF_Page_TextOut(page, real(left + op.x), real(pdf_y(top + op.baseline)),
                                  op.text.c_str());
            }
            HPDF_Page_EndText(page);
        }
        for (const TextOp& op : item.texts)
            if (!op.style.link.empty()) link(page, op, top, anchors);
        previous = &item;
    }
    doc_.check("drawing page " + std::to_string(index + 1));
}

void PageRenderer::draw_paths(HPDF_Page page, const std::vector<PathOp>& paths, double top) {
    auto x = [&](double value) { return geometry_.left + value; };
    auto y = [&](double value) { return pdf_y(top + value); };
    auto paint = [&](const PathOp& path) {
        if (path.points.empty() || (!path.fill && !path.stroke)) return;
        // Dashes, joins and caps are set inside a saved state, so they end with the path.
        bool styled = !path.dash.empty() || path.round;
        if (styled) {
            HPDF_Page_GSave(page);
            if (path.round) {
                HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN);
                HPDF_Page_SetLineCap(page, HPDF_ROUND_END);
            }
            if (!path.dash.empty()) {
                // libharu takes 1 or an even number of lengths, at most 8, each 1 to 100.
                std::vector<HPDF_UINT16> dash;
                for (int length : path.dash)
                    dash.push_back(static_cast<HPDF_UINT16>(std::clamp(length, 1, 100)));
                if (dash.size() > 8) dash.resize(8);
                if (dash.size() % 2 != 0 && dash.size() > 1) dash.pop_back();
                HPDF_Page_SetDash(page, dash.data(), static_cast<HPDF_UINT>(dash.size()), 0);
            }
        }
        if (path.fill) set_fill(page, path.fill_color);
        if (path.stroke) {
            set_stroke(page, path.stroke_color);
            HPDF_Page_SetLineWidth(page, real(path.width));
        }
        build_path(page, path, x, y);
        if (path.fill && path.stroke)
            path.even_odd ? HPDF_Page_EofillStroke(page) : HPDF_Page_FillStroke(page);
        else if (path.fill)
            path.even_odd ? HPDF_Page_Eofill(page) : HPDF_Page_Fill(page);
        else
            HPDF_Page_Stroke(page);
        if (styled) HPDF_Page_GRestore(page);
    };
    int clipped = 0;  // paths still to draw inside the current clipping path
    for (const PathOp& path : paths) {
        if (path.clips > 0) {
            if (clipped > 0) HPDF_Page_GRestore(page);
            clipped = 0;
            if (path.points.empty()) continue;
            HPDF_Page_GSave(page);
            build_path(page, path, x, y);
            path.even_odd ? HPDF_Page_Eoclip(page) : HPDF_Page_Clip(page);
            HPDF_Page_EndPath(page);
            clipped = path.clips;
            continue;
        }
        paint(path);
        if (clipped > 0 && --clipped == 0) HPDF_Page_GRestore(page);
    }
    if (clipped > 0) HPDF_Page_GRestore(page);
}

void PageRenderer::text(std::size_t index, double x, double y, const std::string& text,
                        const Style& style) {
    HPDF_Page page = pages_.at(index);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, fonts_.font(style.face), real(style.size));
    set_fill(page, style.color);
    HPDF_Page_TextOut(page, real(x), real(geometry_.height - y), text.c_str());
    HPDF_Page_EndText(page);
}

void PageRenderer::header_footer(std::size_t index, const std::string& header,
                                 const std::string& footer) {
    HPDF_Page page = pages_.at(index);
    Style style{Face::regular, theme_.small_size, theme_.muted, {}, false, false, 0};
    double left = geometry_.left, right = geometry_.width - geometry_.right;
    double header_y = geometry_.top - 30;
    if (!header.empty()) {
        text(index, left, header_y, header, style);
        set_stroke(page, theme_.rule);
        HPDF_Page_SetLineWidth(page, 0.5f);
        HPDF_Page_MoveTo(page, real(left), real(geometry_.height - header_y - 6));
        HPDF_Page_LineTo(page, real(right), real(geometry_.height - header_y - 6));
        HPDF_Page_Stroke(page);
    }
    double footer_y = geometry_.height - geometry_.bottom + 34;
    double w = fonts_.width(style.face, footer, style.size);
    text(index, right - w, footer_y, footer, style);
    doc_.check("drawing the header and footer of page " + std::to_string(index + 1));
}

}  // namespace boardpress::pdf
