#!/usr/bin/env bash
# desktop.e2e: the whole flow in the real desktop app on a virtual X display, driven with real X
# pointer and keyboard events (xdotool) at the widget rectangles the app reports in its --hook
# file (e2e.py):
#   1. a fresh settings folder and a fresh store; the test writes synthetic households, donors
#      and offers CSVs (made-up names, ID numbers with check characters computed here, real
#      Sichuan county codes from DIVISIONS_CSV); households and offers go through files.pick →
#      the in-app file browser (path typed, Enter) → what the file holds → files.import, the
#      donors are dragged onto the window (XDND, xdnd_drop.py) → files.import; the hook's counts
#      must reach the numbers the test took from its own files;
#   2. matching: match.run until the hook says it finished with proposals, select all, approve:
#      refused whole while the user has no approver tier; the user given tier 1 on the roles form
#      approves, and approved must equal the proposals; a screenshot of every screen;
#   3. Ctrl+Q, a start without --store: the last store opens with the same numbers;
#   4. the window resized with xdotool, Ctrl+Q, a new start: the size was remembered;
#   5. another store opened through the menu's dialog; --self-test then names it as the store.
# Screenshots and logs in OUT_DIR.
# usage: e2e.sh DESKTOP_EXE DIVISIONS_CSV OUT_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

[ $# -eq 3 ] || { echo "usage: $0 DESKTOP_EXE DIVISIONS_CSV OUT_DIR" >&2; exit 2; }
exe=$1 divisions=$2 out=$3
for tool in xvfb-run xdotool import convert python3; do
  command -v "$tool" >/dev/null || { echo "desktop.e2e: $tool is missing (run scripts/setup.sh)" >&2; exit 1; }
done
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -rf "$out"/e2e-store "$out"/other-store "$out"/config "$out"/data-home "$out"/*.png "$out"/*.log "$out"/hook-*.json
# Settings and the default store folder of our own: nothing from an earlier run counts.
export XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data-home"

# xvfb-run's own temporary folder inside ours: a cleaner of /tmp elsewhere cannot fail the run.
mkdir -p "$out/tmp"
TMPDIR="$out/tmp" xvfb-run -a -s "-screen 0 1280x800x24" python3 "$here/e2e.py" --exe "$exe" --divisions "$divisions" \
  --out "$out" --store "$out/e2e-store"
