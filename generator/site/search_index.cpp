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

std::string search_entry_line(const SearchEntry& entry) {
    nlohmann::ordered_json line = {{"url", entry.url},
                                   {"title", entry.title},
                                   {"kind", entry.kind},
                                   {"summary", entry.summary},
                                   {"text", entry.text}};
    // dump() escapes quotes and control characters (so no line break inside); "</" cannot end a
    // script loaded by src.
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

static constexpr std::string_view script_start = "window.BOARDPRESS_SEARCH = [\n";

std::vector<std::string_view> search_index_pieces(
    const std::vector<std::string_view>& entry_lines) {
    std::vector<std::string_view> pieces;
    pieces.reserve(entry_lines.size() * 2 + 2);
    pieces.push_back(script_start);
    for (std::size_t i = 0; i < entry_lines.size(); ++i) {
        pieces.push_back(entry_lines[i]);
        pieces.push_back(i + 1 < entry_lines.size() ? ",\n" : "\n");
    }
    pieces.push_back("];\n");
    return pieces;
}

std::string search_index_js(const std::vector<std::string_view>& entry_lines) {
    std::string script;
    for (std::string_view piece : search_index_pieces(entry_lines)) script += piece;
    return script;
}

std::string search_index_js(const std::vector<SearchEntry>& entries) {
    std::vector<std::string> lines;
    for (const auto& entry : entries) lines.push_back(search_entry_line(entry));
    return search_index_js(std::vector<std::string_view>(lines.begin(), lines.end()));
}

std::map<std::string_view, std::string_view> search_lines_by_url(std::string_view script) {
    std::map<std::string_view, std::string_view> lines;
    if (!script.starts_with(script_start)) return lines;
    script.remove_prefix(script_start.size());
    static constexpr std::string_view url_start = "{\"url\":\"";
    while (!script.empty()) {
        std::size_t end = script.find('\n');
        std::string_view line = script.substr(0, end);
        script.remove_prefix(end == std::string_view::npos ? script.size() : end + 1);
        if (line.ends_with(",")) line.remove_suffix(1);
        if (!line.starts_with(url_start)) continue;
        std::size_t url_end = line.find('"', url_start.size());
        // An address with an escaped character is left out: that page's entry is made again.
        std::string_view url = line.substr(url_start.size(), url_end - url_start.size());
        if (url_end == std::string_view::npos || url.find('\\') != std::string_view::npos) continue;
        lines.emplace(url, line);
    }
    return lines;
}

}  // namespace boardpress::site
