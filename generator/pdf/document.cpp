// Document structure: chapters laid out, then a contents page sized with placeholder numbers,
// pagination, the contents laid out again with the real page numbers (same size: the numbers sit
// in a fixed column), then drawing, bookmarks, metadata.
#include <hpdf.h>

#include <map>

#include "diag/diagnostics.hpp"
#include "format/format.hpp"
#include "pdf/fonts.hpp"
#include "pdf/hpdf_doc.hpp"
#include "pdf/image_size.hpp"
#include "pdf/metadata.hpp"
#include "pdf/page_render.hpp"
#include "pdf/paginate.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf/tree_walk.hpp"

namespace boardpress::pdf {

namespace {

std::string chapter_prefix(std::size_t index) {
    return "c" + std::to_string(index + 1) + ":";
}

const double contents_number_column = 36;

class DocumentWriter {
  public:
    DocumentWriter(const std::vector<Chapter>& chapters, const PdfOptions& options)
        : chapters_(chapters),
          options_(options),
          theme_(options.theme),
          geometry_(options.page),
          fonts_(doc_, options.font_folder.empty() ? default_font_files()
                                                   : font_files(options.font_folder)) {}

    std::string run() {
        HPDF_SetCompressionMode(doc_.get(), HPDF_COMP_ALL);
        body_ = layout_chapters();
        std::vector<Page> body_pages = paginate(body_, geometry_.body_height());
        std::map<std::string, Location> body_anchors = locate_anchors(body_pages);
        std::size_t cover = options_.cover ? 1 : 0;

        // Contents: sized with placeholders, then laid out with the numbers it now knows.
        std::vector<Item> contents;
        std::vector<Page> contents_pages;
        std::size_t offset = cover;
        for (int pass = 0; pass < 3 && options_.contents; ++pass) {
            contents = layout_contents(body_anchors, offset + contents_pages.size());
            std::size_t before = contents_pages.size();
            contents_pages = paginate(contents, geometry_.body_height());
            if (pass > 0 && contents_pages.size() == before) break;
        }
        std::size_t first_body = cover + contents_pages.size();
        std::size_t total = first_body + body_pages.size();
        page_count_ = total;

        std::map<std::string, Location> anchors;
        for (auto [id, where] : body_anchors) anchors[id] = {where.page + first_body, where.y};
        for (auto [id, where] : locate_anchors(contents_pages))
            anchors[id] = {where.page + cover, where.y};

        // Glyphs measured for layout but never drawn stay out of the embedded font subsets.
        doc_.reset_glyph_use();
        PageRenderer renderer(doc_, fonts_, theme_, geometry_, total);
        if (cover) draw_cover(renderer);
        for (std::size_t p = 0; p < contents_pages.size(); ++p)
            renderer.draw(cover + p, contents_pages[p], anchors);
        for (std::size_t p = 0; p < body_pages.size(); ++p)
            renderer.draw(first_body + p, body_pages[p], anchors);
        std::string header = options_.header.empty() ? options_.title : options_.header;
        for (std::size_t p = cover; p < total; ++p)
            renderer.header_footer(
                p, header, "Page " + std::to_string(p + 1) + " of " + std::to_string(total));
        bookmarks(renderer, anchors, cover, contents_pages.empty() ? 0 : cover);
        metadata();
        return doc_.save();
    }

    std::size_t page_count() const { return page_count_; }

  private:
    std::size_t page_count_ = 0;
    HpdfDoc doc_;
    const std::vector<Chapter>& chapters_;
    const PdfOptions& options_;
    const Theme& theme_;
    PageGeometry geometry_;
    FontSet fonts_;
    std::vector<Item> body_;

    Style style(Face face, double size, Color color) const {
        Style s;
        s.face = face;
        s.size = size;
        s.color = color;
        return s;
    }

    void chapter_heading(Layout& layout, const Chapter& chapter, const std::string& prefix) {
        std::string title =
            chapter.number.empty() ? chapter.title : chapter.number + " " + chapter.title;
        ParagraphSpec spec;
        spec.size = theme_.chapter_size;
        spec.space_before = 0;
        spec.space_after = theme_.chapter_size * 0.9;
        spec.keep_with_next = true;
        spec.keep_together = true;
        spec.anchors.push_back({prefix, 0});
        spec.marks.push_back({0, title, prefix});
        spec.has_rule_below = true;
        spec.rule_below = {0, 6, layout.width(), 6, 1.2, theme_.accent};
        layout.page_break();
        layout.paragraph(
            {{title, style(Face::bold, theme_.chapter_size, theme_.accent), {}, false}}, spec);
    }

    std::vector<Item> layout_chapters() {
        std::vector<Item> items;
        for (std::size_t i = 0; i < chapters_.size(); ++i) {
            const Chapter& chapter = chapters_[i];
            Layout layout(fonts_, theme_, geometry_.body_width());
            std::string prefix = chapter_prefix(i);
            chapter_heading(layout, chapter, prefix);
            if (chapter.document && chapter.outline) {
                WalkOptions walk_options;
                walk_options.document = chapter.document;
                walk_options.outline = chapter.outline;
                walk_options.anchor_prefix = prefix;
                walk_options.resolve_link = [&](std::string_view url) {
                    return resolve_link(url, prefix, options_.base_url);
                };
                walk_options.resolve_image = options_.resolve_image;
                walk_options.render_code_block = options_.render_code_block;
                walk(layout, walk_options);
            }
            std::vector<Item> chapter_items = layout.take();
            if (!chapter_items.empty()) chapter_items.front().page_break_before = true;
            for (Item& item : chapter_items) items.push_back(std::move(item));
        }
        return items;
    }

    // Entries for chapters (bold) and their top headings, linked, with page numbers at the right.
    std::vector<Item> layout_contents(const std::map<std::string, Location>& anchors,
                                      std::size_t first_body) {
        Layout layout(fonts_, theme_, geometry_.body_width());
        ParagraphSpec title;
        title.size = theme_.chapter_size;
        title.space_before = 0;
        title.space_after = theme_.chapter_size * 0.9;
        title.keep_with_next = true;
        title.anchors.push_back({"contents", 0});
        title.has_rule_below = true;
        title.rule_below = {0, 6, layout.width(), 6, 1.2, theme_.accent};
        layout.paragraph(
            {{"Contents", style(Face::bold, theme_.chapter_size, theme_.accent), {}, false}},
            title);
        for (const Item& item : body_)
            for (const Mark& mark : item.marks) {
                if (mark.level > 1) continue;
                bool chapter = mark.level == 0;
                Style text =
                    style(chapter ? Face::bold : Face::regular,
                          chapter ? theme_.body_size + 0.5 : theme_.body_size, theme_.text);
                text.link = "#" + mark.anchor;
                ParagraphSpec spec;
                spec.space_before = chapter ? 9 : 1.5;
                spec.space_after = 1.5;
                spec.keep_together = true;
                spec.keep_with_next = chapter;
                double indent = chapter ? 0 : 16;
                // The number column is kept clear, so numbers never change the line breaks.
                layout.push_indent(indent, 0, contents_number_column);
                layout.paragraph({{mark.title, text, {}, false}}, spec);
                auto found = anchors.find(mark.anchor);
                std::string number = found == anchors.end()
                                         ? "?"
                                         : std::to_string(found->second.page + first_body + 1);
                Item* last = layout.last_item();
                if (last && !last->texts.empty()) {
                    TextOp op = last->texts.back();
                    op.text = number;
                    op.width = fonts_.width(text.face, number, text.size);
                    op.x = geometry_.body_width() - op.width;
                    last->texts.push_back(op);
                }
                layout.pop();
            }
        return layout.take();
    }

    void draw_cover(PageRenderer& renderer) {
        // An accent band across the top with the organisation and title in white; subtitle and
        // date below it.
        Page page;
        std::vector<Item>& items = cover_items_;
        double band = 330;
        Item block;
        block.rects.push_back(
            {-geometry_.left, -geometry_.top, geometry_.width, band, theme_.accent, false});
        Color white{1, 1, 1};
        Layout layout(fonts_, theme_, geometry_.body_width());
        double y = 40;
        auto lines = [&](const std::string& text, Face face, double size, Color color, double gap) {
            for (const Line& line : break_lines({{text, style(face, size, color), {}, false}},
                                                geometry_.body_width(), fonts_)) {
                y += size * 1.2;
                for (const Fragment& f : line.fragments)
                    block.texts.push_back({f.x, y, f.text, f.style, f.width});
            }
            y += gap;
        };
        if (!options_.organisation.empty()) lines(options_.organisation, Face::bold, 13, white, 0);
        // The logo sits in the band's top-right corner, at most 56 pt high and 160 pt wide.
        if (!options_.logo.empty()) {
            std::optional<ImageSize> size = read_image_size(options_.logo);
            if (!size || size->width <= 0 || size->height <= 0)
                throw Error({options_.logo, 0, 0}, "the logo is not a PNG or JPEG image",
                            "give the cover a .png or .jpg logo");
            double scale = std::min(56.0 / size->height, 160.0 / size->width);
            double w = size->width * scale, h = size->height * scale;
            block.images.push_back({options_.logo, geometry_.body_width() - w, 24, w, h});
        }
        y = band - geometry_.top - 150;
        lines(options_.title, Face::bold, 30, white, 0);
        y = band - geometry_.top + 40;
        if (!options_.subtitle.empty())
            lines(options_.subtitle, Face::regular, 16, theme_.accent, 10);
        if (!options_.date.empty()) {
            std::string date = format::date(options_.date);
            lines(date.empty() ? options_.date : date, Face::regular, 13, theme_.muted, 0);
        }
        block.height = y;
        items.push_back(std::move(block));
        page.push_back({&items.back(), 0, true});
        renderer.draw(0, page, {});
    }
    std::vector<Item> cover_items_;

    void bookmarks(PageRenderer& renderer, const std::map<std::string, Location>& anchors,
                   std::size_t contents_page, bool has_contents) {
        HPDF_Encoder encoder = HPDF_GetEncoder(doc_.get(), "UTF-8");
        if (has_contents || options_.contents) {
            auto found = anchors.find("contents");
            if (found != anchors.end()) {
                HPDF_Outline outline = HPDF_CreateOutline(doc_.get(), nullptr, "Contents", encoder);
                HPDF_Outline_SetDestination(outline, renderer.destination(contents_page, 0));
            }
        }
        std::vector<HPDF_Outline> open(8, nullptr);  // the last outline at each level
        for (const Item& item : body_)
            for (const Mark& mark : item.marks) {
                auto found = anchors.find(mark.anchor);
                if (found == anchors.end()) continue;
                int level = std::min(mark.level, 7);
                HPDF_Outline parent = nullptr;
                for (int l = level - 1; l >= 0 && !parent; --l) parent = open[l];
                HPDF_Outline outline =
                    HPDF_CreateOutline(doc_.get(), parent, mark.title.c_str(), encoder);
                HPDF_Outline_SetOpened(outline, level == 0 ? HPDF_TRUE : HPDF_FALSE);
                HPDF_Outline_SetDestination(
                    outline, renderer.destination(found->second.page, found->second.y));
                open[level] = outline;
                for (std::size_t l = level + 1; l < open.size(); ++l) open[l] = nullptr;
            }
        HPDF_SetPageMode(doc_.get(), HPDF_PAGE_MODE_USE_OUTLINE);
        doc_.check("writing bookmarks");
    }

    void metadata() { write_metadata(doc_, options_); }
};

}  // namespace

PdfFile write_file(const std::vector<Chapter>& chapters, const PdfOptions& options) {
    DocumentWriter writer(chapters, options);
    PdfFile file;
    file.bytes = writer.run();
    file.pages = writer.page_count();
    return file;
}

std::string write(const std::vector<Chapter>& chapters, const PdfOptions& options) {
    return write_file(chapters, options).bytes;
}

}  // namespace boardpress::pdf
