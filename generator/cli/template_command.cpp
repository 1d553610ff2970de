#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "data/data.hpp"
#include "render/page_renderer.hpp"

namespace fs = std::filesystem;

namespace boardpress::cli {

static std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error({path.string(), 0, 0}, "cannot read " + path.string(),
                    "check the path and that the file is readable");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int template_command(const Arguments& arguments) {
    fs::path file;
    fs::path data_file;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--data" && i + 1 < arguments.size())
            data_file = arguments[++i];
        else if (file.empty() && !arguments[i].empty() && arguments[i][0] != '-')
            file = arguments[i];
        else {
            std::cerr << "usage: boardpress template FILE --data FILE.json\n";
            return 2;
        }
    }
    if (file.empty()) {
        std::cerr << "usage: boardpress template FILE --data FILE.json\n";
        return 2;
    }
    auto start = std::chrono::steady_clock::now();
    Diagnostics diagnostics;
    try {
        nlohmann::ordered_json context = nlohmann::ordered_json::object();
        if (!data_file.empty())
            context = data::parse_json(read_file(data_file), data_file.string());
        // Includes resolve beside FILE first, then in the current project's templates/.
        render::Engines engines = render::make_engines(fs::current_path(), {});
        std::cout << engines.layouts.render_path(file, context) << std::flush;
        // The page goes to standard output; the closing line to the terminal, apart from it.
        auto ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
        std::cerr << "rendered " << file.string() << " in " << static_cast<long>(ms.count())
                  << " ms\n";
        return 0;
    } catch (const Error& error) {
        diagnostics.add(error);
    }
    print_diagnostics(diagnostics);
    return 1;
}

}  // namespace boardpress::cli
