#!/usr/bin/env bash
# Figures of the browser client in headless Chromium (tests/browser/bench.mjs): download size,
# time to the first interactive frame, frame times while scrolling a 1,000,000-household table.
#   bash scripts/bench_browser.sh [extra bench.mjs options, e.g. --households 100000 --runs 5]
# Uses the build trees of scripts/build.sh (WASM_BUILD, NATIVE_BUILD to use others) and keeps the
# benchmark's store in BENCH_WORK (default build/bench-browser), made once by the native CLI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
wasm=${WASM_BUILD:-$root/build/wasm}
native=${NATIVE_BUILD:-$root/build/native}
work=${BENCH_WORK:-$root/build/bench-browser}
for f in "$wasm/wasm/nuanxin.wasm" "$native/native/cli/nuanxin"; do
  if [ ! -e "$f" ]; then
    echo "bench_browser.sh: $f is missing: build first (bash scripts/build.sh)" >&2
    exit 2
  fi
done
exec node "$root/tests/browser/bench.mjs" --site "$wasm/wasm" --cli "$native/native/cli/nuanxin" \
  --work "$work" --font "$wasm/assets/nuanxin-cjk.ttf" "$@"
