# A project with four different mistakes reports all four with positions and hints, exits 1, and
# leaves the previous site/ byte-for-byte as it was.
source "$(dirname "$0")/lib.bash"
dir=$(project broken)
mkdir -p "$dir/site/sub"
echo "previous build" > "$dir/site/index.html"
echo "keep me" > "$dir/site/sub/page.html"
before=$(cd "$dir/site" && find . -type f -exec sha256sum {} + | sort)
set +e
NO_COLOR=1 "$BOARDPRESS" build "$dir" > "$WORK/out.txt" 2> "$WORK/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || { cat "$WORK/err.txt"; fail "exit status $status, expected 1"; }
err="$WORK/err.txt"
# 1. YAML: the unclosed quote, at its line in the file.
expect_in "$err" "content/bad-yaml.md:2:"
# 2. JSON: the trailing comma, with a hint.
expect_in "$err" "data/bad.json:4:"
expect_in "$err" "trailing comma"
# 3. A misspelt data key with did-you-mean.
expect_in "$err" "content/misspelt.md:4:"
expect_in "$err" "did you mean \`data.cp.totals.total\`?"
# 4. An unknown filter with did-you-mean, on the body's line 6 of the file.
expect_in "$err" "content/filter.md:6:"
expect_in "$err" "did you mean \`number\`?"
expect_in "$err" "4 errors"
after=$(cd "$dir/site" && find . -type f -exec sha256sum {} + | sort)
[ "$before" = "$after" ] || fail "site/ changed after a failed build"
[ ! -e "$dir/.site.staging" ] || fail "staging folder left behind"
echo "errors_reported: ok"
