// Shared helpers of the readers: UTF-8 checks, names, paths and a sorted, link-safe file walk.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

#include "data/data.hpp"

namespace fs = std::filesystem;

namespace boardpress::data {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = bytes[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c == 0xE0) {
            length = 3, low = 0xA0;  // no overlong forms
        } else if (c >= 0xE1 && c <= 0xEC) {
            length = 3;
        } else if (c == 0xED) {
            length = 3, high = 0x9F;  // no surrogates
        } else if (c >= 0xEE && c <= 0xEF) {
            length = 3;
        } else if (c == 0xF0) {
            length = 4, low = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
            length = 4;
        } else if (c == 0xF4) {
            length = 4, high = 0x8F;  // nothing above U+10FFFF
        } else {
            return i;
        }
        if (i + 1 >= n || bytes[i + 1] < low || bytes[i + 1] > high) return i;
        for (std::size_t k = 2; k < length; ++k)
            if (i + k >= n || (bytes[i + k] & 0xC0) != 0x80) return i;
        i += length;
    }
    return std::nullopt;
}

std::string_view skip_bom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

void check_utf8(std::string_view text, const std::string& file) {
    auto bad = find_invalid_utf8(text);
    if (!bad) return;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
    Diagnostic d{Severity::error,
                 locate(file, text, *bad),
                 std::string("the file is not valid UTF-8 (byte ") + byte + ")",
                 {},
                 "save the file with UTF-8 encoding (in a spreadsheet, choose \"CSV UTF-8\")"};
    // The source line would carry the bad byte into the report; show it only up to that byte.
    std::size_t line_start = 0;
    if (*bad > 0) {
        std::size_t newline = text.rfind('\n', *bad - 1);
        if (newline != std::string_view::npos) line_start = newline + 1;
    }
    d.source_line = std::string(text.substr(line_start, *bad - line_start));
    throw Error(std::move(d));
}

static bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

bool is_data_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), is_name_char);
}

std::string suggest_data_name(std::string_view name) {
    std::string out;
    bool gap = false;
    for (char c : name) {
        if (is_name_char(c)) {
            if (gap && !out.empty()) out += '_';
            out += c;
            gap = false;
        } else {
            gap = true;
        }
    }
    return out.empty() ? std::string("data") : out;
}

std::string display_path(const fs::path& path, const fs::path& project_root) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec).lexically_normal();
    fs::path base = fs::absolute(project_root, ec).lexically_normal();
    if (!base.has_filename() && base.has_parent_path() && base != base.root_path())
        base = base.parent_path();  // "/x/project/" -> "/x/project"
    fs::path relative = absolute.lexically_relative(base);
    if (relative.empty() || *relative.begin() == "..") return path.generic_string();
    return relative.generic_string();
}

std::optional<std::string> try_read_file(const fs::path& path) {
    // One read into a buffer of the file's size: a build reads thousands of files.
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::string bytes;
    struct stat info {};
    bool ok = fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
    if (ok) {
        bytes.resize(static_cast<std::size_t>(info.st_size));
        std::size_t have = 0;
        for (;;) {
            if (have == bytes.size()) bytes.resize(have + 4096);  // it grew since fstat
            ssize_t got = read(fd, bytes.data() + have, bytes.size() - have);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) {
                ok = got == 0;
                break;
            }
            have += static_cast<std::size_t>(got);
        }
        bytes.resize(have);
    }
    close(fd);
    if (!ok) return std::nullopt;
    return bytes;
}

std::string read_file(const fs::path& path, const std::string& display) {
    errno = 0;
    std::optional<std::string> bytes = try_read_file(path);
    if (!bytes) {
        // Why, in words a user can act on.
        int error = errno;
        if (error == EACCES || error == EPERM)
            throw Error({display, 0, 0}, "cannot read `" + display + "`: permission denied",
                        "give your user permission to read it (`chmod u+r`), or ask whoever "
                        "owns it");
        throw Error({display, 0, 0},
                    "cannot read `" + display + "`" +
                        (error ? ": " + std::generic_category().message(error) : std::string()),
                    "check that the file is there and is a plain file");
    }
    return std::move(*bytes);
}

namespace {

bool is_under(const fs::path& target, const fs::path& root) {
    fs::path relative = target.lexically_relative(root);
    return !relative.empty() && *relative.begin() != "..";
}

bool has_extension(const std::string& name, const std::vector<std::string>& extensions) {
    for (const auto& extension : extensions)
        if (name.size() > extension.size() &&
            name.compare(name.size() - extension.size(), extension.size(), extension) == 0)
            return true;
    return false;
}

struct Walker {
    fs::path root;          // canonical
    std::string root_name;  // "data/"
    fs::path project_root;
    const std::vector<std::string>& extensions;
    Diagnostics& diagnostics;
    std::set<fs::path> visited;
    std::vector<ListedFile> files;

    void error(const std::string& display, std::string message, std::string hint) {
        diagnostics.add(
            Diagnostic{Severity::error, {display, 0, 0}, std::move(message), {}, std::move(hint)});
    }

    void walk(const fs::path& folder, const std::string& prefix) {
        std::error_code ec;
        fs::path canonical = fs::weakly_canonical(folder, ec);
        if (!visited.insert(canonical).second) {
            std::string display = display_path(folder, project_root);
            error(display, "`" + display + "` leads back to a folder that was already read",
                  "remove the link: it makes a loop");
            return;
        }
        // Each entry's type comes with the listing: no stat per file unless it is a link.
        std::vector<fs::directory_entry> entries;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
            entries.push_back(*it);
        if (ec) {
            std::string display = display_path(folder, project_root);
            error(display, "cannot read the folder `" + display + "`: " + ec.message(),
                  "give your user permission to read it (`chmod u+rx`), or ask whoever owns it");
        }
        // std::string compares bytes as unsigned
        std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
            return a.path().filename().native() < b.path().filename().native();
        });
        for (const auto& entry : entries) {
            const fs::path& path = entry.path();
            std::string name = path.filename().string();
            if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0) continue;
            std::string display = root_name + prefix + name;
            bool wanted = has_extension(name, extensions);
            if (entry.is_symlink(ec)) {
                bool exists = fs::exists(path, ec);
                bool directory = exists && fs::is_directory(path, ec);
                if (!directory && !wanted) continue;
                if (!exists) {
                    error(display, "`" + display + "` is a link to something that does not exist",
                          "remove the link, or copy the file here");
                    continue;
                }
                fs::path target = fs::weakly_canonical(path, ec);
                if (ec || !is_under(target, root)) {
                    error(display,
                          "`" + display + "` links to `" + target.generic_string() +
                              "`, which is outside `" + root_name + "`",
                          "copy the " + std::string(directory ? "folder" : "file") + " into `" +
                              root_name + "` instead of linking to it");
                    continue;
                }
            }
            if (entry.is_directory(ec)) {
                walk(path, prefix + name + "/");
            } else if (wanted && entry.is_regular_file(ec)) {
                files.push_back(ListedFile{path, prefix + name, display});
            }
        }
    }
};

}  // namespace

std::vector<ListedFile> list_files(const fs::path& dir, const fs::path& project_root,
                                   const std::vector<std::string>& extensions,
                                   Diagnostics& diagnostics) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return {};
    std::string root_name = display_path(dir, project_root);
    if (root_name.empty() || root_name.back() != '/') root_name += '/';
    Walker walker{
        fs::weakly_canonical(dir, ec), root_name, project_root, extensions, diagnostics, {}, {}};
    walker.walk(dir, "");
    return std::move(walker.files);
}

}  // namespace boardpress::data
