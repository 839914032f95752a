# Sourced by the other scripts: the tools the project installs, first on PATH.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# Trunk must never reach GitHub for its version check or a tool download.
export TRUNK_SKIP_VERSION_CHECK=true
export TRUNK_OFFLINE=true
