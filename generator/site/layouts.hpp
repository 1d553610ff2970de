// The layouts pages are laid out with must be there before layout starts: a missing or empty
// one is reported once, where it is asked for, instead of as a failure of every page.
#pragma once

#include <filesystem>
#include <vector>

#include "render/page_renderer.hpp"

namespace boardpress::site {

// For each job whose layout is not a file in `root`/templates/ (or is empty), adds an error to
// its body's diagnostics, so the page is not laid out. A page's own `template:` is reported at
// that key of its front matter, with a did-you-mean; a missing usual layout (page.html,
// section.html, ...) at the layout's path, once for all the pages that need it.
void check_layouts(const std::filesystem::path& root, const std::vector<render::PageJob>& jobs,
                   std::vector<render::PageBody>& bodies);

}  // namespace boardpress::site
