// The report as one JSON document, for scripts and continuous integration.
#include <cmath>

#include <nlohmann/json.hpp>

#include "check/check.hpp"

namespace boardpress::check {

std::string json_report(const Report& report) {
    nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
    for (const auto& finding : report.findings) {
        const Diagnostic& diagnostic = finding.diagnostic;
        diagnostics.push_back(
            {{"severity", diagnostic.severity == Severity::error ? "error" : "warning"},
             {"file", diagnostic.location.file},
             {"line", diagnostic.location.line},
             {"column", diagnostic.location.column},
             {"message", diagnostic.message},
             {"hint", diagnostic.hint},
             {"source_line", diagnostic.source_line},
             {"check", kind_name(finding.kind)}});
    }
    nlohmann::ordered_json scores = nlohmann::ordered_json::array();
    for (const auto& score : report.reading_ease)
        scores.push_back({{"file", score.file}, {"score", std::round(score.score * 10) / 10}});
    nlohmann::ordered_json document = {{"errors", report.errors()},
                                       {"warnings", report.warnings()},
                                       {"pages", report.pages},
                                       {"diagnostics", std::move(diagnostics)},
                                       {"reading_ease", std::move(scores)}};
    // Invalid UTF-8 in a file is replaced rather than failing the whole report.
    return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace boardpress::check
