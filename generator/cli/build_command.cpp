#include <unistd.h>

#include <chrono>
#include <iostream>

#include "cli/commands.hpp"
#include "site/site.hpp"

namespace boardpress::cli {

static unsigned parse_jobs(const std::string& text) {
    std::size_t used = 0;
    unsigned long jobs = std::stoul(text, &used);
    if (used != text.size() || jobs == 0 || jobs > 256)
        throw std::invalid_argument("-j takes a number of jobs from 1 to 256, not `" + text + "`");
    return static_cast<unsigned>(jobs);
}

int build_command(const Arguments& arguments) {
    site::BuildOptions options;
    bool have_dir = false;
    bool timings = false;
    bool clean = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= arguments.size()) throw std::invalid_argument(argument + " needs a value");
            return arguments[++i];
        };
        if (argument == "--drafts")
            options.include_drafts = true;
        else if (argument == "--clean")
            clean = true;
        else if (argument == "--timings")
            timings = true;
        else if (argument == "-j" || argument == "--jobs")
            options.jobs = parse_jobs(value());
        else if (argument.rfind("-j", 0) == 0 && argument.size() > 2)
            options.jobs = parse_jobs(argument.substr(2));
        else if (argument == "-o" || argument == "--output")
            options.output = value();
        else if (!argument.empty() && argument[0] != '-' && !have_dir) {
            options.project_root = argument;
            have_dir = true;
        } else {
            std::cerr << "boardpress build: unknown option `" << argument << "`\n";
            return 2;
        }
    }

    // Unless asked for a clean build, what the last build made and is still right is kept.
    options.incremental = !clean;
    bool terminal = isatty(STDERR_FILENO);
    if (terminal) {
        options.progress = [](std::string_view stage, std::size_t done, std::size_t total) {
            std::cerr << "\r\033[K" << stage << " " << done << "/" << total << std::flush;
        };
    }
    auto start = std::chrono::steady_clock::now();
    site::BuildResult result = site::build(options);
    auto elapsed =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
    if (terminal && options.progress) std::cerr << "\r\033[K";
    print_diagnostics(result.diagnostics);
    if (!result.ok()) {
        std::cerr << "build failed in " << static_cast<long>(elapsed.count()) << " ms; "
                  << result.output.string() << " was left as it was\n";
        return 1;
    }
    std::cout << "built " << result.pages_written << " pages, " << result.pdfs_written
              << (result.pdfs_written == 1 ? " PDF" : " PDFs") << " and " << result.assets_copied
              << (result.assets_copied == 1 ? " asset" : " assets") << " into "
              << result.output.string() << " in " << static_cast<long>(elapsed.count()) << " ms\n";
    if (timings) {
        const site::Timings& t = result.timings;
        std::cout << "timings (ms): load " << t.load << ", bodies " << t.bodies << ", pdfs "
                  << t.pdfs << ", layouts " << t.layouts << ", write " << t.write << "\n";
        for (const auto& [output, ms] : t.each_pdf)
            std::cout << "timings (ms): pdf " << output << " " << ms << "\n";
    }
    return 0;
}

}  // namespace boardpress::cli
