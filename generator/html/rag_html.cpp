#include "html/rag_html.hpp"

#include <string_view>

#include "components/figures.hpp"
#include "html/component_text.hpp"

namespace boardpress::html {

namespace {

using components::DuePrecision;
using components::RagAction;
using components::RagColumn;
using components::RagModel;
using components::RagPriority;
using components::RagStatus;

// "<span class="rag-status rag-red"><span class="rag-shape" aria-hidden="true">●</span> Red</span>"
void status_html(RagStatus status, std::string& out, std::string_view suffix = {}) {
    out += "<span class=\"rag-status rag-";
    out += components::rag_key(status);
    out += "\"><span class=\"rag-shape\" aria-hidden=\"true\">";
    out += components::rag_shape(status);
    out += "</span> ";
    out += components::rag_word(status);
    append_text(suffix, out);
    out += "</span>";
}

void open_cell(std::string_view label, std::string_view classes, std::string& out) {
    out += "<td";
    if (!classes.empty()) {
        out += " class=\"";
        out += classes;
        out += '"';
    }
    out += " data-label=\"";
    append_text(label, out);
    out += "\">";
}

void text_cell(std::string_view label, std::string_view value, std::string& out) {
    if (value.empty()) {
        open_cell(label, "rag-missing", out);
        append_marked("\xE2\x80\x93", "not given", out);
    } else {
        open_cell(label, {}, out);
        append_text(value, out);
    }
    out += "</td>";
}

// The datetime of what was written: "2016-03-31", "2016-03" or "2016".
std::string written_datetime(const components::DueDate& due) {
    switch (due.precision) {
        case DuePrecision::year:
            return due.iso.substr(0, 4);
        case DuePrecision::month:
            return due.iso.substr(0, 7);
        default:
            return due.iso;
    }
}

void due_cell(const RagAction& action, std::string& out) {
    const auto& due = action.due;
    if (due.precision == DuePrecision::none && !action.overdue) {
        text_cell(components::rag_column_heading(RagColumn::due), {}, out);
        return;
    }
    open_cell(components::rag_column_heading(RagColumn::due), "rag-due", out);
    if (due.is_date()) {
        out += "<time datetime=\"" + written_datetime(due) + "\">";
        append_text(due.display, out);
        out += "</time>";
    } else {
        append_text(due.display, out);
    }
    if (action.overdue) out += " <strong class=\"rag-overdue\">Overdue</strong>";
    out += "</td>";
}

void action_row(const RagModel& model, const RagPriority& priority, const RagAction& action,
                std::string& out) {
    out += "<tr class=\"rag-action\" data-status=\"";
    out += components::rag_key(action.status);
    out += '"';
    if (action.due.is_date()) out += " data-due=\"" + action.due.iso + "\"";
    if (action.overdue) out += " data-overdue=\"true\"";
    out += "><th scope=\"row\" data-label=\"Action\"><span class=\"rag-id\">";
    append_text(action.id, out);
    out += "</span> ";
    append_text(action.action, out);
    out += "</th>";
    if (!model.group_objectives()) {
        const auto& objective = priority.objectives[action.objective];
        open_cell("Objective", {}, out);
        out += "<span class=\"rag-id\">";
        append_text(objective.id, out);
        out += "</span>";
        if (!objective.title.empty()) {
            out += ' ';
            append_text(objective.title, out);
        }
        out += "</td>";
    }
    for (RagColumn column : model.columns) {
        if (column == RagColumn::update) {
            open_cell("Status", "rag-status-cell", out);
            status_html(action.status, out);
            out += "</td>";
        }
        switch (column) {
            case RagColumn::owner:
                text_cell(components::rag_column_heading(column), action.owner, out);
                break;
            case RagColumn::due:
                due_cell(action, out);
                break;
            case RagColumn::impact:
                text_cell(components::rag_column_heading(column), action.impact, out);
                break;
            case RagColumn::measure:
                text_cell(components::rag_column_heading(column), action.measure, out);
                break;
            case RagColumn::update:
                text_cell(components::rag_column_heading(column), action.update, out);
                break;
        }
    }
    if (!model.has(RagColumn::update)) {
        open_cell("Status", "rag-status-cell", out);
        status_html(action.status, out);
        out += "</td>";
    }
    out += "</tr>\n";
}

void priority_html(const RagModel& model, const RagPriority& priority, std::string& out) {
    std::string caption_id = priority.anchor + "-caption";
    std::size_t width = 2 + model.columns.size() + (model.group_objectives() ? 0 : 1);
    out += "<div class=\"rag-priority\" id=\"" + priority.anchor + "\">\n";
    out += "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"" + caption_id +
           "\" tabindex=\"0\">\n<table class=\"rag-table\">\n<caption id=\"" + caption_id + "\">";
    append_text(priority.caption, out);
    out += "</caption>\n<thead>\n<tr><th scope=\"col\">Action</th>";
    if (!model.group_objectives()) out += "<th scope=\"col\">Objective</th>";
    for (RagColumn column : model.columns) {
        if (column == RagColumn::update) out += "<th scope=\"col\">Status</th>";
        out += "<th scope=\"col\">";
        append_text(components::rag_column_heading(column), out);
        out += "</th>";
    }
    if (!model.has(RagColumn::update)) out += "<th scope=\"col\">Status</th>";
    out += "</tr>\n</thead>\n";
    if (!model.group_objectives()) {
        out += "<tbody>\n";
        for (const auto& action : priority.actions) action_row(model, priority, action, out);
        out += "</tbody>\n";
    } else {
        // Shown actions are in plan order, so each objective's are consecutive.
        std::size_t i = 0;
        while (i < priority.actions.size()) {
            std::size_t index = priority.actions[i].objective;
            const auto& objective = priority.objectives[index];
            out +=
                "<tbody class=\"rag-group\">\n<tr class=\"rag-objective\"><th scope=\"rowgroup\" "
                "colspan=\"" +
                std::to_string(width) + "\">Objective ";
            append_text(objective.id, out);
            if (!objective.title.empty()) {
                out += ": ";
                append_text(objective.title, out);
            }
            out += "</th></tr>\n";
            for (; i < priority.actions.size() && priority.actions[i].objective == index; ++i)
                action_row(model, priority, priority.actions[i], out);
            out += "</tbody>\n";
        }
    }
    out += "</table>\n</div>\n";
    if (!priority.lead.empty()) {
        out += "<p class=\"rag-lead\">Lead: ";
        append_text(priority.lead, out);
        out += "</p>\n";
    }
    if (!priority.update.empty()) {
        out += "<p class=\"rag-priority-update\">Update: ";
        append_text(priority.update, out);
        out += "</p>\n";
    }
    out += "</div>\n";
}

void count_cells(const RagModel& model, const components::RagCounts& counts, std::string& out) {
    for (RagStatus status : components::kRagStatuses)
        if (model.totals[status] > 0)
            out += "<td class=\"num\">" + std::to_string(counts[status]) + "</td>";
    if (!model.as_of.empty())
        out += "<td class=\"num\">" + std::to_string(counts.overdue) + "</td>";
    out += "<td class=\"num\">" + std::to_string(counts.total) + "</td>";
}

void summary_html(const RagModel& model, const std::string& base, std::string& out) {
    std::string id = base + "-summary";
    out += "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"" + id +
           "\" tabindex=\"0\">\n<table class=\"rag-summary\">\n<caption id=\"" + id +
           "\">Number of actions by status";
    if (model.priorities.size() > 1) out += " and priority";
    out += "</caption>\n<thead>\n<tr><th scope=\"col\">Priority</th>";
    for (RagStatus status : components::kRagStatuses) {
        if (model.totals[status] == 0) continue;
        out += "<th scope=\"col\" class=\"num\">";
        status_html(status, out);
        out += "</th>";
    }
    if (!model.as_of.empty()) out += "<th scope=\"col\" class=\"num\">Overdue</th>";
    out += "<th scope=\"col\" class=\"num\">Total</th></tr>\n</thead>\n<tbody>\n";
    for (const auto& priority : model.priorities) {
        out += "<tr><th scope=\"row\">";
        // Jump links to the priority's table (only when it is on the page).
        if (!priority.actions.empty()) out += "<a href=\"#" + priority.anchor + "\">";
        append_text(priority.caption, out);
        if (!priority.actions.empty()) out += "</a>";
        out += "</th>";
        count_cells(model, priority.counts, out);
        out += "</tr>\n";
    }
    out += "</tbody>\n";
    if (model.priorities.size() > 1) {
        out += "<tfoot>\n<tr><th scope=\"row\">All priorities</th>";
        count_cells(model, model.totals, out);
        out += "</tr>\n</tfoot>\n";
    }
    out += "</table>\n</div>\n";
}

void key_html(const RagModel& model, std::string& out) {
    if (model.key.empty()) return;
    out += "<details class=\"rag-key\">\n<summary>What the ratings mean</summary>\n<dl>\n";
    for (const auto& entry : model.key) {
        out += "<div><dt>";
        status_html(entry.status, out);
        out += "</dt><dd>";
        append_text(entry.meaning, out);
        out += "</dd></div>\n";
    }
    if (!model.as_of.empty()) {
        out += "<div><dt><strong class=\"rag-overdue\">Overdue</strong></dt><dd>Due before ";
        append_text(model.as_of_display, out);
        out += " and not complete</dd></div>\n";
    }
    out += "</dl>\n</details>\n";
}

// Radio buttons that filter rows by status through CSS :has() alone: no JavaScript, no reload.
void filter_html(const RagModel& model, const std::string& base, std::string& out) {
    components::RagCounts shown;
    for (const auto& priority : model.priorities)
        for (const auto& action : priority.actions) shown.add(action.status, action.overdue);
    int kinds = 0;
    for (RagStatus status : components::kRagStatuses) kinds += shown[status] > 0 ? 1 : 0;
    if (kinds < 2 && shown.overdue == 0) return;  // nothing to choose between
    std::string name = base + "-filter";
    auto option = [&](std::string_view value, int count, bool checked, auto&& label) {
        std::string id = name + "-" + std::string(value);
        out += "<span class=\"rag-filter-option\"><input type=\"radio\" name=\"" + name +
               "\" id=\"" + id + "\" value=\"" + std::string(value) + "\"";
        if (checked) out += " checked";
        out += "> <label for=\"" + id + "\">";
        label();
        out += " (" + std::to_string(count) + ")</label></span>\n";
    };
    out +=
        "<details class=\"rag-filter\">\n<summary>Filter actions by status</summary>\n"
        "<fieldset>\n<legend>Show</legend>\n";
    option("all", shown.total, true, [&] { out += "All actions"; });
    for (RagStatus status : components::kRagStatuses)
        if (shown[status] > 0)
            option(components::rag_key(status), shown[status], false,
                   [&] { status_html(status, out); });
    if (shown.overdue > 0) option("overdue", shown.overdue, false, [&] { out += "Overdue"; });
    out += "</fieldset>\n</details>\n";
}

}  // namespace

std::string rag_html(const RagModel& model) {
    std::string base = "rag-" + std::to_string(model.line);
    std::string out = "<div class=\"component component-rag\" id=\"" + base + "\">\n";
    out += "<p class=\"rag-title\">";
    append_text(model.caption, out);
    out += "</p>\n";
    if (!model.as_of.empty()) {
        out += "<p class=\"rag-as-of\">Ratings as at ";
        append_text(model.as_of_display, out);
        out += ". Actions due before then that are not complete are marked Overdue.</p>\n";
    }
    if (model.summary && !model.priorities.empty()) summary_html(model, base, out);
    key_html(model, out);
    if (model.controls) filter_html(model, base, out);
    if (!model.filter_note.empty()) {
        out += "<p class=\"rag-filter-note\">";
        append_text(model.filter_note, out);
        out += "</p>\n";
    }
    bool any = false;
    for (const auto& priority : model.priorities) {
        if (priority.actions.empty()) continue;
        priority_html(model, priority, out);
        any = true;
    }
    if (!any) out += "<p class=\"rag-empty\">No actions to show.</p>\n";
    if (!model.notes.empty()) {
        out += "<p class=\"table-note\">";
        append_text(model.notes, out);
        out += "</p>\n";
    }
    if (!model.source.empty()) {
        out += "<p class=\"source\">Source: ";
        append_text(model.source, out);
        out += "</p>\n";
    }
    out += "</div>\n";
    return out;
}

}  // namespace boardpress::html
