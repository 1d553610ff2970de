# Shared helpers for the integration tests: sourced, not run by CTest (no .sh test name).
set -euo pipefail
BOARDPRESS="$1"
SOURCE_DIR="$2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# Copies tests/integration/projects/NAME into the work folder and prints its path.
project() { cp -r "$SOURCE_DIR/tests/integration/projects/$1" "$WORK/$1"; echo "$WORK/$1"; }
expect_in() { grep -qF -- "$2" "$1" || { echo "--- $1:"; cat "$1"; fail "expected \`$2\` in $1"; }; }
expect_not_in() { ! grep -qF -- "$2" "$1" || fail "did not expect \`$2\` in $1"; }
