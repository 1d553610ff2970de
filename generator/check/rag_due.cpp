// Overdue business-plan actions: each ```rag block's plan judged at the page's as-of date, every
// action due before it and not complete reported at its entry in the plan's data file, which is
// where it is put right (a new status or date), else at the block.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <cmark-gfm.h>
#include <yaml-cpp/yaml.h>

#include "check/nodes.hpp"
#include "check/site_view.hpp"
#include "components/component.hpp"
#include "render/page_renderer.hpp"

namespace fs = std::filesystem;

namespace boardpress::check {

std::vector<const components::RagAction*> overdue_actions(const components::RagModel& plan) {
    std::vector<const components::RagAction*> overdue;
    for (const auto& priority : plan.priorities)
        for (const auto& action : priority.actions)
            if (action.overdue) overdue.push_back(&action);
    return overdue;
}

std::string overdue_message(const components::RagAction& action, const components::RagModel& plan) {
    std::string message = "action " + action.id + " ‘" + action.action + "’ was due by " +
                          action.due.display + " and is not complete (as of " + plan.as_of_display;
    if (action.status != components::RagStatus::unrated)
        message += "; its status is " + std::string(components::rag_word(action.status));
    return message + ")";
}

namespace {

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

// The plan's data file ("data/plan/business_plan_2015_16.json" for plan.business_plan_2015_16)
// as the block names it, or "" when it cannot be told.
std::string data_file(std::string_view yaml, const fs::path& root) {
    try {
        YAML::Node options = YAML::Load(std::string(yaml));
        if (!options.IsMap() || !options["data"] || !options["data"].IsScalar()) return {};
        std::string path = options["data"].as<std::string>();
        for (char& c : path)
            if (c == '.') c = '/';
        std::string file = "data/" + path + ".json";
        return fs::is_regular_file(root / file) ? file : std::string();
    } catch (const YAML::Exception&) {
        return {};  // the build reports broken YAML
    }
}

// An action's entry in the data file: its text as JSON writes it (up to its first non-ASCII
// character, which the file may write as \uXXXX).
std::optional<Diagnostic> at_entry(const std::string& file, const std::string& text,
                                   const components::RagAction& action) {
    std::string needle = nlohmann::json(action.action).dump();
    needle.pop_back();  // the closing quote
    std::size_t ascii = 0;
    while (ascii < needle.size() && static_cast<unsigned char>(needle[ascii]) < 0x80) ++ascii;
    needle.resize(ascii);
    std::size_t at = needle.size() > 1 ? text.find(needle) : std::string::npos;
    if (at == std::string::npos) return std::nullopt;
    Diagnostic diagnostic;
    diagnostic.location = locate(file, text, at);
    diagnostic.source_line = line_of(text, diagnostic.location.line);
    return diagnostic;
}

}  // namespace

void check_overdue(const SiteView& view, std::size_t page, const PageSource& source,
                   Findings& findings) {
    const render::PageJob& job = view.site.jobs[page];
    if (!job.data) return;
    for (cmark_node* block : nodes_of(view.site.bodies[page].document, CMARK_NODE_CODE_BLOCK)) {
        const char* info = cmark_node_get_fence_info(block);
        const char* literal = cmark_node_get_literal(block);
        if (!info || !literal || components::component_name(info) != "rag") continue;
        int line = cmark_node_get_start_line(block);
        components::ComponentContext context = render::component_context(job, literal, line);
        context.line = context.body_line + line;  // the YAML's first line, as the writers take it
        std::optional<components::Model> model;
        try {
            model = components::parse_component(info, literal, context);
        } catch (const Error&) {
            continue;  // a broken block is the build's error, already reported
        }
        const auto* plan = model ? std::get_if<components::RagModel>(&*model) : nullptr;
        if (!plan) continue;
        std::string file = data_file(literal, view.site.root);
        std::string text = file.empty() ? std::string() : read_text(view.site.root / file);
        for (const components::RagAction* action : overdue_actions(*plan)) {
            std::optional<Diagnostic> entry =
                file.empty() ? std::nullopt : at_entry(file, text, *action);
            Diagnostic diagnostic =
                entry ? *entry
                      : source.diagnostic(Severity::warning, source.place(block, "```rag"), "", "");
            diagnostic.severity = Severity::warning;
            diagnostic.message = overdue_message(*action, *plan);
            diagnostic.hint = "if it is done, set its status to complete" +
                              (file.empty() ? std::string() : " in " + file) +
                              "; if not, give it a new `due` date and say why in its `update` "
                              "(the plan is shown on " +
                              source.file() + ")";
            findings.add(Kind::overdue_action, std::move(diagnostic));
        }
    }
}

}  // namespace boardpress::check
