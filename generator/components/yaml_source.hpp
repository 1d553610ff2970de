// The YAML of one component block and where it sits in the user's file: turns yaml-cpp's marks
// (0-based, bytes, relative to the block) into file lines and columns (1-based, code points).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "diag/diagnostics.hpp"

namespace boardpress::components {

class YamlSource {
  public:
    // `text` must outlive this object; `first_line` is the file line of the text's first line.
    YamlSource(std::string_view text, std::string file, int first_line);

    // Parses the text. A syntax error throws Error at its position in the file. An empty block
    // gives an empty map.
    YAML::Node parse() const;

    // A null mark (yaml-cpp gives one for nodes it made up) maps to the block's first line.
    SourceLocation locate(const YAML::Mark& mark) const;
    Error error(const YAML::Mark& mark, std::string message, std::string hint = {}) const;

    // The mark of the character `offset` bytes into a scalar's text (after an opening quote),
    // so an error can point at one segment of a dotted path.
    YAML::Mark inside(const YAML::Node& scalar, std::size_t offset) const;

    std::string_view text() const { return text_; }
    const std::string& file() const { return file_; }
    int first_line() const { return first_line_; }

  private:
    std::string_view text_;
    std::string file_;
    int first_line_;
};

}  // namespace boardpress::components
