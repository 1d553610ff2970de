// The project's glossary (data/glossary.json, term -> expansion): read for the writers, and a
// generated glossary page listing every term unless the project writes its own glossary.md.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "content/content.hpp"
#include "diag/diagnostics.hpp"
#include "markdown/glossary.hpp"

namespace boardpress::site {

// Empty when there is no data.glossary. A glossary that is not an object of texts is an error
// at data/glossary.json naming the entry.
markdown::Glossary read_glossary(const nlohmann::ordered_json& data, Diagnostics& diagnostics);

// The page "glossary.html" (a plain page whose body lists data.glossary in a table), or nullopt
// when there is no glossary or a page already writes glossary.html.
std::optional<content::Page> glossary_page(const markdown::Glossary& glossary,
                                           const content::ContentTree& tree);

}  // namespace boardpress::site
