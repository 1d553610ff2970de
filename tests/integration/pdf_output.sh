# PDFs through the binary: a publication with `pdf: true` gets one PDF of its sections, with its
# words intact and in order, every font embedded, no damage, its title and author, components
# drawn, and the same bytes from a second build in another folder with another -j.
source "$(dirname "$0")/lib.bash"
dir=$(project minimal)
sed -i 's/^numbering: sections$/numbering: sections\npdf: true/' "$dir/content/report-2015/index.md"
cat >> "$dir/content/report-2015/02-second.md" <<'MD'

Prices: £1,250 – “quoted” — ‘single’ café • done.

```table
data: cp.months
caption: Children by month
```
MD
"$BOARDPRESS" build "$dir" -j 1 > "$WORK/out.txt" 2> "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "build failed"; }
pdf="$dir/site/report-2015/report-2015.pdf"
[ -f "$pdf" ] || fail "no PDF at report-2015/report-2015.pdf"
expect_in "$WORK/out.txt" "1 PDF"
pdfinfo "$pdf" > "$WORK/info.txt"
expect_in "$WORK/info.txt" "Title:           Annual Report 2014-15"
expect_in "$WORK/info.txt" "Author:          Test Council"
qpdf --check "$pdf" > "$WORK/qpdf.txt" || { cat "$WORK/qpdf.txt"; fail "qpdf found damage"; }
pdffonts "$pdf" | tail -n +3 > "$WORK/fonts.txt"
[ -s "$WORK/fonts.txt" ] || fail "no fonts listed"
if awk '$(NF-4) != "yes"' "$WORK/fonts.txt" | grep -q .; then cat "$WORK/fonts.txt"; fail "a font is not embedded"; fi
pdftotext "$pdf" "$WORK/text.txt" 2>/dev/null
expect_in "$WORK/text.txt" "Prices: £1,250 – “quoted” — ‘single’ café • done."
expect_in "$WORK/text.txt" "Children by month"
expect_in "$WORK/text.txt" "Contents"
# Reading order: the first section before the second.
first=$(grep -n "This report covers" "$WORK/text.txt" | head -1 | cut -d: -f1)
second=$(grep -n "Prices:" "$WORK/text.txt" | head -1 | cut -d: -f1)
[ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ] || fail "sections out of order"
# Reproducible: another folder, another -j, the same bytes.
cp -r "$dir" "$WORK/again"
rm -rf "$WORK/again/site"
"$BOARDPRESS" build "$WORK/again" -j 4 > /dev/null 2>&1 || fail "second build failed"
cmp "$pdf" "$WORK/again/site/report-2015/report-2015.pdf" || fail "PDF bytes differ between builds"

# A logo on the cover, from boardpress.json's pdf.logo; a missing one is an error.
cp "$SOURCE_DIR/templates/assets/logo.png" "$dir/logo.png"
sed -i 's|"language": "en-GB",|"language": "en-GB", "pdf": {"logo": "logo.png"},|' "$dir/boardpress.json"
"$BOARDPRESS" build "$dir" > /dev/null 2> "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "build with a logo failed"; }
pdfimages -list -f 1 -l 1 "$pdf" > "$WORK/images.txt"
[ "$(tail -n +3 "$WORK/images.txt" | wc -l)" -ge 1 ] || fail "no logo on the cover"
sed -i 's|"logo": "logo.png"|"logo": "missing.png"|' "$dir/boardpress.json"
set +e
NO_COLOR=1 "$BOARDPRESS" build "$dir" > /dev/null 2> "$WORK/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "a missing logo did not fail the build"
expect_in "$WORK/err.txt" "the PDF logo \`missing.png\` is not a file in the project"
sed -i 's|"pdf": {"logo": "missing.png"},||' "$dir/boardpress.json"

# A leaflet: two landscape pages of three panels; a panel too long for its space is an error at
# its first line, naming the panel and how far it overflows, and nothing is written.
cat > "$dir/content/leaflet.md" <<'MD'
---
title: Keeping safe
kind: leaflet
pdf: true
---
## Front

Short.

***

## Flap

Short.
MD
"$BOARDPRESS" build "$dir" > /dev/null 2> "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "leaflet build failed"; }
pdfinfo "$dir/site/leaflet.pdf" > "$WORK/leaflet.txt"
expect_in "$WORK/leaflet.txt" "Pages:           2"
grep -Eq "Page size: +841.89 x 595.2" "$WORK/leaflet.txt" || fail "leaflet pages are not A4 landscape"
{
  printf -- '---\ntitle: Keeping safe\nkind: leaflet\npdf: true\n---\n## Front\n\nShort.\n\n***\n\n## Too long\n\n'
  for i in $(seq 60); do printf 'This sentence is here to make the panel far too long for its space. '; done
  printf '\n'
} > "$dir/content/leaflet.md"
cp "$dir/site/leaflet.pdf" "$WORK/leaflet-before.pdf"
set +e
NO_COLOR=1 "$BOARDPRESS" build "$dir" > /dev/null 2> "$WORK/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "an overflowing leaflet panel did not fail the build"
expect_in "$WORK/err.txt" "content/leaflet.md:12:1: error: panel 2"
expect_in "$WORK/err.txt" "too long for its space"
cmp "$WORK/leaflet-before.pdf" "$dir/site/leaflet.pdf" || fail "a failed build changed the site"
echo "pdf_output: ok"
