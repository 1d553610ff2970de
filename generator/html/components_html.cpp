#include "html/components_html.hpp"

#include <string_view>

#include "components/figures.hpp"
#include "html/chart_html.hpp"
#include "html/component_text.hpp"
#include "html/rag_html.hpp"

namespace boardpress::html {

namespace {

using components::Align;
using components::Cell;

std::string cell_classes(const Cell& cell) {
    std::string classes;
    auto add = [&](std::string_view name) {
        if (!classes.empty()) classes += ' ';
        classes += name;
    };
    if (cell.numeric) add("num");
    if (cell.align == Align::center) add("align-center");
    if (cell.align == Align::left && cell.numeric) add("align-left");
    if (cell.align == Align::right && !cell.numeric) add("align-right");
    if (cell.missing) add("missing");
    if (cell.suppressed) add("suppressed");
    return classes;
}

void cell_html(const Cell& cell, std::string_view tag, std::string_view scope, std::string& out) {
    out += '<';
    out += tag;
    if (!scope.empty()) {
        out += " scope=\"";
        out += scope;
        out += '"';
    }
    if (std::string classes = cell_classes(cell); !classes.empty()) {
        out += " class=\"";
        out += classes;
        out += '"';
    }
    out += '>';
    if ((cell.missing || cell.suppressed) && !cell.hidden.empty())
        append_marked(cell.text, cell.hidden, out);
    else
        append_text(cell.text, out);
    out += "</";
    out += tag;
    out += '>';
}

void row_html(const std::vector<Cell>& cells, bool row_headers, std::string& out) {
    out += "<tr>";
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i == 0 && row_headers)
            cell_html(cells[i], "th", "row", out);
        else
            cell_html(cells[i], "td", {}, out);
    }
    out += "</tr>\n";
}

void source_html(std::string_view source, std::string& out) {
    if (source.empty()) return;
    out += "<p class=\"source\">Source: ";
    append_text(source, out);
    out += "</p>\n";
}

}  // namespace

std::string table_html(const components::TableModel& table) {
    // The block's line makes the id unique on its page (two tables may share a caption).
    std::string id = "table-" + std::to_string(table.line);
    std::string out = "<div class=\"component component-table\">\n";
    // A wide table scrolls inside a focusable, named region, so keyboard users can scroll it.
    out += "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"" + id +
           "\" tabindex=\"0\">\n<table>\n<caption id=\"" + id + "\">";
    append_text(table.caption, out);
    if (!table.unit.empty()) {
        out += " <span class=\"unit\">(";
        append_text(table.unit, out);
        out += ")</span>";
    }
    out += "</caption>\n<thead>\n<tr>";
    for (const auto& cell : table.head) cell_html(cell, "th", "col", out);
    out += "</tr>\n</thead>\n<tbody>\n";
    for (const auto& row : table.body) row_html(row, table.row_headers, out);
    out += "</tbody>\n";
    if (!table.totals.empty()) {
        out += "<tfoot>\n";
        row_html(table.totals, table.row_headers, out);
        out += "</tfoot>\n";
    }
    out += "</table>\n</div>\n";
    for (const auto& footnote : table.footnotes) {
        out += "<p class=\"table-note\">";
        append_text(footnote, out);
        out += "</p>\n";
    }
    if (!table.notes.empty()) {
        out += "<p class=\"table-note\">";
        append_text(table.notes, out);
        out += "</p>\n";
    }
    source_html(table.source, out);
    out += "</div>\n";
    return out;
}

std::string stats_html(const components::StatsModel& stats) {
    std::string out = "<div class=\"component component-stats\">\n";
    std::string id = "stats-" + std::to_string(stats.line);
    if (!stats.title.empty()) {
        out += "<p class=\"stats-title\" id=\"" + id + "\">";
        append_text(stats.title, out);
        out += "</p>\n";
    }
    // role="list": Safari drops list semantics from lists styled without bullets.
    out += "<ul class=\"stats\" role=\"list\"";
    if (!stats.title.empty()) out += " aria-labelledby=\"" + id + "\"";
    out += ">\n";
    for (const auto& item : stats.items) {
        out += "<li class=\"stat\">\n<p class=\"stat-figure\"><span class=\"stat-value\">";
        if (!item.hidden.empty())  // missing or suppressed: a mark, read out in words
            append_marked(item.value, item.hidden, out);
        else
            append_text(item.value, out);
        out += "</span> <span class=\"stat-label\">";
        append_text(item.label, out);
        out += "</span></p>\n";
        if (!item.change.empty()) {
            using components::Trend;
            std::string_view trend = item.trend == Trend::up     ? "up"
                                     : item.trend == Trend::down ? "down"
                                                                 : "same";
            // The words carry the meaning; the arrow and colour only repeat it.
            std::string_view arrow = item.trend == Trend::up     ? "\xE2\x86\x91"   // ↑
                                     : item.trend == Trend::down ? "\xE2\x86\x93"   // ↓
                                                                 : "\xE2\x86\x92";  // →
            out += "<p class=\"stat-change stat-";
            out += trend;
            out += "\"><span class=\"stat-arrow\" aria-hidden=\"true\">";
            out += arrow;
            out += "</span> ";
            append_text(item.change, out);
            out += "</p>\n";
        }
        if (!item.note.empty()) {
            out += "<p class=\"stat-note\">";
            append_text(item.note, out);
            out += "</p>\n";
        }
        source_html(item.source, out);
        out += "</li>\n";
    }
    out += "</ul>\n";
    source_html(stats.source, out);
    out += "</div>\n";
    return out;
}

std::string component_html(const components::Model& model) {
    if (const auto* table = std::get_if<components::TableModel>(&model)) return table_html(*table);
    if (const auto* rag = std::get_if<components::RagModel>(&model)) return rag_html(*rag);
    if (const auto* chart = std::get_if<components::ChartModel>(&model)) return chart_html(*chart);
    return stats_html(std::get<components::StatsModel>(model));
}

std::optional<std::string> render_component_html(const CodeBlock& block,
                                                 const components::ComponentContext& ctx) {
    if (components::component_name(block.info).empty()) return std::nullopt;
    components::ComponentContext here = ctx;
    here.line = ctx.body_line + block.line;  // fence at body_line + line - 1; YAML next
    std::optional<components::Model> model =
        components::parse_component(block.info, block.literal, here);
    if (!model) return std::nullopt;
    return component_html(*model);
}

}  // namespace boardpress::html
