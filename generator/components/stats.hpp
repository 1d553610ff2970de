// The ```stats component: key figures with the change on a previous value, in words.
#pragma once

#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

#include "components/context.hpp"
#include "components/stats_model.hpp"
#include "components/value_format.hpp"
#include "components/yaml_source.hpp"

namespace boardpress::components {

// Options: items (required; each {value, label, previous, previous_label, format, decimals,
// note, source}; `value` and `previous` are data paths or literal numbers), title, source,
// missing (the mark for no data).
StatsModel parse_stats(const YAML::Node& root, const YamlSource& source,
                       const ComponentContext& ctx);

// The change from `previous` to `current` in words: "up 45% on 2013-14", "down 3% on 2013-14",
// "no change on 2013-14"; percentages (ratios) change in percentage points ("up 2.8 percentage
// points on 2013-14"). `label` names the previous period ("2013-14"); when empty the words end
// "on last year". A change too small to show at the precision is "up less than 1%".
struct ChangeWords {
    std::string text;
    Trend trend = Trend::none;
};
ChangeWords change_words(double current, double previous, const ValueFormat& how,
                         const std::string& label);

}  // namespace boardpress::components
