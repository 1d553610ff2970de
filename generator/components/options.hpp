// Typed access to a component's YAML options. Every getter checks the value's type and reports a
// wrong one at the value's position; construction rejects unknown and repeated keys, suggesting
// the closest known one. Chart and RAG components build on the same helpers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "components/yaml_source.hpp"

namespace boardpress::components {

class Options {
  public:
    // `node` is a map, or null for no options (anything else is an error at its position).
    // `what` names the map in messages ("table", "column", "sort"); `known` lists its keys.
    // `source` must outlive this object.
    Options(const YAML::Node& node, const YamlSource& source, std::string what,
            std::vector<std::string> known);

    bool has(std::string_view key) const;
    YAML::Node get(std::string_view key) const;  // an undefined node when absent

    // Scalars as text. A list or map where a scalar belongs is an error.
    std::optional<std::string> string(std::string_view key) const;
    // A missing key is an error at the start of the map, with `hint`.
    std::string required_string(std::string_view key, const std::string& hint) const;
    std::optional<bool> boolean(std::string_view key) const;
    std::optional<int> integer(std::string_view key, int min, int max) const;
    std::optional<double> number(std::string_view key) const;
    // One of `allowed`; another value is an error with did-you-mean.
    std::optional<std::string> choice(std::string_view key,
                                      const std::vector<std::string>& allowed) const;
    // A nested map checked like this one.
    std::optional<Options> map(std::string_view key, std::string what,
                               std::vector<std::string> known) const;
    // A list (a single item is not accepted: YAML lists are easy to write).
    std::optional<YAML::Node> list(std::string_view key) const;

    // Positions: of the key's value (of the whole map when the key is absent) and of the key.
    YAML::Mark mark(std::string_view key) const;
    YAML::Mark key_mark(std::string_view key) const;
    YAML::Mark start() const { return node_.Mark(); }
    Error error(std::string_view key, std::string message, std::string hint = {}) const;

    const YamlSource& source() const { return *source_; }
    const std::string& what() const { return what_; }
    const YAML::Node& node() const { return node_; }

  private:
    YAML::Node node_;
    const YamlSource* source_;
    std::string what_;
};

// "a text", "a number", "a list", "a map", "empty" — for messages about a YAML value.
std::string describe(const YAML::Node& node);

// The scalar's text as written (a scalar) or nullopt.
std::optional<std::string> scalar(const YAML::Node& node);

// Parses a YAML scalar as a number ("12", "-3.5", "1e3"); nullopt when it is not one.
std::optional<double> parse_number(std::string_view text);

}  // namespace boardpress::components
