# Reproducible: the example project copied to two folders (different names, depths and file
# times) and built with -j1 and -j2 gives byte-identical sites, and so does an incremental build
# after an edit that is then undone. The build record is the one file that legitimately differs:
# it keeps each output's modification time (to notice a file changed by hand), which no two builds
# share; every other field of it (fingerprints, sizes, page counts, paths) must match.
source "$(dirname "$0")/lib.bash"
unset SOURCE_DATE_EPOCH
copy() {
  mkdir -p "$1"
  cp -r "$SOURCE_DIR/boardpress.json" "$SOURCE_DIR/content" "$SOURCE_DIR/data" \
    "$SOURCE_DIR/templates" "$1/"
}
a="$WORK/a/northmoor"
b="$WORK/somewhere else/deeper/copy of northmoor"
copy "$a"
sleep 1.1  # the second copy's files are a second younger
copy "$b"

build() { "$BOARDPRESS" build "$@" > "$WORK/build.txt" 2>&1 || { cat "$WORK/build.txt"; fail "build $*"; }; }
# Same bytes everywhere but the record's third field (the modification time).
same_site() {
  diff -r --exclude=.boardpress-build "$1" "$2" > "$WORK/diff.txt" ||
    { head -40 "$WORK/diff.txt"; fail "$3: the sites differ"; }
  diff <(cut -d' ' -f1,2,4- "$1/.boardpress-build") <(cut -d' ' -f1,2,4- "$2/.boardpress-build") \
    > "$WORK/diff.txt" || { head -20 "$WORK/diff.txt"; fail "$3: the build records differ"; }
}

build "$a" -j 1
build "$b" -j 2
same_site "$a/site" "$b/site" "-j1 and -j2 in different folders"
[ -n "$(find "$a/site" -name '*.pdf')" ] || fail "no PDF to compare"

# An edit and its undoing, built incrementally each time, end where a clean build does.
page="$b/content/annual-report-2014-15/03-local-picture.md"
cp "$page" "$WORK/page.md"
echo "An extra paragraph." >> "$page"
build "$b" -j 2
expect_in "$b/site/annual-report-2014-15/local-picture.html" "An extra paragraph."
cp "$WORK/page.md" "$page"  # the same bytes, a newer time
build "$b" -j 2
same_site "$a/site" "$b/site" "after an edit and its undoing"

# And once more from a clean slate with many threads.
build "$b" --clean -j 8
same_site "$a/site" "$b/site" "a clean -j8 build"
echo "reproducible: ok"
