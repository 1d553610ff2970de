# Builds a small project and checks the site it makes: pages, links, numbering, drafts, escaping.
source "$(dirname "$0")/lib.bash"
dir=$(project minimal)
"$BOARDPRESS" build "$dir" > "$WORK/out.txt" 2> "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "build failed"; }
site="$dir/site"
expect_in "$WORK/out.txt" "built"
for f in index.html about.html report-2015/index.html report-2015/first.html report-2015/second.html assets/site.css; do
  [ -f "$site/$f" ] || fail "missing $f"
done
[ ! -e "$site/report-2015/draft.html" ] || fail "draft section was published"
[ ! -e "$dir/.site.staging" ] || fail "staging folder left behind"
# Relative links from a nested page.
expect_in "$site/report-2015/first.html" 'href="../assets/site.css"'
expect_in "$site/report-2015/first.html" 'rel="prev" href="../report-2015/index.html"'
expect_in "$site/report-2015/first.html" 'rel="next" href="../report-2015/second.html"'
# Figures come from the data, formatted.
expect_in "$site/report-2015/index.html" "This report covers 387 children."
expect_in "$site/report-2015/first.html" "+11% on last year"
expect_in "$site/report-2015/first.html" "−£1,251"
# CSV: numbers typed, empty cells null, quoted commas kept.
expect_in "$site/report-2015/first.html" "<li>May: not reported</li>"
expect_in "$site/report-2015/first.html" "<li>June, late: 12.5</li>"
# A data value is literal text: no script, no emphasis, no link.
expect_in "$site/report-2015/first.html" "&lt;script&gt;alert(1)&lt;/script&gt; *not emphasis* [not a link](x) &amp; more"
expect_not_in "$site/report-2015/first.html" "<script>"
expect_not_in "$site/report-2015/first.html" "<em>not emphasis</em>"
# Section numbering: section 1's headings are 1.1, 1.2.
expect_in "$site/report-2015/first.html" "1.1"
expect_in "$site/report-2015/first.html" "1.2"
# Unknown front matter keys reach templates; the index lists the publication by kind and year.
expect_in "$site/report-2015/second.html" "Custom key: kept for templates."
expect_in "$site/index.html" "Annual reports"
expect_in "$site/index.html" '<a href="report-2015/index.html">Annual Report 2014-15</a>'
# Drafts are published with --drafts.
"$BOARDPRESS" build "$dir" --drafts > /dev/null 2>&1 || fail "--drafts build failed"
[ -f "$site/report-2015/draft.html" ] || fail "--drafts did not publish the draft"
echo "build_minimal: ok"
