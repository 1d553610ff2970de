// Broken internal links and anchors in the Markdown of each page, and the test of one link that
// the laid-out pages share.
#include <algorithm>
#include <cctype>

#include <cmark-gfm.h>

#include "check/nodes.hpp"
#include "check/site_view.hpp"

namespace boardpress::check {

namespace {

bool has_scheme(std::string_view href) {
    if (href.empty() || !std::isalpha(static_cast<unsigned char>(href[0]))) return false;
    for (char c : href) {
        if (c == ':') return true;
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '.' && c != '-')
            return false;
    }
    return false;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
            hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        parts.emplace_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

std::string folder_of(std::string_view file) {
    std::size_t slash = file.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(file.substr(0, slash));
}

}  // namespace

LinkTarget resolve_link(std::string_view from_output, std::string_view href) {
    LinkTarget target;
    while (!href.empty() && std::isspace(static_cast<unsigned char>(href.front())))
        href.remove_prefix(1);
    while (!href.empty() && std::isspace(static_cast<unsigned char>(href.back())))
        href.remove_suffix(1);
    if (href.starts_with("//") || has_scheme(href)) {
        target.external = true;
        return target;
    }
    if (std::size_t hash = href.find('#'); hash != std::string_view::npos) {
        target.has_fragment = true;
        target.fragment = percent_decode(href.substr(hash + 1));
        href = href.substr(0, hash);
    }
    if (std::size_t query = href.find('?'); query != std::string_view::npos)
        href = href.substr(0, query);
    std::string path = percent_decode(href);
    if (path.empty()) {
        target.path = std::string(from_output);
        return target;
    }
    std::vector<std::string> parts;
    if (path.front() != '/')
        for (auto& part : split_path(folder_of(from_output)))
            if (!part.empty()) parts.push_back(part);
    std::vector<std::string> written = split_path(path);
    bool folder = written.back().empty() || written.back() == "." || written.back() == "..";
    for (const auto& part : written) {
        if (part.empty() || part == ".") continue;
        if (part == "..") {
            if (parts.empty())
                target.outside = true;
            else
                parts.pop_back();
            continue;
        }
        parts.push_back(part);
    }
    if (folder) parts.push_back("index.html");
    for (std::size_t i = 0; i < parts.size(); ++i) target.path += (i ? "/" : "") + parts[i];
    return target;
}

std::string relative_href(std::string_view from_output, std::string_view to_output) {
    std::vector<std::string> from = split_path(folder_of(from_output));
    if (from.size() == 1 && from[0].empty()) from.clear();
    std::vector<std::string> to = split_path(to_output);
    std::size_t common = 0;
    while (common < from.size() && common + 1 < to.size() && from[common] == to[common]) ++common;
    std::string href;
    for (std::size_t i = common; i < from.size(); ++i) href += "../";
    for (std::size_t i = common; i < to.size(); ++i) href += (i > common ? "/" : "") + to[i];
    return href;
}

std::optional<LinkProblem> link_problem(const SiteView& view, std::size_t page,
                                        std::string_view href) {
    const content::Page& from = view.site.tree.pages[page];
    LinkTarget target = resolve_link(from.output, href);
    if (target.external) return std::nullopt;
    std::string written(href);
    if (target.outside)
        return LinkProblem{Kind::broken_link,
                           "the link to `" + written + "` points outside the website",
                           "remove a `../` from the start: from this page, `" +
                               relative_href(from.output, "index.html") + "` is the home page"};
    std::optional<std::string> output = view.output_for(target.path);
    if (!output) {
        bool page_link = target.path.ends_with(".html") || target.path.ends_with(".md");
        LinkProblem problem{Kind::broken_link,
                            "the link to `" + written + "` goes to a " +
                                (page_link ? "page" : "file") + " the website does not have",
                            ""};
        // A link to the Markdown file rather than the page it becomes is the likely mistake.
        std::string source = resolve_link(from.source, href).path;
        for (const auto& other : view.site.tree.pages)
            if (!other.source.empty() && other.source == source)
                problem.hint = "link to the page `" + other.source + "` becomes: `" +
                               relative_href(from.output, other.output) + "`";
        if (problem.hint.empty()) {
            std::vector<std::string> candidates;
            for (const auto& file : view.outputs)
                candidates.push_back(relative_href(from.output, file));
            std::string path_part(href.substr(0, std::min(href.find('#'), href.size())));
            problem.hint = did_you_mean_hint(path_part, candidates);
        }
        if (problem.hint.empty())
            problem.hint =
                "check the address; a page is linked by its web address from this "
                "page, so content/about.md is `" +
                relative_href(from.output, "about.html") + "`";
        return problem;
    }
    if (!target.has_fragment || target.fragment.empty()) return std::nullopt;
    std::optional<std::size_t> to = view.page_at(*output);
    if (!to || view.layout(*to).empty()) return std::nullopt;  // a PDF, or a page not laid out
    const std::set<std::string>& ids = view.html[*to].ids;
    if (ids.count(target.fragment)) return std::nullopt;
    bool same_page = *to == page;
    std::string where = same_page ? "this page" : "`" + view.site.tree.pages[*to].title + "`";
    LinkProblem problem{Kind::broken_anchor,
                        "the link to `" + written + "` goes to `#" + target.fragment +
                            "`, which is not a place on " + where,
                        ""};
    std::vector<std::string> candidates;
    for (const auto& id : ids) candidates.push_back(id);
    if (auto best = did_you_mean(target.fragment, candidates)) {
        std::string fixed = written.substr(0, written.find('#')) + "#" + *best;
        problem.hint = "did you mean `" + fixed + "`?";
    } else {
        const auto& headings = view.site.bodies[*to].outline.headings;
        problem.hint =
            "link to one of its headings: a heading's place is its words in lower "
            "case joined by hyphens";
        if (!headings.empty())
            problem.hint += ", such as `" + written.substr(0, written.find('#')) + "#" +
                            headings.front().id + "`";
    }
    return problem;
}

void check_body_links(const SiteView& view, std::size_t page, const PageSource& source,
                      Findings& findings) {
    for (cmark_node* node : nodes_of(view.site.bodies[page].document, CMARK_NODE_LINK)) {
        const char* url = cmark_node_get_url(node);
        if (!url) continue;
        if (auto problem = link_problem(view, page, url))
            findings.add(problem->kind, source.diagnostic(Severity::error, source.place(node, url),
                                                          problem->message, problem->hint));
    }
}

}  // namespace boardpress::check
