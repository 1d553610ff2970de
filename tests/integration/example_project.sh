# The repository's example board project builds, and its pages read like a report.
source "$(dirname "$0")/lib.bash"
"$BOARDPRESS" build "$SOURCE_DIR" --output "$WORK/site" > "$WORK/out.txt" 2> "$WORK/err.txt" ||
  { cat "$WORK/err.txt"; fail "example project did not build"; }
site="$WORK/site"
[ -f "$site/index.html" ] || fail "no index.html"
report=$(ls -d "$site"/annual-report-* | head -1)
[ -n "$report" ] || fail "no annual report"
sections=$(ls "$report"/*.html | grep -vc index.html)
[ "$sections" -ge 8 ] || fail "annual report has $sections sections, expected at least 8"
[ -f "$site/select-committee-report.html" ] || fail "no committee cover report"
expect_in "$site/select-committee-report.html" 'class="para-num"'
for page in $(find "$site" -name '*.html'); do
  expect_in "$page" '<html lang="en-GB"'
  expect_in "$page" '<main'
  expect_in "$page" 'href="#main"'
  expect_not_in "$page" '{{'
done
# The site's own files: a sitemap and an Atom feed (absolute URLs from base_url), and a 404 page
# whose links work at any depth.
expect_in "$site/sitemap.xml" '<loc>https://nscb.northmoor.example.org/annual-report-2014-15/budget.html</loc>'
expect_not_in "$site/sitemap.xml" '404.html'
expect_in "$site/feed.xml" '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">'
expect_in "$site/feed.xml" '<id>https://nscb.northmoor.example.org/annual-report-2014-15/index.html</id>'
expect_in "$site/404.html" 'Page not found'
expect_in "$site/404.html" 'href="https://nscb.northmoor.example.org/index.html"'
expect_in "$site/index.html" 'type="application/atom+xml"'
# Search: a page, a form in every header, and an index of every page's words.
expect_in "$site/search.html" '<script src="search-index.js"></script>'
expect_in "$site/annual-report-2014-15/budget.html" 'role="search" action="../search.html"'
expect_in "$site/search-index.js" '"title":"Private fostering"'
expect_not_in "$site/search-index.js" '"url":"404.html"'
# Social cards.
expect_in "$site/annual-report-2014-15/budget.html" '<meta property="og:title" content="The budget">'
expect_in "$site/annual-report-2014-15/budget.html" '<meta property="og:url" content="https://nscb.northmoor.example.org/annual-report-2014-15/budget.html">'
echo "example_project: ok"
