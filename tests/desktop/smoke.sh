#!/usr/bin/env bash
# desktop.smoke: runs nuanxin-desktop on a virtual X display (Xvfb, Mesa's llvmpipe), takes a
# screenshot of the real window and checks that
#   - the screen is not blank (more than MIN_COLOURS distinct colours);
#   - --self-test reports as many households as demo.json holds (counted here with python3,
#     independently of the C++ loader), in Chinese by default (fresh settings folder);
#   - the region plugins in force are the four built-ins the issue names (a national base,
#     Sichuan, Hebei, Shanxi) plus, with PLUGIN_SO, that file loaded from the `plugins/` folder
#     next to the data (approved there with sha256sum); an unapproved copy beside it is refused
#     by name, and the app runs on.
# usage: smoke.sh DESKTOP_EXE DATA_JSON OUT_DIR [PLUGIN_SO PLUGIN_ID]
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

[ $# -eq 3 ] || [ $# -eq 5 ] || { echo "usage: $0 DESKTOP_EXE DATA_JSON OUT_DIR [PLUGIN_SO PLUGIN_ID]" >&2; exit 2; }
exe=$1 source_data=$2 out=$3 plugin=${4:-} plugin_id=${5:-}
for tool in xvfb-run import convert python3 sha256sum; do
  command -v "$tool" >/dev/null || { echo "desktop.smoke: $tool is missing (run scripts/setup.sh)" >&2; exit 1; }
done
[ -f "$source_data" ] || { echo "desktop.smoke: no data set at $source_data" >&2; exit 1; }
mkdir -p "$out"
shot="$out/desktop-smoke.png"
json="$out/desktop-self-test.json"
rm -f "$shot" "$json"
# The data set in a folder of its own, with the plugins folder the app reads beside it.
rm -rf "$out/data"
mkdir -p "$out/data/plugins"
data="$out/data/$(basename "$source_data")"
cp "$source_data" "$data"
if [ -n "$plugin" ]; then
  cp "$plugin" "$out/data/plugins/"
  cp "$plugin" "$out/data/plugins/unapproved.so"
  (cd "$out/data/plugins" && sha256sum "$(basename "$plugin")" >approvals.sha256)
fi
# A settings folder of our own: a language saved by an earlier run must not hide the default.
export XDG_CONFIG_HOME="$out/config"
rm -rf "$XDG_CONFIG_HOME"

NX_SMOKE_INNER=1 xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$exe" "$data" "$shot" "$json"

/usr/bin/python3 - "$data" "$json" "$shot" "$MIN_COLOURS" "$(convert "$shot" -format %k info:)" "$plugin_id" <<'PY'
import json, sys
data_path, json_path, shot, min_colours, colours, plugin_id = sys.argv[1:7]
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
# The issue's plugins: a national base and the Sichuan, Hebei and Shanxi regions, built in.
want_plugins = {"national", "sichuan", "hebei", "shanxi"} | ({plugin_id} if plugin_id else set())
got_plugins = report.get("plugins")
if not isinstance(got_plugins, list) or set(got_plugins) != want_plugins or len(got_plugins) != len(want_plugins):
    failures.append(f"plugins in force: {got_plugins}, expected {sorted(want_plugins)}")
refusals = report.get("plugin_refusals", [])
if plugin_id:
    refused = [r for r in refusals if r.get("file", "").endswith("/plugins/unapproved.so")]
    if not refused or refused[0].get("reason") != "PluginNotApproved" \
            or "unapproved.so: 已拒绝加载插件" not in refused[0].get("text", ""):
        failures.append(f"the unapproved copy was not refused by name: {refusals}")
    if len(refusals) != 1:
        failures.append(f"expected exactly one refusal: {refusals}")
elif refusals:
    failures.append(f"refusals without plugin files: {refusals}")
if int(colours) <= int(min_colours):
    failures.append(f"screenshot {shot} looks blank: {colours} distinct colours")
print(f"desktop.smoke: {json.dumps(report, ensure_ascii=False)}")
print(f"desktop.smoke: screenshot {shot} ({colours} colours)")
if failures:
    print("desktop.smoke: FAILED\n  " + "\n  ".join(failures), file=sys.stderr)
    sys.exit(1)
print("desktop.smoke: ok")
PY
