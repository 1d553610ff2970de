// load_tree: every dataset below data/ in one JSON tree keyed by folder names and file stems.
#include <map>
#include <set>

#include "data/data.hpp"

namespace fs = std::filesystem;

namespace boardpress::data {

static std::string dotted(std::string key) {
    for (char& c : key)
        if (c == '/') c = '.';
    return key;
}

nlohmann::ordered_json load_tree(const fs::path& data_dir, const fs::path& project_root,
                         Diagnostics& diagnostics) {
    nlohmann::ordered_json tree = nlohmann::ordered_json::object();
    std::vector<ListedFile> files = list_files(data_dir, project_root, {".json", ".csv"},
                                               diagnostics);
    std::string root_display = display_path(data_dir, project_root);

    std::map<std::string, std::string> file_keys;    // "cp/plans" -> the file that made it
    std::map<std::string, std::string> folder_keys;  // "cp" -> the first file below it
    std::set<std::string> bad_folders;

    auto error = [&](const std::string& file, std::string message, std::string hint) {
        diagnostics.add(
            Diagnostic{Severity::error, {file, 0, 0}, std::move(message), {}, std::move(hint)});
    };

    for (const auto& file : files) {
        // "cp/plans_by_month.json" -> {"cp", "plans_by_month"}
        std::vector<std::string> parts;
        std::string relative = file.relative;
        for (std::size_t start = 0;;) {
            std::size_t slash = relative.find('/', start);
            parts.push_back(relative.substr(start, slash - start));
            if (slash == std::string::npos) break;
            start = slash + 1;
        }
        std::string& last = parts.back();
        last = last.substr(0, last.rfind('.'));

        bool usable = true;
        std::string folder_display = root_display;
        for (std::size_t i = 0; i + 1 < parts.size() && usable; ++i) {
            folder_display += "/" + parts[i];
            if (is_data_name(parts[i])) continue;
            usable = false;
            if (bad_folders.insert(folder_display).second)
                error(folder_display,
                      "the folder name `" + parts[i] + "` cannot be used as a data key",
                      "rename the folder to `" + suggest_data_name(parts[i]) +
                          "`; names may use letters, digits, `_` and `-`");
        }
        if (!usable) continue;
        if (!is_data_name(last)) {
            std::string extension = file.relative.substr(file.relative.rfind('.'));
            error(file.display, "the file name `" + last + "` cannot be used as a data key",
                  "rename the file to `" + suggest_data_name(last) + extension +
                      "`; names may use letters, digits, `_` and `-`");
            continue;
        }

        std::string key;
        bool clash = false;
        for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
            key += (i ? "/" : "") + parts[i];
            if (auto it = file_keys.find(key); it != file_keys.end()) {
                error(file.display,
                      "`" + it->second + "` and `" + file.display + "` both give `data." +
                          dotted(key) + "`",
                      "rename the file or the folder");
                clash = true;
                break;
            }
        }
        if (clash) continue;
        key += (parts.size() > 1 ? "/" : "") + last;
        if (auto it = file_keys.find(key); it != file_keys.end()) {
            error(file.display,
                  "`" + it->second + "` and `" + file.display + "` both give `data." +
                      dotted(key) + "`",
                  "rename one of them");
            continue;
        }
        if (auto it = folder_keys.find(key); it != folder_keys.end()) {
            error(file.display,
                  "`" + file.display + "` and the folder `" + root_display + "/" + key +
                      "/` both give `data." + dotted(key) + "`",
                  "rename the file or the folder");
            continue;
        }
        // The name is taken even if the file turns out broken, so a clash is still reported.
        file_keys[key] = file.display;
        std::string prefix;
        for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
            prefix += (i ? "/" : "") + parts[i];
            folder_keys.emplace(prefix, file.display);
        }

        nlohmann::ordered_json value;
        try {
            std::string text = read_file(file.path, file.display);
            bool csv = file.relative.size() >= 4 &&
                       file.relative.compare(file.relative.size() - 4, 4, ".csv") == 0;
            value = csv ? parse_csv(text, file.display) : parse_json(text, file.display);
        } catch (const Error& e) {
            diagnostics.add(e);
            continue;
        }
        nlohmann::ordered_json* node = &tree;
        for (std::size_t i = 0; i + 1 < parts.size(); ++i) node = &(*node)[parts[i]];
        (*node)[last] = std::move(value);
    }
    return tree;
}

}  // namespace boardpress::data
