// load(): content/**.md into pages and publications.
#include <sys/stat.h>

#include <ctime>
#include <map>
#include <set>

#include "content/content.hpp"
#include "data/data.hpp"
#include "parallel/parallel.hpp"

namespace fs = std::filesystem;

namespace boardpress::content {

using json = nlohmann::ordered_json;

namespace {

struct Source {
    const data::ListedFile* file = nullptr;
    std::string folder;        // relative to content/, "" for content/ itself
    std::string name;          // "02-chair.md"
    std::optional<Page> page;  // empty when the file is broken
};

std::string without_crlf(std::string_view text) {
    if (text.find('\r') == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
    return out;
}

// Reads and checks one file; nullopt (with the problems in `diagnostics`) when it is broken.
std::optional<Page> read_page(const data::ListedFile& file, Diagnostics& diagnostics) {
    try {
        // A page's address is its path, and browsers read what comes before a ":" as a scheme:
        // `content/javascript:alert(1).md` would be listed as a link that runs script.
        if (file.relative.find(':') != std::string::npos)
            throw Error({file.display, 0, 0},
                        "a `:` in a file or folder name under content/ would make the page's "
                        "address read as a scheme (`javascript:`, `mailto:`)",
                        "rename it without the `:` (a hyphen will do)");
        std::string bytes = data::read_file(file.path, file.display);
        std::string_view text = data::skip_bom(bytes);
        data::check_utf8(text, file.display);
        std::string normalised = without_crlf(text);
        FrontMatterSplit split = split_front_matter(normalised, file.display);
        FrontMatter front_matter;
        if (split.yaml_line > 0)
            front_matter = parse_front_matter_located(split.yaml, file.display, split.yaml_line);
        std::size_t errors_before = diagnostics.error_count();
        check_front_matter(front_matter, file.display, normalised, diagnostics);
        if (diagnostics.error_count() > errors_before) return std::nullopt;

        Page page;
        page.source = file.display;
        page.front_matter = std::move(front_matter.values);
        const json& fm = page.front_matter;
        page.title = fm.at("title").get<std::string>();
        if (auto it = fm.find("kind"); it != fm.end()) page.kind = it->get<std::string>();
        if (auto it = fm.find("date"); it != fm.end()) page.date = it->get<std::string>();
        if (auto it = fm.find("draft"); it != fm.end()) page.draft = it->get<bool>();
        if (auto it = fm.find("weight"); it != fm.end()) page.weight = it->get<double>();
        if (auto it = fm.find("template"); it != fm.end())
            page.template_name = it->get<std::string>();
        page.body = std::string(split.body);
        page.body_line = split.body_line;
        return page;
    } catch (const Error& e) {
        diagnostics.add(e);
        return std::nullopt;
    }
}

std::optional<SourceCache::Stamp> stamp_of(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return std::nullopt;
    return SourceCache::Stamp{static_cast<std::uintmax_t>(info.st_size),
                              static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 +
                                  info.st_mtim.tv_nsec,
                              static_cast<std::uintmax_t>(info.st_ino)};
}

std::int64_t now_ns() {
    timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

std::string stem_of(const std::string& name) {
    return name.substr(0, name.size() - 3);
}

}  // namespace

SourceCache::Entry* SourceCache::find(const std::string& relative, const Stamp& stamp) {
    static constexpr std::int64_t settled = 1'000'000'000;  // 1 s
    auto found = entries_.find(relative);
    if (found == entries_.end() || !(found->second.stamp == stamp) ||
        found->second.read_at - stamp.mtime < settled)
        return nullptr;
    return &found->second;
}

ContentTree load(const fs::path& project_root, const LoadOptions& options,
                 Diagnostics& diagnostics) {
    ContentTree tree;
    std::vector<data::ListedFile> files =
        data::list_files(project_root / "content", project_root, {".md"}, diagnostics);

    // Reading and parsing the files is most of loading a large archive: on `jobs` threads, each
    // file's problems kept apart and reported in file order.
    std::vector<Source> sources(files.size());
    std::vector<Diagnostics> problems(files.size());
    std::vector<std::optional<SourceCache::Entry>> fresh(files.size());  // for the cache
    parallel_for(files.size(), options.jobs, [&](std::size_t i) {
        const data::ListedFile& file = files[i];
        Source& source = sources[i];
        source.file = &file;
        std::size_t slash = file.relative.rfind('/');
        source.folder = slash == std::string::npos ? "" : file.relative.substr(0, slash);
        source.name = slash == std::string::npos ? file.relative : file.relative.substr(slash + 1);
        std::optional<SourceCache::Stamp> stamp;
        if (options.cache) {
            stamp = stamp_of(file.path);
            if (SourceCache::Entry* cached =
                    stamp ? options.cache->find(file.relative, *stamp) : nullptr) {
                fresh[i] = std::move(*cached);
                source.page = fresh[i]->page;
                problems[i] = fresh[i]->problems;
                return;
            }
        }
        std::int64_t read_at = now_ns();
        source.page = read_page(file, problems[i]);
        if (stamp) fresh[i] = SourceCache::Entry{*stamp, read_at, source.page, problems[i]};
    });
    if (options.cache) {
        std::map<std::string, SourceCache::Entry> entries;
        for (std::size_t i = 0; i < files.size(); ++i)
            if (fresh[i]) entries.emplace(files[i].relative, std::move(*fresh[i]));
        options.cache->replace(std::move(entries));
    }
    std::set<std::string> publication_folders;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        diagnostics.append(problems[i]);
        if (sources[i].name == "index.md" && !sources[i].folder.empty())
            publication_folders.insert(sources[i].folder);
    }

    std::map<std::string, std::string> outputs;  // output path -> source that made it
    auto add = [&](Page page) -> std::optional<std::size_t> {
        auto [it, added] = outputs.emplace(page.output, page.source);
        if (!added) {
            diagnostics.add(Diagnostic{
                Severity::error,
                {page.source, 0, 0},
                "`" + it->second + "` and `" + page.source + "` both make `" + page.output + "`",
                {},
                "rename one of them"});
            return std::nullopt;
        }
        page.front_matter["title"] = page.title;
        page.front_matter["kind"] = page.kind;
        if (!page.front_matter.contains("draft")) page.front_matter["draft"] = page.draft;
        if (!page.front_matter.contains("weight")) page.front_matter["weight"] = 0;
        tree.pages.push_back(std::move(page));
        return tree.pages.size() - 1;
    };
    auto wanted = [&](const Source& source) {
        return source.page && (options.include_drafts || !source.page->draft);
    };

    // Each page is moved out of its source once it is placed.
    std::map<std::string, std::vector<Source*>> by_folder;  // in file-name order
    for (auto& source : sources) by_folder[source.folder].push_back(&source);
    std::set<std::string> done_folders;
    for (auto& source : sources) {
        if (publication_folders.count(source.folder)) {
            if (!done_folders.insert(source.folder).second) continue;
            // The whole publication, at the place of its first file.
            Source* index = nullptr;
            std::vector<Source*> sections;
            for (Source* other : by_folder[source.folder]) {
                if (other->name == "index.md")
                    index = other;
                else
                    sections.push_back(other);
            }
            if (!index || !wanted(*index)) continue;
            Page landing = std::move(*index->page);
            landing.output = source.folder + "/index.html";
            landing.slug = "index";
            landing.is_publication_index = true;
            if (landing.kind.empty()) landing.kind = "page";
            landing.publication = static_cast<int>(tree.publications.size());
            std::string publication_kind = landing.kind;
            auto landing_index = add(std::move(landing));
            if (!landing_index) continue;
            Publication publication;
            publication.index_page = *landing_index;
            publication.folder = source.folder;
            tree.publications.push_back(publication);
            for (Source* section : sections) {
                if (!wanted(*section)) continue;
                Page page = std::move(*section->page);
                page.slug = section_slug(stem_of(section->name));
                page.output = source.folder + "/" + page.slug + ".html";
                if (page.kind.empty()) page.kind = publication_kind;
                page.publication = static_cast<int>(tree.publications.size() - 1);
                if (auto at = add(std::move(page)))
                    tree.publications.back().sections.push_back(*at);
            }
            continue;
        }
        if (!wanted(source)) continue;
        Page page = std::move(*source.page);
        page.slug = stem_of(source.name);
        page.output = (source.folder.empty() ? "" : source.folder + "/") + page.slug + ".html";
        if (page.kind.empty()) page.kind = "page";
        add(std::move(page));
    }
    return tree;
}

}  // namespace boardpress::content
