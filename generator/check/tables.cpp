// Markdown tables without a caption: a screen reader announces a table by its caption, and a
// sighted reader skimming the page looks for one too. A "Table: ..." paragraph beside a table is
// its caption (markdown::table_caption); a heading right above it names it well enough.
#include <cmark-gfm.h>

#include "check/nodes.hpp"
#include "check/site_view.hpp"

namespace boardpress::check {

std::vector<const cmark_node*> uncaptioned_tables(const markdown::Document& document) {
    std::vector<const cmark_node*> found;
    for (cmark_node* table : nodes_named(document, "table")) {
        cmark_node* before = cmark_node_previous(table);
        bool titled = (before && cmark_node_get_type(before) == CMARK_NODE_HEADING) ||
                      markdown::table_caption(table);
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
                         "put a paragraph right above or below it that says what it shows, "
                         "starting `Table:` (such as `Table: Members by agency`): it becomes the "
                         "table's caption; a ```table block of a dataset always has one"));
    }
}

}  // namespace boardpress::check
