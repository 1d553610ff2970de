# Nothing lost: `boardpress build` killed with SIGKILL at a random moment (incremental and
# --clean, after edits to a page, a dataset, a template and boardpress.json) leaves site/ exactly
# as it was, or exactly the new complete site, never a mix; the staging folders a killed build
# leaves do not break the next build, and the last build equals a clean one.
source "$(dirname "$0")/lib.bash"
dir="$WORK/project"
mkdir -p "$dir/content" "$dir/data/figures"
cp -r "$SOURCE_DIR/templates" "$dir/templates"
cat > "$dir/boardpress.json" << 'EOF'
{"title": "Killed board", "organisation": "Killed board", "base_url": "https://example.org/",
 "navigation": [{"title": "Home", "url": "index.html"}], "theme": {"colours": {"text": "#111"}}}
EOF
printf -- '---\ntitle: Home\n---\nThe home page.\n' > "$dir/content/index.md"
echo '[{"month": "April", "count": 3}, {"month": "May", "count": 7}]' > "$dir/data/figures/months.json"
# A few hundred pages: four publications of 60 sections (one with a PDF) and 60 pages.
for p in 1 2 3 4; do
  mkdir -p "$dir/content/report-$p"
  printf -- '---\ntitle: Report %s\nkind: annual-report\ndate: 2015-0%s-01\npdf: %s\n---\nReport %s.\n' \
    "$p" "$p" "$([ "$p" = 1 ] && echo true || echo false)" "$p" > "$dir/content/report-$p/index.md"
  for s in $(seq -w 1 60); do
    printf -- '---\ntitle: Section %s of report %s\n---\n## Figures\n\nIn May there were {{ data.figures.months[1].count }} cases.\n\n```table\ndata: figures.months\ncaption: Cases by month\n```\n\nSection text %s.\n' \
      "$s" "$p" "$s" > "$dir/content/report-$p/$s-section-$s.md"
  done
done
for n in $(seq 1 60); do
  printf -- '---\ntitle: Page %s\n---\nPage %s text, with {{ data.figures.months[0].count }} cases.\n' \
    "$n" "$n" > "$dir/content/page-$n.md"
done

# Every path under site/ with its kind, and every file's hash: two snapshots are equal exactly
# when the trees are.
snapshot() { (cd "$1" && find . -printf '%y %P\n' | LC_ALL=C sort &&
              find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); }
# The build record holds each file's modification time, which two builds never share; the rest
# of it (fingerprints, sizes, paths) must match.
comparable() { snapshot "$1" | grep -v ' \./\.boardpress-build$'
               cut -d' ' -f1,2,4- "$1/.boardpress-build"; }
# The record must describe the tree it is in: each file listed, at its size and age (one awk, as
# a process per file is slow on a loaded machine).
record_matches_tree() {
  (cd "$1" && find . -type f ! -name .boardpress-build -printf '%s %T@ %P\n') |
    awk 'FNR == NR { split($2, t, "."); path = substr($0, length($1) + length($2) + 3)
                     tree[path] = $1 " " t[1] substr(t[2] "000000000", 1, 9); files++; next }
         FNR == 1 { next }
         $1 == "end" { ended = $2 == listed; next }
         { path = substr($0, length($1) + length($2) + length($3) + length($4) + 5)
           if (tree[path] != $2 " " $3) { print "not as recorded: " path; bad = 1 }
           listed++ }
         END { exit bad || !ended || listed != files }' - "$1/.boardpress-build"
}

"$BOARDPRESS" build "$dir" --clean > "$WORK/build.txt" 2>&1 || { cat "$WORK/build.txt"; fail "first build"; }
pages=$(find "$dir/site" -name '*.html' | wc -l)
[ "$pages" -ge 300 ] || fail "only $pages pages"
snapshot "$dir/site" > "$WORK/before"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
# How long each kind of build takes here, so the kills land all through it.
start=$(now_ms); "$BOARDPRESS" build "$dir" --clean > /dev/null 2>&1; clean_ms=$(($(now_ms) - start))
echo "<!-- -->" >> "$dir/templates/base.html"
start=$(now_ms); "$BOARDPRESS" build "$dir" > /dev/null 2>&1; full_ms=$(($(now_ms) - start))
snapshot "$dir/site" > "$WORK/before"
echo "a clean build takes $clean_ms ms, an incremental one of every page $full_ms ms"

RANDOM=42  # the same moments every run
kills=0 finished=0 iteration=0
deadline=$(($(now_ms) + 30000))
while ((iteration < 30 && ($(now_ms) < deadline || iteration < 12))); do
  iteration=$((iteration + 1))
  started=$(now_ms)
  case $((iteration % 5)) in  # a page, a dataset, a template, boardpress.json, a publication
    0) sed -i "s/^Page 7 text.*/Page 7 text, edit $iteration./" "$dir/content/page-7.md" ;;
    1) echo "[{\"month\": \"April\", \"count\": $iteration}, {\"month\": \"May\", \"count\": 7}]" \
         > "$dir/data/figures/months.json" ;;
    2) echo "<!-- edit $iteration -->" >> "$dir/templates/base.html" ;;
    3) sed -i "s/\"title\": \"Killed board[^\"]*\"/\"title\": \"Killed board $iteration\"/" \
         "$dir/boardpress.json" ;;
    4) sed -i "s/^Report 1\..*/Report 1. Edit $iteration./" "$dir/content/report-1/index.md" ;;
  esac
  args=(build "$dir") limit=$full_ms
  ((iteration % 3 == 0)) && args+=(--clean) && limit=$clean_ms
  delay_ms=$((RANDOM % (limit + limit / 5 + 1)))
  "$BOARDPRESS" "${args[@]}" > "$WORK/killed.txt" 2>&1 &
  build=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -KILL $build 2>/dev/null || true
  status=0
  wait $build 2> /dev/null || status=$?
  case $status in
    0) ;;
    137) kills=$((kills + 1)) ;;  # 128 + SIGKILL: killed while it ran
    *) cat "$WORK/killed.txt"; fail "iteration $iteration: the build failed by itself ($status)" ;;
  esac
  snapshot "$dir/site" > "$WORK/after"
  if cmp -s "$WORK/before" "$WORK/after"; then
    [ "$status" != 0 ] || { cat "$WORK/killed.txt"; fail "iteration $iteration: the build finished but site/ did not change"; }
  else
    # Not the old site: it must be the whole new one, as a clean build makes it.
    rm -rf "$WORK/reference"
    "$BOARDPRESS" build "$dir" --clean --output "$WORK/reference" > /dev/null 2>&1 ||
      fail "iteration $iteration: the reference build failed"
    if ! diff <(comparable "$dir/site") <(comparable "$WORK/reference") > "$WORK/diff.txt"; then
      head -20 "$WORK/diff.txt"
      fail "iteration $iteration (${args[*]:2}, killed after $delay_ms ms): site/ is neither the old site nor the new one"
    fi
    record_matches_tree "$dir/site" || fail "iteration $iteration: the record does not describe site/"
    finished=$((finished + 1))
    cp "$WORK/after" "$WORK/before"
  fi
  echo "build $iteration (${args[*]:2}): killed after $delay_ms ms, status $status, $(($(now_ms) - started)) ms in all"
done
echo "$iteration builds: $kills killed mid-way, $finished finished (site/ new), the rest left site/ as it was"
((kills >= 4)) || fail "only $kills builds were killed mid-way: the delays are too long for this machine"

# What killed builds left beside site/ does not get in the way; the last build equals a clean one.
echo "beside site/: $(cd "$dir" && ls -d .site.* 2> /dev/null | tr '\n' ' ')"
"$BOARDPRESS" build "$dir" > "$WORK/build.txt" 2>&1 || { cat "$WORK/build.txt"; fail "the build after the kills failed"; }
rm -rf "$WORK/reference"
"$BOARDPRESS" build "$dir" --clean --output "$WORK/reference" > /dev/null 2>&1 || fail "the clean build failed"
diff <(comparable "$dir/site") <(comparable "$WORK/reference") > "$WORK/diff.txt" ||
  { head -20 "$WORK/diff.txt"; fail "the build after the kills differs from a clean build"; }
record_matches_tree "$dir/site" || fail "the final record does not describe site/"
echo "kill_build: ok"
