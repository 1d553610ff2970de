// `boardpress new KIND NAME`: the files of a new publication or page, with sensible front matter
// and a first section, ready to build. Pure: the caller writes the files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace boardpress::content {

struct NewFile {
    std::string path;  // project-relative: "content/annual-report-2015-16/index.md"
    std::string text;
};

// Throws boardpress::Error for an unknown kind (with did-you-mean) or a name with no letters or
// digits. NAME becomes a slug ("Private Fostering" -> private-fostering), so no path can leave
// content/. `date` (YYYY-MM-DD) goes into the front matter; the new files are drafts.
//   annual-report, business-plan -> content/NAME/index.md and 01-introduction.md (a publication)
//   leaflet                      -> content/leaflets/NAME.md with six panels
//   summary, report, page        -> content/NAME.md
std::vector<NewFile> scaffold(std::string_view kind, std::string_view name, std::string_view date);

}  // namespace boardpress::content
