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
echo "example_project: ok"
