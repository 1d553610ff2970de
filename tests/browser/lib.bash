# Shared by the browser tests' wrappers (sourced): arguments, a scratch folder, and a clear
# failure, not a skip, when the browser or Node is missing (./scripts/setup.sh installs them).
set -euo pipefail
BOARDPRESS="$1"
SOURCE_DIR="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v node > /dev/null || fail "node is not installed: run ./scripts/setup.sh"
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || fail "no Chromium at $chromium: run ./scripts/setup.sh (package chromium)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
