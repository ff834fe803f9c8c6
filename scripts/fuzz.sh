#!/usr/bin/env bash
# Longer fuzz runs than the test command's short ones (issue 8). Builds the "fuzz" tree
# (clang-14 with Debian's libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer) and runs
# each target for SECONDS over its corpus: the committed seeds (tests/fuzz/corpus/<name>) plus
# what earlier runs found (build/fuzz/tests/fuzz/corpus/<name>, where new inputs go). Everything
# runs at the lowest CPU priority, one target at a time. Prints one line per target (executions,
# executions per second, corpus size, crashes) and a total; a crash, leak, timeout or
# out-of-memory stops that target, its input is kept in build/fuzz/tests/fuzz/artifacts/ and
# the command exits 1. Logs: build/fuzz/tests/fuzz/logs/<name>.log.
#
# usage: bash scripts/fuzz.sh [SECONDS per target, default 600] [TARGET...]
#   targets: csv import journal snapshot backup plugin resident_id assignment
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv import journal snapshot backup plugin resident_id assignment)

bash scripts/setup.sh
[ -f build/fuzz/CMakeCache.txt ] || nice -n 19 cmake --preset fuzz >/dev/null
nice -n 19 cmake --build --preset fuzz -j "$(nproc)"

out=build/fuzz/tests/fuzz
mkdir -p "$out/logs" "$out/artifacts"
found=0
total_execs=0
printf '%-12s %8s %14s %10s %8s %8s\n' target seconds executions exec/s corpus crashes
for t in "${targets[@]}"; do
  [ -x "$out/fuzz_$t" ] || { echo "fuzz.sh: no target '$t'" >&2; exit 2; }
  mkdir -p "$out/corpus/$t"
  before=$(find "$out/artifacts" -name "$t-*" | wc -l)
  log="$out/logs/$t.log"
  start=$(date +%s)
  rc=0
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 nice -n 19 "$out/fuzz_$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/$t-" "$out/corpus/$t" "tests/fuzz/corpus/$t" \
    >"$log" 2>&1 || rc=$?
  took=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  corpus=$(find "$out/corpus/$t" "tests/fuzz/corpus/$t" -type f | wc -l)
  crashes=$(( $(find "$out/artifacts" -name "$t-*" | wc -l) - before ))
  if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi # died without an artifact
  [ "$crashes" -eq 0 ] || { found=$(( found + crashes )); echo "fuzz.sh: $t failed, see $log" >&2; }
  total_execs=$(( total_execs + ${execs:-0} ))
  printf '%-12s %8s %14s %10s %8s %8s\n' "$t" "$took" "${execs:-?}" "${rate:-?}" "$corpus" "$crashes"
done
printf '%-12s %8s %14s %10s %8s %8s\n' total "" "$total_execs" "" "" "$found"
[ "$found" -eq 0 ]
