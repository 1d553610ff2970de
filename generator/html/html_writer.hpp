// The HTML writer: walks a markdown::Document and its Outline and writes accessible HTML5.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "markdown/markdown.hpp"

namespace boardpress::html {

struct CodeBlock {
    std::string_view info;     // the fence's info string: "table", "chart", "cpp", ...
    std::string_view literal;  // the block's text
    int line = 0;              // line of the opening fence in the parsed text
};

struct WriterOptions {
    // Fenced blocks whose info string names a component are rendered by this hook (components,
    // issue 3); returning nullopt falls back to <pre><code>.
    std::function<std::optional<std::string>(const CodeBlock&)> render_code_block;
};

std::string write(const markdown::Document& document, const markdown::Outline& outline,
                  const WriterOptions& options = {});

}  // namespace boardpress::html
