// Which file of the site a request asks for. Only files inside the site folder are ever served:
// `..`, encoded traversal, hidden files and links leading out are refused.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace boardpress::serve {

// "%41b" -> "Ab"; nothing for a bad escape or an encoded NUL.
std::optional<std::string> percent_decode(std::string_view text);

// The file `target` ("/reports/a.html?x=1") names under `site_root`: a folder gives its
// index.html. Nothing when the target is malformed, leaves the site, names a hidden file, or
// does not exist.
std::optional<std::filesystem::path> resolve_request(const std::filesystem::path& site_root,
                                                     std::string_view target);

// "text/html; charset=utf-8" and so on, from the file's extension.
std::string content_type(const std::filesystem::path& file);

}  // namespace boardpress::serve
