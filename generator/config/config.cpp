// boardpress.json: parsed with data::parse_json, positions of keys and values from
// data::index_json_positions, so every problem is reported where it is written.
#include <algorithm>
#include <limits>
#include <regex>

#include "config/config.hpp"
#include "data/data.hpp"
#include "format/format.hpp"

namespace fs = std::filesystem;

namespace boardpress::config {

namespace {

const std::vector<std::string> top_keys = {
    "title",    "organisation", "base_url", "language",    "description", "navigation",
    "theme",    "suppression",  "pdf",      "unsafe_html", "params",
};
const std::vector<std::string> nav_keys = {"title", "url"};
const std::vector<std::string> suppression_keys = {"threshold", "mark"};

std::string type_words(const nlohmann::ordered_json& value) {
    switch (value.type()) {
        case nlohmann::ordered_json::value_t::null: return "null";
        case nlohmann::ordered_json::value_t::boolean: return "true or false";
        case nlohmann::ordered_json::value_t::number_integer:
        case nlohmann::ordered_json::value_t::number_unsigned:
        case nlohmann::ordered_json::value_t::number_float: return "a number";
        case nlohmann::ordered_json::value_t::string: return "a string";
        case nlohmann::ordered_json::value_t::array: return "a list";
        case nlohmann::ordered_json::value_t::object: return "an object";
        default: return "something else";
    }
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

struct Checker {
    std::string_view text;
    const std::string& file;
    Diagnostics& diagnostics;
    data::JsonPositions positions;

    void error_at(std::size_t offset, std::string message, std::string hint = {}) {
        Diagnostic d{Severity::error, locate(file, text, offset), std::move(message), {},
                     std::move(hint)};
        attach_source(d, text);
        diagnostics.add(std::move(d));
    }
    void value_error(const std::string& pointer, std::string message, std::string hint = {}) {
        error_at(positions.value_of(pointer), std::move(message), std::move(hint));
    }
    void key_error(const std::string& pointer, std::string message, std::string hint = {}) {
        error_at(positions.key_or_value(pointer), std::move(message), std::move(hint));
    }

    // Unknown keys of `object` (at `pointer`) are errors at the key, with a did-you-mean.
    void check_keys(const nlohmann::ordered_json& object, const std::string& pointer,
                    const std::vector<std::string>& known, const std::string& where,
                    const std::string& otherwise) {
        for (const auto& [key, value] : object.items()) {
            if (std::find(known.begin(), known.end(), key) != known.end()) continue;
            std::string hint = did_you_mean_hint(key, known);
            if (hint.empty()) hint = otherwise;
            key_error(pointer + "/" + data::pointer_token(key),
                      "unknown setting `" + key + "`" + where, hint);
        }
    }

    // The value at `pointer` (called `shown`) must be a string; returns whether it is.
    bool string_at(const nlohmann::ordered_json& value, const std::string& pointer,
                   const std::string& shown, std::string& out) {
        if (!value.is_string()) {
            value_error(pointer, shown + " must be a string, not " + type_words(value),
                        "put it in double quotes: \"...\"");
            return false;
        }
        out = value.get<std::string>();
        return true;
    }

    bool object_at(const nlohmann::ordered_json& value, const std::string& pointer,
                   const std::string& shown) {
        if (value.is_object()) return true;
        value_error(pointer, shown + " must be an object `{ ... }`, not " + type_words(value));
        return false;
    }
};

}  // namespace

SiteConfig parse_config(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    SiteConfig config;
    text = data::skip_bom(text);
    nlohmann::ordered_json root;
    try {
        root = data::parse_json(text, file);
    } catch (const Error& e) {
        diagnostics.add(e);
        return config;
    }
    Checker check{text, file, diagnostics, data::index_json_positions(text)};

    for (const auto& [pointer, offset] : check.positions.duplicates) {
        std::string key = pointer.substr(pointer.rfind('/') + 1);
        check.error_at(offset, "the setting `" + key + "` is given twice",
                       "remove one of them; only the last one would count");
    }

    if (!root.is_object()) {
        check.value_error("", "boardpress.json must be an object `{ ... }`, not " +
                                  type_words(root),
                          "start from `{\"title\": \"...\", \"organisation\": \"...\"}`");
        return config;
    }

    check.check_keys(root, "", top_keys, "",
                     "the settings are " + join(top_keys) +
                         "; put values of your own under `params`");

    for (const char* required : {"title", "organisation"}) {
        std::string key = required;
        std::string& out = key == "title" ? config.title : config.organisation;
        if (!root.contains(key)) {
            check.value_error("", "`" + key + "` is missing",
                              "add \"" + key + "\": \"...\" to boardpress.json");
        } else if (check.string_at(root[key], "/" + key, "`" + key + "`", out) && out.empty()) {
            check.value_error("/" + key, "`" + key + "` is empty");
        }
    }

    if (root.contains("base_url") &&
        check.string_at(root["base_url"], "/base_url", "`base_url`", config.base_url) &&
        !config.base_url.empty()) {
        const std::string& url = config.base_url;
        if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0 && url[0] != '/') {
            check.value_error("/base_url", "`base_url` must start with https://, http:// or /",
                              "for example \"https://example.org/board/\"");
            config.base_url.clear();
        } else if (url.back() != '/') {
            config.base_url += '/';  // so templates can write {{ site.base_url }}page.html
        }
    }

    if (root.contains("language")) {
        std::string language;
        if (check.string_at(root["language"], "/language", "`language`", language)) {
            static const std::regex tag(R"([A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*)");
            if (std::regex_match(language, tag)) {
                config.language = language;
            } else {
                std::string fixed = language;
                std::replace(fixed.begin(), fixed.end(), '_', '-');
                check.value_error("/language",
                                  "`language` must be a language tag such as `en-GB` or `cy`",
                                  std::regex_match(fixed, tag) ? "write `" + fixed + "`"
                                                               : std::string());
            }
        }
    }

    if (root.contains("description"))
        check.string_at(root["description"], "/description", "`description`",
                        config.description);

    if (root.contains("navigation")) {
        const auto& navigation = root["navigation"];
        if (!navigation.is_array()) {
            check.value_error("/navigation",
                              "`navigation` must be a list `[ ... ]`, not " +
                                  type_words(navigation),
                              "write [{\"title\": \"Home\", \"url\": \"index.html\"}, ...]");
        } else {
            for (std::size_t i = 0; i < navigation.size(); ++i) {
                const auto& item = navigation[i];
                std::string pointer = "/navigation/" + std::to_string(i);
                std::string where = " in navigation item " + std::to_string(i + 1);
                if (!item.is_object()) {
                    check.value_error(pointer,
                                      "navigation item " + std::to_string(i + 1) +
                                          " must be an object, not " + type_words(item),
                                      "write {\"title\": \"...\", \"url\": \"...\"}");
                    continue;
                }
                check.check_keys(item, pointer, nav_keys, where,
                                 "a navigation item has only `title` and `url`");
                NavItem nav;
                bool ok = true;
                for (const char* field : {"title", "url"}) {
                    std::string key = field;
                    std::string& out = key == "title" ? nav.title : nav.url;
                    if (!item.contains(key)) {
                        check.value_error(pointer, "`" + key + "` is missing" + where,
                                          "add \"" + key + "\": \"...\"");
                        ok = false;
                    } else if (!check.string_at(item[key], pointer + "/" + key,
                                                "`" + key + "`" + where, out)) {
                        ok = false;
                    } else if (out.empty()) {
                        check.value_error(pointer + "/" + key, "`" + key + "` is empty" + where);
                        ok = false;
                    } else if (key == "url" && !format::is_safe_url(out)) {
                        // Every page links it: a javascript: address would run when clicked.
                        check.value_error(pointer + "/url",
                                          "`url`" + where + " is an address that runs script or "
                                                            "opens a local file",
                                          "link a page of the site (\"about.html\") or a web "
                                          "address (\"https://...\")");
                        ok = false;
                    }
                }
                if (ok) config.navigation.push_back(std::move(nav));
            }
        }
    }

    if (root.contains("theme") && check.object_at(root["theme"], "/theme", "`theme`"))
        config.theme = root["theme"];
    if (root.contains("pdf") && check.object_at(root["pdf"], "/pdf", "`pdf`"))
        config.pdf = root["pdf"];
    if (root.contains("params") && check.object_at(root["params"], "/params", "`params`"))
        config.params = root["params"];

    if (root.contains("unsafe_html")) {
        const auto& value = root["unsafe_html"];
        if (value.is_boolean())
            config.unsafe_html = value.get<bool>();
        else
            check.value_error("/unsafe_html",
                              "`unsafe_html` must be true or false, not " + type_words(value),
                              value.is_string() ? "write it without quotes: true or false"
                                                : std::string());
    }

    if (root.contains("suppression") &&
        check.object_at(root["suppression"], "/suppression", "`suppression`")) {
        const auto& suppression = root["suppression"];
        check.check_keys(suppression, "/suppression", suppression_keys, " in `suppression`",
                         "`suppression` has only `threshold` and `mark`");
        if (suppression.contains("threshold")) {
            const auto& value = suppression["threshold"];
            const std::string pointer = "/suppression/threshold";
            if (!value.is_number_integer()) {
                check.value_error(pointer,
                                  "`suppression.threshold` must be a whole number, not " +
                                      (value.is_number() ? std::string("a fraction")
                                                         : type_words(value)),
                                  value.is_string() ? "write it without quotes, as in 5"
                                                    : std::string());
            } else if (value.get<std::int64_t>() < 1 ||
                       value.get<std::int64_t>() > std::numeric_limits<int>::max()) {
                check.value_error(pointer, "`suppression.threshold` must be at least 1",
                                  "counts below the threshold are hidden; 5 is usual");
            } else {
                config.suppression_threshold = value.get<int>();
            }
        }
        if (suppression.contains("mark"))
            check.string_at(suppression["mark"], "/suppression/mark", "`suppression.mark`",
                            config.suppression_mark);
    }
    return config;
}

SiteConfig load_config(const fs::path& project_root, Diagnostics& diagnostics) {
    const std::string file = "boardpress.json";
    fs::path path = project_root / file;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        diagnostics.add(Diagnostic{
            Severity::error, {file, 0, 0},
            "there is no boardpress.json in `" + project_root.generic_string() + "`", {},
            "create boardpress.json with at least {\"title\": \"...\", \"organisation\": \"...\"}"});
        return {};
    }
    try {
        return parse_config(data::read_file(path, file), file, diagnostics);
    } catch (const Error& e) {
        diagnostics.add(e);
        return {};
    }
}

nlohmann::ordered_json to_json(const SiteConfig& config) {
    nlohmann::ordered_json navigation = nlohmann::ordered_json::array();
    for (const auto& item : config.navigation)
        navigation.push_back({{"title", item.title}, {"url", item.url}});
    return {
        {"title", config.title},
        {"organisation", config.organisation},
        {"base_url", config.base_url},
        {"language", config.language},
        {"description", config.description},
        {"navigation", std::move(navigation)},
        {"theme", config.theme},
        {"params", config.params},
        {"suppression",
         {{"threshold", config.suppression_threshold}, {"mark", config.suppression_mark}}},
    };
}

}  // namespace boardpress::config
