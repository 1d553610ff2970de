#!/usr/bin/env bash
# Runs every test: sets up and builds first (so it works on a fresh clone), then CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
