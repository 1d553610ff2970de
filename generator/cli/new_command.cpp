#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "content/scaffold.hpp"

namespace fs = std::filesystem;

namespace boardpress::cli {

// Today as YYYY-MM-DD: a new page is dated when it is created (builds never read the clock).
static std::string today() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

int new_command(const Arguments& arguments) {
    if (arguments.size() != 2) {
        std::cerr << "usage: boardpress new KIND NAME   (KIND: annual-report, business-plan, "
                     "leaflet, summary, report, page)\n";
        return 2;
    }
    auto start = std::chrono::steady_clock::now();
    Diagnostics diagnostics;
    if (!fs::is_regular_file("boardpress.json")) {
        diagnostics.add(Error({"boardpress.json", 0, 0}, "this folder is not a boardpress project",
                              "run `boardpress new` in the folder that holds boardpress.json"));
        print_diagnostics(diagnostics);
        return 1;
    }
    std::vector<content::NewFile> files;
    try {
        files = content::scaffold(arguments[0], arguments[1], today());
    } catch (const Error& error) {
        diagnostics.add(error);
    }
    for (const auto& file : files)
        if (fs::exists(file.path))
            diagnostics.add(Error({file.path, 0, 0}, "`" + file.path + "` already exists",
                                  "choose another name, or edit the existing file"));
    if (diagnostics.has_errors()) {
        print_diagnostics(diagnostics);
        return 1;
    }
    for (const auto& file : files) {
        fs::create_directories(fs::path(file.path).parent_path());
        std::ofstream(file.path, std::ios::binary) << file.text;
        std::cout << "created " << file.path << "\n";
    }
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
    std::cout
        << "created a draft " << arguments[0] << " in " << files.size()
        << (files.size() == 1 ? " file" : " files") << " in " << static_cast<long>(ms.count())
        << " ms; `boardpress build --drafts` shows it, and removing `draft: true` publishes it\n";
    return 0;
}

}  // namespace boardpress::cli
