#include "pdf/to_unicode.hpp"

#include <algorithm>
#include <cstdio>

namespace boardpress::pdf {

namespace {

void hex4(std::string& out, unsigned value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%04X", value & 0xFFFFu);
    out += buffer;
}

// <XXXX> for a code, <XXXX> or <XXXXYYYY> (a surrogate pair) for a code point.
std::string code_hex(std::uint16_t code) {
    std::string out = "<";
    hex4(out, code);
    return out + ">";
}

std::string unicode_hex(char32_t point) {
    std::string out = "<";
    if (point > 0xFFFF) {
        char32_t v = point - 0x10000;
        hex4(out, 0xD800 + (v >> 10));
        hex4(out, 0xDC00 + (v & 0x3FF));
    } else {
        hex4(out, point);
    }
    return out + ">";
}

struct CodeRange {
    std::uint16_t first, last;
    char32_t point;
};

void write_sections(std::string& out, const std::vector<CodeRange>& runs, bool ranges) {
    const char* name = ranges ? "bfrange" : "bfchar";
    for (std::size_t start = 0; start < runs.size(); start += 100) {
        std::size_t end = std::min(runs.size(), start + 100);
        out += std::to_string(end - start) + " begin" + name + "\n";
        for (std::size_t i = start; i < end; ++i) {
            out += code_hex(runs[i].first);
            if (ranges) out += " " + code_hex(runs[i].last);
            out += " " + unicode_hex(runs[i].point) + "\n";
        }
        out += std::string("end") + name + "\n";
    }
}

}  // namespace

std::string to_unicode_cmap(const std::vector<std::pair<std::uint16_t, char32_t>>& codes) {
    // Runs of codes that bfrange can express: the code and the code point go up together, and
    // neither leaves its block of 256 (bfrange increments the last byte only).
    std::vector<CodeRange> singles, ranges;
    for (std::size_t i = 0; i < codes.size();) {
        std::size_t j = i + 1;
        while (j < codes.size() && codes[j].first == codes[j - 1].first + 1 &&
               codes[j].second == codes[j - 1].second + 1 && codes[j].second <= 0xFFFF &&
               (codes[j].first >> 8) == (codes[i].first >> 8) &&
               (codes[j].second >> 8) == (codes[i].second >> 8))
            ++j;
        CodeRange run{codes[i].first, codes[j - 1].first, codes[i].second};
        (j - i > 1 ? ranges : singles).push_back(run);
        i = j;
    }
    std::string out =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n"
        "<0000> <FFFF>\n"
        "endcodespacerange\n";
    write_sections(out, ranges, true);
    write_sections(out, singles, false);
    out +=
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    return out;
}

}  // namespace boardpress::pdf
