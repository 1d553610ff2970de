#!/usr/bin/env bash
# CTest's browser.live_reload: a copy of the example project, a new leaflet, `boardpress serve`,
# and a Chromium tab that must show an edit within a second, then the error, then the page again
# (live_reload.mjs beside this file).
#   tests/browser/live_reload.sh BOARDPRESS SOURCE_DIR
set -euo pipefail
BOARDPRESS="$1"
SOURCE_DIR="$2"
here="$(cd "$(dirname "$0")" && pwd)"
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v node > /dev/null || fail "node is not installed: run ./scripts/setup.sh"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || fail "no Chromium: run ./scripts/setup.sh (package chromium)"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/project"
cp -r "$SOURCE_DIR"/{boardpress.json,content,data,templates} "$WORK/project/"
node "$here/live_reload.mjs" "$BOARDPRESS" "$WORK/project"
