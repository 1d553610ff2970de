// ```table in the PDF: the core's table layout (repeated header rows, wrapped cells) fed from the
// TableModel, with the caption above and the notes and source below.
#include "pdf/components_pdf.hpp"
#include "pdf/components_pdf_parts.hpp"

namespace boardpress::pdf {

namespace {

TableCell cell_of(const components::Cell& cell, Face face, const Theme& theme) {
    TableCell out;
    // A mark (no data, a hidden small count) is grey, so the figures around it stand out.
    Color color = cell.missing || cell.suppressed ? theme.muted : theme.text;
    out.runs.push_back({cell.text, parts::style(face, theme.table_size, color), {}, false});
    out.align = parts::align_of(cell.align);
    return out;
}

std::vector<TableCell> row_of(const std::vector<components::Cell>& cells, bool row_headers,
                              const Theme& theme) {
    std::vector<TableCell> row;
    for (std::size_t i = 0; i < cells.size(); ++i)
        row.push_back(cell_of(cells[i], i == 0 && row_headers ? Face::bold : Face::regular, theme));
    return row;
}

}  // namespace

void layout_table(const components::TableModel& table, Layout& layout) {
    const Theme& theme = layout.theme();
    std::vector<Run> caption{
        {table.caption, parts::style(Face::bold, theme.body_size, theme.text), {}, false}};
    if (!table.unit.empty())
        caption.push_back({" (" + table.unit + ")",
                           parts::style(Face::regular, theme.body_size, theme.muted),
                           {},
                           false});
    parts::heading(layout, std::move(caption));

    TableSpec spec;
    spec.header_rows = 1;
    spec.space_before = 4;
    spec.rows.push_back(row_of(table.head, false, theme));
    for (const auto& row : table.body) spec.rows.push_back(row_of(row, table.row_headers, theme));
    if (!table.totals.empty()) {
        spec.rows.push_back(row_of(table.totals, table.row_headers, theme));
        spec.footer_rows = 1;
    }
    layout.table(spec);

    std::vector<std::string> lines = table.footnotes;
    lines.push_back(table.notes);
    if (!table.source.empty()) lines.push_back("Source: " + table.source);
    parts::notes(layout, lines);
}

}  // namespace boardpress::pdf
