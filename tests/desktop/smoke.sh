#!/usr/bin/env bash
# desktop.smoke: runs nuanxin-desktop on a virtual X display (Xvfb, Mesa's llvmpipe), takes a
# screenshot of the real window and checks that
#   - the screen is not blank (more than MIN_COLOURS distinct colours);
#   - --self-test reports as many households as demo.json holds (counted here with python3,
#     independently of the C++ loader), in Chinese by default (fresh settings folder).
# usage: smoke.sh DESKTOP_EXE DATA_JSON OUT_DIR
set -euo pipefail
MIN_COLOURS=20

if [ "${NX_SMOKE_INNER:-}" = 1 ]; then
  # Inside xvfb-run: DISPLAY is set. Start the app, wait until it has drawn, shoot, stop it.
  exe=$1 data=$2 shot=$3 json=$4
  "$exe" --data "$data" &
  pid=$!
  colours=0
  for _ in $(seq 1 60); do
    sleep 0.5
    kill -0 "$pid" 2>/dev/null || { echo "desktop.smoke: nuanxin-desktop exited early" >&2; exit 1; }
    import -window root "$shot" 2>/dev/null || continue
    colours=$(convert "$shot" -format %k info:)
    [ "$colours" -gt "$MIN_COLOURS" ] && break
  done
  # One more frame's worth of time, then the shot that is kept (fonts and layout settled).
  sleep 1
  import -window root "$shot"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  "$exe" --data "$data" --self-test --frames 60 >"$json"
  exit 0
fi

[ $# -eq 3 ] || { echo "usage: $0 DESKTOP_EXE DATA_JSON OUT_DIR" >&2; exit 2; }
exe=$1 data=$2 out=$3
for tool in xvfb-run import convert python3; do
  command -v "$tool" >/dev/null || { echo "desktop.smoke: $tool is missing (run scripts/setup.sh)" >&2; exit 1; }
done
[ -f "$data" ] || { echo "desktop.smoke: no data set at $data" >&2; exit 1; }
mkdir -p "$out"
shot="$out/desktop-smoke.png"
json="$out/desktop-self-test.json"
rm -f "$shot" "$json"
# A settings folder of our own: a language saved by an earlier run must not hide the default.
export XDG_CONFIG_HOME="$out/config"
rm -rf "$XDG_CONFIG_HOME"

NX_SMOKE_INNER=1 xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$exe" "$data" "$shot" "$json"

/usr/bin/python3 - "$data" "$json" "$shot" "$MIN_COLOURS" "$(convert "$shot" -format %k info:)" <<'PY'
import json, sys
data_path, json_path, shot, min_colours, colours = sys.argv[1:6]
failures = []
with open(data_path, encoding="utf-8") as f:
    dataset = json.load(f)["dataset"]  # {"format": "nuanxin-dataset", "dataset": {...}}
expected = {k: len(dataset.get(k, [])) for k in ("households", "needs", "offers")}
with open(json_path, encoding="utf-8") as f:
    report = json.load(f)
for key, want in expected.items():
    if report.get(key) != want:
        failures.append(f"{key}: app reports {report.get(key)}, {data_path} holds {want}")
if expected["households"] == 0:
    failures.append("the data set has no households: nothing was really checked")
if report.get("lang") != "zh":
    failures.append(f"default language is {report.get('lang')!r}, expected 'zh'")
if int(colours) <= int(min_colours):
    failures.append(f"screenshot {shot} looks blank: {colours} distinct colours")
print(f"desktop.smoke: {json.dumps(report, ensure_ascii=False)}")
print(f"desktop.smoke: screenshot {shot} ({colours} colours)")
if failures:
    print("desktop.smoke: FAILED\n  " + "\n  ".join(failures), file=sys.stderr)
    sys.exit(1)
print("desktop.smoke: ok")
PY
