// A business plan rated Red/Amber/Green as every writer sees it: priorities -> objectives ->
// actions, text already formatted, no markup. The HTML writer and the PDF writer render the same
// model. A status is always shown with its word and shape as well as its colour.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "components/due_date.hpp"

namespace boardpress::components {

// In the order of the key (and of `sort: status`).
enum class RagStatus { red, amber, green, complete, not_started, unrated };

inline constexpr std::array<RagStatus, 6> kRagStatuses = {
    RagStatus::red,      RagStatus::amber,       RagStatus::green,
    RagStatus::complete, RagStatus::not_started, RagStatus::unrated};

// As written in datasets and options, and used in class names and data-status attributes:
// "red", "amber", "green", "complete", "not-started", "unrated".
constexpr std::string_view rag_key(RagStatus status) {
    switch (status) {
        case RagStatus::red:
            return "red";
        case RagStatus::amber:
            return "amber";
        case RagStatus::green:
            return "green";
        case RagStatus::complete:
            return "complete";
        case RagStatus::not_started:
            return "not-started";
        case RagStatus::unrated:
            break;
    }
    return "unrated";
}

// The word shown with the status: it carries the meaning, never the colour alone.
constexpr std::string_view rag_word(RagStatus status) {
    switch (status) {
        case RagStatus::red:
            return "Red";
        case RagStatus::amber:
            return "Amber";
        case RagStatus::green:
            return "Green";
        case RagStatus::complete:
            return "Complete";
        case RagStatus::not_started:
            return "Not started";
        case RagStatus::unrated:
            break;
    }
    return "Unrated";
}

// A shape that repeats the status for readers who cannot tell the colours apart (UTF-8):
// ● red, ▲ amber, ■ green, ✓ complete, ○ not started, – unrated.
constexpr std::string_view rag_shape(RagStatus status) {
    switch (status) {
        case RagStatus::red:
            return "\xE2\x97\x8F";  // U+25CF BLACK CIRCLE
        case RagStatus::amber:
            return "\xE2\x96\xB2";  // U+25B2 BLACK UP-POINTING TRIANGLE
        case RagStatus::green:
            return "\xE2\x96\xA0";  // U+25A0 BLACK SQUARE
        case RagStatus::complete:
            return "\xE2\x9C\x93";  // U+2713 CHECK MARK
        case RagStatus::not_started:
            return "\xE2\x97\x8B";  // U+25CB WHITE CIRCLE
        case RagStatus::unrated:
            break;
    }
    return "\xE2\x80\x93";  // U+2013 EN DASH
}

// What a rating means when the dataset's `key` does not say.
constexpr std::string_view rag_default_meaning(RagStatus status) {
    switch (status) {
        case RagStatus::red:
            return "Not on track: will not be completed to timescale without action";
        case RagStatus::amber:
            return "In progress, with some risk to the timescale";
        case RagStatus::green:
            return "In progress and on track to be completed to time";
        case RagStatus::complete:
            return "Completed";
        case RagStatus::not_started:
            return "Not started yet";
        case RagStatus::unrated:
            break;
    }
    return "Not yet rated";
}

enum class RagSort { plan, due, status };

// The optional columns of an action row; Action and Status are always shown.
enum class RagColumn { owner, due, impact, measure, update };

// A column's heading, the same on the page and in the PDF.
constexpr std::string_view rag_column_heading(RagColumn column) {
    switch (column) {
        case RagColumn::owner:
            return "By whom";
        case RagColumn::due:
            return "By when";
        case RagColumn::impact:
            return "Intended impact";
        case RagColumn::measure:
            return "Measure";
        case RagColumn::update:
            break;
    }
    return "Latest update";
}

struct RagCounts {
    std::array<int, kRagStatuses.size()> by_status{};  // indexed by RagStatus
    int overdue = 0;
    int total = 0;

    int operator[](RagStatus status) const { return by_status[static_cast<std::size_t>(status)]; }
    void add(RagStatus status, bool is_overdue) {
        ++by_status[static_cast<std::size_t>(status)];
        overdue += is_overdue ? 1 : 0;
        ++total;
    }
};

struct RagObjective {
    std::string id;     // "1.1"
    std::string title;  // "" when the dataset gives none
};

struct RagAction {
    std::string id;  // "1.1.2"
    std::string action;
    std::string owner;  // "" when not given
    DueDate due;
    std::string impact;
    std::string measure;
    RagStatus status = RagStatus::unrated;
    std::string update;
    bool overdue = false;       // due before as_of and not complete
    std::size_t objective = 0;  // index into RagPriority::objectives
};

struct RagPriority {
    std::string id;                        // "1"
    std::string title;                     // "Effective governance and partnership"
    std::string caption;                   // "Priority 1: Effective governance and partnership"
    std::string anchor;                    // id of its table on the page: "rag-12-p-1"
    std::string lead;                      // "" when none
    std::string update;                    // the priority's update statement, "" when none
    std::vector<RagObjective> objectives;  // in plan order
    std::vector<RagAction> actions;        // shown ones (status filter), in display order
    RagCounts counts;                      // every action of the priority, whatever the filter
};

struct RagKeyEntry {
    RagStatus status = RagStatus::unrated;
    std::string meaning;
};

struct RagModel {
    std::string caption;        // the plan's title, never empty
    std::string period;         // "2015-16", or ""
    std::string source;         // "" when none; writers print "Source: ..."
    std::string notes;          // "" when none
    std::string as_of;          // ISO date ratings are judged against; "" for none (no overdue)
    std::string as_of_display;  // "31 March 2016", or ""
    int line = 0;               // file line where the block's YAML starts: makes ids unique
    RagSort sort = RagSort::plan;
    bool summary = true;             // a table of counts per status, per priority and overall
    bool controls = true;            // the status filter (CSS radios, no JavaScript)
    std::vector<RagColumn> columns;  // optional columns shown, in order
    // `status:` — the actions shown are those with a listed status, and the overdue ones when
    // `filter_overdue`; with neither, every action.
    std::vector<RagStatus> filter;
    bool filter_overdue = false;
    std::string filter_note;       // "Showing actions with status Red or Amber only: 5 of 24."
    std::vector<RagKeyEntry> key;  // the meaning of each status, in key order
    std::vector<RagPriority> priorities;
    RagCounts totals;  // over the priorities shown
    // Objectives head groups of rows when actions are in plan order; sorted by due date or
    // status, each row names its objective in a column instead.
    bool group_objectives() const { return sort == RagSort::plan; }
    bool has(RagColumn column) const {
        for (RagColumn c : columns)
            if (c == column) return true;
        return false;
    }
};

}  // namespace boardpress::components
