// What the last build made each output from, kept beside the site it describes (inside the output
// folder, so both are swapped in together). The next build leaves alone every output whose
// fingerprint is unchanged; a missing, damaged or foreign record means a clean build.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace boardpress::site {

inline constexpr std::string_view record_file_name = ".boardpress-build";

struct OutputRecord {
    std::uint64_t key = 0;    // fingerprint of everything the file was made from
    std::uintmax_t size = 0;  // its size in bytes and
    std::int64_t mtime = 0;   // its modification time (ns), to notice a file changed by hand
    int pages = 0;            // a PDF's page count (for its download link); 0 otherwise
};

// A file's size and modification time as the record keeps them; nullopt when it is not a
// regular file.
struct FileStamp {
    std::uintmax_t size = 0;
    std::int64_t mtime = 0;
};
std::optional<FileStamp> file_stamp(const std::filesystem::path& path);

struct BuildRecord {
    std::map<std::string, OutputRecord> outputs;  // by site-relative path
};

// `version` is the generator's: a record written by another version is not used.
std::string record_text(const BuildRecord& record, std::string_view version);
std::optional<BuildRecord> parse_record(std::string_view text, std::string_view version);

// The record of the site in `output`, when there is one that can be trusted.
std::optional<BuildRecord> read_record(const std::filesystem::path& output,
                                       std::string_view version);

// The old file `path` of `output`, when the record says it was made with `key` and it is still
// the size and modification time it was written with.
bool can_reuse(const BuildRecord& record, const std::filesystem::path& output,
               const std::string& path, std::uint64_t key);

}  // namespace boardpress::site
