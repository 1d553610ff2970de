// Markdown tables without a caption: a screen reader announces a table by its caption, and a
// sighted reader skimming the page looks for one too. The HTML writer gives pipe tables no
// <caption>, so a heading or a "Table: ..." line next to the table stands for one.
#include <cmark-gfm.h>

#include "check/nodes.hpp"
#include "check/site_view.hpp"

namespace boardpress::check {

namespace {

bool names_table(cmark_node* node) {
    if (!node || cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH) return false;
    std::string text = markdown::plain_text(node);
    if (!text.starts_with("Table")) return false;
    std::string_view rest = std::string_view(text).substr(5);
    return rest.starts_with(":") ||
           (rest.size() >= 2 && rest[0] == ' ' && rest[1] >= '0' && rest[1] <= '9');
}

}  // namespace

std::vector<const cmark_node*> uncaptioned_tables(const markdown::Document& document) {
    std::vector<const cmark_node*> found;
    for (cmark_node* table : nodes_named(document, "table")) {
        cmark_node* before = cmark_node_previous(table);
        cmark_node* after = cmark_node_next(table);
        bool titled = (before && cmark_node_get_type(before) == CMARK_NODE_HEADING) ||
                      names_table(before) || names_table(after);
        if (!titled) found.push_back(table);
    }
    return found;
}

void check_tables(const SiteView& view, std::size_t page, const PageSource& source,
                  Findings& findings) {
    for (const cmark_node* table : uncaptioned_tables(view.site.bodies[page].document)) {
        // The header row's first cell finds the table in the file.
        auto* node = const_cast<cmark_node*>(table);
        std::string first_heading;
        if (cmark_node* row = cmark_node_first_child(node))
            if (cmark_node* cell = cmark_node_first_child(row))
                first_heading = markdown::plain_text(cell);
        SourceLocation where =
            source.place(node, first_heading.empty() ? "" : "| " + first_heading);
        if (first_heading.empty() || where.column == 0) where = source.place(node, first_heading);
        findings.add(Kind::table_caption,
                     source.diagnostic(
                         Severity::warning, where,
                         "this table has no caption, so people using screen readers are not told "
                         "what it shows",
                         "put a line right above it that says what it shows, starting `Table:` "
                         "(such as `Table: Members by agency`), or a heading; a ```table block "
                         "of a dataset always has a caption"));
    }
}

}  // namespace boardpress::check
