// Runs every check over a rendered site and gathers the findings in source order.
#include "check/check.hpp"

#include <algorithm>
#include <tuple>

#include "check/site_view.hpp"

namespace boardpress::check {

std::string_view kind_name(Kind kind) {
    switch (kind) {
        case Kind::build:
            return "build";
        case Kind::undefined_data:
            return "undefined-data";
        case Kind::leaflet_overflow:
            return "leaflet-overflow";
        case Kind::broken_link:
            return "broken-link";
        case Kind::broken_anchor:
            return "broken-anchor";
        case Kind::missing_image:
            return "missing-image";
        case Kind::missing_alt:
            return "missing-alt";
        case Kind::heading_skip:
            return "heading-skip";
        case Kind::acronym:
            return "acronym";
        case Kind::overdue_action:
            return "overdue-action";
        case Kind::table_caption:
            return "table-caption";
        case Kind::reading_ease:
            return "reading-ease";
    }
    return "build";
}

std::size_t Report::errors() const {
    return std::count_if(findings.begin(), findings.end(), [](const Finding& finding) {
        return finding.diagnostic.severity == Severity::error;
    });
}

std::size_t Report::warnings() const {
    return findings.size() - errors();
}

Diagnostics Report::diagnostics() const {
    Diagnostics all;
    for (const auto& finding : findings) all.add(finding.diagnostic);
    return all;
}

Report check_site(const site::RenderedSite& site) {
    SiteView view = make_view(site);
    Findings findings;
    add_build_diagnostics(site.diagnostics, findings);

    Report report;
    for (std::size_t i = 0; i < site.tree.pages.size(); ++i) {
        if (!view.has_body(i)) continue;
        PageSource source(site.tree.pages[i], site.bodies[i].markdown);
        check_body_links(view, i, source, findings);
        check_images(view, i, source, findings);
        check_headings(view, i, source, findings);
        check_acronyms(view, i, source, findings);
        check_tables(view, i, source, findings);
        check_overdue(view, i, source, findings);
        if (auto score = check_reading_ease(view, i, source, findings))
            report.reading_ease.push_back(*score);
    }
    check_layout_links(view, findings);

    report.findings = findings.take();
    std::stable_sort(
        report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
            const SourceLocation& x = a.diagnostic.location;
            const SourceLocation& y = b.diagnostic.location;
            return std::tie(x.file, x.line, x.column) < std::tie(y.file, y.line, y.column);
        });
    report.pages = site.tree.pages.size();
    return report;
}

}  // namespace boardpress::check
