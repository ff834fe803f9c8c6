#!/usr/bin/env bash
# Figures of the matching engine: `nuanxin bench match` natively (every core, then one thread)
# and the same command built by em++ under Node, one after the other on one instance, at
# 1,000,000 needs / 20,000 offers and at 100,000 / 2,000 (there with the reference mode). Prints
# each run's JSON line, then the medians side by side with their ratios.
#   bash scripts/bench_match.sh [rounds, default 2]
# Uses the build trees of scripts/build.sh (NATIVE_BUILD, WASM_BUILD to use others).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
native=${NATIVE_BUILD:-$root/build/native}/native/cli/nuanxin
wasm=${WASM_BUILD:-$root/build/wasm}/native/cli/nuanxin.js
rounds=${1:-2}
for f in "$native" "$wasm"; do
  if [ ! -e "$f" ]; then
    echo "bench_match.sh: $f is missing: build first (bash scripts/build.sh)" >&2
    exit 2
  fi
done
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
run() { # label, then the command
  local label=$1
  shift
  echo "== $label" >&2
  "$@" 2>/dev/null | tail -n 1 | sed "s/^/$label\t/" | tee -a "$out" >&2
}
for _ in $(seq "$rounds"); do
  big=(bench match --needs 1000000 --offers 20000 --seed 1 --json --no-reference)
  small=(bench match --needs 100000 --offers 2000 --seed 1 --json)
  run 1M.native "$native" "${big[@]}" --repeats 5
  run 1M.native1 "$native" "${big[@]}" --repeats 3 --threads 1 --no-greedy
  run 1M.wasm node --no-experimental-fetch "$wasm" "${big[@]}" --repeats 3 --no-greedy
  run 100k.native "$native" "${small[@]}" --repeats 9
  run 100k.wasm node --no-experimental-fetch "$wasm" "${small[@]}" --repeats 9 --no-reference \
    --no-greedy
done
python3 - "$out" <<'EOF'
import json, statistics, sys
runs = {}
for line in open(sys.argv[1], encoding="utf-8"):
    label, text = line.rstrip("\n").split("\t", 1)
    runs.setdefault(label, []).append(json.loads(text))
def med(label, key):
    values = [r[key] for r in runs.get(label, []) if r.get(key) is not None]
    return statistics.median(values) if values else None
for size in ("1M", "100k"):
    n = med(size + ".native", "match_ms")
    w = med(size + ".wasm", "match_ms")
    first = runs[size + ".native"][0]
    print(f"{size}: {first['needs']} needs, {first['offers']} offers, {first['classes']} classes, "
          f"{first['arcs']} arcs, {first['components']} components")
    print(f"  engine native (median of runs' medians): {n:.0f} ms on {first['threads']} threads, "
          f"peak {med(size + '.native', 'peak_rss_mb'):.0f} MB "
          f"(instance {med(size + '.native', 'instance_rss_mb'):.0f} MB)")
    one = med(size + ".native1", "match_ms")
    if one:
        print(f"  engine native on one thread: {one:.0f} ms")
    print(f"  wasm under Node: {w:.0f} ms = {w / n:.2f}x native"
          + (f" ({w / one:.2f}x one native thread)" if one else ""))
    ref = med(size + ".native", "reference_ms")
    if ref:
        equal = all(r["objective_equal_reference"] for r in runs[size + ".native"])
        print(f"  reference: {ref:.0f} ms = {ref / n:.1f}x the engine, objective equal: {equal}")
    gain = med(size + ".native", "top_tier_units_more_than_greedy")
    if gain is not None:
        print(f"  top-tier units more than greedy: {gain:.0f}")
    digests = {r["engine_digest"] for label in runs if label.startswith(size) for r in runs[label]}
    print(f"  allocation digests native/wasm/threads: {'equal' if len(digests) == 1 else digests}")
    phases = [r["phases_ms"] for r in runs[size + ".native"]]
    print("  phases (native, ms, median): " + ", ".join(
        f"{k} {statistics.median(p[k] for p in phases):.0f}" for k in phases[0]))
EOF
