// The Environment: options, filters and tests, globals, and the cache of parsed templates (shared
// by every render, guarded by a mutex; a parsed Template is immutable).
#include <mutex>
#include <unordered_map>

#include "data/data.hpp"
#include "template/parser.hpp"
#include "template/registry.hpp"
#include "template/renderer.hpp"
#include "template/template.hpp"

namespace boardpress::tmpl {

namespace fs = std::filesystem;

struct Environment::Impl : Loader {
    Options opts;
    Registry reg;
    std::unordered_map<std::string, std::unique_ptr<HostFilter>> hosts;
    json globals_json = json::object();

    mutable std::mutex mutex;
    mutable std::unordered_map<std::string, std::shared_ptr<const Template>> by_path;
    mutable std::unordered_map<std::string, std::string> resolved;  // dir + '\0' + name -> path

    explicit Impl(Options o) : opts(std::move(o)) {
        register_builtin_filters(reg);
        register_domain_filters(reg);
        register_tests(reg);
    }

    const Registry& registry() const override { return reg; }
    const Options& options() const override { return opts; }
    const json* globals() const override { return &globals_json; }

    std::string display(const fs::path& path) const {
        if (!opts.display_root.empty()) {
            std::error_code ec;
            fs::path root = fs::absolute(opts.display_root, ec);
            fs::path abs = fs::absolute(path, ec);
            fs::path rel = abs.lexically_normal().lexically_relative(root.lexically_normal());
            if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
        }
        return path.generic_string();
    }

    std::vector<fs::path> dirs(const fs::path& extra_dir) const {
        std::vector<fs::path> out;
        if (!extra_dir.empty()) out.push_back(extra_dir);
        out.insert(out.end(), opts.search_paths.begin(), opts.search_paths.end());
        return out;
    }

    // Templates are UTF-8 like the rest of a project: a byte order mark is not copied into every
    // page, and a byte that is not UTF-8 is an error at its place.
    std::string read_file(const fs::path& path) const {
        std::string shown = display(path);
        std::string bytes = data::read_file(path, shown);
        std::string_view text = data::skip_bom(bytes);
        data::check_utf8(text, shown);
        return std::string(text);
    }

    // A template reached through a link leading out of its folder is refused, as links out of
    // content/ and data/ are: no project can make the build read files elsewhere.
    void check_inside(const fs::path& file, const fs::path& dir) const {
        std::error_code ec;
        fs::path target = fs::weakly_canonical(file, ec);
        fs::path relative = target.lexically_relative(fs::weakly_canonical(dir, ec));
        if (!ec && !relative.empty() && *relative.begin() != "..") return;
        std::string shown = display(file), folder = display(dir) + "/";
        throw Error(SourceLocation{shown, 0, 0},
                    "`" + shown + "` links to `" + target.generic_string() +
                        "`, which is outside `" + folder + "`",
                    "copy the file into `" + folder + "` instead of linking to it");
    }

    std::shared_ptr<const Template> parse_file(const fs::path& path, const std::string& name) const {
        std::string key = path.lexically_normal().generic_string();
        {
            std::lock_guard<std::mutex> lock(mutex);
            auto it = by_path.find(key);
            if (it != by_path.end()) return it->second;
        }
        SourceInfo info;
        info.display = display(path);
        info.source = normalize_source(read_file(path));
        std::shared_ptr<const Template> parsed = parse_template(name, std::move(info), reg);
        std::lock_guard<std::mutex> lock(mutex);
        auto [it, inserted] = by_path.emplace(key, std::move(parsed));
        return it->second;
    }

    std::shared_ptr<const Template> load(std::string_view name, const fs::path& extra_dir) const override {
        std::string key = extra_dir.generic_string() + '\0' + std::string(name);
        std::string path;
        {
            std::lock_guard<std::mutex> lock(mutex);
            auto it = resolved.find(key);
            if (it != resolved.end()) path = it->second;
        }
        if (path.empty()) {
            for (const auto& dir : dirs(extra_dir)) {
                fs::path candidate = dir / fs::path(std::string(name));
                std::error_code ec;
                if (fs::is_regular_file(candidate, ec)) {
                    check_inside(candidate, dir);
                    path = candidate.generic_string();
                    break;
                }
            }
            if (path.empty()) return nullptr;
            std::lock_guard<std::mutex> lock(mutex);
            resolved.emplace(key, path);
        }
        return parse_file(path, std::string(name));
    }

    std::vector<std::string> available(const fs::path& extra_dir) const override {
        std::vector<std::string> out;
        for (const auto& dir : dirs(extra_dir)) {
            std::error_code ec;
            if (!fs::is_directory(dir, ec)) continue;
            std::size_t count = 0;
            for (auto it = fs::recursive_directory_iterator(dir, ec);
                 !ec && it != fs::recursive_directory_iterator() && count < 2000; it.increment(ec), ++count) {
                if (it->is_regular_file(ec))
                    out.push_back(it->path().lexically_relative(dir).generic_string());
            }
        }
        return out;
    }

    std::string describe_search_paths() const override {
        if (opts.search_paths.empty()) return "no folders (Options::search_paths is empty)";
        std::string out;
        for (std::size_t i = 0; i < opts.search_paths.size(); ++i) {
            if (i) out += ", ";
            out += display(opts.search_paths[i]) + "/";
        }
        return out;
    }
};

Environment::Environment(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Environment::~Environment() = default;
Environment::Environment(Environment&&) noexcept = default;
Environment& Environment::operator=(Environment&&) noexcept = default;

void Environment::add_filter(std::string name, HostFilter filter) {
    auto host = std::make_unique<HostFilter>(std::move(filter));
    FilterEntry entry;
    entry.host = host.get();
    entry.foldable = false;
    impl_->hosts[name] = std::move(host);
    impl_->reg.filters[name] = entry;
}

void Environment::set_globals(nlohmann::ordered_json globals) {
    impl_->globals_json = globals.is_object() ? std::move(globals) : json::object();
}

static void check_name(const std::string& name) {
    bool bad = name.empty() || name[0] == '/' || name.find('\\') != std::string::npos;
    std::size_t start = 0;
    while (!bad) {
        std::size_t slash = name.find('/', start);
        if (name.substr(start, slash == std::string::npos ? std::string::npos : slash - start) == "..")
            bad = true;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    if (bad)
        throw Error(SourceLocation{name, 0, 0}, "template name `" + name + "` is not allowed",
                    "names are relative to the template folders and cannot be absolute or contain `..`");
}

std::string Environment::render_file(const std::string& name, const nlohmann::ordered_json& context) const {
    check_name(name);
    auto tmpl = impl_->load(name, {});
    if (!tmpl) {
        std::string hint = did_you_mean_hint(name, impl_->available({}));
        if (hint.empty()) hint = "looked in " + impl_->describe_search_paths();
        throw Error(SourceLocation{name, 0, 0}, "template `" + name + "` not found", hint);
    }
    std::string out;
    Renderer renderer(*impl_, &context);
    renderer.render(std::move(tmpl), out);
    return out;
}

std::string Environment::render_string(std::string_view source, const SourceLocation& origin,
                                       const nlohmann::ordered_json& context) const {
    SourceInfo info;
    info.display = origin.file;
    info.source = normalize_source(source);
    info.line_offset = origin.line > 1 ? origin.line - 1 : 0;
    info.column_offset = origin.column > 1 ? origin.column - 1 : 0;
    std::shared_ptr<const Template> tmpl = parse_template(origin.file, std::move(info), impl_->reg);
    std::string out;
    Renderer renderer(*impl_, &context);
    renderer.render(std::move(tmpl), out);
    return out;
}

std::string Environment::render_path(const std::filesystem::path& file,
                                     const nlohmann::ordered_json& context) const {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        throw Error(SourceLocation{impl_->display(file), 0, 0}, "template file not found",
                    "check the path");
    auto tmpl = impl_->parse_file(file, file.filename().generic_string());
    std::string out;
    fs::path dir = file.parent_path();
    if (dir.empty()) dir = ".";
    Renderer renderer(*impl_, &context, dir);
    renderer.render(std::move(tmpl), out);
    return out;
}

}  // namespace boardpress::tmpl
