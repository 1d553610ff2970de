#include "markdown/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_set>

namespace boardpress::markdown {

void NodeDeleter::operator()(cmark_node* node) const {
    if (node) cmark_node_free(node);
}

namespace {

struct ParserDeleter {
    void operator()(cmark_parser* parser) const {
        if (parser) cmark_parser_free(parser);
    }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;

struct IterDeleter {
    void operator()(cmark_iter* iter) const {
        if (iter) cmark_iter_free(iter);
    }
};
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

constexpr const char* extension_names[] = {"table", "strikethrough", "autolink", "tagfilter",
                                           "tasklist"};

// cmark-gfm 0.29.0.gfm.6 is not safe to use from several threads as it stands:
//
// 1. cmark_gfm_core_extensions_ensure_registered() guards itself with a plain `static int`. Two
//    threads arriving together both register: the extensions appear twice in the global registry
//    and the extension node types (CMARK_NODE_TABLE, ...) are reassigned under running parsers.
//    We register exactly once, under std::call_once; after that the registry is only read
//    (cmark_find_syntax_extension walks a list nobody writes any more).
//
// 2. cmark_parser_finish() parses inlines with *global* tables (SPECIAL_CHARS/SKIP_CHARS in
//    inlines.c): it adds the attached extensions' trigger characters ('~' for strikethrough, ':'
//    and 'w' for autolinks) on entry and removes them on exit. One thread finishing removes '~'
//    while another is still parsing, and that page silently loses its strikethrough and
//    autolinks (measured: 6-24% of parses wrong with 8 threads). Block parsing
//    (cmark_parser_feed) touches no global state, so only cmark_parser_finish is serialised.
std::once_flag registration_once;
std::mutex finish_mutex;

void ensure_registered() {
    std::call_once(registration_once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

bool is_block(cmark_node_type type) {
    return (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

void append_plain(const cmark_node* cnode, std::string& out) {
    auto* node = const_cast<cmark_node*>(cnode);
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_CODE_BLOCK:
            if (const char* literal = cmark_node_get_literal(node)) out += literal;
            return;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            out += ' ';
            return;
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_FOOTNOTE_REFERENCE:
        case CMARK_NODE_FOOTNOTE_DEFINITION:
        case CMARK_NODE_THEMATIC_BREAK:
            return;
        default:
            break;
    }
    bool first_block = true;
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        if (is_block(cmark_node_get_type(child))) {
            if (!first_block && !out.empty() && out.back() != '\n') out += '\n';
            first_block = false;
        }
        append_plain(child, out);
    }
}

// Decodes one UTF-8 sequence at text[i]; returns the code point and advances i. Invalid bytes
// give U+FFFD (cmark validated the text already, but slugify takes any string).
char32_t next_code_point(std::string_view text, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char b = byte(i);
    int length = b < 0x80           ? 1
                 : (b >> 5) == 0x6  ? 2
                 : (b >> 4) == 0xE  ? 3
                 : (b >> 3) == 0x1E ? 4
                                    : 0;
    if (length == 0 || i + length > text.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = length == 1 ? b : b & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += length;
    return cp;
}

// Folds Latin-1 and Latin Extended-A letters to ASCII; nullptr when there is no simple folding.
const char* fold(char32_t cp) {
    static const char* const latin1[] = {
        // U+00C0 - U+00FF
        "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",   //
        "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",  //
        "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",   //
        "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
    if (cp >= 0xC0 && cp <= 0xFF) return latin1[cp - 0xC0];
    struct Range {
        char32_t first, last;
        const char* ascii;
    };
    static const Range extended_a[] = {
        {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},  {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
        {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},  {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
        {0x134, 0x135, "j"}, {0x136, 0x138, "k"},  {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
        {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
        {0x162, 0x167, "t"}, {0x168, 0x173, "u"},  {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
        {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}};
    for (const auto& range : extended_a)
        if (cp >= range.first && cp <= range.last) return range.ascii;
    return nullptr;
}

std::string join_number(const std::string& prefix, int counter) {
    return prefix + "." + std::to_string(counter);
}

}  // namespace

namespace {

// What marks a caption paragraph (its user data points here); a constant, never written.
constexpr char caption_mark = 'T';
constexpr std::string_view caption_prefix = "Table: ";

bool is_table(const cmark_node* node) {
    return node &&
           std::string_view(cmark_node_get_type_string(const_cast<cmark_node*>(node))) == "table";
}

// The table a caption paragraph belongs to: the one after it, else the one before.
cmark_node* caption_owner(cmark_node* paragraph) {
    cmark_node* after = cmark_node_next(paragraph);
    return is_table(after) ? after : cmark_node_previous(paragraph);
}

// A top-level paragraph starting "Table: " right before a table, or right after one that has no
// caption yet, becomes its caption.
void mark_table_captions(cmark_node* root) {
    for (cmark_node* node = cmark_node_first_child(root); node; node = cmark_node_next(node)) {
        if (cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH) continue;
        // The parser may split "Table: " over several text nodes (at the colon, say).
        std::string start;
        for (cmark_node* text = cmark_node_first_child(node);
             text && cmark_node_get_type(text) == CMARK_NODE_TEXT && start.size() < 16;
             text = cmark_node_next(text))
            start += cmark_node_get_literal(text);
        if (!start.starts_with(caption_prefix)) continue;
        cmark_node* before = cmark_node_previous(node);
        if (!is_table(cmark_node_next(node)) && !(is_table(before) && !table_caption(before)))
            continue;
        std::size_t strip = caption_prefix.size();
        while (strip > 0) {
            cmark_node* text = cmark_node_first_child(node);
            std::string literal = cmark_node_get_literal(text);
            if (literal.size() <= strip) {
                strip -= literal.size();
                cmark_node_free(text);  // unlinks it too
            } else {
                cmark_node_set_literal(text, literal.substr(strip).c_str());
                strip = 0;
            }
        }
        cmark_node_set_user_data(node, const_cast<char*>(&caption_mark));
    }
}

}  // namespace

bool is_table_caption(const cmark_node* paragraph) {
    return paragraph &&
           cmark_node_get_user_data(const_cast<cmark_node*>(paragraph)) == &caption_mark;
}

cmark_node* table_caption(const cmark_node* table) {
    auto* node = const_cast<cmark_node*>(table);
    for (cmark_node* beside : {cmark_node_previous(node), cmark_node_next(node)})
        if (is_table_caption(beside) && caption_owner(beside) == node) return beside;
    return nullptr;
}

namespace {

// Throws at the first node nested deeper than kMaxNesting, walking the tree without recursion.
void check_nesting(cmark_node* root, std::string_view text, const SourceLocation& origin) {
    std::vector<cmark_node*> path;  // from the document down to the node entered last
    IterPtr iter(cmark_iter_new(root));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        if (event != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter.get());
        while (!path.empty() && path.back() != cmark_node_parent(node)) path.pop_back();
        path.push_back(node);
        if (path.size() <= kMaxNesting + 1) continue;  // + 1: the document itself
        // An inline node has no position of its own: its block's is used.
        cmark_node* placed = node;
        while (cmark_node_parent(placed) && cmark_node_get_start_line(placed) == 0)
            placed = cmark_node_parent(placed);
        int line = cmark_node_get_start_line(placed);
        Diagnostic diagnostic{Severity::error,
                              {origin.file, std::max(origin.line, 1) + std::max(line, 1) - 1,
                               std::max(cmark_node_get_start_column(placed), 1)},
                              "lists, block quotes or emphasis are nested here more than " +
                                  std::to_string(kMaxNesting) + " levels deep",
                              line_of(text, line),
                              "nest them less deeply: a reader cannot follow such depth either"};
        throw Error(std::move(diagnostic));
    }
}

}  // namespace

Document parse(std::string_view text, const ParseOptions& options, const SourceLocation& origin) {
    ensure_registered();
    int cmark_options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;
    if (options.smart) cmark_options |= CMARK_OPT_SMART;
    if (options.unsafe_html) cmark_options |= CMARK_OPT_UNSAFE;

    ParserPtr parser(cmark_parser_new(cmark_options));
    if (!parser) throw std::bad_alloc();
    for (const char* name : extension_names) {
        cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
        if (!extension)
            throw std::runtime_error(std::string("cmark-gfm extension not available: ") + name);
        cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
    cmark_parser_feed(parser.get(), text.data(), text.size());
    NodePtr root;
    {
        std::lock_guard<std::mutex> lock(finish_mutex);
        root.reset(cmark_parser_finish(parser.get()));
    }
    if (!root) throw std::bad_alloc();
    check_nesting(root.get(), text, origin);
    mark_table_captions(root.get());
    Document document(std::move(root));
    document.cmark_options = cmark_options;
    document.unsafe_html = options.unsafe_html;
    return document;
}

Numbering parse_numbering(std::string_view name, bool* ok) {
    if (ok) *ok = true;
    if (name == "none" || name.empty()) return Numbering::none;
    if (name == "paragraphs") return Numbering::paragraphs;
    if (name == "sections") return Numbering::sections;
    if (ok) *ok = false;
    return Numbering::none;
}

std::string plain_text(const cmark_node* node) {
    std::string out;
    if (node) append_plain(node, out);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

std::string slugify(std::string_view text) {
    std::string out;
    bool pending_hyphen = false;
    auto put = [&](std::string_view ascii) {
        if (pending_hyphen && !out.empty()) out += '-';
        pending_hyphen = false;
        out += ascii;
    };
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = next_code_point(text, i);
        if (cp >= 'A' && cp <= 'Z') {
            char c = static_cast<char>(cp - 'A' + 'a');
            put(std::string_view(&c, 1));
        } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            char c = static_cast<char>(cp);
            put(std::string_view(&c, 1));
        } else if (cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
            // apostrophes join: "children's" -> "childrens"
        } else if (const char* ascii = fold(cp)) {
            put(ascii);
        } else {
            pending_hyphen = true;
        }
    }
    return out;
}

std::string display_number(std::string_view number) {
    if (number.empty()) return {};
    if (number.find('.') == std::string_view::npos) return std::string(number) + ".";
    return std::string(number);
}

std::string paragraph_id(std::string_view number) {
    std::string id = "p-";
    for (char c : number) id += c == '.' ? '-' : c;
    return id;
}

Outline outline(const Document& document, const OutlineOptions& options) {
    Outline result;
    cmark_node* root = document.root();
    if (!root) return result;

    std::unordered_set<std::string> used;

    // Footnote ids first: a reference's literal is its note's number ("1"), and the parser has
    // moved the referenced definitions to the end of the document in that order.
    {
        std::unordered_map<std::string, int> seen;
        IterPtr iter(cmark_iter_new(root));
        cmark_event_type event;
        while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
            cmark_node* node = cmark_iter_get_node(iter.get());
            if (event != CMARK_EVENT_ENTER ||
                cmark_node_get_type(node) != CMARK_NODE_FOOTNOTE_REFERENCE)
                continue;
            const char* literal = cmark_node_get_literal(node);
            std::string number = literal ? literal : "";
            int count = ++seen[number];
            std::string id = "fnref-" + number;
            if (count > 1) id += "-" + std::to_string(count);
            result.ids[node] = id;
            used.insert(id);
        }
        int definition = 0;
        for (cmark_node* child = cmark_node_first_child(root); child;
             child = cmark_node_next(child)) {
            if (cmark_node_get_type(child) != CMARK_NODE_FOOTNOTE_DEFINITION) continue;
            std::string id = "fn-" + std::to_string(++definition);
            result.ids[child] = id;
            used.insert(id);
        }
    }

    // Numbers: top-level paragraphs and headings only.
    struct Scope {
        int level;
        std::string number;
        int counter;
    };
    std::vector<Scope> scopes;
    int section = options.first_number;
    bool seen_h1 = false;
    int subsection_level = 0;  // the level of the first numbered subheading (## usually)
    int paragraph = options.first_number;
    if (options.numbering == Numbering::sections) scopes.push_back({1, std::to_string(section), 0});

    for (cmark_node* child = cmark_node_first_child(root); child; child = cmark_node_next(child)) {
        cmark_node_type type = cmark_node_get_type(child);
        if (type == CMARK_NODE_PARAGRAPH && !is_table_caption(child)) {
            std::string number;
            if (options.numbering == Numbering::paragraphs) {
                number = std::to_string(paragraph++);
            } else if (options.numbering == Numbering::sections) {
                Scope& scope = scopes.back();
                number = join_number(scope.number, ++scope.counter);
            }
            if (!number.empty()) {
                result.numbers[child] = number;
                std::string id = paragraph_id(number);
                result.ids[child] = id;
                used.insert(id);
            }
        } else if (type == CMARK_NODE_HEADING && options.numbering == Numbering::sections) {
            int level = cmark_node_get_heading_level(child);
            std::string number;
            if (level == 1) {
                if (seen_h1) {
                    ++section;
                    scopes.assign(1, Scope{1, std::to_string(section), 0});
                } else {
                    scopes.resize(1);  // the page's own section, its counter running on
                }
                seen_h1 = true;
                number = scopes.front().number;
            } else if (subsection_level == 0 || level <= subsection_level) {
                subsection_level = level;
                scopes.resize(1);
                Scope& parent = scopes.back();
                number = join_number(parent.number, ++parent.counter);
                scopes.push_back({level, number, 0});
            }
            // Deeper headings are subheads: unnumbered, the paragraph count running through them.
            if (!number.empty()) result.numbers[child] = number;
        }
    }

    // Heading ids, in document order, anywhere in the tree.
    IterPtr iter(cmark_iter_new(root));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_HEADING) continue;
        Heading heading;
        heading.level = cmark_node_get_heading_level(node);
        heading.text = plain_text(node);
        heading.node = node;
        std::string base = slugify(heading.text);
        if (base.empty()) base = "section";
        std::string id = base;
        for (int n = 2; used.count(id); ++n) id = base + "-" + std::to_string(n);
        used.insert(id);
        heading.id = id;
        result.ids[node] = id;
        if (auto found = result.numbers.find(node); found != result.numbers.end())
            heading.number = found->second;
        if (cmark_node_parent(node) == root) result.headings.push_back(std::move(heading));
    }
    return result;
}

}  // namespace boardpress::markdown
