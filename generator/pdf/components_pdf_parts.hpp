// Pieces the component layouts (components_pdf_*.cpp) share: styles, headings, the small grey
// notes under a component, text set into a ready-made Item, the chart palette. Internal to pdf/.
#pragma once

#include <string>
#include <vector>

#include "components/table_model.hpp"
#include "pdf/layout.hpp"

namespace boardpress::pdf::parts {

Style style(Face face, double size, Color color);

Align align_of(components::Align align);

// A component's heading (a table caption, a chart or plan title): bold, kept with what follows.
void heading(Layout& layout, std::vector<Run> runs, double space_before = -1);

// Small grey paragraphs under a component, in order: footnotes, notes, "Source: ...". Each is
// kept with the next, so the last row of a table never leaves its notes alone on a page.
void notes(Layout& layout, const std::vector<std::string>& lines);

// Sets `runs` into `item` in lines no wider than `width`, the first line's top at `top`;
// returns the y below the last line. Each line is `size * leading` high.
double set_text(Item& item, const std::vector<Run>& runs, double x, double top, double width,
                const Measure& measure, double size, double leading = 1.3,
                Align align = Align::left);

// One line of text placed by its baseline: left, centred on or ending at `x`.
void put_text(Item& item, const std::string& text, const Style& style, double x, double baseline,
              const Measure& measure, Align align = Align::left);

// A tint: `color` mixed with white, `amount` of the colour kept.
Color tint(Color color, double amount);

// Chart colours, 1-based like the model's (the HTML writer's fallbacks: each 3:1 on white).
Color chart_colour(int index);

// A circle of radius r centred on (x, y), as four Bézier curves (a closed subpath).
void circle(PathOp& path, double x, double y, double r);

}  // namespace boardpress::pdf::parts
