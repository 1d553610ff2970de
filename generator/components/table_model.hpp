// A table as every writer sees it: text already formatted, no markup. The HTML writer and the PDF
// writer render the same model, so a table reads the same in both.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace boardpress::components {

enum class Align { left, right, center };

struct Cell {
    std::string text;             // as shown: "1,234", "−£2,089.09", "April", or a mark
    std::optional<double> value;  // the number behind a numeric cell (absent when missing)
    bool numeric = false;         // in a number, percent or gbp column/row
    bool missing = false;         // no data: `text` is the missing mark
    bool suppressed = false;      // a small count hidden: `text` is the suppression mark
    std::string hidden;           // words for screen readers after a mark: "no data"
    Align align = Align::left;
};

struct TableModel {
    std::string caption;     // never empty
    std::string source;      // "" when none; writers print "Source: ..."
    std::string notes;       // "" when none
    std::string unit;        // from the dataset's metadata; "" when none
    int line = 0;            // file line where the block's YAML starts: makes ids unique on a page
    std::vector<Cell> head;  // one heading per column
    std::vector<std::vector<Cell>> body;  // rows; each as long as `head`
    std::vector<Cell> totals;             // the totals row, or empty for none
    bool row_headers = true;              // the first cell of a row heads the row
    std::vector<std::string> footnotes;   // e.g. what the suppression mark means
};

}  // namespace boardpress::components
