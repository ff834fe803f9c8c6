#!/usr/bin/env bash
# Every test: install what is missing, build both worlds, then one CTest run that lists the
# native core suites, the same suites under Node, the CLI checks, the native/browser identity
# check, the browser smoke test (headless Chromium) and the desktop smoke test (Xvfb).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh"
cd "$root"
ctest --preset native -j "$(nproc)" "$@"
