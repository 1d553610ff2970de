# `boardpress check` on a project with one of each problem reports each one at its file, line and
# column (text and JSON), exits 1 and writes nothing; a broken navigation link is placed in
# boardpress.json; the example project checks with no errors.
source "$(dirname "$0")/lib.bash"
dir=$(project check)
before=$(cd "$dir" && find . -exec stat -c '%n %s %Y' {} + | sort)
set +e
NO_COLOR=1 "$BOARDPRESS" check "$dir" > "$WORK/out.txt" 2> "$WORK/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || { cat "$WORK/err.txt"; fail "exit status $status, expected 1"; }
err="$WORK/err.txt"
expect_in "$err" "content/about.md:4:45: error: the link to \`budgett.html\` goes to a page the website does not have"
expect_in "$err" "content/about.md:4:77: error: the link to \`index.html#key-figure\` goes to \`#key-figure\`"
expect_in "$err" "did you mean \`index.html#key-figures\`?"
expect_in "$err" "content/about.md:8:22: warning: \`CAMHS\` is not in the glossary"
expect_in "$err" "content/about.md:10:1: warning: the heading ‘Members’ skips a level"
expect_in "$err" "content/about.md:12:28: error: the image \`charts/plans.png\` is not there"
expect_in "$err" "content/about.md:14:1: error: the image \`logo.png\` has no alt text"
expect_in "$err" "content/about.md:18:1: warning: this table has no caption"
expect_in "$err" "content/figures.md:4:31: error: the data has no \`cp.snapshot.childen\`"
expect_in "$err" "did you mean \`data.cp.snapshot.children\`?"
expect_in "$err" "content/leaflet.md:13:1: error: panel 2 (“Tell us”) is"
expect_in "$err" "content/summary.md:11:1: warning: this summary scores"
expect_in "$err" "data/plan/plan.json:6:35: warning: action 1.1.1 ‘Sign the information sharing agreement’ was due by 31 December 2015 and is not complete (as of 31 January 2016"
expect_not_in "$err" "\`LSCB\` is not"
expect_in "$WORK/out.txt" "checked 8 pages in"
expect_in "$WORK/out.txt" ": 6 errors, 5 warnings"
[ "$(wc -l < "$WORK/out.txt")" -eq 1 ] || fail "more than one line on standard output"
after=$(cd "$dir" && find . -exec stat -c '%n %s %Y' {} + | sort)
[ "$before" = "$after" ] || fail "check changed the project folder"

# The same as one JSON document.
set +e
"$BOARDPRESS" check "$dir" --format json > "$WORK/report.json" 2> "$WORK/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "exit status $status with --format json, expected 1"
[ ! -s "$WORK/err.txt" ] || { cat "$WORK/err.txt"; fail "--format json wrote to standard error"; }
python3 - "$WORK/report.json" <<'PY' || fail "the JSON report is not as expected"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["errors"] == 6 and report["warnings"] == 5, (report["errors"], report["warnings"])
found = {(d["check"], d["file"], d["line"], d["column"]) for d in report["diagnostics"]}
expected = {
    ("broken-link", "content/about.md", 4, 45),
    ("broken-anchor", "content/about.md", 4, 77),
    ("acronym", "content/about.md", 8, 22),
    ("heading-skip", "content/about.md", 10, 1),
    ("missing-image", "content/about.md", 12, 28),
    ("missing-alt", "content/about.md", 14, 1),
    ("table-caption", "content/about.md", 18, 1),
    ("undefined-data", "content/figures.md", 4, 31),
    ("leaflet-overflow", "content/leaflet.md", 13, 1),
    ("reading-ease", "content/summary.md", 11, 1),
    ("overdue-action", "data/plan/plan.json", 6, 35),
}
assert found == expected, sorted(found ^ expected)
for d in report["diagnostics"]:
    assert d["severity"] in ("error", "warning") and d["message"] and d["hint"], d
scores = {s["file"]: s["score"] for s in report["reading_ease"]}
assert scores["content/summary.md"] < 60 and scores["content/leaflet.md"] >= 60, scores
PY

# With the data reference put right and a navigation link broken instead, the build lays every
# page out itself; the link is reported once, where boardpress.json writes it.
sed -i 's/childen/children/' "$dir/content/figures.md"
sed -i 's/"url": "about.html"/"url": "about-us.html"/' "$dir/boardpress.json"
set +e
NO_COLOR=1 "$BOARDPRESS" check "$dir" > "$WORK/out.txt" 2> "$WORK/err.txt"
set -e
expect_in "$err" "boardpress.json:5:88: error: the link to \`about-us.html\` goes to a page the website does not have (on 8 pages, such as"
expect_in "$err" "did you mean \`about.html\`?"
expect_not_in "$err" "content/figures.md"
expect_in "$err" "content/about.md:4:77: error"
expect_in "$WORK/out.txt" ": 6 errors, 5 warnings"

# Bad arguments.
set +e
"$BOARDPRESS" check "$dir" --format xml > /dev/null 2>&1; status=$?
set -e
[ "$status" -eq 2 ] || fail "--format xml gave exit status $status, expected 2"

# The example project has no errors (warnings are fine).
"$BOARDPRESS" check "$SOURCE_DIR" > "$WORK/out.txt" 2> "$WORK/err.txt" ||
    { cat "$WORK/err.txt"; fail "the example project has errors"; }
expect_in "$WORK/out.txt" ": 0 errors,"
echo "check_command: ok"
