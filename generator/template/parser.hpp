// Builds a Template from tokens with Jinja2's grammar and precedence. Syntax errors are
// boardpress::Error at the offending token, saying what was expected.
#pragma once

#include <memory>
#include <string>

#include "template/ast.hpp"
#include "template/registry.hpp"

namespace boardpress::tmpl {

// `info.source` must already be normalised (normalize_source).
std::unique_ptr<Template> parse_template(std::string name, SourceInfo info,
                                         const Registry& registry);

}  // namespace boardpress::tmpl
