#include "components/yaml_source.hpp"

#include <algorithm>
#include <utility>

namespace boardpress::components {

YamlSource::YamlSource(std::string_view text, std::string file, int first_line)
    : text_(text), file_(std::move(file)), first_line_(first_line) {}

YAML::Node YamlSource::parse() const {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text_));
    } catch (const YAML::ParserException& e) {
        std::string message = e.msg.empty() ? "invalid YAML" : "invalid YAML: " + e.msg;
        throw error(e.mark, std::move(message),
                    "component options are YAML: `name: value` on each line, lists as `- item` "
                    "or `[a, b]`; quote values that contain `: ` or start with `{`, `[` or `#`");
    }
    if (root.IsNull() || !root.IsDefined()) return YAML::Node(YAML::NodeType::Map);
    return root;
}

SourceLocation YamlSource::locate(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.pos < 0) return SourceLocation{file_, first_line_, 1};
    // yaml-cpp counts columns in bytes; diag::locate counts code points, as diagnostics do.
    SourceLocation where = boardpress::locate(file_, text_, static_cast<std::size_t>(mark.pos));
    where.line += first_line_ - 1;
    return where;
}

Error YamlSource::error(const YAML::Mark& mark, std::string message, std::string hint) const {
    SourceLocation where = locate(mark);
    Diagnostic diagnostic{Severity::error, where, std::move(message), {}, std::move(hint)};
    diagnostic.source_line = line_of(text_, where.line - first_line_ + 1);
    return Error(std::move(diagnostic));
}

YAML::Mark YamlSource::inside(const YAML::Node& scalar, std::size_t offset) const {
    YAML::Mark mark = scalar.Mark();
    if (mark.is_null() || mark.pos < 0) return mark;
    auto pos = static_cast<std::size_t>(mark.pos);
    if (pos < text_.size() && (text_[pos] == '"' || text_[pos] == '\'')) ++pos;
    mark.pos = static_cast<int>(std::min(pos + offset, text_.size()));
    return mark;
}

}  // namespace boardpress::components
