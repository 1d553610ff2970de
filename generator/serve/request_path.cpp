#include "serve/request_path.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace fs = std::filesystem;

namespace boardpress::serve {

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> percent_decode(std::string_view text) {
    std::string decoded;
    decoded.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            decoded += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        int high = hex_value(text[i + 1]);
        int low = hex_value(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        char c = static_cast<char>(high * 16 + low);
        if (c == '\0') return std::nullopt;
        decoded += c;
        i += 2;
    }
    return decoded;
}

// True when `inner` is `outer` or below it (both canonical).
static bool is_within(const fs::path& inner, const fs::path& outer) {
    auto mismatch = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
    return mismatch.first == outer.end();
}

std::optional<fs::path> resolve_request(const fs::path& site_root, std::string_view target) {
    target = target.substr(0, target.find_first_of("?#"));
    if (target.empty() || target.front() != '/' || target.size() > 2048) return std::nullopt;
    std::optional<std::string> decoded = percent_decode(target);
    if (!decoded || decoded->find('\\') != std::string::npos) return std::nullopt;

    fs::path relative;
    std::string_view rest = *decoded;
    while (!rest.empty()) {
        std::size_t slash = rest.find('/');
        std::string_view segment = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        if (segment.empty() || segment == ".") continue;
        if (segment.front() == '.') return std::nullopt;  // `..` and hidden files alike
        relative /= std::string(segment);
    }

    std::error_code error;
    const fs::path root = fs::canonical(site_root, error);
    if (error) return std::nullopt;
    fs::path file = root / relative;
    if (fs::is_directory(file, error)) file /= "index.html";
    // Links are followed, so where they lead must still be inside the site.
    fs::path real = fs::canonical(file, error);
    if (error || !is_within(real, root) || !fs::is_regular_file(real, error)) return std::nullopt;
    return real;
}

std::string content_type(const fs::path& file) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".xml", "application/xml; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".pdf", "application/pdf"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".svg", "image/svg+xml"},
        {".ico", "image/x-icon"},
        {".webp", "image/webp"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".ttf", "font/ttf"},
        {".csv", "text/csv; charset=utf-8"},
    };
    std::string extension = file.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto found = types.find(extension);
    return found == types.end() ? "application/octet-stream" : found->second;
}

}  // namespace boardpress::serve
