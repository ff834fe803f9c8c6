#!/usr/bin/env bash
# The main job: install what is missing, build, then serve the browser client with the demo
# data on 127.0.0.1 (Ctrl-C stops it). PORT=8080 by default.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh"
cat <<TXT

Desktop app: $root/build/native/native/desktop/nuanxin-desktop
CLI:         $root/build/native/native/cli/nuanxin --help
Plugins deployed with the page: $root/build/wasm/wasm/plugins (manifest.json, approvals.sha256)
TXT
echo "Browser client: http://127.0.0.1:${PORT:-8080}/?demo  (?demo loads the demo campaign into an empty store)"
exec node "$root/wasm/serve.mjs" --root "$root/build/wasm/wasm" --port "${PORT:-8080}"
