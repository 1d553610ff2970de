#!/usr/bin/env bash
# CTest's browser.xss: nothing let in. Builds projects/hostile (every value a script payload: in
# boardpress.json, front matter, JSON and CSV data, the glossary, component options, Markdown
# link targets) with the example templates, then:
#  - every page, and the search page with a query that finds a hostile title, is loaded in
#    headless Chromium and no payload runs or could run (xss.mjs);
#  - no HTML holds a javascript:/vbscript:/data: link as written;
#  - the PDFs hold no JavaScript, launch or non-web URI action;
#  - feed.xml and sitemap.xml are well-formed, with the payloads as text;
#  - search-index.js is valid script, with the payloads as data;
#  - addresses that would run script where the project cannot write them safely (navigation,
#    file names) are refused with an error, not built.
#   tests/browser/xss.sh BOARDPRESS SOURCE_DIR
source "$(dirname "$0")/lib.bash"
command -v qpdf > /dev/null || fail "qpdf is not installed: run ./scripts/setup.sh"
command -v python3 > /dev/null || fail "python3 is not installed"
project="$WORK/hostile"
cp -r "$here/projects/hostile" "$project"
cp -rn "$SOURCE_DIR/templates/." "$project/templates/"  # the example's layouts, as shipped
"$BOARDPRESS" build "$project" > "$WORK/build.txt" 2>&1 ||
  { cat "$WORK/build.txt"; fail "the hostile project did not build"; }
site="$project/site"

# Links as written in the HTML (entity-encoded ones are caught in the browser, decoded).
if grep -rniE "(href|src|action|formaction)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*(javascript|vbscript|data:text)" \
     --include='*.html' "$site"; then
  fail "a script address is written as a link"
fi

# PDFs: no JavaScript or Launch actions, and every link a web or mail address.
pdfs=0
while IFS= read -r -d '' pdf; do
  pdfs=$((pdfs + 1))
  qpdf --qdf --object-streams=disable "$pdf" "$WORK/plain.pdf"
  if grep -a -n -i -E "/(JavaScript|JS|Launch|SubmitForm|ImportData|GoToR|RichMedia)\b" "$WORK/plain.pdf"; then
    fail "${pdf#"$site"/} has a script or launch action"
  fi
  grep -a -o '/URI *([^)]*' "$WORK/plain.pdf" | sed 's|/URI *(||' > "$WORK/uris.txt" || true
  if grep -v -E '^(https?://|mailto:)' "$WORK/uris.txt"; then
    fail "${pdf#"$site"/} links an address that is not on the web"
  fi
  grep -a -q -i "javascript" "$WORK/plain.pdf" && fail "${pdf#"$site"/} mentions javascript"
  # The payload is still there, as text (pdftotext is optional: poppler-utils).
  if command -v pdftotext > /dev/null; then
    pdftotext "$pdf" - | grep -qF "bpXss(" || fail "${pdf#"$site"/}: the payloads are not printed as text"
  fi
done < <(find "$site" -name '*.pdf' -print0)
((pdfs >= 3)) || fail "only $pdfs PDFs were made"

# Feed and sitemap: well-formed XML, the payloads as text.
python3 - "$site" << 'EOF' || fail "feed.xml or sitemap.xml"
import sys
import xml.etree.ElementTree as ET
site = sys.argv[1]
atom = "{http://www.w3.org/2005/Atom}"
feed = ET.parse(f"{site}/feed.xml").getroot()
sitemap = ET.parse(f"{site}/sitemap.xml").getroot()
titles = [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")]
assert feed.findtext(f"{atom}title") == "Hostile board <script>bpXss('config-title')</script>", feed.findtext(f"{atom}title")
assert any("<script>bpXss('publication-title')</script>" in t for t in titles), titles
for link in feed.iter(f"{atom}link"):
    assert link.get("href").startswith("https://hostile.example.org/"), link.get("href")
locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
assert len(locs) >= 8 and all(l.startswith("https://hostile.example.org/") for l in locs), locs
EOF
if command -v xmllint > /dev/null; then
  xmllint --noout "$site/feed.xml" "$site/sitemap.xml" || fail "xmllint"
fi

# search-index.js runs as a script and gives back the values as they were written.
node -e '
  const vm = require("vm"), fs = require("fs");
  const context = { window: {} };
  vm.runInNewContext(fs.readFileSync(process.argv[1], "utf8"), context);
  const pages = context.window.BOARDPRESS_SEARCH;
  if (!Array.isArray(pages) || pages.length < 8) throw new Error("no index");
  if (!pages.some((p) => p.title.includes("<script>bpXss(\x27publication-title\x27)</script>")))
    throw new Error("the hostile title is not in the index as written");
  if (!pages.some((p) => p.text.includes("</script><script>bpXss(\x27table-notes\x27)</script>")))
    throw new Error("a payload with </script> is not in the index as written");
' "$site/search-index.js" || fail "search-index.js"

node "$here/xss.mjs" "$site" --search xsstitlemarker

# Places a template writes as given, where no escaping can help: refused with an error.
refused() {  # NAME: builds $WORK/refused, expecting failure with $1 in the errors
  "$BOARDPRESS" build "$WORK/refused" > "$WORK/refused.txt" 2>&1 &&
    fail "$2 was built"
  grep -qF -- "$1" "$WORK/refused.txt" || { cat "$WORK/refused.txt"; fail "$2: no error saying \`$1\`"; }
  rm -rf "$WORK/refused"
}
cp -r "$project" "$WORK/refused" && rm -rf "$WORK/refused/site"
sed -i 's|"url": "index.html"|"url": " JaVaScRiPt:bpXss(1)"|' "$WORK/refused/boardpress.json"
refused "boardpress.json:8:" "a javascript: navigation address"
cp -r "$project" "$WORK/refused" && rm -rf "$WORK/refused/site"
mv "$WORK/refused/content/committee.md" "$WORK/refused/content/javascript:bpXss(1);x.md"
refused "a \`:\` in a file or folder name" "a page named javascript:"
echo "browser.xss: ok"
