#!/usr/bin/env bash
# CTest's browser.live_reload: a copy of the example project, a new leaflet, `boardpress serve`,
# and a Chromium tab that must show an edit within a second, then the error, then the page again
# (live_reload.mjs beside this file).
#   tests/browser/live_reload.sh BOARDPRESS SOURCE_DIR
source "$(dirname "$0")/lib.bash"
mkdir "$WORK/project"
cp -r "$SOURCE_DIR"/{boardpress.json,content,data,templates} "$WORK/project/"
node "$here/live_reload.mjs" "$BOARDPRESS" "$WORK/project"
