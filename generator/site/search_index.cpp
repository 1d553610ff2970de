#include "site/search_index.hpp"

#include <nlohmann/json.hpp>

namespace boardpress::site {

std::string plain_text(std::string_view html) {
    std::string text;
    auto space = [&] {
        if (!text.empty() && text.back() != ' ') text += ' ';
    };
    // Inline elements sit inside words' runs ("(<abbr>NSCB</abbr>)"); any other tag separates.
    auto inline_tag = [](std::string_view tag) {
        std::size_t start = tag.starts_with("</") ? 2 : 1;
        std::size_t end = tag.find_first_of(" />", start);
        std::string_view name =
            tag.substr(start, end == std::string_view::npos ? end : end - start);
        for (std::string_view known :
             {"a", "abbr", "em", "strong", "code", "span", "sup", "sub", "del", "time", "b", "i"})
            if (name == known) return true;
        return false;
    };
    for (std::size_t i = 0; i < html.size(); ++i) {
        char c = html[i];
        if (c == '<') {
            std::size_t close = html.find('>', i);
            if (close == std::string_view::npos) break;
            if (!inline_tag(html.substr(i, close - i + 1))) space();
            i = close;
        } else if (c == '&') {
            static const std::pair<std::string_view, char> entities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
            bool decoded = false;
            for (auto [entity, character] : entities)
                if (html.substr(i, entity.size()) == entity) {
                    text += character;
                    i += entity.size() - 1;
                    decoded = true;
                    break;
                }
            if (!decoded) text += c;
        } else if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
            space();
        } else {
            text += c;
        }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

std::string search_index_js(const std::vector<SearchEntry>& entries) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& entry : entries)
        list.push_back({{"title", entry.title},
                        {"url", entry.url},
                        {"kind", entry.kind},
                        {"summary", entry.summary},
                        {"text", entry.text}});
    // dump() escapes quotes and control characters; "</" cannot end a script loaded by src.
    return "window.BOARDPRESS_SEARCH = " +
           list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ";\n";
}

}  // namespace boardpress::site
