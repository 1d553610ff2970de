// The build's own findings in the report: named by kind, and a data reference that is not there
// said in the words of someone who keeps the data files rather than a template's.
#include "check/site_view.hpp"

namespace boardpress::check {

namespace {

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

Kind kind_of(const Diagnostic& diagnostic) {
    const std::string& message = diagnostic.message;
    if (contains(message, "` is undefined") || message == "undefined value")
        return Kind::undefined_data;
    if (contains(message, "too long for its space") ||
        (message.starts_with("the leaflet has ") && contains(message, "panels")))
        return Kind::leaflet_overflow;
    return Kind::build;
}

// "`data.cp.totl` is undefined" -> "the data has no `cp.totl`", with a hint in the same terms.
void reword_data_reference(Diagnostic& diagnostic) {
    const std::string& message = diagnostic.message;
    if (!message.starts_with("`data.")) return;
    std::size_t end = message.find("` is undefined");
    if (end == std::string::npos) return;
    std::string path = message.substr(6, end - 6);  // after "`data."
    diagnostic.message = "the data has no `" + path + "` (`data." + path + "` is undefined)";
    std::string& hint = diagnostic.hint;
    if (hint.starts_with("available keys: "))
        hint = "check the spelling: what is there is " + hint.substr(16);
    else if (hint.empty())
        hint = "check the spelling, and that the data file (in data/) has that name and value";
    if (!hint.starts_with("did you mean"))
        hint +=
            "; a value is written data.FOLDER.FILE.KEY (data/cp/snapshot.json gives "
            "data.cp.snapshot)";
}

}  // namespace

void add_build_diagnostics(const Diagnostics& diagnostics, Findings& findings) {
    for (Diagnostic diagnostic : diagnostics.items()) {
        Kind kind = kind_of(diagnostic);
        if (kind == Kind::undefined_data) reword_data_reference(diagnostic);
        findings.add(kind, std::move(diagnostic));
    }
}

}  // namespace boardpress::check
