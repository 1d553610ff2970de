// What a component needs from the page it sits in: the data, where its YAML is in the user's file
// (so errors point there), and the page-level settings that change how figures are shown.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace boardpress::components {

// The data tree keeps keys in file order, so a dataset's columns (and a transposed table's rows)
// come out in the order the user wrote them.
using Json = nlohmann::ordered_json;

struct ComponentContext {
    const Json& data;    // the tree under `data.` (data/cp/plans.json is data["cp"]["plans"])
    std::string file{};  // the .md file as shown to the user
    int line = 1;        // file line of the first line of the block's YAML (parse_component)
    // File line of line 1 of the Markdown text the HTML writer parsed (the body's first line);
    // render_component_html computes `line` from it and the fence's line.
    int body_line = 1;
    int suppression_threshold = 0;  // counts from 1 to threshold - 1 are suppressed
    std::string suppression_mark = "*";
    std::string as_of{};  // ISO date RAG ratings are judged against; "" when the page has none
};

}  // namespace boardpress::components
