// Reading laid-out pages back: the ids a #fragment can name, and every href and src.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

#include "check/check.hpp"

namespace boardpress::check {

namespace {

std::string to_utf8(unsigned long code) {
    std::string out;
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x110000) {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
    return out;
}

// The entities templates and the HTML writer produce: the five named ones and numeric ones.
std::string decode_entities(std::string_view text) {
    static const std::pair<std::string_view, std::string_view> named[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        bool done = false;
        for (const auto& [entity, character] : named)
            if (text.substr(i, entity.size()) == entity) {
                out += character;
                i += entity.size() - 1;
                done = true;
                break;
            }
        if (done) continue;
        std::size_t semicolon = text.find(';', i);
        if (text.substr(i, 2) == "&#" && semicolon != std::string_view::npos &&
            semicolon - i < 10) {
            std::string digits(text.substr(i + 2, semicolon - i - 2));
            bool hex = !digits.empty() && (digits[0] == 'x' || digits[0] == 'X');
            try {
                unsigned long code =
                    std::stoul(hex ? digits.substr(1) : digits, nullptr, hex ? 16 : 10);
                out += to_utf8(code);
                i = semicolon;
                continue;
            } catch (const std::exception&) {
                // not a number: kept as written
            }
        }
        out += '&';
    }
    return out;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_link_attribute(const std::string& tag, const std::string& attribute) {
    if (attribute == "href") return tag == "a" || tag == "link" || tag == "area";
    if (attribute == "src")
        return tag == "img" || tag == "script" || tag == "source" || tag == "iframe" ||
               tag == "audio" || tag == "video" || tag == "track" || tag == "embed";
    return false;
}

}  // namespace

HtmlFacts scan_html(std::string_view html) {
    HtmlFacts facts;
    std::size_t i = 0;
    auto skip_past = [&](std::string_view end) {
        std::size_t at = html.find(end, i);
        i = at == std::string_view::npos ? html.size() : at + end.size();
    };
    while ((i = html.find('<', i)) != std::string_view::npos) {
        std::size_t tag_start = i;
        if (html.substr(i, 4) == "<!--") {
            skip_past("-->");
            continue;
        }
        ++i;
        if (i < html.size() && (html[i] == '!' || html[i] == '?' || html[i] == '/')) {
            skip_past(">");
            continue;
        }
        std::size_t name_start = i;
        while (i < html.size() &&
               (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-'))
            ++i;
        if (i == name_start) continue;  // a lone "<" in text
        std::string tag = lower(html.substr(name_start, i - name_start));
        std::vector<std::pair<std::string, std::string>> attributes;
        while (i < html.size() && html[i] != '>') {
            if (is_space(html[i]) || html[i] == '/') {
                ++i;
                continue;
            }
            std::size_t attribute_start = i;
            while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' &&
                   html[i] != '/')
                ++i;
            std::string name = lower(html.substr(attribute_start, i - attribute_start));
            while (i < html.size() && is_space(html[i])) ++i;
            std::string value;
            if (i < html.size() && html[i] == '=') {
                ++i;
                while (i < html.size() && is_space(html[i])) ++i;
                if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
                    char quote = html[i++];
                    std::size_t end = html.find(quote, i);
                    if (end == std::string_view::npos) end = html.size();
                    value = decode_entities(html.substr(i, end - i));
                    i = std::min(end + 1, html.size());
                } else {
                    std::size_t value_start = i;
                    while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
                    value = decode_entities(html.substr(value_start, i - value_start));
                }
            }
            if (!name.empty()) attributes.emplace_back(std::move(name), std::move(value));
        }
        if (i < html.size()) ++i;  // past '>'

        bool has_alt = false;
        for (const auto& [name, value] : attributes) {
            if (name == "alt") has_alt = true;
            if (name == "id" || (tag == "a" && name == "name")) facts.ids.insert(value);
        }
        for (const auto& [name, value] : attributes)
            if (is_link_attribute(tag, name))
                facts.references.push_back({tag, name, value, has_alt, tag_start});
        if (tag == "img" &&
            std::none_of(facts.references.begin(), facts.references.end(),
                         [&](const HtmlReference& r) { return r.offset == tag_start; }))
            facts.references.push_back({tag, "src", "", has_alt, tag_start});  // no src at all
        // Their contents are code, not markup.
        if (tag == "script") skip_past("</script");
        if (tag == "style") skip_past("</style");
    }
    return facts;
}

}  // namespace boardpress::check
