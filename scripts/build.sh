#!/usr/bin/env bash
# Builds both worlds from one source tree: the browser tree first (build/wasm: core, its tests
# for Node, the page), then the native tree (build/native: CLI, desktop app, every test, which
# also runs the wasm tests by path). Used by scripts/run.sh and scripts/test.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs # Debian's Emscripten needs acorn & co. from here
jobs=$(nproc)
[ -f build/wasm/CMakeCache.txt ] || cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$jobs"
[ -f build/native/CMakeCache.txt ] || cmake --preset native >/dev/null
cmake --build --preset native -j "$jobs"
