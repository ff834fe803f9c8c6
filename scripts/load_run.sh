#!/usr/bin/env bash
# The load run of issue 8, at full size by default: a store filled with 1,000,000 households and
# 20,000 offers through the CSV import, then cycles of imports, matching runs, approvals and edits,
# while the worker process is killed with SIGKILL at random (seeded) moments and the store is
# reopened and checked after each kill. Prints a line per cycle and per kill, then the figures
# (duration, memory, kills, transactions, losses). Exit 0 when nothing acknowledged was lost and
# every check passed, 1 otherwise, 130 after Ctrl+C (the store stays consistent).
#
#   bash scripts/load_run.sh [--households N] [--offers M] [--cycles C] [--seed S] [--kills K]
#        [--batch B] [--fill-batch F] [--offers-per-cycle P] [--threads T] [--snapshot-every E]
#        [--verify each|end] [--dir DIR] [--remove-store] [--lang en]
#
# Builds the native CLI first (NATIVE_BUILD: another build tree, which must exist). Runs at the
# lowest CPU priority; the store goes to build/load/store-* unless --dir says otherwise (the
# full size takes a few GB of disk and, in the worker, about 3 GB of memory).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
native=${NATIVE_BUILD:-}
if [ -z "$native" ]; then
  native=build/native
  bash scripts/setup.sh
  [ -f "$native/CMakeCache.txt" ] || nice -n 19 cmake --preset native >/dev/null
fi
nice -n 19 cmake --build "$native" -j "$(nproc)" --target nuanxin
dir=build/load
for a in "$@"; do
  case "$a" in --dir | --dir=*) dir="" ;; esac
done
if [ -n "$dir" ]; then
  mkdir -p "$dir"
  set -- --dir "$dir" "$@"
fi
exec nice -n 19 "$native/native/cli/nuanxin" load-run "$@"
