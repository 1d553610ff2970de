#!/usr/bin/env bash
# Runs every test: sets up and builds first (so it works on a fresh clone), then CTest; then the
# unit and integration tests again under AddressSanitizer and UndefinedBehaviorSanitizer, built in
# build-asan/ (-O1; the browser tests are left out: they test Chromium's side, not our memory).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"

cmake -S . -B build-asan -DBOARDPRESS_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug > /dev/null
cmake --build build-asan -j"$(nproc)"
# Any report fails its test: exit status 86 is the sanitizers', never the build's own 1.
ASAN_OPTIONS=detect_leaks=1:exitcode=86 UBSAN_OPTIONS=print_stacktrace=1:exitcode=86 \
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
