#include "components/component.hpp"

#include "components/yaml_source.hpp"

namespace boardpress::components {

std::string component_name(std::string_view info) {
    std::string_view word = info.substr(0, info.find_first_of(" \t{"));
    if (word == "table" || word == "stats" || word == "rag" || word == "chart")
        return std::string(word);
    return {};
}

std::optional<Model> parse_component(std::string_view info, std::string_view yaml,
                                     const ComponentContext& ctx) {
    std::string name = component_name(info);
    if (name.empty()) return std::nullopt;
    YamlSource source(yaml, ctx.file, ctx.line);
    YAML::Node root = source.parse();
    if (name == "table") return Model{parse_table(root, source, ctx)};
    if (name == "rag") return Model{parse_rag(root, source, ctx)};
    if (name == "chart") return Model{parse_chart(root, source, ctx)};
    return Model{parse_stats(root, source, ctx)};
}

}  // namespace boardpress::components
