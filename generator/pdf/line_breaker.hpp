// Greedy line breaking of styled runs at spaces. A word wider than the line is split between
// characters (no hyphens); hard breaks end a line; justified lines spread their spaces.
#pragma once

#include <string>
#include <vector>

#include "pdf/style.hpp"

namespace boardpress::pdf {

enum class Align { left, justify, right, center };

struct Fragment {
    std::string text;
    Style style;
    double x = 0;  // from the line's left edge
    double width = 0;
    std::string anchor;  // destination placed at x
};

struct Line {
    std::vector<Fragment> fragments;
    double width = 0;     // natural width (before justification)
    double max_size = 0;  // largest font size on the line
    bool hard_break = false;
};

// Breaks `runs` into lines no wider than `width`. Runs of spaces collapse to one space; leading and
// trailing spaces of a line are dropped. Empty text gives no lines.
std::vector<Line> break_lines(const std::vector<Run>& runs, double width, const Measure& measure,
                              Align align = Align::left);

// The text of a line as a reader sees it (fragments joined, a space where words were spread).
std::string line_text(const Line& line);

// The width of the runs set on one line, and of their widest word (the narrowest a table column
// can be without splitting words).
struct RunWidths {
    double natural = 0;
    double widest_word = 0;
};
RunWidths measure_runs(const std::vector<Run>& runs, const Measure& measure);

}  // namespace boardpress::pdf
