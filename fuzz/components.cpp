// Fuzz target: a component's fenced block (```table, ```stats, ```rag, ```chart): its options
// parsed and checked against a small data tree (components::parse_component), then the model
// written as HTML. The input's first line is the info string, the rest the block's YAML.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "components/component.hpp"
#include "diag/diagnostics.hpp"
#include "html/components_html.hpp"
#include "sample_data.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace components = boardpress::components;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::size_t newline = text.find('\n');
    std::string_view info = text.substr(0, newline);
    std::string_view yaml =
        newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    components::ComponentContext context{boardpress::fuzz::sample_data(), "content/report.md", 10};
    context.suppression_threshold = 5;
    context.as_of = "2015-06-30";
    try {
        if (std::optional<components::Model> model =
                components::parse_component(info, yaml, context))
            (void)boardpress::html::component_html(*model);
    } catch (const boardpress::Error& error) {
        (void)boardpress::describe(error.diagnostic());
    }
    return 0;
}
