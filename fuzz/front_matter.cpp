// Fuzz target: a content file's front matter as content::load reads it: split from the body,
// YAML -> JSON with key positions, the checks of the known keys, and then the typed reads of
// those keys that load relies on the checks for.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "content/content.hpp"
#include "data/data.hpp"
#include "diag/diagnostics.hpp"

namespace {

std::string without_crlf(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
    return out;
}

// What content::load reads once check_front_matter found no error: each of these must then
// have its type, or load would throw something other than boardpress::Error.
void read_known_keys(const nlohmann::ordered_json& values) {
    (void)values.at("title").get<std::string>();
    if (auto it = values.find("kind"); it != values.end()) (void)it->get<std::string>();
    if (auto it = values.find("date"); it != values.end()) (void)it->get<std::string>();
    if (auto it = values.find("draft"); it != values.end()) (void)it->get<bool>();
    if (auto it = values.find("weight"); it != values.end()) (void)it->get<double>();
    if (auto it = values.find("template"); it != values.end()) (void)it->get<std::string>();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace content = boardpress::content;
    const std::string file = "content/fuzz.md";
    boardpress::Diagnostics diagnostics;
    try {
        std::string_view text =
            boardpress::data::skip_bom(std::string_view(reinterpret_cast<const char*>(data), size));
        boardpress::data::check_utf8(text, file);
        std::string normalised = without_crlf(text);
        content::FrontMatterSplit split = content::split_front_matter(normalised, file);
        content::FrontMatter front_matter;
        if (split.yaml_line > 0)
            front_matter = content::parse_front_matter_located(split.yaml, file, split.yaml_line);
        (void)front_matter.values.dump();
        content::check_front_matter(front_matter, file, normalised, diagnostics);
        if (!diagnostics.has_errors()) read_known_keys(front_matter.values);
    } catch (const boardpress::Error& error) {
        diagnostics.add(error);
    }
    for (const boardpress::Diagnostic& diagnostic : diagnostics.items())
        (void)boardpress::describe(diagnostic);
    return 0;
}
