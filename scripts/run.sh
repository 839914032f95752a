#!/usr/bin/env bash
# The newcomer's first command: set up, build the app into dist/, and serve it
# on this computer only. Open the printed address in a browser.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

bash scripts/setup.sh
bash scripts/build.sh
PORT="${PORT:-8080}"
echo
echo "法治报告助手已构建到 dist/。请在浏览器中打开: http://127.0.0.1:$PORT/"
echo "The app is built in dist/. Open http://127.0.0.1:$PORT/ (Ctrl+C stops the server)."
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
