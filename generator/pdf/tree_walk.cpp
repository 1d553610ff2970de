#include "pdf/tree_walk.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "pdf/image_size.hpp"

namespace boardpress::pdf {

namespace {

std::string type_string(cmark_node* node) {
    const char* type = cmark_node_get_type_string(node);
    return type ? type : "";
}

std::string_view literal(cmark_node* node) {
    const char* s = cmark_node_get_literal(node);
    return s ? std::string_view(s) : std::string_view();
}

class Walker {
  public:
    Walker(Layout& layout, const WalkOptions& options)
        : layout_(layout), options_(options), theme_(layout.theme()) {}

    void run() {
        cmark_node* root = options_.document->root();
        if (!root) return;
        run(cmark_node_first_child(root), nullptr, false);
    }

    // Top-level blocks [first, end); `part`: only the notes referenced in them follow.
    void run(cmark_node* first, cmark_node* end, bool part) {
        cmark_node* root = options_.document->root();
        if (!root) return;
        collect_footnotes(root);
        // Numbered documents hang their numbers in a column left of the text.
        for (const auto& [node, number] : options_.outline->numbers)
            hang_ = std::max(hang_,
                             layout_.measure().width(Face::bold, markdown::display_number(number),
                                                     theme_.heading_sizes[1]) +
                                 8);
        if (hang_ > 0) layout_.push_indent(hang_ = std::max(hang_, 24.0));
        for (cmark_node* child = first; child && child != end; child = cmark_node_next(child))
            block(child);
        if (hang_ > 0) layout_.pop();
        if (!part) {
            footnotes();
            return;
        }
        std::vector<bool> wanted(definitions_.size(), false);
        for (cmark_node* child = first; child && child != end; child = cmark_node_next(child))
            mark_referenced(child, wanted);
        footnotes(&wanted);
    }

  private:
    Layout& layout_;
    const WalkOptions& options_;
    const Theme& theme_;
    double hang_ = 0;
    int list_depth_ = 0;
    std::vector<cmark_node*> definitions_;
    std::map<cmark_node*, std::string> ref_ids_;
    std::map<std::string, std::vector<std::string>> refs_;  // note number -> reference ids
    std::map<std::string, int> ref_counts_;

    const std::string* outline_id(cmark_node* node) const {
        auto found = options_.outline->ids.find(node);
        return found == options_.outline->ids.end() ? nullptr : &found->second;
    }
    const std::string* outline_number(cmark_node* node) const {
        auto found = options_.outline->numbers.find(node);
        return found == options_.outline->numbers.end() ? nullptr : &found->second;
    }
    std::string anchor(std::string_view id) const {
        return options_.anchor_prefix + std::string(id);
    }

    void collect_footnotes(cmark_node* root) {
        for (cmark_node* child = cmark_node_first_child(root); child;
             child = cmark_node_next(child))
            if (cmark_node_get_type(child) == CMARK_NODE_FOOTNOTE_DEFINITION)
                definitions_.push_back(child);
        cmark_iter* iter = cmark_iter_new(root);
        cmark_event_type event;
        while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
            cmark_node* node = cmark_iter_get_node(iter);
            if (event != CMARK_EVENT_ENTER ||
                cmark_node_get_type(node) != CMARK_NODE_FOOTNOTE_REFERENCE)
                continue;
            std::string number(literal(node));
            std::string id;
            if (const std::string* known = outline_id(node)) {
                id = *known;
            } else {
                int count = ++ref_counts_[number];
                id = "fnref-" + number + (count > 1 ? "-" + std::to_string(count) : "");
            }
            ref_ids_[node] = id;
            refs_[number].push_back(id);
        }
        cmark_iter_free(iter);
    }

    std::string definition_id(std::size_t index) const {
        if (const std::string* id = outline_id(definitions_[index])) return *id;
        return "fn-" + std::to_string(index + 1);
    }

    Style base_style(double size = 0) const {
        Style style;
        style.size = size > 0 ? size : layout_.body_size();
        style.color = theme_.text;
        return style;
    }

    // ---- inlines -> runs ----------------------------------------------------------------------

    void inlines(cmark_node* node, const Style& style, std::vector<Run>& runs) {
        for (cmark_node* child = cmark_node_first_child(node); child;
             child = cmark_node_next(child))
            inline_node(child, style, runs);
    }

    void inline_node(cmark_node* node, const Style& style, std::vector<Run>& runs) {
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_TEXT:
                runs.push_back({std::string(literal(node)), style, {}, false});
                return;
            case CMARK_NODE_SOFTBREAK:
                runs.push_back({" ", style, {}, false});
                return;
            case CMARK_NODE_LINEBREAK:
                runs.push_back({"", style, {}, true});
                return;
            case CMARK_NODE_CODE: {
                Style code = style;
                code.face = Face::mono;
                code.size = style.size * 0.92;
                runs.push_back({std::string(literal(node)), code, {}, false});
                return;
            }
            case CMARK_NODE_HTML_INLINE:
                return;  // raw HTML has no meaning on paper
            case CMARK_NODE_EMPH: {
                Style emph = style;
                emph.face = with_italic(style.face);
                inlines(node, emph, runs);
                return;
            }
            case CMARK_NODE_STRONG: {
                Style strong = style;
                strong.face = with_bold(style.face);
                inlines(node, strong, runs);
                return;
            }
            case CMARK_NODE_LINK: {
                const char* url = cmark_node_get_url(node);
                std::string target = url && options_.resolve_link ? options_.resolve_link(url) : "";
                Style linked = style;
                if (!target.empty()) {
                    linked.link = target;
                    linked.color = theme_.accent;
                    linked.underline = true;
                }
                inlines(node, linked, runs);
                return;
            }
            case CMARK_NODE_IMAGE: {  // an image inside text: its alt text, in italics
                Style alt = style;
                alt.face = with_italic(style.face);
                runs.push_back({markdown::plain_text(node), alt, {}, false});
                return;
            }
            case CMARK_NODE_FOOTNOTE_REFERENCE: {
                std::string number(literal(node));
                Style sup = style;
                sup.size = style.size * 0.68;
                sup.rise = style.size * 0.36;
                sup.color = theme_.accent;
                sup.underline = false;
                sup.link = "#" + anchor(footnote_target(number));
                runs.push_back({"", sup, anchor(ref_ids_[node]), false});
                runs.push_back({number, sup, {}, false});
                return;
            }
            default:
                break;
        }
        if (type_string(node) == "strikethrough") {
            Style struck = style;
            struck.strike = true;
            inlines(node, struck, runs);
        } else {
            inlines(node, style, runs);
        }
    }

    std::string footnote_target(const std::string& number) const {
        std::size_t index = 0;
        for (char c : number) {
            if (c < '0' || c > '9') return "fn-" + number;
            index = index * 10 + static_cast<std::size_t>(c - '0');
        }
        if (index >= 1 && index <= definitions_.size()) return definition_id(index - 1);
        return "fn-" + number;
    }

    // ---- blocks ---------------------------------------------------------------------------------

    void children(cmark_node* node) {
        for (cmark_node* child = cmark_node_first_child(node); child;
             child = cmark_node_next(child))
            block(child);
    }

    void block(cmark_node* node) {
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_DOCUMENT:
            case CMARK_NODE_CUSTOM_BLOCK:
                children(node);
                return;
            case CMARK_NODE_BLOCK_QUOTE:
                layout_.space(theme_.paragraph_space);
                layout_.push_quote();
                children(node);
                layout_.pop();
                layout_.space(theme_.paragraph_space);
                return;
            case CMARK_NODE_LIST:
                list(node);
                return;
            case CMARK_NODE_CODE_BLOCK:
                code_block(node);
                return;
            case CMARK_NODE_HTML_BLOCK:
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                return;
            case CMARK_NODE_PARAGRAPH:
                paragraph(node);
                return;
            case CMARK_NODE_HEADING:
                heading(node);
                return;
            case CMARK_NODE_THEMATIC_BREAK:
                layout_.rule();
                return;
            default:
                break;
        }
        if (type_string(node) == "table")
            table(node);
        else
            children(node);
    }

    static bool in_tight_list(cmark_node* paragraph) {
        cmark_node* item = cmark_node_parent(paragraph);
        if (!item || cmark_node_get_type(item) != CMARK_NODE_ITEM) return false;
        cmark_node* list = cmark_node_parent(item);
        return list && cmark_node_get_type(list) == CMARK_NODE_LIST &&
               cmark_node_get_list_tight(list);
    }

    void list(cmark_node* node) {
        bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        bool tight = cmark_node_get_list_tight(node);
        int number = cmark_node_get_list_start(node);
        Style marker_style = base_style();
        marker_style.color = ordered ? theme_.text : theme_.accent;
        // The hanging column fits the widest number ("10.").
        double column = theme_.list_indent;
        if (ordered) {
            int last = number;
            for (cmark_node* item = cmark_node_first_child(node); item;
                 item = cmark_node_next(item))
                ++last;
            column =
                std::max(column, layout_.measure().width(Face::regular, std::to_string(last) + ".",
                                                         marker_style.size) +
                                     8);
        }
        layout_.space(list_depth_ == 0 ? theme_.paragraph_space : 2);
        ++list_depth_;
        for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
            std::string marker;
            Style style = marker_style;
            if (type_string(item) == "tasklist") {
                marker = cmark_gfm_extensions_get_tasklist_item_checked(item) ? "[x]" : "[ ]";
                style.face = Face::mono;
                style.size *= 0.9;
                column = std::max(column, 26.0);
            } else if (ordered) {
                marker = std::to_string(number++) + ".";
            } else {
                marker = list_depth_ % 2 == 1 ? "\xE2\x80\xA2" : "\xE2\x80\x93";  // • then –
            }
            layout_.push_indent(column);
            layout_.set_marker({{marker, style, {}, false}}, column);
            if (!tight) layout_.space(theme_.paragraph_space);
            children(item);
            layout_.pop();
        }
        --list_depth_;
        layout_.space(list_depth_ == 0 ? theme_.paragraph_space : 2);
    }

    void code_block(cmark_node* node) {
        const char* info_text = cmark_node_get_fence_info(node);
        std::string_view info = info_text ? info_text : "";
        int length = 0, offset = 0;
        char fence = 0;
        bool fenced = cmark_node_get_fenced(node, &length, &offset, &fence) != 0;
        if (fenced && options_.render_code_block) {
            CodeBlock block{info, literal(node), cmark_node_get_start_line(node)};
            if (options_.render_code_block(block, layout_)) return;
        }
        std::string_view text = literal(node);
        if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
        layout_.code(text);
    }

    // A paragraph that holds nothing but one image is laid out as a figure.
    bool figure(cmark_node* node) {
        cmark_node* first = cmark_node_first_child(node);
        if (!first || cmark_node_next(first) || cmark_node_get_type(first) != CMARK_NODE_IMAGE)
            return false;
        const char* url = cmark_node_get_url(first);
        if (!url || !options_.resolve_image) return false;
        std::string path = options_.resolve_image(url);
        if (path.empty()) return false;
        std::optional<ImageSize> size = read_image_size(path);
        if (!size || size->width <= 0 || size->height <= 0) return false;
        layout_.image(path, size->width, size->height, markdown::plain_text(first));
        return true;
    }

    void paragraph(cmark_node* node) {
        if (markdown::is_table_caption(node)) return;  // written with its table
        if (figure(node)) return;
        std::vector<Run> runs;
        inlines(node, base_style(), runs);
        ParagraphSpec spec;
        spec.align = theme_.align;
        if (in_tight_list(node)) spec.space_before = spec.space_after = 2;
        if (const std::string* number = outline_number(node)) {
            Style style = base_style();
            style.color = theme_.muted;
            spec.marker = {{markdown::display_number(*number), style, {}, false}};
            spec.marker_width = hang_;
            // The number hangs in the document's number column: lay the text out at its indent.
            if (const std::string* id = outline_id(node)) spec.anchors.push_back({anchor(*id), 0});
            layout_.push_indent(-hang_);
            layout_.paragraph(runs, spec);
            layout_.pop();
            return;
        }
        layout_.paragraph(runs, spec);
    }

    void heading(cmark_node* node) {
        int level = std::clamp(cmark_node_get_heading_level(node), 1, 6);
        double size = theme_.heading_sizes[level - 1];
        Style style = base_style(size);
        style.face = level >= 5 ? Face::bold_italic : Face::bold;
        style.color = level <= 3 ? theme_.accent : theme_.text;
        std::vector<Run> runs;
        inlines(node, style, runs);
        ParagraphSpec spec;
        spec.size = size;
        spec.space_before = level <= 2 ? size * 1.4 : size * 1.1;
        spec.space_after = size * 0.3;
        spec.keep_with_next = true;
        spec.keep_together = true;
        std::string title = markdown::plain_text(node);
        const std::string* number = outline_number(node);
        if (number) title = markdown::display_number(*number) + " " + title;
        if (const std::string* id = outline_id(node)) {
            spec.anchors.push_back({anchor(*id), 0});
            // Bookmarks nest chapter > h2 > h3: h1 and h2 sit at level 1.
            if (list_depth_ == 0)
                spec.marks.push_back({std::max(1, level - 1), title, anchor(*id)});
        }
        if (number && hang_ > 0) {
            spec.marker = {{markdown::display_number(*number), style, {}, false}};
            spec.marker_width = hang_;
            layout_.push_indent(-hang_);
            layout_.paragraph(runs, spec);
            layout_.pop();
            return;
        }
        layout_.paragraph(runs, spec);
    }

    void table(cmark_node* node) {
        uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
        const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
        TableSpec spec;
        spec.header_rows = 0;
        for (uint16_t c = 0; c < columns; ++c) {
            uint8_t a = alignments ? alignments[c] : 0;
            spec.align.push_back(a == 'r' ? Align::right : a == 'c' ? Align::center : Align::left);
        }
        if (cmark_node* caption = markdown::table_caption(node)) {
            // The caption heads the table, kept on its page, whichever side it was written.
            Style caption_style = base_style();
            caption_style.face = Face::bold;
            std::vector<Run> runs;
            inlines(caption, caption_style, runs);
            ParagraphSpec caption_spec;
            caption_spec.keep_with_next = true;
            caption_spec.space_after = 2;
            layout_.paragraph(runs, caption_spec);
            spec.space_before = 0;
        }
        Style style = base_style(theme_.table_size);
        for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
            if (type_string(row) == "table_header") ++spec.header_rows;
            spec.rows.emplace_back();
            for (cmark_node* cell = cmark_node_first_child(row); cell;
                 cell = cmark_node_next(cell)) {
                spec.rows.back().emplace_back();
                inlines(cell, style, spec.rows.back().back().runs);
            }
        }
        layout_.table(spec);
    }

    // Sets wanted[i] for every note referenced under `node` (numbers as in footnote_target).
    void mark_referenced(cmark_node* node, std::vector<bool>& wanted) const {
        cmark_iter* iter = cmark_iter_new(node);
        cmark_event_type event;
        while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
            cmark_node* ref = cmark_iter_get_node(iter);
            if (event != CMARK_EVENT_ENTER ||
                cmark_node_get_type(ref) != CMARK_NODE_FOOTNOTE_REFERENCE)
                continue;
            std::size_t index = 0;
            for (char c : literal(ref)) {
                if (c < '0' || c > '9') {
                    index = 0;
                    break;
                }
                index = index * 10 + static_cast<std::size_t>(c - '0');
            }
            if (index >= 1 && index <= wanted.size()) wanted[index - 1] = true;
        }
        cmark_iter_free(iter);
    }

    // The notes, all of them or those `only` marks.
    void footnotes(const std::vector<bool>* only = nullptr) {
        if (definitions_.empty()) return;
        if (only && std::find(only->begin(), only->end(), true) == only->end()) return;
        layout_.space(theme_.paragraph_space * 2);
        Item rule;
        rule.height = 8;
        rule.space_before = theme_.paragraph_space * 2;
        rule.keep_with_next = true;
        rule.lines.push_back({0, 4, 120, 4, 0.6, theme_.rule});
        layout_.add(std::move(rule));
        layout_.push_indent(0, theme_.small_size + 0.5);
        for (std::size_t i = 0; i < definitions_.size(); ++i) {
            if (only && !(*only)[i]) continue;
            std::string number = std::to_string(i + 1);
            Style marker = base_style();
            marker.color = theme_.accent;
            // The number links back to the (first) reference.
            const auto& refs = refs_[number];
            if (!refs.empty()) marker.link = "#" + anchor(refs.front());
            layout_.push_indent(20);
            layout_.set_marker({{number + ".", marker, anchor(definition_id(i)), false}}, 20);
            layout_.space(3);
            for (cmark_node* child = cmark_node_first_child(definitions_[i]); child;
                 child = cmark_node_next(child)) {
                if (cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH) {
                    std::vector<Run> runs;
                    inlines(child, base_style(), runs);
                    ParagraphSpec spec;
                    spec.space_before = spec.space_after = 3;
                    layout_.paragraph(runs, spec);
                } else {
                    block(child);
                }
            }
            layout_.pop();
        }
        layout_.pop();
    }
};

}  // namespace

void walk(Layout& layout, const WalkOptions& options) {
    Walker(layout, options).run();
}

void walk_blocks(Layout& layout, const WalkOptions& options, cmark_node* first, cmark_node* end) {
    Walker(layout, options).run(first, end, true);
}

bool has_prefix(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
    return true;
}

std::string resolve_link(std::string_view url, std::string_view anchor_prefix,
                         const std::string& base_url) {
    if (url.empty()) return {};
    if (url[0] == '#') return "#" + std::string(anchor_prefix) + std::string(url.substr(1));
    if (has_prefix(url, "http://") || has_prefix(url, "https://") || has_prefix(url, "mailto:"))
        return std::string(url);
    if (base_url.empty() || url.find(':') != std::string_view::npos) return {};
    std::string base = base_url;
    if (base.back() != '/') base += '/';
    while (!url.empty() && url[0] == '/') url.remove_prefix(1);
    return base + std::string(url);
}

}  // namespace boardpress::pdf
