// Tables: column widths from content, wrapped cells, header rows that repeat after a page break,
// numbers right-aligned.
#include <algorithm>
#include <numeric>

#include "pdf/layout.hpp"
#include "pdf/table_text.hpp"

namespace boardpress::pdf {

namespace {

constexpr double pad_x = 5, pad_y = 3.5;

std::string cell_text(const TableCell& cell) {
    std::string text;
    for (const Run& run : cell.runs) text += run.text;
    return text;
}

}  // namespace

void Layout::table(const TableSpec& spec) {
    std::size_t columns = 0;
    for (const auto& row : spec.rows) columns = std::max(columns, row.size());
    if (columns == 0) return;
    const std::size_t rows = spec.rows.size();
    const std::size_t header_rows = std::min(spec.header_rows, rows);
    const std::size_t footer_start = rows - std::min(spec.footer_rows, rows - header_rows);
    std::vector<bool> group(rows, false);
    for (std::size_t r : spec.group_rows)
        if (r >= header_rows && r < rows) group[r] = true;

    // Alignment: a cell's own, then the Markdown's (:--:, --:); otherwise numbers go right, and
    // so does the header of a column whose body is mostly numbers.
    std::vector<std::vector<Align>> align(rows, std::vector<Align>(columns, Align::left));
    for (std::size_t c = 0; c < columns; ++c) {
        Align fixed = c < spec.align.size() ? spec.align[c] : Align::left;
        std::size_t numeric = 0, filled = 0;
        for (std::size_t r = header_rows; r < rows; ++r) {
            if (c >= spec.rows[r].size() || group[r]) continue;
            std::string text = cell_text(spec.rows[r][c]);
            bool number = looks_numeric(text);
            if (!is_blank_cell(text)) ++filled;
            if (number) ++numeric;
            align[r][c] = fixed != Align::left ? fixed : number ? Align::right : Align::left;
        }
        bool numeric_column = filled > 0 && numeric * 2 >= filled;
        for (std::size_t r = 0; r < header_rows; ++r)
            align[r][c] = fixed != Align::left ? fixed
                          : numeric_column     ? Align::right
                                               : Align::left;
        if (numeric_column)  // "–" or "n/a" among numbers lines up with them
            for (std::size_t r = header_rows; r < rows; ++r)
                if (c < spec.rows[r].size() && fixed == Align::left &&
                    is_blank_cell(cell_text(spec.rows[r][c])))
                    align[r][c] = Align::right;
        for (std::size_t r = 0; r < rows; ++r)
            if (c < spec.rows[r].size() && spec.rows[r][c].align)
                align[r][c] = *spec.rows[r][c].align;
    }

    // Header and totals cells are bold.
    std::vector<std::vector<std::vector<Run>>> runs(rows);
    for (std::size_t r = 0; r < rows; ++r)
        for (const TableCell& cell : spec.rows[r]) {
            runs[r].push_back(cell.runs);
            if (r < header_rows || r >= footer_start)
                for (Run& run : runs[r].back()) run.style.face = with_bold(run.style.face);
        }
    auto icon_width = [&](std::size_t r, std::size_t c) {
        return c < spec.rows[r].size() ? spec.rows[r][c].icon_width : 0.0;
    };

    // Widths: natural widths when they fit (then stretched to the full width); otherwise every
    // column gets its widest word and the rest is shared by how much more each one wants.
    // Group headings span the table and take no part.
    std::vector<double> natural(columns, 2 * pad_x), minimum(columns, 2 * pad_x);
    for (std::size_t r = 0; r < rows; ++r) {
        if (group[r]) continue;
        for (std::size_t c = 0; c < runs[r].size(); ++c) {
            RunWidths w = measure_runs(runs[r][c], measure_);
            double icon = icon_width(r, c);
            natural[c] = std::max(natural[c], w.natural + icon + 2 * pad_x);
            minimum[c] = std::max(minimum[c], w.widest_word + icon + 2 * pad_x);
        }
    }
    double available = text_width();
    double total_natural = std::accumulate(natural.begin(), natural.end(), 0.0);
    double total_minimum = std::accumulate(minimum.begin(), minimum.end(), 0.0);
    std::vector<double> widths(columns);
    for (std::size_t c = 0; c < columns; ++c) {
        if (total_natural <= available)
            widths[c] = natural[c] * available / total_natural;
        else if (total_minimum <= available && total_natural > total_minimum)
            widths[c] = minimum[c] + (available - total_minimum) * (natural[c] - minimum[c]) /
                                         (total_natural - total_minimum);
        else
            widths[c] = minimum[c] * available / total_minimum;
    }

    int id = tables_++;
    double size = spec.size > 0 ? spec.size : theme_.table_size;
    double line_height = size * 1.35;
    double first_baseline = pad_y + (line_height + size * 0.7) / 2;
    for (std::size_t r = 0; r < rows; ++r) {
        bool header = r < header_rows;
        // A group heading is one cell across the table; other rows have a cell per column.
        std::size_t cells_in_row = group[r] ? 1 : columns;
        std::vector<std::vector<Line>> cells;
        double height = line_height;
        for (std::size_t c = 0; c < cells_in_row; ++c) {
            std::vector<Run> empty;
            const std::vector<Run>& cell = c < runs[r].size() ? runs[r][c] : empty;
            double width = group[r] ? available : widths[c];
            cells.push_back(
                break_lines(cell, width - 2 * pad_x - icon_width(r, c), measure_, align[r][c]));
            height = std::max(height, static_cast<double>(cells.back().size()) * line_height);
        }
        height += 2 * pad_y;
        double before = spec.space_before < 0 ? theme_.paragraph_space * 1.5 : spec.space_before;
        Item& item = push_item(height, r == 0 ? before : 0);
        item.table = id;
        item.table_header = header;
        // No row alone at the foot of a page under its header, nor alone at the head of one (a
        // totals row above all): the first and the last two body rows go in pairs.
        bool pair = r + 1 < rows && (r == header_rows || r + 2 == rows);
        item.keep_with_next = header || group[r] || pair;
        double x = left();
        if (header) item.rects.push_back({x, 0, available, height, theme_.shade, false});
        if (group[r]) {
            Color tint{(1 + theme_.shade.r) / 2, (1 + theme_.shade.g) / 2,
                       (1 + theme_.shade.b) / 2};
            item.rects.push_back({x, 0, available, height, tint, false});
        }
        for (std::size_t c = 0; c < cells_in_row; ++c) {
            double icon = icon_width(r, c);
            double baseline = first_baseline;
            for (const Line& line : cells[c]) {
                text_line(item, line, x + pad_x + icon, baseline);
                baseline += line_height;
            }
            if (c < spec.rows[r].size() && !spec.rows[r][c].icon.empty()) {
                // Before the first line's text, wherever the alignment put it.
                double start = cells[c].empty() || cells[c][0].fragments.empty()
                                   ? 0
                                   : cells[c][0].fragments.front().x;
                for (PathOp path : spec.rows[r][c].icon) {
                    path.shift(x + pad_x + start, first_baseline);
                    item.paths.push_back(std::move(path));
                }
            }
            x += widths[c];
        }
        bool last_header = header && r + 1 == header_rows;
        item.lines.push_back({left(), height, left() + available, height, last_header ? 1.0 : 0.4,
                              last_header ? theme_.accent : theme_.rule});
        if (r == 0) item.lines.push_back({left(), 0, left() + available, 0, 1.0, theme_.accent});
        if (r == footer_start && r > header_rows)
            item.lines.push_back({left(), 0, left() + available, 0, 1.0, theme_.text});
    }
    pending_space_ = theme_.paragraph_space * 1.5;
}

}  // namespace boardpress::pdf
