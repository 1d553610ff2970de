// Helpers for the PDF tests: a fixed-width Measure, temp files, and poppler/qpdf runs.
#pragma once

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "pdf/style.hpp"
#include "pdf/utf8.hpp"

namespace boardpress::pdf::test {

// Every character is half an em wide: line breaks are easy to predict.
class FixedMeasure : public Measure {
  public:
    double width(Face, std::string_view utf8, double size) const override {
        double count = 0;
        for (std::size_t i = 0; i < utf8.size(); i += utf8_length(utf8, i)) ++count;
        return count * size / 2;
    }
};

inline std::string run_command(const std::string& command) {
    std::string output;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return output;
    std::array<char, 4096> buffer;
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        output.append(buffer.data(), n);
    pclose(pipe);
    return output;
}

class TempPdf {
  public:
    explicit TempPdf(const std::string& bytes, const std::string& name) {
        dir_ =
            std::filesystem::temp_directory_path() / ("bp-pdf-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir_);
        path_ = (dir_ / name).string();
        std::ofstream(path_, std::ios::binary) << bytes;
    }
    ~TempPdf() { std::filesystem::remove(path_); }
    const std::string& path() const { return path_; }
    // Text of one page (1-based) or all pages (0), via pdftotext.
    std::string text(int page = 0) const {
        std::string range =
            page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
        return run_command("pdftotext -layout" + range + " '" + path_ + "' - 2>/dev/null");
    }
    int pages() const {
        std::string info = run_command("pdfinfo '" + path_ + "' 2>/dev/null");
        auto at = info.find("Pages:");
        return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
    }

  private:
    std::filesystem::path dir_;
    std::string path_;
};

// True when `pieces` occur in `text` in this order; says which one did not.
inline bool in_order(const std::string& text, const std::vector<std::string>& pieces) {
    std::size_t at = 0;
    for (const std::string& piece : pieces) {
        std::size_t found = text.find(piece, at);
        if (found == std::string::npos) {
            UNSCOPED_INFO("not found in order: " << piece << "\nin:\n" << text);
            return false;
        }
        at = found + piece.size();
    }
    return true;
}

}  // namespace boardpress::pdf::test
