#include <catch2/catch.hpp>

#include "site/site_files.hpp"

using namespace boardpress;

namespace {

content::ContentTree one_report(std::string title, std::string summary) {
    content::Page page;
    page.output = "report.html";
    page.title = std::move(title);
    page.kind = "report";
    page.date = "2015-11-16";
    page.front_matter = {{"summary", std::move(summary)}};
    content::ContentTree tree;
    tree.pages.push_back(std::move(page));
    return tree;
}

config::SiteConfig hostile_config() {
    config::SiteConfig config;
    config.title = "Board <script>alert(1)</script>";
    config.organisation = "Org \"><img src=x onerror=alert(2)>";
    config.base_url = "https://example.org/a&b/";
    config.language = "en-GB";
    return config;
}

}  // namespace

TEST_CASE("the feed escapes markup in every value", "[site]") {
    std::string feed = site::atom_feed(
        hostile_config(), one_report("</title><script>x()</script>", "a < b & c"), "2015-11-16");
    CHECK(feed.find("<script") == std::string::npos);
    CHECK(feed.find("<title>Board &lt;script&gt;alert(1)&lt;/script&gt;</title>") !=
          std::string::npos);
    CHECK(feed.find("<name>Org &quot;&gt;&lt;img src=x onerror=alert(2)&gt;</name>") !=
          std::string::npos);
    CHECK(feed.find("<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>") !=
          std::string::npos);
    CHECK(feed.find("<summary>a &lt; b &amp; c</summary>") != std::string::npos);
    CHECK(feed.find("href=\"https://example.org/a&amp;b/report.html\"") != std::string::npos);
}

TEST_CASE("the feed and sitemap leave out characters XML forbids", "[site]") {
    // Control characters (but tab and line breaks) and U+FFFE/U+FFFF are not allowed in XML 1.0,
    // even as &#1;: one would make the whole file unreadable to feed readers.
    std::string title = "A\x01 B\x0B C\x1F D\xEF\xBF\xBE E\xEF\xBF\xBF F\tG\xEF\xBF\xBD";
    std::string feed = site::atom_feed(hostile_config(), one_report(title, "s\x02"), "");
    CHECK(feed.find("<title>A B C D E F\tG\xEF\xBF\xBD</title>") != std::string::npos);
    CHECK(feed.find("<summary>s</summary>") != std::string::npos);
    auto tree = one_report("x", "");
    tree.pages[0].output = "a\x7F\x01.html";
    CHECK(site::sitemap_xml(hostile_config(), tree)
              .find("<loc>https://example.org/a&amp;b/a\x7F.html</loc>") != std::string::npos);
}
