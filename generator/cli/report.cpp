#include <unistd.h>

#include <iostream>

#include "cli/commands.hpp"

namespace boardpress::cli {

void print_diagnostics(const Diagnostics& diagnostics) {
    bool colour = isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr;
    for (const auto& diagnostic : diagnostics.items()) std::cerr << describe(diagnostic, colour);
    std::size_t errors = diagnostics.error_count();
    std::size_t warnings = diagnostics.warning_count();
    if (errors || warnings) {
        std::cerr << errors << (errors == 1 ? " error" : " errors");
        if (warnings) std::cerr << ", " << warnings << (warnings == 1 ? " warning" : " warnings");
        std::cerr << "\n";
    }
}

}  // namespace boardpress::cli
