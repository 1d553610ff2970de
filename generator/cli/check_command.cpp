#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "check/check.hpp"
#include "cli/commands.hpp"
#include "site/site.hpp"

namespace boardpress::cli {

// `boardpress check [DIR] [--drafts] [--format text|json]`: renders the project in memory,
// writes nothing, and reports every problem; exit status 1 when any is an error.
int check_command(const Arguments& arguments) {
    site::BuildOptions options;
    std::string format = "text";
    bool have_dir = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (argument == "--drafts") {
            options.include_drafts = true;
        } else if (argument == "--format" && i + 1 < arguments.size()) {
            format = arguments[++i];
        } else if (argument.starts_with("--format=")) {
            format = argument.substr(9);
        } else if (!argument.empty() && argument[0] != '-' && !have_dir) {
            options.project_root = argument;
            have_dir = true;
        } else {
            std::cerr << "boardpress check: unknown option `" << argument
                      << "`\nusage: boardpress check [DIR] [--drafts] [--format text|json]\n";
            return 2;
        }
    }
    if (format != "text" && format != "json") {
        std::cerr << "boardpress check: --format is text or json, not `" << format << "`\n";
        return 2;
    }

    auto start = std::chrono::steady_clock::now();
    options.keep_going = true;  // one run reports every problem
    std::unique_ptr<site::RenderedSite> site = site::render_site(options);
    check::Report report = check::check_site(*site);
    auto elapsed =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
    if (format == "json") {
        std::cout << check::json_report(report);
    } else {
        bool colour = isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr;
        for (const auto& finding : report.findings)
            std::cerr << describe(finding.diagnostic, colour);
        std::size_t errors = report.errors();
        std::size_t warnings = report.warnings();
        std::cout << "checked " << report.pages << (report.pages == 1 ? " page" : " pages")
                  << " in " << static_cast<long>(elapsed.count()) << " ms: " << errors
                  << (errors == 1 ? " error, " : " errors, ") << warnings
                  << (warnings == 1 ? " warning" : " warnings") << "\n";
    }
    return report.errors() > 0 ? 1 : 0;
}

}  // namespace boardpress::cli
