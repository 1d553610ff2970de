// Datasets: data/**.json and data/**.csv loaded into one JSON tree, so data/cp/plans_by_month.json
// is data.cp.plans_by_month in templates.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/diagnostics.hpp"

namespace boardpress::data {

// Parses JSON. A syntax error throws boardpress::Error at its line and column, with the source
// line and a hint (a trailing comma, a missing quote, ...). `file` names the text in diagnostics.
// A leading UTF-8 byte order mark is skipped (positions are then counted after it); text that is
// not valid UTF-8 is an error at the first bad byte.
nlohmann::ordered_json parse_json(std::string_view text, const std::string& file);

// Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) with a header row into an array
// of objects keyed by the header. Cells that are numbers become numbers, `true`/`false` booleans,
// empty cells null; everything else stays a string. Errors (a row with the wrong number of cells,
// an unterminated quote, a duplicate or empty heading) throw at their line and column.
//
// Details: a UTF-8 byte order mark is skipped; the final line break is optional; lines with no
// characters at all are skipped; spaces and tabs around a cell are not part of it (so `a, "b"`
// is two cells, `a` and `b`); quoting only protects commas, quotes and line breaks, so `"12"` is
// still the number 12. Numbers: `12`, `-5` (64-bit integers), `3.5`, `1e6` (doubles); `007`,
// `1,234`, `+5`, `.5` stay strings. Booleans: true/True/TRUE, false/False/FALSE.
// A row's keys are in column order.
nlohmann::ordered_json parse_csv(std::string_view text, const std::string& file);

// Loads every .json and .csv below `data_dir` into a tree keyed by folder and file stem. Files are
// named in diagnostics relative to `project_root`. Every broken file is reported to `diagnostics`
// (the rest still load); a name used twice (a.json and a.csv) is an error.
//
// Folder names and file stems become keys, so they may use only ASCII letters, digits, `_` and
// `-` (is_data_name); another name is an error with a suggested rename. Hidden files and folders
// (".name") are skipped, as are files with other extensions. A symbolic link leading outside
// `data_dir` is an error, never followed. A missing `data_dir` gives an empty object.
nlohmann::ordered_json load_tree(const std::filesystem::path& data_dir,
                                 const std::filesystem::path& project_root,
                                 Diagnostics& diagnostics);

// ---- Helpers shared with the config and content readers ----

// Offset of the first byte that is not part of well-formed UTF-8 (overlong forms, surrogates and
// code points above U+10FFFF are ill-formed), or nullopt when all of `text` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// How `text` reads as a JSON number: `-12` an integer, `3.5` or `1e6` a decimal, and `007`,
// `+5`, `.5`, `1,234` none. A plain scan: std::regex recursed once per character and overflowed
// the stack on a long number.
enum class NumberSyntax { none, integer, decimal };
NumberSyntax number_syntax(std::string_view text);

// `text` with every byte that is not part of well-formed UTF-8 read as Latin-1 and written as
// UTF-8. For yaml-cpp's scalars: it writes the double-quoted escapes `\_` and `\N` as the lone
// bytes 0xA0 and 0x85 (U+00A0 and U+0085 in Latin-1) instead of in UTF-8.
std::string utf8_from_latin1_bytes(std::string_view text);

// `text` without a leading UTF-8 byte order mark.
std::string_view skip_bom(std::string_view text);

// Throws the "not valid UTF-8" Error for `text` (already without its BOM) if it has a bad byte.
void check_utf8(std::string_view text, const std::string& file);

// True when `name` is usable as a data key: one or more ASCII letters, digits, `_` or `-`.
bool is_data_name(std::string_view name);

// `name` made usable as a data key: every run of other characters becomes one `_`.
std::string suggest_data_name(std::string_view name);

// `path` relative to `project_root` with forward slashes ("data/cp/plans.json"); the path as
// given when it is not below the project.
std::string display_path(const std::filesystem::path& path,
                         const std::filesystem::path& project_root);

struct ListedFile {
    std::filesystem::path path;  // the file, below the listed folder
    std::string relative;        // relative to the listed folder, forward slashes
    std::string display;         // relative to the project, forward slashes
};

// Every file below `dir` whose name ends in one of `extensions` (".md"), depth first with the
// entries of each folder sorted by name (byte order), so the result is reproducible. Hidden
// entries (".name") and editor lock files ("~$name") are skipped. A symbolic link leading outside
// `dir`, a broken link, or a folder reached twice (a link loop) is an error in `diagnostics`.
// A missing `dir` gives an empty list.
std::vector<ListedFile> list_files(const std::filesystem::path& dir,
                                   const std::filesystem::path& project_root,
                                   const std::vector<std::string>& extensions,
                                   Diagnostics& diagnostics);

// Reads a whole file as bytes; throws an Error naming `display` if it cannot be read.
std::string read_file(const std::filesystem::path& path, const std::string& display);
// The whole of a regular file, or nothing when it cannot be read.
std::optional<std::string> try_read_file(const std::filesystem::path& path);

// Where the keys and values of a JSON text start, so a reader of valid JSON can report a problem
// at the right line and column (nlohmann's json keeps no positions).
struct JsonPosition {
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t key = none;  // byte offset of the key's opening quote; `none` for array items/root
    std::size_t value = 0;   // byte offset of the value's first character
};

struct JsonPositions {
    // By JSON pointer: "" is the root, "/navigation/0/title" a nested value. When a key is given
    // twice in one object the positions are those of the last, which is the value nlohmann keeps
    // (ordered_json keeps it at the first key's place in the order).
    std::map<std::string, JsonPosition> at;
    // Keys given a second (third, ...) time: pointer and offset of the repeated key.
    std::vector<std::pair<std::string, std::size_t>> duplicates;

    // Offset of the key at `pointer` if it has one, else of its value; `fallback` when unknown.
    std::size_t key_or_value(const std::string& pointer, std::size_t fallback = 0) const;
    std::size_t value_of(const std::string& pointer, std::size_t fallback = 0) const;
};

// Indexes the positions in `text`, which must be JSON that parse_json accepted (same text, after
// skip_bom). Offsets are into `text`.
JsonPositions index_json_positions(std::string_view text);

// `key` escaped as one JSON-pointer reference token ("~" -> "~0", "/" -> "~1").
std::string pointer_token(std::string_view key);

}  // namespace boardpress::data
