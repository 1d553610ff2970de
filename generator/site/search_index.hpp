// The site's search index, built with the site: every page's title, address and words, as a
// script (search-index.js) that templates/assets/search.js reads. A script rather than JSON, so
// search works on a site opened from disk, where browsers refuse to fetch files.
#pragma once

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

// `window.BOARDPRESS_SEARCH = [...]`.
std::string search_index_js(const std::vector<SearchEntry>& entries);

}  // namespace boardpress::site
