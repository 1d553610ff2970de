#include "site/build_record.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

#include "data/data.hpp"

namespace fs = std::filesystem;

namespace boardpress::site {

static constexpr std::string_view header = "boardpress-build 2 ";

// One line per output: key (hex), size, modification time, pages, path. The last line counts them,
// so a record cut short is noticed.
std::string record_text(const BuildRecord& record, std::string_view version) {
    std::ostringstream text;
    text << header << version << "\n";
    for (const auto& [path, output] : record.outputs)
        text << std::hex << output.key << std::dec << ' ' << output.size << ' ' << output.mtime
             << ' ' << output.pages << ' ' << path << '\n';
    text << "end " << record.outputs.size() << "\n";
    return text.str();
}

template <typename Number>
static bool read_number(std::string_view& line, Number& number, int base = 10) {
    auto [end, error] = std::from_chars(line.data(), line.data() + line.size(), number, base);
    if (error != std::errc() || end == line.data() + line.size() || *end != ' ') return false;
    line.remove_prefix(static_cast<std::size_t>(end - line.data()) + 1);
    return true;
}

std::optional<BuildRecord> parse_record(std::string_view text, std::string_view version) {
    auto next_line = [&]() -> std::optional<std::string_view> {
        std::size_t end = text.find('\n');
        if (end == std::string_view::npos) return std::nullopt;
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end + 1);
        return line;
    };
    auto first = next_line();
    if (!first || *first != std::string(header) + std::string(version)) return std::nullopt;
    BuildRecord record;
    while (auto line = next_line()) {
        if (line->starts_with("end ")) {
            std::size_t count = 0;
            std::string_view rest = line->substr(4);
            auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), count);
            bool whole = error == std::errc() && end == rest.data() + rest.size();
            if (!whole || count != record.outputs.size() || !text.empty()) return std::nullopt;
            return record;
        }
        OutputRecord output;
        if (!read_number(*line, output.key, 16) || !read_number(*line, output.size) ||
            !read_number(*line, output.mtime) || !read_number(*line, output.pages) || line->empty())
            return std::nullopt;
        record.outputs[std::string(*line)] = output;
    }
    return std::nullopt;  // no end line: cut short
}

std::optional<BuildRecord> read_record(const fs::path& output, std::string_view version) {
    std::optional<std::string> text = data::try_read_file(output / record_file_name);
    if (!text) return std::nullopt;
    return parse_record(*text, version);
}

std::optional<FileStamp> file_stamp(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
    return FileStamp{
        static_cast<std::uintmax_t>(info.st_size),
        static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

bool can_reuse(const BuildRecord& record, const fs::path& output, const std::string& path,
               std::uint64_t key) {
    auto found = record.outputs.find(path);
    if (found == record.outputs.end() || found->second.key != key) return false;
    auto stamp = file_stamp(output / path);
    return stamp && stamp->size == found->second.size && stamp->mtime == found->second.mtime;
}

}  // namespace boardpress::site
