// The site's search index, built with the site: every page's title, address and words, as a
// script (search-index.js) that templates/assets/search.js reads. A script rather than JSON, so
// search works on a site opened from disk, where browsers refuse to fetch files.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace boardpress::site {

struct SearchEntry {
    std::string title;
    std::string url;  // site-relative
    std::string kind;
    std::string summary;
    std::string text;  // the page's words, from its body HTML
};

// The words of an HTML fragment: tags dropped, the five entities decoded, spaces collapsed.
std::string plain_text(std::string_view html);

// One entry as a line of JSON, its address first: {"url": …, "title": …, …}.
std::string search_entry_line(const SearchEntry& entry);

// `window.BOARDPRESS_SEARCH = [` and one entry per line, so that the next build can take over
// the lines of pages that did not change.
std::string search_index_js(const std::vector<std::string_view>& entry_lines);
// The same script as pieces to be written one after the other (views into `entry_lines` and
// constants): a large archive's index is megabytes, not worth copying into one string.
std::vector<std::string_view> search_index_pieces(const std::vector<std::string_view>& entry_lines);
std::string search_index_js(const std::vector<SearchEntry>& entries);

// The entry lines of a search-index.js this module wrote, by address (views into `script`).
std::map<std::string_view, std::string_view> search_lines_by_url(std::string_view script);

}  // namespace boardpress::site
