// Skipped heading levels: screen reader users move around a page by its headings, and a jump from
// ## to #### tells them a level is missing. The layout's <h1> is the page title, so a body
// starts at ##.
#include <algorithm>
#include <cstdlib>

#include <cmark-gfm.h>

#include "check/nodes.hpp"
#include "check/site_view.hpp"

namespace boardpress::check {

std::vector<HeadingSkip> heading_skips(const markdown::Document& document) {
    std::vector<HeadingSkip> skips;
    int previous = 1;
    for (cmark_node* node : nodes_of(document, CMARK_NODE_HEADING)) {
        int level = cmark_node_get_heading_level(node);
        if (level > previous + 1) skips.push_back({node, level, previous});
        previous = level;
    }
    return skips;
}

namespace {

// The heading's line in the file: among the template lines that wrote it, an ATX heading of its
// level, the one with its words if a template did not write them.
SourceLocation heading_place(const PageSource& source, cmark_node* node, int level,
                             const std::string& text) {
    int line = cmark_node_get_start_line(node);
    if (int same = source.same_line(line)) return source.at_body_line(same, 1);
    auto [first, last] = source.lines_behind(line);
    std::string marks(static_cast<std::size_t>(level), '#');
    std::string_view words(text);
    words = words.substr(0, std::min<std::size_t>(words.size(), 20));
    int best = 0;
    bool best_has_words = false;
    for (int n = first; n <= last; ++n) {
        std::string here = line_of(source.body(), n);
        std::size_t start = here.find_first_not_of(' ');
        if (start == std::string::npos || start > 3 || here.compare(start, marks.size(), marks) ||
            here.size() <= start + marks.size() || here[start + marks.size()] != ' ')
            continue;
        bool has_words = !words.empty() && here.find(words) != std::string::npos;
        if (!best || (has_words && !best_has_words)) {
            best = n;
            best_has_words = has_words;
        }
    }
    return best ? source.at_body_line(best, 1) : source.place(node);
}

std::string level_name(int level) {
    return level == 1 ? "the page title"
                      : "a level " + std::to_string(level) + " heading (" +
                            std::string(static_cast<std::size_t>(level), '#') + ")";
}

}  // namespace

void check_headings(const SiteView& view, std::size_t page, const PageSource& source,
                    Findings& findings) {
    for (const HeadingSkip& skip : heading_skips(view.site.bodies[page].document)) {
        auto* node = const_cast<cmark_node*>(skip.heading);
        std::string text = markdown::plain_text(node);
        std::string wanted(static_cast<std::size_t>(skip.previous + 1), '#');
        std::string message = "the heading ‘" + text + "’ skips a level: it is " +
                              level_name(skip.level) + " under " + level_name(skip.previous);
        std::string hint = "make it `" + wanted + " " + text + "`, or add a `" + wanted +
                           "` heading above it (people using screen readers move around a page "
                           "by its heading levels)";
        findings.add(
            Kind::heading_skip,
            source.diagnostic(Severity::warning, heading_place(source, node, skip.level, text),
                              std::move(message), std::move(hint)));
    }
}

}  // namespace boardpress::check
