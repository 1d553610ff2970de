// ```rag in the PDF: a business plan as tables. The status of an action is a word beside a shape
// in its colour (circle red, triangle amber, square green, tick complete, ring not started, dash
// unrated), so neither colour nor shape carries the meaning alone; overdue actions say so in
// words. Objectives head groups of rows; counts per status and priority come first.
#include <string_view>

#include "pdf/components_pdf.hpp"
#include "pdf/components_pdf_parts.hpp"

namespace boardpress::pdf {

namespace {

using components::RagAction;
using components::RagColumn;
using components::RagModel;
using components::RagPriority;
using components::RagStatus;

constexpr double size = 8;                         // the tables' text
constexpr double shape_size = 6.4;                 // a status shape's height
constexpr double shape_gap = 3.5;                  // between the shape and its word
constexpr Color overdue_colour{0.69, 0.05, 0.12};  // #b10e1e

Color status_colour(RagStatus status, const Theme& theme) {
    switch (status) {
        case RagStatus::red:
            return {0.69, 0.05, 0.12};  // #b10e1e
        case RagStatus::amber:
            return {0.85, 0.54, 0.0};  // #d98a00, edged darker
        case RagStatus::green:
            return {0.0, 0.44, 0.24};  // #00703c
        case RagStatus::complete:
            return {0.11, 0.31, 0.43};  // #1d4f6e
        case RagStatus::not_started:
        case RagStatus::unrated:
            break;
    }
    return theme.muted;
}

// The status shape, x from its left edge, y from the baseline of the text beside it.
std::vector<PathOp> status_shape(RagStatus status, const Theme& theme) {
    const double s = shape_size, middle = -size * 0.36;
    Color colour = status_colour(status, theme);
    PathOp path;
    auto filled = [&](PathOp& p) {
        p.fill = true;
        p.fill_color = colour;
    };
    auto stroked = [&](PathOp& p, double width) {
        p.stroke = true;
        p.stroke_color = colour;
        p.width = width;
        p.round = true;
    };
    switch (status) {
        case RagStatus::red:
            parts::circle(path, s / 2, middle, s / 2);
            filled(path);
            break;
        case RagStatus::amber:
            path.move(s / 2, middle - s * 0.55)
                .line(s, middle + s * 0.45)
                .line(0, middle + s * 0.45)
                .close();
            filled(path);
            path.stroke = true;  // a darker edge: amber is pale on white
            path.stroke_color = {0.54, 0.33, 0.0};
            path.width = 0.5;
            break;
        case RagStatus::green: {
            double side = s * 0.86;
            path.rectangle((s - side) / 2, middle - side / 2, side, side);
            filled(path);
            break;
        }
        case RagStatus::complete:
            path.move(0.4, middle + 0.2)
                .line(s * 0.38, middle + s * 0.42)
                .line(s, middle - s * 0.5);
            stroked(path, 1.4);
            break;
        case RagStatus::not_started:
            parts::circle(path, s / 2, middle, s / 2 - 0.45);
            stroked(path, 0.9);
            break;
        case RagStatus::unrated:
            path.move(0.8, middle).line(s - 0.8, middle);
            stroked(path, 1.2);
            break;
    }
    return {std::move(path)};
}

Style style(Face face, Color colour) {
    return parts::style(face, size, colour);
}

TableCell text_cell(std::string text, const Theme& theme, Face face = Face::regular) {
    TableCell cell;
    if (text.empty())  // not given
        cell.runs.push_back({"\xE2\x80\x93", style(Face::regular, theme.muted), {}, false});
    else
        cell.runs.push_back({std::move(text), style(face, theme.text), {}, false});
    return cell;
}

TableCell number_cell(int value, const Theme& theme) {
    TableCell cell = text_cell(std::to_string(value), theme);
    cell.align = Align::right;
    return cell;
}

TableCell status_cell(RagStatus status, const Theme& theme, Align align = Align::left) {
    TableCell cell;
    cell.runs.push_back(
        {std::string(components::rag_word(status)), style(Face::bold, theme.text), {}, false});
    cell.icon = status_shape(status, theme);
    cell.icon_width = shape_size + shape_gap;
    cell.align = align;
    return cell;
}

TableCell heading_cell(std::string text, const Theme& theme, Align align = Align::left) {
    TableCell cell = text_cell(std::move(text), theme, Face::bold);
    cell.align = align;
    return cell;
}

TableCell due_cell(const RagAction& action, const Theme& theme) {
    TableCell cell = text_cell(action.due.display, theme);
    if (action.overdue) {
        if (action.due.display.empty())
            cell.runs.clear();
        else
            cell.runs.push_back({{}, style(Face::regular, theme.text), {}, true});
        cell.runs.push_back({"Overdue", style(Face::bold, overdue_colour), {}, false});
    }
    return cell;
}

void count_cells(const RagModel& model, const components::RagCounts& counts,
                 std::vector<TableCell>& row, const Theme& theme) {
    for (RagStatus status : components::kRagStatuses)
        if (model.totals[status] > 0) row.push_back(number_cell(counts[status], theme));
    if (!model.as_of.empty()) row.push_back(number_cell(counts.overdue, theme));
    row.push_back(number_cell(counts.total, theme));
}

void caption(Layout& layout, const std::string& text, double space_before = -1) {
    const Theme& theme = layout.theme();
    parts::heading(layout,
                   {{text, parts::style(Face::bold, theme.body_size, theme.text), {}, false}},
                   space_before);
}

TableSpec table_spec() {
    TableSpec spec;
    spec.size = size;
    spec.space_before = 4;
    return spec;
}

void summary(const RagModel& model, Layout& layout) {
    const Theme& theme = layout.theme();
    caption(layout, model.priorities.size() > 1 ? "Number of actions by status and priority"
                                                : "Number of actions by status");
    TableSpec spec = table_spec();
    std::vector<TableCell> head{heading_cell("Priority", theme)};
    for (RagStatus status : components::kRagStatuses)
        if (model.totals[status] > 0) head.push_back(status_cell(status, theme, Align::right));
    if (!model.as_of.empty()) head.push_back(heading_cell("Overdue", theme, Align::right));
    head.push_back(heading_cell("Total", theme, Align::right));
    spec.rows.push_back(std::move(head));
    for (const auto& priority : model.priorities) {
        std::vector<TableCell> row{text_cell(priority.caption, theme)};
        count_cells(model, priority.counts, row, theme);
        spec.rows.push_back(std::move(row));
    }
    if (model.priorities.size() > 1) {
        std::vector<TableCell> row{text_cell("All priorities", theme)};
        count_cells(model, model.totals, row, theme);
        spec.rows.push_back(std::move(row));
        spec.footer_rows = 1;
    }
    layout.table(spec);
}

void key(const RagModel& model, Layout& layout) {
    if (model.key.empty()) return;
    const Theme& theme = layout.theme();
    caption(layout, "What the ratings mean");
    TableSpec spec = table_spec();
    spec.rows.push_back({heading_cell("Rating", theme), heading_cell("Meaning", theme)});
    for (const auto& entry : model.key)
        spec.rows.push_back({status_cell(entry.status, theme), text_cell(entry.meaning, theme)});
    if (!model.as_of.empty()) {
        TableCell overdue;
        overdue.runs.push_back({"Overdue", style(Face::bold, overdue_colour), {}, false});
        spec.rows.push_back(
            {std::move(overdue),
             text_cell("Due before " + model.as_of_display + " and not complete", theme)});
    }
    layout.table(spec);
}

std::vector<TableCell> action_row(const RagModel& model, const RagPriority& priority,
                                  const RagAction& action, const Theme& theme) {
    std::vector<TableCell> row;
    // The id above the action, small and grey, as on the web page.
    TableCell first;
    first.runs.push_back(
        {action.id, parts::style(Face::regular, size - 0.5, theme.muted), {}, false});
    first.runs.push_back({{}, style(Face::regular, theme.text), {}, true});
    first.runs.push_back({action.action, style(Face::regular, theme.text), {}, false});
    row.push_back(std::move(first));
    if (!model.group_objectives()) {
        const auto& objective = priority.objectives[action.objective];
        TableCell cell;
        cell.runs.push_back({objective.id, style(Face::regular, theme.muted), {}, false});
        if (!objective.title.empty())
            cell.runs.push_back(
                {" " + objective.title, style(Face::regular, theme.text), {}, false});
        row.push_back(std::move(cell));
    }
    for (RagColumn column : model.columns) {
        if (column == RagColumn::update) row.push_back(status_cell(action.status, theme));
        switch (column) {
            case RagColumn::owner:
                row.push_back(text_cell(action.owner, theme));
                break;
            case RagColumn::due:
                row.push_back(due_cell(action, theme));
                break;
            case RagColumn::impact:
                row.push_back(text_cell(action.impact, theme));
                break;
            case RagColumn::measure:
                row.push_back(text_cell(action.measure, theme));
                break;
            case RagColumn::update:
                row.push_back(text_cell(action.update, theme));
                break;
        }
    }
    if (!model.has(RagColumn::update)) row.push_back(status_cell(action.status, theme));
    return row;
}

void labelled(Layout& layout, std::string_view label, const std::string& text) {
    if (text.empty()) return;
    const Theme& theme = layout.theme();
    double small = theme.small_size + 0.5;
    ParagraphSpec spec;
    spec.size = small;
    spec.space_before = 3;
    spec.space_after = 0;
    layout.paragraph(
        {{std::string(label) + ": ", parts::style(Face::bold, small, theme.text), {}, false},
         {text, parts::style(Face::regular, small, theme.text), {}, false}},
        spec);
}

void priority_table(const RagModel& model, const RagPriority& priority, Layout& layout) {
    const Theme& theme = layout.theme();
    caption(layout, priority.caption, theme.paragraph_space * 2.5);
    TableSpec spec = table_spec();
    std::vector<TableCell> head{heading_cell("Action", theme)};
    if (!model.group_objectives()) head.push_back(heading_cell("Objective", theme));
    for (RagColumn column : model.columns) {
        if (column == RagColumn::update) head.push_back(heading_cell("Status", theme));
        head.push_back(heading_cell(std::string(components::rag_column_heading(column)), theme));
    }
    if (!model.has(RagColumn::update)) head.push_back(heading_cell("Status", theme));
    spec.rows.push_back(std::move(head));
    std::size_t current = priority.objectives.size();  // no objective yet
    for (const auto& action : priority.actions) {
        if (model.group_objectives() && action.objective != current) {
            current = action.objective;
            const auto& objective = priority.objectives[current];
            std::string title = "Objective " + objective.id;
            if (!objective.title.empty()) title += ": " + objective.title;
            spec.group_rows.push_back(spec.rows.size());
            spec.rows.push_back({text_cell(title, theme, Face::bold)});
        }
        spec.rows.push_back(action_row(model, priority, action, theme));
    }
    layout.table(spec);
    if (!priority.lead.empty() || !priority.update.empty())
        if (Item* last = layout.last_item()) last->keep_with_next = true;
    labelled(layout, "Lead", priority.lead);
    labelled(layout, "Update", priority.update);
}

}  // namespace

void layout_rag(const RagModel& model, Layout& layout) {
    const Theme& theme = layout.theme();
    ParagraphSpec title;
    title.size = theme.heading_sizes[2];
    title.space_before = theme.paragraph_space * 1.5;
    title.space_after = 3;
    title.keep_with_next = true;
    title.keep_together = true;
    layout.paragraph(
        {{model.caption, parts::style(Face::bold, title.size, theme.accent), {}, false}}, title);
    if (!model.as_of.empty()) {
        ParagraphSpec spec;
        spec.size = theme.small_size + 0.5;
        spec.space_before = 0;
        spec.space_after = 0;
        spec.keep_with_next = true;
        layout.paragraph({{"Ratings as at " + model.as_of_display +
                               ". Actions due before then that are not complete are marked "
                               "Overdue.",
                           parts::style(Face::regular, spec.size, theme.muted),
                           {},
                           false}},
                         spec);
    }
    if (model.summary && !model.priorities.empty()) summary(model, layout);
    key(model, layout);
    if (!model.filter_note.empty()) {
        ParagraphSpec spec;
        spec.size = theme.small_size + 0.5;
        layout.paragraph(
            {{model.filter_note, parts::style(Face::italic, spec.size, theme.text), {}, false}},
            spec);
    }
    bool any = false;
    for (const auto& priority : model.priorities) {
        if (priority.actions.empty()) continue;
        priority_table(model, priority, layout);
        any = true;
    }
    if (!any)
        layout.paragraph({{"No actions to show.",
                           parts::style(Face::regular, theme.body_size, theme.text),
                           {},
                           false}});
    layout.space(theme.paragraph_space);
    parts::notes(layout, {model.notes, model.source.empty() ? "" : "Source: " + model.source});
}

}  // namespace boardpress::pdf
