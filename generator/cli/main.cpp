#include <iostream>
#include <string>

#include "cli/commands.hpp"

static const char* const usage = R"(usage: boardpress COMMAND [options]

commands:
  build [DIR] [--drafts] [-j N] [--output DIR] [--timings]
                      build the project in DIR (default .) into DIR/site
  serve [DIR] [--port N] [--drafts]
                      build, then preview on http://127.0.0.1:N/ (default 8000),
                      rebuilding and reloading the browser when a file changes
  check [DIR] [--drafts] [--format text|json]
                      check the project for broken links, missing alt text,
                      unexplained acronyms and more, without writing anything
  new KIND NAME       create a draft publication or page (KIND: annual-report,
                      business-plan, leaflet, summary, report, page) in content/
  template FILE --data FILE.json
                      render one template with a JSON context to standard output
  --version           print the version
  --help              print this help
)";

int main(int argc, char** argv) {
    std::vector<std::string> arguments(argv + 1, argv + argc);
    if (arguments.empty()) {
        std::cerr << usage;
        return 2;
    }
    std::string command = arguments.front();
    arguments.erase(arguments.begin());
    try {
        if (command == "--version" || command == "version") {
            std::cout << "boardpress " << BOARDPRESS_VERSION << "\n";
            return 0;
        }
        if (command == "--help" || command == "-h" || command == "help") {
            std::cout << usage;
            return 0;
        }
        if (command == "build") return boardpress::cli::build_command(arguments);
        if (command == "template") return boardpress::cli::template_command(arguments);
        if (command == "new") return boardpress::cli::new_command(arguments);
        if (command == "serve") return boardpress::cli::serve_command(arguments);
        if (command == "check") return boardpress::cli::check_command(arguments);
    } catch (const std::exception& error) {
        std::cerr << "boardpress: " << error.what() << "\n";
        return 1;
    }
    std::cerr << "boardpress: unknown command `" << command << "`\n" << usage;
    return 2;
}
