#!/usr/bin/env bash
# Installs what is missing (Debian packages, the browser test's npm packages), builds boardpress,
# and builds the example site.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libhpdf-dev
          libharfbuzz-dev nlohmann-json3-dev catch2 libyaml-cpp-dev libjemalloc-dev fonts-liberation2 poppler-utils
          qpdf chromium)
# Node.js for the browser test; machines with Node from elsewhere (NodeSource) already have npm.
command -v node > /dev/null || packages+=(nodejs)
command -v npm > /dev/null || packages+=(npm)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The browser test's npm packages (axe-core), as pinned by the lock file; again when it changes.
if [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error > /dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
./build/boardpress build .
