#include "html/html_writer.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "format/format.hpp"

namespace boardpress::html {

namespace {

using markdown::Document;
using markdown::Outline;

// ↩ followed by VARIATION SELECTOR-15, so phones show the arrow as text, not as an emoji.
constexpr const char* back_arrow = "\xE2\x86\xA9\xEF\xB8\x8E";
constexpr const char* raw_html_omitted = "<!-- raw HTML omitted -->";

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string type_string(cmark_node* node) {
    const char* type = cmark_node_get_type_string(node);
    return type ? type : "";
}

}  // namespace

void escape_text(std::string_view text, std::string& out) {
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
}

std::string escape_text(std::string_view text) {
    std::string out;
    escape_text(text, out);
    return out;
}

std::string escape_url(std::string_view url) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : url) {
        auto u = static_cast<unsigned char>(c);
        bool safe = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                    std::strchr("-_.~!*();:@=+$,/?#%[]", u) != nullptr;
        if (u == 0) {
            out += "%00";
        } else if (safe) {
            out += c;
        } else if (c == '&') {
            out += "&amp;";
        } else if (c == '\'') {
            out += "&#x27;";
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0xF];
        }
    }
    return out;
}

bool is_safe_url(std::string_view url) {
    return format::is_safe_url(url);
}

std::string filter_tags(std::string_view html) {
    // GitHub's tag filter: these tags change how the rest of the page parses, so their "<" is
    // escaped even when raw HTML is allowed.
    static const char* const filtered[] = {"title",   "textarea", "style",  "xmp",      "iframe",
                                           "noembed", "noframes", "script", "plaintext"};
    std::string out;
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html[i] == '<') {
            std::size_t name = i + 1;
            if (name < html.size() && html[name] == '/') ++name;
            bool escaped = false;
            for (const char* tag : filtered) {
                std::size_t length = std::strlen(tag);
                if (name + length > html.size()) continue;
                bool same = true;
                for (std::size_t k = 0; k < length && same; ++k)
                    same = ascii_lower(html[name + k]) == tag[k];
                if (!same) continue;
                std::size_t after = name + length;
                if (after == html.size() || std::strchr(" \t\n\r\f>/", html[after])) {
                    escaped = true;
                    break;
                }
            }
            if (escaped) {
                out += "&lt;";
                continue;
            }
        }
        out += html[i];
    }
    return out;
}

namespace {

class Writer {
  public:
    Writer(const Document& document, const Outline& outline, const WriterOptions& options)
        : document_(document), outline_(outline), options_(options) {}

    std::string run() {
        cmark_node* root = document_.root();
        if (!root) return {};
        collect_footnotes(root);
        for (cmark_node* child = cmark_node_first_child(root); child;
             child = cmark_node_next(child))
            block(child);
        write_footnotes();
        return std::move(out_);
    }

  private:
    const Document& document_;
    const Outline& outline_;
    const WriterOptions& options_;
    std::string out_;
    int no_abbr_ = 0;               // > 0 inside headings and links
    int tables_captioned_ = 0;      // counts tables, to give each caption its own id
    std::string heading_id_;        // id of the last heading written: names the tables below it
    std::vector<bool> used_terms_;  // glossary terms already explained on this page

    std::vector<cmark_node*> definitions_;                  // in note-number order
    std::map<std::string, std::vector<std::string>> refs_;  // note number -> reference ids
    std::map<std::string, int> ref_counts_;
    std::map<cmark_node*, std::string> ref_ids_;
    cmark_node* backrefs_paragraph_ = nullptr;  // paragraph that ends with the back-links
    std::string backrefs_number_;

    void cr() {
        if (!out_.empty() && out_.back() != '\n') out_ += '\n';
    }
    void text(std::string_view s) { escape_text(s, out_); }

    // Text with the first use of each glossary term on the page explained (not in headings or
    // links, whose words are reused in contents lists and would nest interactive elements).
    void glossary_text(std::string_view s) {
        const markdown::Glossary* glossary = options_.glossary;
        if (!glossary || glossary->empty() || no_abbr_ > 0) {
            text(s);
            return;
        }
        used_terms_.resize(glossary->terms().size());
        std::size_t done = 0;
        for (auto match = glossary->find(s); match;
             match = glossary->find(s, match->position + match->length)) {
            if (used_terms_[match->term]) continue;
            used_terms_[match->term] = true;
            text(s.substr(done, match->position - done));
            out_ += "<abbr title=\"";
            text(glossary->terms()[match->term].expansion);
            out_ += "\">";
            text(s.substr(match->position, match->length));
            out_ += "</abbr>";
            done = match->position + match->length;
        }
        text(s.substr(done));
    }
    static std::string_view literal(cmark_node* node) {
        const char* s = cmark_node_get_literal(node);
        return s ? std::string_view(s) : std::string_view();
    }

    const std::string* outline_id(cmark_node* node) const {
        auto found = outline_.ids.find(node);
        return found == outline_.ids.end() ? nullptr : &found->second;
    }
    const std::string* outline_number(cmark_node* node) const {
        auto found = outline_.numbers.find(node);
        return found == outline_.numbers.end() ? nullptr : &found->second;
    }

    // Reference ids come from the outline; an empty Outline still gets working footnotes.
    std::string reference_id(cmark_node* node) {
        if (const std::string* id = outline_id(node)) return *id;
        std::string number(literal(node));
        int count = ++ref_counts_[number];
        return "fnref-" + number + (count > 1 ? "-" + std::to_string(count) : "");
    }
    std::string definition_id(cmark_node* node, std::size_t index) const {
        if (const std::string* id = outline_id(node)) return *id;
        return "fn-" + std::to_string(index + 1);
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
            if (event == CMARK_EVENT_ENTER &&
                cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_REFERENCE) {
                std::string id = reference_id(node);
                ref_ids_[node] = id;
                refs_[std::string(literal(node))].push_back(id);
            }
        }
        cmark_iter_free(iter);
    }

    std::string footnote_href(std::string_view number) const {
        std::size_t index = 0;
        for (char c : number) {
            if (c < '0' || c > '9') return "#fn-" + std::string(number);
            index = index * 10 + static_cast<std::size_t>(c - '0');
        }
        if (index >= 1 && index <= definitions_.size())
            return "#" + definition_id(definitions_[index - 1], index - 1);
        return "#fn-" + std::string(number);
    }

    void children(cmark_node* node) {
        for (cmark_node* child = cmark_node_first_child(node); child;
             child = cmark_node_next(child))
            block_or_inline(child);
    }

    void block_or_inline(cmark_node* node) {
        if ((cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
            block(node);
        else
            inline_node(node);
    }

    void raw(std::string_view html) {
        if (document_.unsafe_html)
            out_ += filter_tags(html);
        else
            out_ += raw_html_omitted;
    }

    static bool in_tight_list(cmark_node* paragraph) {
        cmark_node* item = cmark_node_parent(paragraph);
        if (!item || cmark_node_get_type(item) != CMARK_NODE_ITEM) return false;
        cmark_node* list = cmark_node_parent(item);
        return list && cmark_node_get_type(list) == CMARK_NODE_LIST &&
               cmark_node_get_list_tight(list);
    }

    static bool is_task_item(cmark_node* node) {
        return cmark_node_get_type(node) == CMARK_NODE_ITEM && type_string(node) == "tasklist";
    }

    void checkbox(cmark_node* item, bool labelled_by_text) {
        out_ += "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled";
        bool checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
        if (checked) out_ += " checked";
        if (!labelled_by_text)
            out_ += checked ? " aria-label=\"Done\"" : " aria-label=\"Not done\"";
        out_ += "> ";
    }

    void block(cmark_node* node) {
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_DOCUMENT:
                children(node);
                return;
            case CMARK_NODE_BLOCK_QUOTE:
                cr();
                out_ += "<blockquote>\n";
                children(node);
                cr();
                out_ += "</blockquote>\n";
                return;
            case CMARK_NODE_LIST: {
                cr();
                bool tasks = false;
                for (cmark_node* item = cmark_node_first_child(node); item && !tasks;
                     item = cmark_node_next(item))
                    tasks = is_task_item(item);
                const char* task_class = tasks ? " class=\"task-list\"" : "";
                bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
                if (ordered) {
                    out_ += "<ol";
                    int start = cmark_node_get_list_start(node);
                    if (start != 1) out_ += " start=\"" + std::to_string(start) + "\"";
                    out_ += task_class;
                    out_ += ">\n";
                } else {
                    out_ += "<ul";
                    out_ += task_class;
                    out_ += ">\n";
                }
                children(node);
                cr();
                out_ += ordered ? "</ol>\n" : "</ul>\n";
                return;
            }
            case CMARK_NODE_ITEM: {
                cr();
                bool task = is_task_item(node);
                out_ += task ? "<li class=\"task-list-item\">" : "<li>";
                cmark_node* first = cmark_node_first_child(node);
                // The first paragraph of a task item becomes the checkbox's <label> (see
                // paragraph()); an item that starts otherwise gets a checkbox with its own name.
                if (task && (!first || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH))
                    checkbox(node, false);
                children(node);
                out_ += "</li>\n";
                return;
            }
            case CMARK_NODE_CODE_BLOCK:
                code_block(node);
                return;
            case CMARK_NODE_HTML_BLOCK:
                cr();
                raw(literal(node));
                cr();
                return;
            case CMARK_NODE_CUSTOM_BLOCK: {
                cr();
                const char* enter = cmark_node_get_on_enter(node);
                if (enter && *enter) raw(enter);
                children(node);
                const char* exit = cmark_node_get_on_exit(node);
                if (exit && *exit) raw(exit);
                cr();
                return;
            }
            case CMARK_NODE_PARAGRAPH:
                paragraph(node);
                return;
            case CMARK_NODE_HEADING:
                heading(node);
                return;
            case CMARK_NODE_THEMATIC_BREAK:
                cr();
                out_ += "<hr>\n";
                return;
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                return;  // written at the end, by write_footnotes()
            default:
                break;
        }
        std::string type = type_string(node);
        if (type == "table") {
            table(node);
        } else {
            children(node);  // an extension block this writer does not know: keep its content
        }
    }

    void code_block(cmark_node* node) {
        std::string_view info;
        if (const char* fence_info = cmark_node_get_fence_info(node)) info = fence_info;
        int fence_length = 0, fence_offset = 0;
        char fence_char = 0;
        bool fenced = cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char) != 0;
        cr();
        if (fenced && options_.render_code_block) {
            CodeBlock block{info, literal(node), cmark_node_get_start_line(node)};
            if (std::optional<std::string> rendered = options_.render_code_block(block)) {
                out_ += *rendered;
                cr();
                return;
            }
        }
        out_ += "<pre><code";
        std::string_view language = info.substr(0, info.find_first_of(" \t"));
        if (!language.empty()) {
            out_ += " class=\"language-";
            text(language);
            out_ += '"';
        }
        out_ += '>';
        text(literal(node));
        out_ += "</code></pre>\n";
    }

    void paragraph(cmark_node* node) {
        if (markdown::is_table_caption(node)) return;  // written inside its table
        cmark_node* parent = cmark_node_parent(node);
        bool task_label = parent && is_task_item(parent) && cmark_node_first_child(parent) == node;
        bool tight = in_tight_list(node);
        if (!tight) {
            cr();
            const std::string* number = outline_number(node);
            if (number) {
                const std::string* id = outline_id(node);
                out_ += "<p class=\"numbered\" id=\"";
                text(id ? *id : markdown::paragraph_id(*number));
                out_ += "\"><span class=\"para-num\">";
                text(markdown::display_number(*number));
                out_ += "</span> ";
            } else {
                out_ += "<p>";
            }
        }
        if (task_label) {
            out_ += "<label>";
            checkbox(parent, true);
        }
        children(node);
        if (task_label) out_ += "</label>";
        if (node == backrefs_paragraph_) write_backrefs(backrefs_number_);
        if (!tight) out_ += "</p>\n";
    }

    void heading(cmark_node* node) {
        cr();
        std::string level = std::to_string(cmark_node_get_heading_level(node));
        out_ += "<h" + level;
        const std::string* id = outline_id(node);
        heading_id_ = id ? *id : std::string();
        if (id) {
            out_ += " id=\"";
            text(*id);
            out_ += '"';
        }
        out_ += '>';
        if (const std::string* number = outline_number(node)) {
            out_ += "<span class=\"heading-num\">";
            text(markdown::display_number(*number));
            out_ += "</span> ";
        }
        ++no_abbr_;
        children(node);
        --no_abbr_;
        out_ += "</h" + level + ">\n";
    }

    void table(cmark_node* node) {
        uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
        const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
        cr();
        // A table wider than a phone scrolls sideways (style.css) inside a focusable, named
        // region, so it can be scrolled from the keyboard too. Its caption ("Table: ..." beside
        // it in the Markdown) names the region; without one, the heading above does.
        cmark_node* caption = markdown::table_caption(node);
        std::string caption_id = "table-caption-" + std::to_string(++tables_captioned_);
        out_ += "<div class=\"table-wrap\" role=\"region\" ";
        if (caption) {
            out_ += "aria-labelledby=\"" + caption_id + '"';
        } else if (heading_id_.empty()) {
            out_ += "aria-label=\"Table\"";
        } else {
            out_ += "aria-labelledby=\"";
            text(heading_id_);
            out_ += '"';
        }
        out_ += " tabindex=\"0\">\n<table>\n";
        if (caption) {
            out_ += "<caption id=\"" + caption_id + "\">";
            children(caption);
            out_ += "</caption>\n";
        }
        bool in_body = false;
        for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
            bool header = type_string(row) == "table_header";
            if (header) {
                out_ += "<thead>\n";
            } else if (!in_body) {
                out_ += "<tbody>\n";
                in_body = true;
            }
            out_ += "<tr>\n";
            std::size_t column = 0;
            for (cmark_node* cell = cmark_node_first_child(row); cell;
                 cell = cmark_node_next(cell), ++column) {
                out_ += header ? "<th scope=\"col\"" : "<td";
                uint8_t align = alignments && column < columns ? alignments[column] : 0;
                if (align == 'l') out_ += " style=\"text-align: left\"";
                if (align == 'c') out_ += " style=\"text-align: center\"";
                if (align == 'r') out_ += " style=\"text-align: right\"";
                out_ += '>';
                children(cell);
                out_ += header ? "</th>\n" : "</td>\n";
            }
            out_ += "</tr>\n";
            if (header) out_ += "</thead>\n";
        }
        if (in_body) out_ += "</tbody>\n";
        out_ += "</table>\n</div>\n";
    }

    void write_backrefs(const std::string& number) {
        const std::vector<std::string>& ids = refs_[number];
        for (std::size_t k = 0; k < ids.size(); ++k) {
            out_ += " <a href=\"#";
            text(ids[k]);
            out_ += "\" class=\"footnote-backref\" aria-label=\"Back to reference ";
            text(number);
            if (k > 0) out_ += " (" + std::to_string(k + 1) + ")";
            out_ += "\">";
            out_ += back_arrow;
            if (k > 0) out_ += "<sup>" + std::to_string(k + 1) + "</sup>";
            out_ += "</a>";
        }
    }

    void write_footnotes() {
        if (definitions_.empty()) return;
        cr();
        out_ += "<section class=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n";
        for (std::size_t i = 0; i < definitions_.size(); ++i) {
            cmark_node* definition = definitions_[i];
            std::string number = std::to_string(i + 1);
            out_ += "<li id=\"";
            text(definition_id(definition, i));
            out_ += "\">\n";
            cmark_node* last = cmark_node_last_child(definition);
            if (last && cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH) {
                backrefs_paragraph_ = last;
                backrefs_number_ = number;
                children(definition);
                backrefs_paragraph_ = nullptr;
            } else {
                children(definition);
                cr();
                out_ += "<p>";
                write_backrefs(number);
                out_ += "</p>\n";
            }
            cr();
            out_ += "</li>\n";
        }
        out_ += "</ol>\n</section>\n";
    }

    void inline_node(cmark_node* node) {
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_TEXT:
                glossary_text(literal(node));
                return;
            case CMARK_NODE_SOFTBREAK:
                out_ += '\n';
                return;
            case CMARK_NODE_LINEBREAK:
                out_ += "<br>\n";
                return;
            case CMARK_NODE_CODE:
                out_ += "<code>";
                text(literal(node));
                out_ += "</code>";
                return;
            case CMARK_NODE_HTML_INLINE:
                raw(literal(node));
                return;
            case CMARK_NODE_CUSTOM_INLINE: {
                const char* enter = cmark_node_get_on_enter(node);
                if (enter && *enter) raw(enter);
                children(node);
                const char* exit = cmark_node_get_on_exit(node);
                if (exit && *exit) raw(exit);
                return;
            }
            case CMARK_NODE_EMPH:
                out_ += "<em>";
                children(node);
                out_ += "</em>";
                return;
            case CMARK_NODE_STRONG:
                out_ += "<strong>";
                children(node);
                out_ += "</strong>";
                return;
            case CMARK_NODE_LINK:
                link(node);
                return;
            case CMARK_NODE_IMAGE:
                image(node);
                return;
            case CMARK_NODE_FOOTNOTE_REFERENCE: {
                std::string number(literal(node));
                out_ += "<sup class=\"footnote-ref\"><a href=\"";
                text(footnote_href(number));
                out_ += "\" id=\"";
                text(ref_ids_[node]);
                out_ += "\" aria-label=\"Footnote ";
                text(number);
                out_ += "\">";
                text(number);
                out_ += "</a></sup>";
                return;
            }
            default:
                break;
        }
        if (type_string(node) == "strikethrough") {
            out_ += "<del>";
            children(node);
            out_ += "</del>";
        } else {
            children(node);
        }
    }

    void link(cmark_node* node) {
        const char* url = cmark_node_get_url(node);
        if (!url || !is_safe_url(url)) {  // javascript: and friends: keep the words, drop the link
            children(node);
            return;
        }
        out_ += "<a href=\"";
        out_ += escape_url(url);
        out_ += '"';
        const char* title = cmark_node_get_title(node);
        if (title && *title) {
            out_ += " title=\"";
            text(title);
            out_ += '"';
        }
        out_ += '>';
        ++no_abbr_;
        children(node);
        --no_abbr_;
        out_ += "</a>";
    }

    void image(cmark_node* node) {
        const char* url = cmark_node_get_url(node);
        std::string alt = markdown::plain_text(node);
        if (!url || !is_safe_url(url)) {
            text(alt);
            return;
        }
        out_ += "<img src=\"";
        out_ += escape_url(url);
        out_ += "\" alt=\"";
        text(alt);
        out_ += '"';
        const char* title = cmark_node_get_title(node);
        if (title && *title) {
            out_ += " title=\"";
            text(title);
            out_ += '"';
        }
        out_ += " loading=\"lazy\">";
    }
};

}  // namespace

std::string write(const markdown::Document& document, const markdown::Outline& outline,
                  const WriterOptions& options) {
    return Writer(document, outline, options).run();
}

}  // namespace boardpress::html
