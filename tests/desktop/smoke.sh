#!/usr/bin/env bash
# desktop.smoke: runs nuanxin-desktop on a virtual X display (Xvfb, Mesa's llvmpipe) with a fresh,
# empty store and settings folder, and drives the real window with xdotool (smoke.py):
#   - the first visit offers the demo; a real click on first.demo (its rectangle read from the
#     app's --hook file) loads it; a screenshot of the window must not be blank;
#   - Ctrl+Q closes cleanly; --self-test on the same store then reports as many households,
#     needs and offers as the demo file holds (counted with python3, independently of the C++
#     loader), in Chinese by default (fresh settings folder);
#   - the region plugins in force are the four built-ins the issue names (a national base,
#     Sichuan, Hebei, Shanxi) plus, with PLUGIN_SO, that file loaded from the `plugins/` folder
#     beside the store (approved there with sha256sum); an unapproved copy beside it is refused
#     by name, and the app runs on.
# usage: smoke.sh DESKTOP_EXE DATA_JSON OUT_DIR [PLUGIN_SO PLUGIN_ID]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

[ $# -eq 3 ] || [ $# -eq 5 ] || { echo "usage: $0 DESKTOP_EXE DATA_JSON OUT_DIR [PLUGIN_SO PLUGIN_ID]" >&2; exit 2; }
exe=$1 data=$2 out=$3 plugin=${4:-} plugin_id=${5:-}
for tool in xvfb-run xdotool import convert python3 sha256sum; do
  command -v "$tool" >/dev/null || { echo "desktop.smoke: $tool is missing (run scripts/setup.sh)" >&2; exit 1; }
done
[ -f "$data" ] || { echo "desktop.smoke: no data set at $data" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/*.png "$out/hook.json" "$out/desktop.log"
# A fresh store folder, with the plugins folder the app reads beside it.
rm -rf "$out/data"
mkdir -p "$out/data/plugins"
if [ -n "$plugin" ]; then
  cp "$plugin" "$out/data/plugins/"
  cp "$plugin" "$out/data/plugins/unapproved.so"
  (cd "$out/data/plugins" && sha256sum "$(basename "$plugin")" >approvals.sha256)
fi
# A settings folder of our own: a language or store saved by an earlier run must not count.
export XDG_CONFIG_HOME="$out/config"
rm -rf "$XDG_CONFIG_HOME"

# xvfb-run's own temporary folder inside ours: a cleaner of /tmp elsewhere cannot fail the run.
mkdir -p "$out/tmp"
TMPDIR="$out/tmp" xvfb-run -a -s "-screen 0 1280x800x24" python3 "$here/smoke.py" --exe "$exe" --data "$data" \
  --store "$out/data/store" --out "$out" --plugin-id "$plugin_id"
