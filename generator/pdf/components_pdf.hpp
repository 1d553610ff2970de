// Components (```table, ```stats, ```chart, ```rag) in the PDF: the PDF writer's render_code_block
// hook. The models come from components/, the same ones the HTML writer renders, so a component
// says the same thing in both; this module only lays them out. All text is real text (it copies
// and searches), charts are vector paths, and the same model gives the same bytes.
#pragma once

#include "components/chart_model.hpp"
#include "components/component.hpp"
#include "components/rag_model.hpp"
#include "components/stats_model.hpp"
#include "components/table_model.hpp"
#include "pdf/pdf_writer.hpp"

namespace boardpress::pdf {

// For PdfOptions::render_code_block. False when the block's info string names no component (so
// ```cpp stays code); otherwise lays the component out and returns true. A broken component
// throws boardpress::Error positioned in ctx.file: the YAML's first line is taken as
// ctx.body_line + block.line (the line after the fence), as the HTML writer does.
bool render_component_pdf(const CodeBlock& block, const components::ComponentContext& ctx,
                          Layout& layout);

// Lays out one model at the layout's current indent.
void layout_model(const components::Model& model, Layout& layout);

// Tables: a bold caption (with the unit), the header row repeated after a page break, wrapped
// cells, numbers right-aligned, a bold totals row under a rule, missing and suppressed marks in
// grey, then footnotes, notes and "Source: ..." in small grey text.
void layout_table(const components::TableModel& table, Layout& layout);
// Key figures: tinted panels, two or three to a row, each with a big number, its label, the
// change in words and a note; the group is kept on one page.
void layout_stats(const components::StatsModel& stats, Layout& layout);
// Charts: the title, caption and legend over a vector drawing (axes with the model's ticks, gaps
// where values are missing, markers, dashes and fill patterns so no series is told by colour
// alone), then notes and the source; title and drawing are kept on one page.
void layout_chart(const components::ChartModel& chart, Layout& layout);
// Business plans: the plan's title and as-at date, the counts per status and priority, the key,
// then a table per priority with objectives as group headings and each action's status as a word
// beside a coloured shape, overdue actions flagged in words.
void layout_rag(const components::RagModel& rag, Layout& layout);

}  // namespace boardpress::pdf
