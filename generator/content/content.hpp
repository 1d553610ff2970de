// Content: the Markdown files under content/, their YAML front matter, and how they group into
// publications (a folder with index.md) and sections (the folder's other .md files).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <cstdint>

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
// fence without a closing one throws an Error at the opening fence. A leading UTF-8 byte order
// mark is skipped, CRLF line endings are accepted and a fence may have trailing spaces.
FrontMatterSplit split_front_matter(std::string_view text, const std::string& file);

// YAML -> JSON (mappings, sequences, scalars typed as YAML 1.2 core: true/false, null, ints,
// floats; dates stay strings). Syntax errors throw at their file line and column.
// Plain scalars only are typed: quoted and block scalars stay strings; `.inf` and `.nan` stay
// strings (JSON cannot hold them). Also errors: a key given twice, a non-text key, a quoted
// scalar never closed, and `key:value` without a space after the colon.
nlohmann::ordered_json parse_front_matter(std::string_view yaml, const std::string& file,
                                          int first_line);

// Front matter with the places of its top-level keys, so checks can report at the key.
struct FrontMatter {
    nlohmann::ordered_json values = nlohmann::ordered_json::object();
    std::map<std::string, SourceLocation> keys;  // top-level key -> where it is written
};

// As parse_front_matter, keeping the key positions. Empty YAML gives an empty mapping.
FrontMatter parse_front_matter_located(std::string_view yaml, const std::string& file,
                                       int first_line);

// Known keys with their types are checked (title: string, draft: bool, date: a date, kind: one of
// the kinds, weight: number, numbering: none|paragraphs|sections, pdf: bool or mapping, ...);
// unknown keys are kept. Problems go to `diagnostics`.
inline const std::vector<std::string> kinds = {"annual-report", "business-plan", "leaflet",
                                               "summary",       "report",        "page"};
inline const std::vector<std::string> numberings = {"none", "paragraphs", "sections"};

// Checks the known keys of `front_matter` (errors at the key's line and column) and that there
// is a `title` (an error at line 1 of `file` if not). `text` is the file's text, for the source
// lines shown with errors.
void check_front_matter(const FrontMatter& front_matter, const std::string& file,
                        std::string_view text, Diagnostics& diagnostics);

// True for a real calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view text);

// A section's slug: its file stem without a leading order prefix of 1-3 digits and `-` or `_`
// ("02-chair" -> "chair", "1_intro" -> "intro"); a stem that is only a prefix is kept.
std::string section_slug(std::string_view stem);

struct Page {
    std::string source;  // "content/annual-report-2014-15/02-chair.md" (project-relative)
    std::string output;  // "annual-report-2014-15/chair.html" (site-relative)
    std::string slug;    // "chair": file stem without a leading "NN-" order prefix
    nlohmann::ordered_json front_matter;  // every key as written, plus defaults filled in
    std::string title;
    std::string kind;  // the page's own kind, else its publication's, else "page"
    std::string date;  // ISO "2015-06-30" when given
    bool draft = false;
    double weight = 0;
    std::string template_name;  // front matter `template`, else chosen by the site
    std::string body;           // Markdown after the front matter
    int body_line = 1;          // file line where body starts
    int publication = -1;       // index into ContentTree::publications, or -1
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

// Pages as read from their files, kept from one build to the next (by `serve`): a file whose
// size, modification time and inode are those it was read with is not read or parsed again.
// A file changed less than a second before it was read is read again next time, since a second
// change in the same clock tick would not show in its time.
class SourceCache {
  public:
    struct Stamp {
        std::uintmax_t size = 0;
        std::int64_t mtime = 0;  // nanoseconds
        std::uintmax_t inode = 0;
        bool operator==(const Stamp&) const = default;
    };
    struct Entry {
        Stamp stamp;
        std::int64_t read_at = 0;  // nanoseconds, the clock of file times
        std::optional<Page> page;  // as read_page made it: before placing in the tree
        Diagnostics problems;
    };
    // The entry for `relative` (under content/) if `stamp` is still the file's, else null. The
    // caller may move from it (one thread per entry): replace() follows.
    Entry* find(const std::string& relative, const Stamp& stamp);
    // Replaces everything with `entries` (the files of one load).
    void replace(std::map<std::string, Entry> entries) { entries_ = std::move(entries); }
    std::size_t size() const { return entries_.size(); }

  private:
    std::map<std::string, Entry> entries_;
};

struct LoadOptions {
    bool include_drafts = false;
    unsigned jobs = 1;              // threads reading and parsing files
    SourceCache* cache = nullptr;   // read from and brought up to date, when given
};

// Reads content/**.md below `project_root`. Every broken file is reported to `diagnostics`;
// pages that loaded are returned. Drafts are left out unless asked for. A publication whose
// index.md is a draft is left out whole.
//
// Files are read depth first, each folder's entries in byte order of their names (hidden ones
// skipped; a link out of content/ is an error). content/index.md is the home page (index.html).
// A folder with index.md is a publication: index.md is its landing page (FOLDER/index.html) and
// its other direct .md files its sections (FOLDER/SLUG.html, see section_slug), listed in
// `pages` right after the landing page. Other files are plain pages (help/contact.html).
// A page whose file is broken (bad UTF-8, bad YAML, a front matter error) is left out; a broken
// index.md leaves its publication out, though its sections are still read and checked. Two
// pages with the same output: an error naming both, and the second is left out. Bodies have
// CRLF turned into LF (line numbers unchanged); front_matter gets `title` and `kind` (the
// resolved values), and `draft` and `weight` when absent.
ContentTree load(const std::filesystem::path& project_root, const LoadOptions& options,
                 Diagnostics& diagnostics);

}  // namespace boardpress::content
