// boardpress.json: the site's settings, validated. Unknown keys are errors with a did-you-mean;
// free-form values for templates live under "params".
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/diagnostics.hpp"

namespace boardpress::config {

struct NavItem {
    std::string title;
    std::string url;  // relative to the site root ("annual-report-2014-15/index.html") or absolute
};

struct SiteConfig {
    std::string title;                 // required
    std::string organisation;          // required
    std::string base_url;              // "https://example.org/board/"; optional
    std::string language = "en-GB";
    std::string description;
    std::vector<NavItem> navigation;
    nlohmann::ordered_json theme = nlohmann::ordered_json::object();  // colours and fonts, passed to templates
    int suppression_threshold = 5;     // counts below this are suppressed in sensitive data
    std::string suppression_mark = "*";
    nlohmann::ordered_json pdf = nlohmann::ordered_json::object();    // PDF defaults (page size, margins, ...)
    bool unsafe_html = false;          // raw HTML in Markdown is dropped unless true
    nlohmann::ordered_json params = nlohmann::ordered_json::object(); // anything the project's templates want
};

// Parses and validates the text of boardpress.json. Every problem found is added to
// `diagnostics` (with line and column); the returned config holds what was valid.
// Unknown keys at the levels defined here (the top level, navigation items, suppression) are
// errors at the key; a key given twice anywhere is an error at the second; a wrong type is an
// error at the value. `theme`, `pdf` and `params` must be objects but are otherwise free-form.
// A base_url must start with https://, http:// or /; a missing final "/" is added.
SiteConfig parse_config(std::string_view text, const std::string& file, Diagnostics& diagnostics);

// Loads DIR/boardpress.json; a missing file is one error naming it.
SiteConfig load_config(const std::filesystem::path& project_root, Diagnostics& diagnostics);

// The config as templates see it: `site.title`, `site.navigation`, `site.params.x`, ...
nlohmann::ordered_json to_json(const SiteConfig& config);

}  // namespace boardpress::config
