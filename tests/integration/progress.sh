# On a terminal a build shows its progress, then clears it; every command ends with one line
# saying what it did and how long it took.
source "$(dirname "$0")/lib.bash"
dir=$(project minimal)
cd "$dir"
# `script` gives the build a terminal.
script -qec "NO_COLOR=1 '$BOARDPRESS' build ." /dev/null > "$WORK/terminal.txt"
expect_in "$WORK/terminal.txt" "layouts 6/6"
expect_in "$WORK/terminal.txt" $'\033[K'
last=$(tr '\r' '\n' < "$WORK/terminal.txt" | sed 's/\x1b\[K//g' | grep -v '^$' | tail -n 1)
echo "$last" | grep -Eq "^built 6 pages, 0 PDFs and 1 asset into .* in [0-9]+ ms" ||
  fail "no summary line: $last"
# Not on a terminal: no progress, only the summary.
"$BOARDPRESS" build . > "$WORK/out.txt" 2> "$WORK/err.txt"
expect_not_in "$WORK/err.txt" "layouts"
[ "$(wc -l < "$WORK/out.txt")" -eq 1 ] || fail "more than one line: $(cat "$WORK/out.txt")"
"$BOARDPRESS" new page "Contact us" > "$WORK/out.txt"
tail -n 1 "$WORK/out.txt" | grep -Eq "^created a draft page in 1 file in [0-9]+ ms" || fail "new: $(cat "$WORK/out.txt")"
set +e
NO_COLOR=1 "$BOARDPRESS" build . --output "$WORK/out" > /dev/null 2> "$WORK/err.txt"
printf -- '---\ntitle: [x\n---\n' > content/about.md
NO_COLOR=1 "$BOARDPRESS" build . > /dev/null 2> "$WORK/err.txt"
set -e
tail -n 1 "$WORK/err.txt" | grep -Eq "^build failed in [0-9]+ ms; .* was left as it was" || fail "failed build: $(tail -n 1 "$WORK/err.txt")"
echo "progress: ok"
