// Key figures as every writer sees them: a big number, what it counts, and the change in words.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace boardpress::components {

enum class Trend { none, up, down, same };  // none: no previous value to compare with

struct StatItem {
    std::string value;             // formatted: "387", "96.8%", "£256,536", or the missing mark
    std::optional<double> number;  // the value behind it, when numeric
    bool missing = false;          // no data: `value` is the missing mark
    std::string hidden;            // words for screen readers after a mark: "no data"
    std::string label;             // "children with a child protection plan"
    std::string change;            // "down 2% on 2013-14", "no change on 2013-14", or ""
    Trend trend = Trend::none;
    std::string previous;        // the previous value formatted ("395"), or ""
    std::string previous_label;  // "2013-14", or ""
    std::string note;
    std::string source;
};

struct StatsModel {
    std::string title;   // optional heading of the group ("" for none)
    std::string source;  // one source for all items, or ""
    int line = 0;        // file line where the block's YAML starts: makes ids unique on a page
    std::vector<StatItem> items;
};

}  // namespace boardpress::components
