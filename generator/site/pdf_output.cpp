#include "site/pdf_output.hpp"

#include <cmath>
#include <cstdio>

#include "pdf/leaflet.hpp"
#include "site/site_index.hpp"

namespace fs = std::filesystem;

namespace boardpress::site {

namespace {

bool wants_pdf(const content::Page& page) {
    auto found = page.front_matter.find("pdf");
    if (found == page.front_matter.end()) return false;
    return found->is_object() || (found->is_boolean() && found->get<bool>());
}

std::string with_pdf_extension(const std::string& output) {
    std::size_t dot = output.rfind('.');
    std::size_t slash = output.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return output + ".pdf";
    return output.substr(0, dot) + ".pdf";
}

// Settings in `pdf` mappings: the project's, then the page's own on top.
nlohmann::ordered_json merged_settings(const config::SiteConfig& config,
                                       const content::Page& lead) {
    nlohmann::ordered_json settings =
        config.pdf.is_object() ? config.pdf : nlohmann::ordered_json::object();
    if (auto own = lead.front_matter.find("pdf");
        own != lead.front_matter.end() && own->is_object())
        for (const auto& [key, value] : own->items()) settings[key] = value;
    return settings;
}

// True when `file` is `root` or below it (both canonical): nothing outside the project is read.
bool inside(const fs::path& root, const fs::path& file) {
    auto [end, unused] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
    return end == root.end();
}

double millimetres(double mm) {
    return mm * 72.0 / 25.4;
}

// "#1d4f6e" as a libharu colour; nullopt for anything else.
std::optional<pdf::Color> hex_colour(const nlohmann::ordered_json& value) {
    if (!value.is_string()) return std::nullopt;
    std::string text = value.get<std::string>();
    unsigned r = 0, g = 0, b = 0;
    if (text.size() != 7 || text[0] != '#' ||
        std::sscanf(text.c_str(), "#%2x%2x%2x", &r, &g, &b) != 3)
        return std::nullopt;
    return pdf::Color{r / 255.0, g / 255.0, b / 255.0};
}

}  // namespace

std::vector<PdfUnit> plan_pdfs(const content::ContentTree& tree) {
    std::vector<PdfUnit> units;
    for (const auto& publication : tree.publications) {
        const content::Page& index = tree.pages[publication.index_page];
        if (!wants_pdf(index)) continue;
        PdfUnit unit;
        unit.lead = publication.index_page;
        unit.output = publication.folder + "/" + publication.folder + ".pdf";
        unit.pages.push_back(publication.index_page);
        unit.pages.insert(unit.pages.end(), publication.sections.begin(),
                          publication.sections.end());
        units.push_back(std::move(unit));
    }
    for (std::size_t i = 0; i < tree.pages.size(); ++i) {
        const content::Page& page = tree.pages[i];
        if (page.publication >= 0 || !wants_pdf(page)) continue;
        units.push_back({with_pdf_extension(page.output), i, {i}});
    }
    return units;
}

pdf::PdfOptions pdf_options(const config::SiteConfig& config, const content::ContentTree& tree,
                            const PdfUnit& unit, const fs::path& project_root) {
    const content::Page& lead = tree.pages[unit.lead];
    nlohmann::ordered_json settings = merged_settings(config, lead);
    pdf::PdfOptions options;
    std::string size = settings.value("page_size", std::string("A4"));
    if (size == "A5") {
        options.page.width = 419.528;
        options.page.height = 595.276;
    } else if (size == "letter") {
        options.page.width = 612;
        options.page.height = 792;
    }
    if (auto margin = settings.find("margins_mm");
        margin != settings.end() && margin->is_number()) {
        double points = millimetres(margin->get<double>());
        options.page.left = options.page.right = options.page.bottom = points;
        options.page.top = points + 6;  // room for the running header
    }
    if (lead.kind == "leaflet") {
        // Panels imposed on two landscape sheets, in the leaflet's larger type.
        pdf::PdfOptions leaflet = pdf::leaflet_pdf_options();
        options.page = leaflet.page;
        options.theme = leaflet.theme;
    }
    bool short_document =
        lead.kind == "summary" || lead.kind == "leaflet" || unit.pages.size() == 1;
    options.cover = settings.value("cover", !short_document);
    options.contents = settings.value("contents", !short_document);
    options.title = lead.title;
    options.subtitle = lead.front_matter.value("summary", std::string());
    options.organisation = config.organisation;
    options.author = config.organisation;
    options.subject = lead.front_matter.value("summary", std::string());
    options.keywords = lead.kind;
    options.language = config.language;
    // A page without a date takes SOURCE_DATE_EPOCH's (reproducible builds), never the clock.
    options.date = lead.date.empty() ? source_date_epoch() : lead.date;
    options.base_url = config.base_url;
    // The cover's logo: boardpress.json's pdf.logo, a file in the project.
    if (auto logo = settings.find("logo"); logo != settings.end() && logo->is_string()) {
        fs::path file = fs::weakly_canonical(project_root / logo->get<std::string>());
        if (inside(fs::weakly_canonical(project_root), file) && fs::is_regular_file(file))
            options.logo = file.string();
        else
            throw Error(
                {"boardpress.json", 0, 0},
                "the PDF logo `" + logo->get<std::string>() + "` is not a file in the project",
                "give `pdf.logo` a path such as templates/assets/logo.png");
    }
    if (fs::is_directory(project_root / "templates" / "fonts"))
        options.font_folder = (project_root / "templates" / "fonts").string();
    if (auto colours = config.theme.find("colours");
        colours != config.theme.end() && colours->is_object())
        if (auto primary = hex_colour(colours->value("primary", nlohmann::ordered_json())))
            options.theme.accent = *primary;
    // Images are looked up beside the page's source, inside the project only.
    fs::path source_folder = project_root / fs::path(lead.source).parent_path();
    fs::path root = fs::weakly_canonical(project_root);
    options.resolve_image = [source_folder, root](std::string_view url) -> std::string {
        if (url.find("://") != std::string_view::npos || url.starts_with("/")) return {};
        fs::path file = fs::weakly_canonical(source_folder / fs::path(std::string(url)));
        if (!inside(root, file) || !fs::is_regular_file(file)) return {};
        return file.string();
    };
    return options;
}

std::string file_size_words(std::size_t bytes) {
    char text[32];
    if (bytes < 1000 * 1000) {
        std::snprintf(text, sizeof text, "%zu KB", std::max<std::size_t>(1, (bytes + 500) / 1000));
    } else {
        std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    }
    return text;
}

nlohmann::ordered_json download_json(const PdfUnit& unit, const content::Page& page,
                                     std::size_t bytes, int pages) {
    return {{"url", relative_root(page.output) + unit.output},
            {"pages", pages},
            {"size", file_size_words(bytes)},
            {"bytes", bytes}};
}

}  // namespace boardpress::site
