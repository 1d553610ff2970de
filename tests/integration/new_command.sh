# `boardpress new KIND NAME` makes a draft that builds at once (a leaflet's six panels fit), and
# refuses an unknown kind, an existing file and a folder that is not a project.
source "$(dirname "$0")/lib.bash"
dir=$(project minimal)
cd "$dir"
"$BOARDPRESS" new leaflet "Keeping safe" > "$WORK/out.txt" || fail "new leaflet failed"
expect_in "$WORK/out.txt" "created content/leaflets/keeping-safe.md"
"$BOARDPRESS" new annual-report annual-report-2015-16 > "$WORK/out.txt" || fail "new annual-report failed"
expect_in "$WORK/out.txt" "created content/annual-report-2015-16/01-introduction.md"
"$BOARDPRESS" build . --drafts > "$WORK/out.txt" 2> "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "the new drafts do not build"; }
[ -f site/leaflets/keeping-safe.html ] || fail "no leaflet page"
[ -f site/leaflets/keeping-safe.pdf ] || fail "no leaflet PDF"
[ -f site/annual-report-2015-16/introduction.html ] || fail "no first section"
"$BOARDPRESS" build . > /dev/null 2>&1 || fail "build without drafts failed"
[ ! -e site/leaflets/keeping-safe.html ] || fail "a draft was published"
set +e
NO_COLOR=1 "$BOARDPRESS" new leaflat x 2> "$WORK/err.txt"; status=$?
set -e
[ "$status" -eq 1 ] || fail "an unknown kind was accepted"
expect_in "$WORK/err.txt" "did you mean \`leaflet\`?"
set +e
NO_COLOR=1 "$BOARDPRESS" new leaflet "Keeping safe" 2> "$WORK/err.txt"; status=$?
set -e
[ "$status" -eq 1 ] || fail "an existing file was overwritten"
expect_in "$WORK/err.txt" "already exists"
cd "$WORK"
set +e
NO_COLOR=1 "$BOARDPRESS" new page x 2> "$WORK/err.txt"; status=$?
set -e
[ "$status" -eq 1 ] || fail "new ran outside a project"
expect_in "$WORK/err.txt" "not a boardpress project"
echo "new_command: ok"
