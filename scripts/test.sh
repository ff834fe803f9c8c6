#!/usr/bin/env bash
# Every test: install what is missing, build both worlds, then three CTest runs:
#  1. native: the core suites natively and under Node, the CLI checks, the native/browser identity
#     check, the browser tests (headless Chromium) and the desktop tests (Xvfb);
#  2. sanitize: the same core, CLI, plugin and store suites built with AddressSanitizer and
#     UndefinedBehaviorSanitizer (g++), where any report fails the test;
#  3. fuzz: each libFuzzer target (clang-14) run briefly over its seed corpus.
# Every stage runs even when an earlier one failed, so one run shows everything; the exit status
# is non-zero when any failed. Arguments go to every ctest call (e.g. -R store).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh"
cd "$root"
jobs=$(nproc)
failed=()

stage() { # name, then the command; records a failure instead of stopping
  local name=$1
  shift
  echo "== test.sh: $name"
  "$@" || failed+=("$name")
}

tree() { # preset, then ctest arguments: configure once, build, run its tests
  local preset=$1
  shift
  [ -f "build/$preset/CMakeCache.txt" ] || cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs" && ctest --preset "$preset" -j "$jobs" "$@"
}

stage native ctest --preset native -j "$jobs" "$@"
stage sanitize tree sanitize "$@"
stage fuzz tree fuzz "$@"

if [ ${#failed[@]} -gt 0 ]; then
  echo "test.sh: failed: ${failed[*]}" >&2
  exit 1
fi
echo "test.sh: native, sanitize and fuzz runs passed"
