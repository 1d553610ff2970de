# Bad input: small broken projects, each with exactly the diagnostics it should get (file:line:
# column, the message and the fix), never a crash, a hang or silence; and input that should just
# work (byte order marks, CRLF line endings). The projects are made here from projects/bad-base,
# since most of them are bytes (BOMs, CRLF, bad UTF-8) or too large to keep in the repository.
source "$(dirname "$0")/lib.bash"

BOM=$'\xEF\xBB\xBF'
sanitized=false  # AddressSanitizer's build: slower, and its memory is not comparable
# Not `ldd | grep -q`: grep quitting at the first match can kill ldd with SIGPIPE, and pipefail
# then says no.
[[ $(ldd "$BOARDPRESS" 2> /dev/null) == *libasan* ]] && sanitized=true

# new_project NAME: the base project (a home page and the usual layouts) copied to $WORK/NAME.
new_project() {
  cp -r "$SOURCE_DIR/tests/integration/projects/bad-base" "$WORK/$1"
  mkdir -p "$WORK/$1/data"
  echo "$WORK/$1"
}
# build DIR [COMMAND...]: builds DIR (COMMAND runs the binary, as another user say), within five
# minutes; standard error in DIR.err, the exit status in $status. A crash fails the test at once.
build() {
  local dir=$1
  shift
  set +e
  NO_COLOR=1 "$@" timeout 300 "$BOARDPRESS" build "$dir" > "$dir.out" 2> "$dir.err"
  status=$?
  set -e
  if grep -q "Sanitizer\|runtime error" "$dir.err"; then
    head -c 8000 "$dir.err"
    fail "$(basename "$dir"): a sanitizer report"
  fi
  [ "$status" -le 1 ] || { cat "$dir.err"; fail "$(basename "$dir"): exit status $status"; }
}
builds() {
  build "$@"
  [ "$status" -eq 0 ] || { cat "$1.err"; fail "$(basename "$1") did not build"; }
}
# fails_with DIR COUNT [COMMAND...]: the build fails with exactly COUNT errors.
fails_with() {
  local dir=$1 count=$2
  shift 2
  build "$dir" "$@"
  [ "$status" -eq 1 ] || { cat "$dir.err"; fail "$(basename "$dir") built"; }
  grep -qxE "$count errors?" "$dir.err" || { cat "$dir.err"; fail "expected $count errors"; }
}
page() {  # page DIR NAME TITLE BODY: content/NAME.md with front matter
  mkdir -p "$(dirname "$1/content/$2.md")"
  printf -- '---\ntitle: %s\n---\n%s' "$3" "$4" > "$1/content/$2.md"
}
repeat() { python3 -c "import sys; sys.stdout.write(sys.argv[1] * int(sys.argv[2]))" "$1" "$2"; }

# 1. Bytes that are not UTF-8: at the first bad byte of each file (the source line is shown up to
#    it), in Markdown, YAML front matter, JSON, CSV and a template.
dir=$(new_project bad-utf8)
printf -- '---\ntitle: Body\n---\nLine one\nCaf\xE9 au lait\n' > "$dir/content/body.md"
printf -- '---\ntitle: Caf\xE9\n---\nText.\n' > "$dir/content/yaml.md"
printf '{\n  "name": "Caf\xE9"\n}\n' > "$dir/data/names.json"
printf 'a,b\n1,Caf\xE9\n' > "$dir/data/rows.csv"
mkdir -p "$dir/templates/partials"
printf '<p>menu</p>\n<p>Caf\xE9</p>\n' > "$dir/templates/partials/menu.html"
page "$dir" about About $'Text.\n\n{% include "partials/menu.html" %}\n'
fails_with "$dir" 5
err="$dir.err"
expect_in "$err" "content/body.md:5:4: error: the file is not valid UTF-8 (byte 0xE9)"
expect_in "$err" " 5 | Caf"
expect_in "$err" "hint: save the file with UTF-8 encoding"
expect_in "$err" "content/yaml.md:2:11: error: the file is not valid UTF-8 (byte 0xE9)"
expect_in "$err" "data/names.json:2:15: error: the file is not valid UTF-8 (byte 0xE9)"
expect_in "$err" "data/rows.csv:2:6: error: the file is not valid UTF-8 (byte 0xE9)"
expect_in "$err" "templates/partials/menu.html:2:7: error: the file is not valid UTF-8 (byte 0xE9)"

# 2. A UTF-8 byte order mark at the start of Markdown, JSON, CSV, templates and boardpress.json
#    just works, and never reaches the site.
dir=$(new_project bom)
printf '%s{"title": "Test Board", "organisation": "Test Council", "language": "en-GB"}\n' "$BOM" \
  > "$dir/boardpress.json"
printf -- '%s---\ntitle: About\n---\nWe have {{ data.figures.members }} members; first is {{ data.rows[0].name }}.\n\n{%% include "partials/note.html" %%}\n' \
  "$BOM" > "$dir/content/about.md"
printf '%sWelcome, with no front matter.\n' "$BOM" > "$dir/content/plain.md"
printf '%s{"members": 12}\n' "$BOM" > "$dir/data/figures.json"
printf '%sname,n\nAlpha,1\n' "$BOM" > "$dir/data/rows.csv"
mkdir -p "$dir/templates/partials"
printf '%sA *note*\n' "$BOM" > "$dir/templates/partials/note.html"
{ printf '%s' "$BOM"; cat "$dir/templates/base.html"; } > "$WORK/base.html"
mv "$WORK/base.html" "$dir/templates/base.html"
# A page without front matter has no title: the error is at line 1, so the BOM was skipped.
fails_with "$dir" 1
expect_in "$dir.err" "content/plain.md:1:1: error: the page has no \`title\`"
rm "$dir/content/plain.md"
builds "$dir"
expect_in "$dir/site/about.html" "We have 12 members; first is Alpha."
expect_in "$dir/site/about.html" "<p>A <em>note</em></p>"
head -c 15 "$dir/site/about.html" | grep -q '^<!DOCTYPE html>' || fail "the page does not start with <!DOCTYPE"
! grep -rlF "$BOM" "$dir/site" || fail "a byte order mark reached the site"

# 3. CRLF line endings just work, and positions count lines as the author sees them.
dir=$(new_project crlf)
printf -- '---\r\ntitle: About\r\nsummary: Line endings\r\n---\r\nLine one\r\n\r\nWe have {{ data.figures.members | number }} members.\r\n' \
  > "$dir/content/about.md"
printf '{\r\n  "members": 1200\r\n}\r\n' > "$dir/data/figures.json"
printf 'name,n\r\nAlpha,1\r\n' > "$dir/data/rows.csv"
printf '{%% extends "base.html" %%}\r\n{%% block main %%}\r\n<h1>{{ page.title }}</h1>\r\n{{ page.content }}\r\n{%% endblock %%}\r\n' \
  > "$dir/templates/page.html"
builds "$dir"
expect_in "$dir/site/about.html" "We have 1,200 members."
! grep -q $'\r' "$dir/site/about.html" || fail "a carriage return reached the page"
printf -- '---\r\ntitle: About\r\n---\r\nLine one\r\n\r\nWe have {{ data.figures.members | numbr }} members.\r\n' \
  > "$dir/content/about.md"
printf '{\r\n  "members": 1200,\r\n}\r\n' > "$dir/data/bad-json.json"
printf 'name,n\r\nAlpha,1\r\nBeta,2,3\r\n' > "$dir/data/bad-csv.csv"
fails_with "$dir" 3
err="$dir.err"
expect_in "$err" "content/about.md:6:35: error: unknown filter \`numbr\`"
expect_in "$err" " 6 | We have {{ data.figures.members | numbr }} members."
expect_in "$err" "hint: did you mean \`number\`?"
expect_in "$err" "data/bad-json.json:3:1: error: JSON syntax error: expected a key in double quotes"
expect_in "$err" "hint: remove the trailing comma at line 2, column 18"
expect_in "$err" "data/bad-csv.csv:3:8: error: this row has 3 cells but the heading row has 2"
! grep -q $'\r' "$err" || fail "a carriage return in a source line shown"

# 4. Empty files: an empty page has no title, an empty dataset is not JSON or CSV, an empty layout
#    would make blank pages; an empty partial is fine.
dir=$(new_project empty)
: > "$dir/content/empty.md"
: > "$dir/data/nothing-json.json"
: > "$dir/data/nothing-csv.csv"
mkdir -p "$dir/templates/partials"
: > "$dir/templates/partials/nothing.html"
page "$dir" about About $'A{% include "partials/nothing.html" %}B\n'
: > "$dir/templates/page.html"
fails_with "$dir" 4
err="$dir.err"
expect_in "$err" "content/empty.md:1:1: error: the page has no \`title\`"
expect_in "$err" "hint: start the file with front matter"
expect_in "$err" "data/nothing-json.json:1:1: error: JSON syntax error: the file is empty"
expect_in "$err" "hint: an empty dataset is written \`[]\` or \`{}\`"
expect_in "$err" "data/nothing-csv.csv:1:1: error: the CSV file is empty"
expect_in "$err" "templates/page.html: error: the layout \`templates/page.html\` is empty, so the pages laid out with it would be blank"
expect_in "$err" "hint: a layout puts \`{{ page.content }}\` inside the site's frame"
rm "$dir/content/empty.md" "$dir/data/nothing-json.json" "$dir/data/nothing-csv.csv"
cp "$dir/templates/section.html" "$dir/templates/page.html"
builds "$dir"
expect_in "$dir/site/about.html" "<p>AB</p>"

# 5. 50 MB of Markdown in one page builds, in bounded time and memory.
dir=$(new_project big)
python3 - "$dir/content/big.md" << 'EOF'
import sys
words = "the board agreed that children and families need help from every agency".split()
with open(sys.argv[1], "w") as out:
    out.write("---\ntitle: Big\n---\n")
    size, n = 0, 0
    while size < 50 * 1024 * 1024:
        n += 1
        line = f"## Part {n}\n\n" if n % 50 == 0 else " ".join(words[(n + i) % len(words)] for i in range(80)) + f" {n}.\n\n"
        out.write(line)
        size += len(line)
    out.write("The last paragraph.\n")
EOF
start=$SECONDS
if $sanitized; then
  builds "$dir"
else
  builds "$dir" bash -c 'ulimit -v 3000000 && exec "$@"' limit  # 3 GB of address space
fi
elapsed=$((SECONDS - start))
[ "$elapsed" -lt 120 ] || fail "50 MB of Markdown took $elapsed s"
expect_in "$dir/site/big.html" "<p>The last paragraph.</p>"
rm -rf "$dir"

# 6. Nesting 10,000 deep: lists, block quotes and emphasis in Markdown, blocks and brackets in a
#    template: an error at the first level too deep, never a stack overflow.
dir=$(new_project deep)
page "$dir" lists Lists "Intro."$'\n\n'"$(repeat '- ' 10000)bottom"$'\n'
page "$dir" quotes Quotes "$(repeat '> ' 10000)bottom"$'\n'
page "$dir" emphasis Emphasis "$(repeat '*' 10000)bottom$(repeat '*' 10000)"$'\n'
page "$dir" ifs Ifs "$(repeat '{% if true %}' 10000)x$(repeat '{% endif %}' 10000)"$'\n'
page "$dir" brackets Brackets "{{ $(repeat '(' 10000)1$(repeat ')' 10000) }}"$'\n'
mkdir -p "$dir/templates/partials"
repeat '{% for i in [1] %}' 10000 > "$dir/templates/partials/deep.html"
page "$dir" partial Partial $'Text.\n\n{% include "partials/deep.html" %}\n'
fails_with "$dir" 6
err="$dir.err"
expect_in "$err" "content/lists.md:6:101: error: lists, block quotes or emphasis are nested here more than 100 levels deep"
expect_in "$err" "content/quotes.md:4:201: error: lists, block quotes or emphasis are nested here more than 100 levels deep"
expect_in "$err" "content/emphasis.md:4:1: error: lists, block quotes or emphasis are nested here more than 100 levels deep"
expect_in "$err" "content/ifs.md:4:1304: error: \`if\` is nested 101 levels deep, more than the limit of 100"
expect_in "$err" "hint: close the blocks above it sooner, or move the inner part into a macro or an include"
expect_in "$err" "content/brackets.md:4:104: error: the expression is nested too deeply"
expect_in "$err" "templates/partials/deep.html:1:1804: error: \`for\` is nested 101 levels deep"

# 7. Templates that include or extend each other: an error naming the circle.
dir=$(new_project cycles)
mkdir -p "$dir/templates/partials"
printf 'A{%% include "partials/b.html" %%}\n' > "$dir/templates/partials/a.html"
printf 'B\n{%% include "partials/a.html" %%}\n' > "$dir/templates/partials/b.html"
page "$dir" included Included $'Text {% include "partials/a.html" %}\n'
printf '{%% extends "two.html" %%}\n' > "$dir/templates/one.html"
printf '{# two #}\n{%% extends "one.html" %%}\n' > "$dir/templates/two.html"
printf -- '---\ntitle: Extended\ntemplate: one.html\n---\nText.\n' > "$dir/content/extended.md"
fails_with "$dir" 1
expect_in "$dir.err" "templates/partials/b.html:2:4: error: templates include each other without end: partials/a.html -> partials/b.html -> partials/a.html"
expect_in "$dir.err" "hint: remove one of these includes, or put it inside an \`{% if %}\` that ends the repetition"
rm "$dir/content/included.md"
fails_with "$dir" 1
expect_in "$dir.err" "templates/two.html:2:4: error: templates extend each other in a circle: one.html -> two.html -> one.html"
expect_in "$dir.err" "hint: one of these \`extends\` should name the site's base layout instead"

# 8. Loops over huge ranges stop at once with an error, instead of running for hours or using
#    all the memory.
dir=$(new_project huge)
page "$dir" range Range $'Text.\n\n{% for i in range(10**12) %}{{ i }}{% endfor %}\n'
page "$dir" nested Nested $'{% for i in range(999999) %}{% for j in range(999999) %}{% endfor %}{% endfor %}\n'
page "$dir" repeated Repeated $'{{ "x" * 10**12 }}\n'
start=$SECONDS
fails_with "$dir" 3
[ $((SECONDS - start)) -lt 120 ] || fail "huge loops took $((SECONDS - start)) s"
err="$dir.err"
expect_in "$err" "content/range.md:6:18: error: range(0, 1000000000000) has 1000000000000 items, more than the limit of 1000000"
expect_in "$err" "hint: is a number given to it much larger than intended?"
expect_in "$err" "content/nested.md:4:"
expect_in "$err" "loop iterations and macro calls in all"
expect_in "$err" "content/repeated.md:4:1: error: the text would be longer than 64 MB"

# 9. Missing files: an include, a page's own layout, a usual layout, a dataset.
dir=$(new_project missing)
page "$dir" include Include $'Text.\n\n{% include "partials/menu.html" %}\n'
printf -- '---\ntitle: Own layout\ntemplate: pgae.html\n---\nText.\n' > "$dir/content/own.md"
page "$dir" data Data $'We have {{ data.figures.members }} members.\n'
printf '{"members": 12}\n' > "$dir/data/figure.json"
mkdir -p "$dir/content/report"
printf -- '---\ntitle: Report\n---\nText.\n' > "$dir/content/report/index.md"
page "$dir" report/01-one One $'Text.\n'
page "$dir" report/02-two Two $'Text.\n'
rm "$dir/templates/section.html"
fails_with "$dir" 4
err="$dir.err"
expect_in "$err" "content/include.md:6:12: error: template \`partials/menu.html\` not found"
expect_in "$err" "hint: looked in templates/"
expect_in "$err" "content/own.md:3:1: error: the layout \`pgae.html\` is not in templates/"
expect_in "$err" " 3 | template: pgae.html"
expect_in "$err" "hint: did you mean \`page.html\`?"
expect_in "$err" "content/data.md:4:"
expect_in "$err" "did you mean \`data.figure"
expect_in "$err" "templates/section.html: error: the layout \`section.html\` is not in templates/, and the sections of publications are laid out with it"

# 10. Files and folders that cannot be read: each named, with the reason. Root reads everything,
#     so as root the build runs as the user nobody (setpriv); without setpriv it is skipped.
dir=$(new_project unreadable)
page "$dir" secret Secret $'Text.\n'
mkdir -p "$dir/content/closed"
page "$dir" closed/inside Inside $'Text.\n'
printf '{"a": 1}\n' > "$dir/data/locked.json"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv > /dev/null &&
     setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$BOARDPRESS"; then
    chmod 755 "$WORK"
    chmod -R a+rwX "$dir"
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  else
    echo "bad_input: unreadable files skipped: running as root, and cannot run as nobody"
    dir=""
  fi
fi
if [ -n "$dir" ]; then
  chmod 000 "$dir/content/secret.md" "$dir/data/locked.json" "$dir/content/closed"
  fails_with "$dir" 3 "${as_user[@]}"
  chmod 755 "$dir/content/closed"
  err="$dir.err"
  expect_in "$err" "content/secret.md: error: cannot read \`content/secret.md\`: permission denied"
  expect_in "$err" "hint: give your user permission to read it"
  expect_in "$err" "data/locked.json: error: cannot read \`data/locked.json\`: permission denied"
  expect_in "$err" "content/closed: error: cannot read the folder \`content/closed\`: Permission denied"
fi

# 11. Nothing leads out of the project: links out of content/, data/ and templates/ (a partial, an
#     asset), an include with ../, an image with ../ or linking out, a layout with ../.
mkdir -p "$WORK/elsewhere"
printf -- '---\ntitle: Out\n---\nSECRET\n' > "$WORK/elsewhere/secret.md"
printf '{"secret": "SECRET"}\n' > "$WORK/elsewhere/secret.json"
printf 'SECRET\n' > "$WORK/elsewhere/secret.html"
printf 'SECRET' > "$WORK/elsewhere/secret.png"
dir=$(new_project outside)
ln -s "$WORK/elsewhere/secret.md" "$dir/content/linked.md"
ln -s "$WORK/elsewhere/secret.json" "$dir/data/linked.json"
mkdir -p "$dir/templates/partials" "$dir/templates/assets"
ln -s "$WORK/elsewhere/secret.html" "$dir/templates/partials/linked.html"
ln -s "$WORK/elsewhere/secret.html" "$dir/templates/assets/linked.css"
ln -s "$WORK/elsewhere/secret.png" "$dir/content/linked.png"
page "$dir" partial Partial $'Text {% include "partials/linked.html" %}\n'
page "$dir" climb Climb $'Text {% include "../elsewhere/secret.html" %}\n'
page "$dir" image Image $'Text.\n\n![A chart](../../elsewhere/secret.png)\n\n![A logo](linked.png)\n'
printf -- '---\ntitle: Layout\ntemplate: ../../elsewhere/secret.html\n---\nText.\n' > "$dir/content/layout.md"
fails_with "$dir" 8  # the partial linked out is reported once, on loading
err="$dir.err"
expect_in "$err" "content/linked.md: error: \`content/linked.md\` links to \`$WORK/elsewhere/secret.md\`, which is outside \`content/\`"
expect_in "$err" "hint: copy the file into \`content/\` instead of linking to it"
expect_in "$err" "data/linked.json: error: \`data/linked.json\` links to \`$WORK/elsewhere/secret.json\`, which is outside \`data/\`"
expect_in "$err" "templates/partials/linked.html: error: \`templates/partials/linked.html\` links to \`$WORK/elsewhere/secret.html\`, which is outside \`templates/\`"
expect_in "$err" "templates/assets/linked.css: error: \`templates/assets/linked.css\` links to \`$WORK/elsewhere/secret.html\`, which is outside \`templates/\`"
expect_in "$err" "content/climb.md:4:17: error: template name \`../elsewhere/secret.html\` is not allowed"
expect_in "$err" "content/image.md:6:1: error: the image \`../../elsewhere/secret.png\` is outside the project"
expect_in "$err" "content/image.md:8:1: error: the image \`linked.png\` links to a file outside the project"
expect_in "$err" "hint: copy the picture into the project"
expect_in "$err" "content/layout.md:3:1: error: the layout \`../../elsewhere/secret.html\` is not a file in templates/"
expect_in "$err" "hint: name a file in templates/, as in \`template: report.html\`"
[ ! -e "$dir/site" ] || ! grep -rq SECRET "$dir/site" || fail "a file outside the project reached the site"

# 12. Two pages that would write the same file: an error naming both.
dir=$(new_project same-output)
mkdir -p "$dir/content/report"
printf -- '---\ntitle: Report\n---\nText.\n' > "$dir/content/report/index.md"
page "$dir" report/01-intro "Intro one" $'Text.\n'
page "$dir" report/02-intro "Intro two" $'Text.\n'
fails_with "$dir" 1
expect_in "$dir.err" "content/report/02-intro.md: error: \`content/report/01-intro.md\` and \`content/report/02-intro.md\` both make \`report/intro.html\`"
expect_in "$dir.err" "hint: rename one of them"

# 13. Text where a number is expected: in chart and table data, for a numeric filter, a figure.
dir=$(new_project numbers)
printf 'month,count\nApril,12\nMay,n/a\nJune,14\n' > "$dir/data/months.csv"
printf '{"label": "twelve"}\n' > "$dir/data/figures.json"
page "$dir" chart Chart $'Intro.\n\n```chart\ntype: line\ntitle: Counts\ndata: months\nx: month\nseries: [{key: count, label: "Count"}]\n```\n'
page "$dir" table Table $'```table\ndata: months\ncaption: Counts\ncolumns:\n  - {key: month, heading: Month}\n  - {key: count, heading: Count, format: number}\n```\n'
page "$dir" filter Filter $'We had {{ data.figures.label | gbp }} left.\n'
page "$dir" stats Stats $'```stats\nitems:\n  - value: figures.label\n    label: Cases\n    format: number\n```\n'
fails_with "$dir" 4
err="$dir.err"
expect_in "$err" "content/chart.md:11:16: error: \`count\` in row 2 (May) of \`months\` is the text \"n/a\", not a number"
expect_in "$err" "hint: a chart draws numbers: write null for no data"
expect_in "$err" "content/table.md:9:11: error: \`count\` in row 2 (May) of \`months\` is the text \"n/a\", not a number"
expect_in "$err" "content/filter.md:4:32: error: \`gbp\` expects a number for its input, got the text 'twelve'"
expect_in "$err" "content/stats.md:6:"
expect_in "$err" "\`value\` is the text \"twelve\", not a number"

echo "bad_input: ok"
