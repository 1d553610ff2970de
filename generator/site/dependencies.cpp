#include "site/dependencies.hpp"

#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

#include "data/data.hpp"
#include "site/fingerprint.hpp"

namespace fs = std::filesystem;

namespace boardpress::site {

namespace {

bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// True when `text` has `word` at `at` with no word character either side.
bool word_at(std::string_view text, std::size_t at, std::string_view word) {
    if (text.substr(at, word.size()) != word) return false;
    if (at > 0 && is_word_char(text[at - 1])) return false;
    std::size_t end = at + word.size();
    return end >= text.size() || !is_word_char(text[end]);
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
    return at;
}

// The string literal starting at `at` (which holds a quote), or nothing.
std::optional<std::string> literal_at(std::string_view text, std::size_t at) {
    if (at >= text.size() || (text[at] != '"' && text[at] != '\'')) return std::nullopt;
    std::size_t end = text.find(text[at], at + 1);
    if (end == std::string_view::npos) return std::nullopt;
    return std::string(text.substr(at + 1, end - at - 1));
}

// The templates one tag loads, and how it uses `data`.
void scan_tag(std::string_view tag, bool is_statement, References& found) {
    if (is_statement) {
        std::size_t at = skip_spaces(tag, 0);
        for (std::string_view keyword : {"include", "extends", "import", "from"}) {
            if (!word_at(tag, at, keyword)) continue;
            if (auto name = literal_at(tag, skip_spaces(tag, at + keyword.size())))
                found.templates.insert(*name);
            else
                found.every_template = true;
        }
    }
    for (std::size_t at = tag.find("data"); at != std::string_view::npos;
         at = tag.find("data", at + 1)) {
        if (!word_at(tag, at, "data")) continue;
        std::size_t next = skip_spaces(tag, at + 4);
        if (next < tag.size() && tag[next] == '.') {
            std::size_t start = skip_spaces(tag, next + 1);
            std::size_t end = start;
            while (end < tag.size() && is_word_char(tag[end])) ++end;
            found.datasets.insert(std::string(tag.substr(start, end - start)));
        } else if (next < tag.size() && tag[next] == '[') {
            auto name = literal_at(tag, skip_spaces(tag, next + 1));
            if (name)
                found.datasets.insert(*name);
            else
                found.every_dataset = true;
        } else {
            found.every_dataset = true;
        }
    }
}

std::string read_text(const fs::path& path) {
    return data::try_read_file(path).value_or(std::string());
}

// Looks every word of `text` up among the dataset names, with and without hyphens (for keys
// such as `budget-2015` as well as `cp` in `cp-totals`).
void add_named_datasets(std::string_view text, const DatasetNames& dataset_names,
                        References& found) {
    for (bool hyphens : {false, true}) {
        auto in_word = [&](char c) { return is_word_char(c) || (hyphens && c == '-'); };
        for (std::size_t at = 0; at < text.size();) {
            if (!in_word(text[at])) {
                ++at;
                continue;
            }
            std::size_t end = at;
            while (end < text.size() && in_word(text[end])) ++end;
            auto name = dataset_names.find(text.substr(at, end - at));
            if (name != dataset_names.end()) found.datasets.insert(*name);
            at = end;
        }
    }
}

// The insides of the fenced code blocks (``` or ~~~, up to three spaces in) of Markdown `text`.
std::vector<std::string_view> fenced_blocks(std::string_view text) {
    std::vector<std::string_view> blocks;
    std::string_view fence;  // the open fence's marker run; empty outside a block
    std::size_t inside = 0;  // where the open block's text starts
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(at, end - at);
        std::size_t indent = line.find_first_not_of(' ');
        if (indent != std::string_view::npos && indent <= 3 &&
            (line[indent] == '`' || line[indent] == '~')) {
            std::size_t run_end = line.find_first_not_of(line[indent], indent);
            std::string_view run = line.substr(
                indent, (run_end == std::string_view::npos ? line.size() : run_end) - indent);
            if (fence.empty() && run.size() >= 3) {
                fence = run;
                inside = end + 1;
            } else if (!fence.empty() && run.front() == fence.front() &&
                       run.size() >= fence.size()) {
                blocks.push_back(text.substr(inside, at - inside));
                fence = {};
            }
        }
        at = end + 1;
    }
    if (!fence.empty() && inside < text.size()) blocks.push_back(text.substr(inside));
    return blocks;
}

}  // namespace

References find_references(std::string_view text, const DatasetNames& dataset_names) {
    References found;
    for (std::size_t open = text.find('{'); open != std::string_view::npos;
         open = text.find('{', open + 1)) {
        if (open + 1 >= text.size() || (text[open + 1] != '%' && text[open + 1] != '{')) continue;
        bool is_statement = text[open + 1] == '%';
        std::size_t close = text.find(is_statement ? "%}" : "}}", open + 2);
        if (close == std::string_view::npos) break;
        std::string_view tag = text.substr(open + 2, close - open - 2);
        if (!tag.empty() && (tag.front() == '-' || tag.front() == '+')) tag.remove_prefix(1);
        scan_tag(tag, is_statement, found);
        add_named_datasets(tag, dataset_names, found);  // a name in a list a loop goes through
        open = close;
    }
    // Components name their datasets in their options (`data: cp.referrals`): the words of
    // fenced blocks are looked up too (prose cannot read data).
    for (std::string_view block : fenced_blocks(text))
        add_named_datasets(block, dataset_names, found);
    return found;
}

DependencyIndex::DependencyIndex(const fs::path& templates_folder,
                                 const nlohmann::ordered_json& data) {
    if (data.is_object()) {
        for (const auto& [name, value] : data.items()) {
            dataset_names_.insert(name);
            dataset_hashes_[name] = Fingerprint().add(value.dump()).value();
        }
    }
    std::error_code error;
    for (fs::recursive_directory_iterator it(templates_folder, error), end; !error && it != end;
         it.increment(error)) {
        fs::path relative = it->path().lexically_relative(templates_folder);
        if (it->is_directory() && relative == "assets") {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file()) continue;
        std::string name = relative.generic_string();
        std::string text = read_text(it->path());
        template_hashes_[name] = Fingerprint().add(name).add(text).value();
        // Fonts and images are hashed, not read for references.
        if (text.find('\0') == std::string::npos)
            template_references_[name] = find_references(text, dataset_names_);
    }
    for (const auto& entry : template_hashes_) {
        References total;
        std::set<std::string> seen;
        reach(entry.first, seen, total);
        template_keys_[entry.first] = key_of(total);
    }
}

void DependencyIndex::reach(const std::string& name, std::set<std::string>& seen,
                            References& total) const {
    if (!seen.insert(name).second) return;
    total.templates.insert(name);
    auto found = template_references_.find(name);
    if (found == template_references_.end()) return;
    const References& own = found->second;
    total.every_template = total.every_template || own.every_template;
    total.every_dataset = total.every_dataset || own.every_dataset;
    total.datasets.insert(own.datasets.begin(), own.datasets.end());
    for (const std::string& next : own.templates) reach(next, seen, total);
}

// Adds each name of `names` (every one in `hashes` when `every`) with its hash, 0 when unknown.
static void add_each(Fingerprint& key, const std::map<std::string, std::uint64_t>& hashes,
                     bool every, const std::set<std::string>& names) {
    if (every) {
        for (const auto& [name, hash] : hashes) key.add(name).add(hash);
        return;
    }
    for (const std::string& name : names) {
        auto found = hashes.find(name);
        key.add(name).add(found == hashes.end() ? 0 : found->second);
    }
}

std::uint64_t DependencyIndex::key_of(const References& references) const {
    Fingerprint key;
    add_each(key, template_hashes_, references.every_template, references.templates);
    add_each(key, dataset_hashes_, references.every_dataset, references.datasets);
    return key.value();
}

std::uint64_t DependencyIndex::template_key(const std::string& name) const {
    auto found = template_keys_.find(name);
    if (found != template_keys_.end()) return found->second;
    return Fingerprint().add(name).add("missing").value();
}

std::uint64_t DependencyIndex::named_datasets_key(std::string_view text) const {
    References named;
    add_named_datasets(text, dataset_names_, named);
    return key_of(named);
}

std::uint64_t DependencyIndex::folder_key(std::string_view prefix) const {
    Fingerprint key;
    for (const auto& [name, hash] : template_hashes_)
        if (name.starts_with(prefix)) key.add(hash);
    return key.value();
}

std::uint64_t DependencyIndex::text_key(std::string_view text) const {
    References own = find_references(text, dataset_names_);
    References total;
    total.every_template = own.every_template;
    total.every_dataset = own.every_dataset;
    total.datasets = own.datasets;
    std::set<std::string> seen;
    for (const std::string& name : own.templates) reach(name, seen, total);
    return key_of(total);
}

}  // namespace boardpress::site
