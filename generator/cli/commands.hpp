// The subcommands of the boardpress binary. Each returns the process exit status.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostics.hpp"

namespace boardpress::cli {

using boardpress::Diagnostics;

using Arguments = std::vector<std::string>;

int build_command(const Arguments& arguments);
int template_command(const Arguments& arguments);
int new_command(const Arguments& arguments);
int serve_command(const Arguments& arguments);
int check_command(const Arguments& arguments);

// Prints diagnostics to stderr (in colour on a terminal) and a count line.
void print_diagnostics(const Diagnostics& diagnostics);

}  // namespace boardpress::cli
