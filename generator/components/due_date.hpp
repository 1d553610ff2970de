// "By when" in a business plan: a date written any of the usual ways, or words ("Ongoing",
// "Carry forward to 2016-17"). A date is due at the end of the day, month or year it names, so
// "March 2016" is due on 31 March 2016; words are shown as written and are never overdue.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace boardpress::components {

enum class DuePrecision {
    none,   // nothing written
    text,   // words, not a date
    year,   // "2016": due 31 December 2016
    month,  // "2016-03", "March 2016", "Mar 2016": due on the month's last day
    day,    // "2016-03-31", "31 March 2016", "31/03/2016"
};

struct DueDate {
    std::string text;     // as written, without surrounding spaces
    std::string iso;      // the last day it covers, "2016-03-31"; "" unless a date
    std::string display;  // "31 March 2016", "March 2016", "2016"; the text itself when words
    DuePrecision precision = DuePrecision::none;

    bool is_date() const { return !iso.empty(); }
};

// Reads a "by when" value. A full stop at the end ("March 2016.") does not stop a date being
// read; anything format's parse_date does not accept is text.
DueDate parse_due(std::string_view text);

// The ISO form of a text naming one day ("2016-03-31", "31 March 2016"), or nullopt.
std::optional<std::string> iso_day(std::string_view text);

// True when `due` is a date that ends before `as_of` (ISO "YYYY-MM-DD"). Words, a missing date
// and an empty `as_of` never are: an action due on the as-of day itself is not yet overdue.
bool due_before(const DueDate& due, std::string_view as_of);

}  // namespace boardpress::components
