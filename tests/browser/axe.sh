#!/usr/bin/env bash
# CTest's browser.axe: builds the example project with the boardpress binary into a temporary
# folder, then checks every page with axe-core in headless Chromium (axe.mjs beside this file).
#   tests/browser/axe.sh BOARDPRESS SOURCE_DIR
# A missing browser or npm package fails the test rather than skipping it: ./scripts/setup.sh
# installs both.
source "$(dirname "$0")/lib.bash"
[ -f "$here/node_modules/axe-core/axe.min.js" ] ||
  fail "axe-core is not installed in $here/node_modules: run ./scripts/setup.sh"
"$BOARDPRESS" build "$SOURCE_DIR" --output "$WORK/site" > "$WORK/build.txt" 2>&1 ||
  { cat "$WORK/build.txt"; fail "the example project did not build"; }
# Pages that link the site absolutely (the 404 page) get its files from the build, not the web.
base_url=$(node -e 'const fs = require("fs");
  process.stdout.write(JSON.parse(fs.readFileSync(process.argv[1], "utf8")).base_url || "")' \
  "$SOURCE_DIR/boardpress.json")
node "$here/axe.mjs" "$WORK/site" --base-url "$base_url"
