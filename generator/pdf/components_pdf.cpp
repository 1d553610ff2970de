#include "pdf/components_pdf.hpp"

#include <cmath>
#include <type_traits>

#include "pdf/components_pdf_parts.hpp"

namespace boardpress::pdf {

namespace parts {

Style style(Face face, double size, Color color) {
    Style s;
    s.face = face;
    s.size = size;
    s.color = color;
    return s;
}

Align align_of(components::Align align) {
    switch (align) {
        case components::Align::right:
            return Align::right;
        case components::Align::center:
            return Align::center;
        case components::Align::left:
            break;
    }
    return Align::left;
}

void heading(Layout& layout, std::vector<Run> runs, double space_before) {
    const Theme& theme = layout.theme();
    ParagraphSpec spec;
    spec.size = theme.body_size;
    spec.space_before = space_before < 0 ? theme.paragraph_space * 1.5 : space_before;
    spec.space_after = 0;
    spec.keep_with_next = true;
    spec.keep_together = true;
    layout.paragraph(runs, spec);
}

void notes(Layout& layout, const std::vector<std::string>& lines) {
    const Theme& theme = layout.theme();
    std::vector<const std::string*> shown;
    for (const std::string& line : lines)
        if (!line.empty()) shown.push_back(&line);
    if (shown.empty()) return;
    if (Item* last = layout.last_item()) last->keep_with_next = true;
    double size = theme.small_size;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        ParagraphSpec spec;
        spec.size = size;
        spec.space_before = i == 0 ? 4 : 1;
        spec.space_after = i + 1 == shown.size() ? theme.paragraph_space * 1.5 : 0;
        spec.keep_with_next = i + 1 < shown.size();
        layout.push_indent(0, size);
        layout.paragraph({{*shown[i], style(Face::regular, size, theme.muted), {}, false}}, spec);
        layout.pop();
    }
}

double set_text(Item& item, const std::vector<Run>& runs, double x, double top, double width,
                const Measure& measure, double size, double leading, Align align) {
    double line_height = size * leading;
    for (const Line& line : break_lines(runs, width, measure, align)) {
        double height = std::max(line_height, line.max_size * leading);
        double baseline = top + (height + size * 0.7) / 2;
        for (const Fragment& f : line.fragments)
            if (!f.text.empty())
                item.texts.push_back({x + f.x, baseline, f.text, f.style, f.width});
        top += height;
    }
    return top;
}

void put_text(Item& item, const std::string& text, const Style& style, double x, double baseline,
              const Measure& measure, Align align) {
    if (text.empty()) return;
    double width = measure.width(style.face, text, style.size);
    if (align == Align::right) x -= width;
    if (align == Align::center) x -= width / 2;
    item.texts.push_back({x, baseline, text, style, width});
}

Color tint(Color color, double amount) {
    return {1 - (1 - color.r) * amount, 1 - (1 - color.g) * amount, 1 - (1 - color.b) * amount};
}

Color chart_colour(int index) {
    // #1d5373 #b35806 #2e7d32 #7b3294 #a50f15 #0f6e7a #5a5a5a #7a5c00
    static constexpr int rgb[components::kChartColours][3] = {
        {0x1d, 0x53, 0x73}, {0xb3, 0x58, 0x06}, {0x2e, 0x7d, 0x32}, {0x7b, 0x32, 0x94},
        {0xa5, 0x0f, 0x15}, {0x0f, 0x6e, 0x7a}, {0x5a, 0x5a, 0x5a}, {0x7a, 0x5c, 0x00}};
    int i = ((index - 1) % components::kChartColours + components::kChartColours) %
            components::kChartColours;
    return {rgb[i][0] / 255.0, rgb[i][1] / 255.0, rgb[i][2] / 255.0};
}

void circle(PathOp& path, double x, double y, double r) {
    const double k = 0.5523 * r;  // control distance of a quarter circle
    path.move(x + r, y)
        .curve(x + r, y + k, x + k, y + r, x, y + r)
        .curve(x - k, y + r, x - r, y + k, x - r, y)
        .curve(x - r, y - k, x - k, y - r, x, y - r)
        .curve(x + k, y - r, x + r, y - k, x + r, y)
        .close();
}

}  // namespace parts

void layout_model(const components::Model& model, Layout& layout) {
    std::visit(
        [&](const auto& m) {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, components::TableModel>)
                layout_table(m, layout);
            else if constexpr (std::is_same_v<T, components::StatsModel>)
                layout_stats(m, layout);
            else if constexpr (std::is_same_v<T, components::ChartModel>)
                layout_chart(m, layout);
            else if constexpr (std::is_same_v<T, components::RagModel>)
                layout_rag(m, layout);
            else
                static_assert(!sizeof(T), "a component the PDF writer cannot lay out");
        },
        model);
}

bool render_component_pdf(const CodeBlock& block, const components::ComponentContext& ctx,
                          Layout& layout) {
    if (components::component_name(block.info).empty()) return false;
    components::ComponentContext here = ctx;
    here.line = ctx.body_line + block.line;  // fence at body_line + line - 1; YAML next
    std::optional<components::Model> model =
        components::parse_component(block.info, block.literal, here);
    if (!model) return false;
    layout_model(*model, layout);
    return true;
}

}  // namespace boardpress::pdf
