// Images a page shows must be files in the project: the PDF writer reads them, and no project may
// make the build read files elsewhere.
#pragma once

#include <filesystem>
#include <vector>

#include "render/page_renderer.hpp"

namespace boardpress::site {

// For each rendered body, an error at every image whose path climbs out of the project with ../
// (from the page's folder) or names a file in the project that is a link leading out of it.
// Addresses with a scheme (https:, data:) or starting with / are the browser's, not files here.
void check_image_paths(const std::filesystem::path& root, const std::vector<render::PageJob>& jobs,
                       std::vector<render::PageBody>& bodies);

}  // namespace boardpress::site
