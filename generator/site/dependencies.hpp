// What a page's outputs are made from, found by reading the texts: the templates a template or a
// body reaches (include, extends, import, from) and the datasets they name. It over-counts rather
// than misses: a name used in a way it cannot follow (a computed include, `data[...]`) counts as
// every template or every dataset.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace boardpress::site {

// What one text refers to.
struct References {
    std::set<std::string> templates;  // names as written: "partials/header.html"
    bool every_template = false;      // an include whose name is computed
    std::set<std::string> datasets;   // top-level data keys named as words
    bool every_dataset = false;       // `data` used whole, or indexed by an expression
};

// The top-level data keys, looked up by any string-like key.
using DatasetNames = std::set<std::string, std::less<>>;

// Scans `text` (a template or a Markdown body) for the templates it loads and, of `dataset_names`,
// those it names.
References find_references(std::string_view text, const DatasetNames& dataset_names);

class DependencyIndex {
  public:
    // Reads every template below `templates_folder` (not assets/) and fingerprints each dataset
    // (each top-level key of `data`).
    DependencyIndex(const std::filesystem::path& templates_folder,
                    const nlohmann::ordered_json& data);

    // The fingerprint of template `name`, the templates it reaches and the datasets they name.
    std::uint64_t template_key(const std::string& name) const;
    // The same for a text that is not a template file (a page's body).
    std::uint64_t text_key(std::string_view text) const;
    // The fingerprint of the datasets whose names are words of `text` (a page's front matter,
    // which can name the dataset its body reads).
    std::uint64_t named_datasets_key(std::string_view text) const;
    // The fingerprint of every file whose name starts with `prefix` ("fonts/").
    std::uint64_t folder_key(std::string_view prefix) const;

  private:
    std::uint64_t key_of(const References& references) const;
    void reach(const std::string& name, std::set<std::string>& seen, References& total) const;

    std::map<std::string, std::uint64_t> template_hashes_;  // name -> fingerprint of its text
    std::map<std::string, References> template_references_;
    std::map<std::string, std::uint64_t> dataset_hashes_;  // key -> fingerprint of its value
    DatasetNames dataset_names_;
    std::map<std::string, std::uint64_t> template_keys_;  // computed once for every template
};

}  // namespace boardpress::site
