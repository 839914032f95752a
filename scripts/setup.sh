#!/usr/bin/env bash
# Install everything a fresh machine lacks, from the package registries only
# (crates.io, npm, Debian). Idempotent: a second run checks versions and
# installs nothing, in a few seconds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

TRUNK_VERSION=0.21.14
step() { printf '\n== setup: %s\n' "$*"; }
SECONDS=0

# 1. The wasm target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: Chromium and its driver for the browser tests, CJK fonts
#    for screenshots, Firefox ESR for the single file's Firefox test. apt-get update only when something is missing.
missing=()
for pkg in chromium chromium-driver fonts-noto-cjk firefox-esr; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 3. Node tools (binaryen 132's wasm-opt, playwright-core, puppeteer-core)
#    exactly as locked.
if ! command -v npm >/dev/null; then
  echo "setup: npm is missing; install Node.js 18+ (apt-get install nodejs npm)" >&2
  exit 1
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ ! -d node_modules/puppeteer-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci (binaryen, playwright-core, puppeteer-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi
# The old Chromium cores (69, 78, 88) the end-to-end tests run the single
# file in: fetched from the npm registry once, into ~/.cache/fazhi-old-cores.
if ! node tests/old-cores/cores.mjs --check >/dev/null 2>&1; then
  step "old Chromium cores for the tests (npm chrome-aws-lambda, ~150 MB, once)"
  node tests/old-cores/cores.mjs
fi
case "$(wasm-opt --version)" in
  *version_132*) ;;
  *) echo "setup: wasm-opt is not binaryen 132: $(command -v wasm-opt)" >&2; exit 1 ;;
esac

# 4. trunk, pinned: 0.22 needs a newer rustc than the machine has.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "cargo install trunk@$TRUNK_VERSION"
  cargo install "trunk@$TRUNK_VERSION" --locked
fi

# 5. wasm-bindgen-cli at exactly Cargo.lock's wasm-bindgen version. Not
#    --locked: its lock file names a crate version the registry no longer has.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]; then
  step "cargo install wasm-bindgen-cli@$WBG_VERSION"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# 6. Crates for offline builds (trunk passes --offline to cargo).
cargo fetch --quiet
# std's sources, when a nightly toolchain is present without them: build.sh
# rebuilds std for the WebAssembly MVP (old browser cores) and for a smaller
# wasm. rustup downloads them from its own server; when that fails, build.sh
# builds on stable and says so, so this step never stops the setup.
if rustup toolchain list 2>/dev/null | grep -q '^nightly' \
   && ! rustup +nightly component list --installed 2>/dev/null | grep -qx rust-src; then
  step "rustup component add rust-src --toolchain nightly"
  timeout 300 rustup component add rust-src --toolchain nightly \
    || echo "setup: note: could not add rust-src to nightly; the wasm will be built on stable"
fi
# ... and std's own crates, when scripts/build.sh will rebuild std for the
# WebAssembly MVP (a nightly toolchain with rust-src is present).
if rustup toolchain list 2>/dev/null | grep -q '^nightly' \
   && rustup +nightly component list --installed 2>/dev/null | grep -qx rust-src; then
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort cargo +nightly fetch --quiet --target wasm32-unknown-unknown
fi

echo "setup: ready in ${SECONDS}s (trunk $TRUNK_VERSION, wasm-bindgen $WBG_VERSION, wasm-opt 132, $(chromium --version 2>/dev/null | head -1))"
