#include "pdf/fonts.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "diag/diagnostics.hpp"
#include "pdf/utf8.hpp"

namespace boardpress::pdf {

namespace fs = std::filesystem;

FontFiles default_font_files() {
    std::string folder = std::string(default_font_folder) + "/";
    FontFiles files;
    files.paths = {folder + "LiberationSans-Regular.ttf", folder + "LiberationSans-Bold.ttf",
                   folder + "LiberationSans-Italic.ttf",  folder + "LiberationSans-BoldItalic.ttf",
                   folder + "LiberationMono-Regular.ttf", folder + "LiberationMono-Bold.ttf"};
    return files;
}

namespace {

std::string lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

FontFiles font_files(const std::string& folder) {
    FontFiles files = default_font_files();
    std::vector<fs::path> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error))
        if (entry.is_regular_file() && lower(entry.path().extension().string()) == ".ttf")
            found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    const std::pair<const char*, Face> suffixes[] = {{"-regular", Face::regular},
                                                     {"-bolditalic", Face::bold_italic},
                                                     {"-bold-italic", Face::bold_italic},
                                                     {"-bold", Face::bold},
                                                     {"-italic", Face::italic}};
    std::array<bool, face_count> set{};
    for (const fs::path& path : found) {
        std::string stem = lower(path.stem().string());
        for (const auto& [suffix, face] : suffixes) {
            if (!ends_with(stem, suffix)) continue;
            auto index = static_cast<std::size_t>(face);
            if (!set[index]) files.paths[index] = path.string();
            set[index] = true;
            break;
        }
    }
    if (!set[0])
        throw Error({folder, 0, 0},
                    "no regular font (a file named *-Regular.ttf) in the font folder",
                    "add e.g. MyFont-Regular.ttf (and -Bold, -Italic, -BoldItalic) or remove the "
                    "PDF font setting to use Liberation Sans");
    return files;
}

FontSet::FontSet(HpdfDoc& doc, const FontFiles& files) : doc_(doc), files_(files) {
    doc.use_utf8();
}

HPDF_Font FontSet::font(Face face) const {
    auto index = static_cast<std::size_t>(face);
    if (!fonts_[index]) fonts_[index] = doc_.load_truetype(files_.paths[index]);
    return fonts_[index];
}

double FontSet::width(Face face, std::string_view utf8, double size) const {
    auto index = static_cast<std::size_t>(face);
    auto& cache = widths_[index];
    double total = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        std::size_t n = utf8_length(utf8, i);
        char32_t code = utf8_decode(utf8, i);
        auto found = cache.find(code);
        if (found == cache.end()) {
            HPDF_TextWidth w =
                HPDF_Font_TextWidth(font(face), reinterpret_cast<const HPDF_BYTE*>(utf8.data() + i),
                                    static_cast<HPDF_UINT>(n));
            found = cache.emplace(code, static_cast<double>(w.width)).first;
        }
        total += found->second;
        i += n;
    }
    return total * size / 1000.0;
}

}  // namespace boardpress::pdf
