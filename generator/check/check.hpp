// `boardpress check`: reads a site rendered in memory (site::render_site) and reports what would
// let its readers down: broken links and anchors, missing images and alt text, skipped heading
// levels, acronyms not in the glossary, overdue business-plan actions, tables without captions
// and summaries that are hard to read, together with the build's own errors (undefined data,
// leaflet overflow). Every finding is placed at its file, line and column, in plain English with
// a suggested fix. Nothing is written to disk.
//
// The checks are pure functions of the rendered site; the helpers below are the pieces each
// check is made of, for unit tests.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "components/rag_model.hpp"
#include "diag/diagnostics.hpp"
#include "markdown/glossary.hpp"
#include "markdown/markdown.hpp"

namespace boardpress::site {
struct RenderedSite;
}

namespace boardpress::check {

// What a finding is about; kind_name() gives the name used in the JSON report.
enum class Kind {
    build,             // any other build error or warning
    undefined_data,    // a template refers to data that is not there (error)
    leaflet_overflow,  // a leaflet panel too long for its space (error)
    broken_link,       // a link to a page or file the site does not have (error)
    broken_anchor,     // a link to a #place the page does not have (error)
    missing_image,     // an image file that is not there (error)
    missing_alt,       // an image without a text alternative (error)
    heading_skip,      // a heading level skipped, such as ## then #### (warning)
    acronym,           // an acronym not explained in data/glossary.json (warning)
    overdue_action,    // a business-plan action past its date and not complete (warning)
    table_caption,     // a Markdown table with nothing saying what it shows (warning)
    reading_ease,      // a summary or leaflet below plain English (warning)
};
std::string_view kind_name(Kind kind);  // "broken-link", ...

struct Finding {
    Kind kind = Kind::build;
    Diagnostic diagnostic;
};

// The reading ease of one page for the public (summaries and leaflets), reported whatever it is.
struct ReadingScore {
    std::string file;
    double score = 0;
};

struct Report {
    std::vector<Finding> findings;  // in file, line and column order
    std::vector<ReadingScore> reading_ease;
    std::size_t pages = 0;  // pages checked
    std::size_t errors() const;
    std::size_t warnings() const;
    Diagnostics diagnostics() const;  // the findings as the CLI prints them
};

Report check_site(const site::RenderedSite& site);

// {"errors": N, "warnings": N, "pages": N, "diagnostics": [{"severity", "file", "line",
// "column", "message", "hint", "source_line", "check"}], "reading_ease": [{"file", "score"}]}.
std::string json_report(const Report& report);

// ---- Links ------------------------------------------------------------------------------------

struct LinkTarget {
    bool external = false;  // a scheme (http:, mailto:, tel:, ...) or //host: not checked
    bool outside = false;   // climbs above the site's top folder with ../
    std::string path;       // the site-relative file it names: "annual-report/chair.html"
    std::string fragment;   // the part after #, or "" when none
    bool has_fragment = false;
};

// Resolves `href` as a browser would on the page `from_output` (site-relative): relative to the
// page's folder, or to the site's top for "/x"; a query is dropped, %XX decoded, a folder ("x/")
// is its index.html and an empty path is the page itself.
LinkTarget resolve_link(std::string_view from_output, std::string_view href);

// The relative href from one site-relative file to another: ("a/b.html", "c.html") -> "../c.html".
std::string relative_href(std::string_view from_output, std::string_view to_output);

// ---- Laid-out HTML -----------------------------------------------------------------------------

struct HtmlReference {
    std::string tag;         // "a", "link", "img", "script", ...
    std::string attribute;   // "href" or "src"
    std::string url;         // entities decoded
    bool has_alt = false;    // for <img>: an alt attribute is present (alt="" is decorative)
    std::size_t offset = 0;  // byte offset of the tag in the HTML
};

struct HtmlFacts {
    std::set<std::string> ids;  // every id="..." (and <a name="...">): what #fragments can name
    std::vector<HtmlReference> references;  // href and src attributes, in document order
};

// A forgiving scan of tags and attributes; comments and <script>/<style> contents are skipped.
HtmlFacts scan_html(std::string_view html);

// ---- Headings -----------------------------------------------------------------------------------

struct HeadingSkip {
    const cmark_node* heading = nullptr;
    int level = 0;     // this heading's level
    int previous = 0;  // the level before it (1 at the top: the layout's <h1> is the page title)
};

// Headings that go down more than one level from the heading before them (## then ####, or a ###
// before any ##), in document order. Going back up any number of levels is fine.
std::vector<HeadingSkip> heading_skips(const markdown::Document& document);

// ---- Acronyms -----------------------------------------------------------------------------------

// A word of two or more capital letters, digits allowed after the first letter and a plural "s"
// at the end ("LADO", "LADOs", "GCP2"). Roman numerals (II, IV, XII) and the few everyday words
// in common_capitals() are not acronyms.
bool is_acronym(std::string_view word);
const std::vector<std::string_view>& common_capitals();  // OK, UK, TV, AM, PM

struct AcronymUse {
    std::string acronym;     // as written: "LADOs"
    std::size_t offset = 0;  // byte offset in the text searched
};

// Every acronym in `text` that `glossary` does not explain (a term is matched as the glossary
// matches it; "LADOs" is explained by "LADO"). Parts of UK postcodes (NM1 2AB) are skipped.
std::vector<AcronymUse> unexplained_acronyms(std::string_view text,
                                             const markdown::Glossary& glossary);

// ---- Reading ease
// --------------------------------------------------------------------------------

// Flesch reading ease below this is harder than plain English (60-70 is plain English; most
// adults read 60 and above easily).
inline constexpr double kPlainEnglish = 60;

// Syllables in an English word, by a simple rule: groups of vowels (a e i o u y) count one each;
// a silent final "e" (make, but not table), the "e" of "-es" and "-ed" endings that add no
// syllable (makes, helped, but not changes, wanted) and the silent "e" before -ly, -ment, -ful,
// -ness and -less (privately, statement) do not count; every word has at least one. Figures
// and other words without letters count as one.
int count_syllables(std::string_view word);

// The text's sentences: ended by . ! or ? before a space or the end, or by a line break (each
// paragraph, list item or heading of plain text is at least one sentence).
std::vector<std::string> split_sentences(std::string_view text);

struct Readability {
    int sentences = 0;
    int words = 0;
    int syllables = 0;
    // 206.835 - 1.015 words/sentence - 84.6 syllables/word; 100 for no words.
    double score() const;
    Readability& operator+=(const Readability& other);
};
Readability measure(std::string_view text);

// ---- Tables ------------------------------------------------------------------------------------

// Markdown (pipe) tables with nothing saying what they show. The HTML writer gives them no
// <caption>, so the convention is: a heading right above the table, or a paragraph right above
// or below it that starts "Table:" or "Table 3" ("Table 3: Attendance at board meetings").
// Component tables (```table) always have a caption and are not in the Markdown tree as tables.
std::vector<const cmark_node*> uncaptioned_tables(const markdown::Document& document);

// ---- Business plans ----------------------------------------------------------------------------

// The actions of a plan (as shown) that are overdue at its as-of date.
std::vector<const components::RagAction*> overdue_actions(const components::RagModel& plan);

// "action 2.3 ‘Publish the neglect strategy’ was due by 31 December 2015 and is not complete
// (as of 31 January 2016; its status is Amber)".
std::string overdue_message(const components::RagAction& action, const components::RagModel& plan);

}  // namespace boardpress::check
