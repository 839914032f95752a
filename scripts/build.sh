#!/usr/bin/env bash
# Build the release web app into dist/ and print the wasm's size.
# Assumes scripts/setup.sh has run (run.sh and test.sh call it first).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

trunk build --release --offline
wasm=$(ls dist/*_bg.wasm)
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'build: %s — wasm %d bytes raw (%d KiB), %d bytes gzip -9 (%d KiB)\n' \
  "$(basename "$wasm")" "$raw" $((raw / 1024)) "$gz" $((gz / 1024))

# The single file users open by double-click (file://, no network):
# dist/fazhi-report.html, with wasm, glue, CSS and icon inline.
node scripts/pack-single.mjs dist
