#!/usr/bin/env bash
# Every test: install what is missing, build both worlds, then one CTest run that lists the
# native core suites, the same suites under Node, the CLI checks, the native/browser identity
# check, the browser smoke test (headless Chromium) and the desktop smoke test (Xvfb).
# Then the hardening trees, each its own CTest run: build/sanitize (the core, plugin, CLI and
# store tests under AddressSanitizer + UndefinedBehaviorSanitizer) and build/fuzz (a short
# libFuzzer run of each target; scripts/fuzz.sh runs them longer). Extra arguments go to every
# ctest; the command fails when any of the three does.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh"
cd "$root"
jobs=$(nproc)
for preset in sanitize fuzz; do
  cmake --preset "$preset" >/dev/null # always: a changed preset's flags reach an existing tree
  cmake --build --preset "$preset" -j "$jobs"
done
status=0
ctest --preset native -j "$jobs" "$@" || status=1
ctest --preset sanitize -j "$jobs" "$@" || status=1
ctest --preset fuzz -j "$jobs" "$@" || status=1
exit "$status"
