// Content: the Markdown files under content/, their YAML front matter, and how they group into
// publications (a folder with index.md) and sections (the folder's other .md files).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/diagnostics.hpp"

namespace boardpress::content {

struct FrontMatterSplit {
    std::string_view yaml;  // between the --- fences; empty when there is no front matter
    std::string_view body;  // everything after the closing fence
    int yaml_line = 0;      // file line where the YAML starts (2 when the file opens with ---)
    int body_line = 1;      // file line where the body starts
};

// Splits "---\n<yaml>\n---\n<body>". A file that does not open with --- is all body. An opening
// fence without a closing one throws an Error at the opening fence.
FrontMatterSplit split_front_matter(std::string_view text, const std::string& file);

// YAML -> JSON (mappings, sequences, scalars typed as YAML 1.2 core: true/false, null, ints,
// floats; dates stay strings). Syntax errors throw at their file line and column.
nlohmann::ordered_json parse_front_matter(std::string_view yaml, const std::string& file, int first_line);

// Known keys with their types are checked (title: string, draft: bool, date: a date, kind: one of
// the kinds, weight: number, numbering: none|paragraphs|sections, pdf: bool or mapping, ...);
// unknown keys are kept. Problems go to `diagnostics`.
inline const std::vector<std::string> kinds = {"annual-report", "business-plan", "leaflet",
                                               "summary", "report", "page"};

struct Page {
    std::string source;           // "content/annual-report-2014-15/02-chair.md" (project-relative)
    std::string output;           // "annual-report-2014-15/chair.html" (site-relative)
    std::string slug;             // "chair": file stem without a leading "NN-" order prefix
    nlohmann::ordered_json front_matter;  // every key as written, plus defaults filled in
    std::string title;
    std::string kind;             // the page's own kind, else its publication's, else "page"
    std::string date;             // ISO "2015-06-30" when given
    bool draft = false;
    double weight = 0;
    std::string template_name;    // front matter `template`, else chosen by the site
    std::string body;             // Markdown after the front matter
    int body_line = 1;            // file line where body starts
    int publication = -1;         // index into ContentTree::publications, or -1
    bool is_publication_index = false;
};

struct Publication {
    std::size_t index_page = 0;         // the index.md page
    std::vector<std::size_t> sections;  // pages in file-name order
    std::string folder;                 // "annual-report-2014-15"
};

struct ContentTree {
    std::vector<Page> pages;
    std::vector<Publication> publications;
};

struct LoadOptions {
    bool include_drafts = false;
};

// Reads content/**.md below `project_root`. Every broken file is reported to `diagnostics`;
// pages that loaded are returned. Drafts are left out unless asked for. A publication whose
// index.md is a draft is left out whole.
ContentTree load(const std::filesystem::path& project_root, const LoadOptions& options,
                 Diagnostics& diagnostics);

}  // namespace boardpress::content
