#!/usr/bin/env bash
# Build the release web app into dist/ and print the wasm's size.
# Assumes scripts/setup.sh has run (run.sh and test.sh call it first).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

# Old browser cores: with a nightly toolchain and its rust-src, build the wasm
# for the WebAssembly MVP (std rebuilt with -Zbuild-std, target-cpu=mvp) so
# that Chromium cores without reference types, bulk memory or sign-ext (the
# 360/QQ "极速模式" cores of older Windows PCs) can run it; index.html asks
# wasm-opt for --signext-lowering, since binaryen itself emits sign-ext.
# Otherwise build on stable and say so. FAZHI_WASM=stable forces stable.
#
# Size: `--cfg erase_components` makes Leptos type-erase component views
# (one generic instance instead of one per view tree): 466 -> 419 KB gzip.
# On nightly, -Zlocation-detail=none drops panic file/line strings and
# -Zfmt-debug=none makes `{:?}` print nothing (we never show Debug output to
# users; messages use Display): a further 13 KB gzip. -Cpanic=immediate-abort
# turns a panic straight into a trap, without formatting its message
# (which nobody sees on a user's PC; the page shows its own message on a
# trap, see index.html): a further 11 KB gzip. std is rebuilt with its
# `optimize_for_size` feature: smaller sort, integer-printing and string
# routines with the same results (the sorts stay O(n log n)): a further
# 20.9 KB gzip when each element type had its own sort routine, 5.6 KB
# since the app's sorts go through one (src/report/sort.rs).
variant=stable
if [ "${FAZHI_WASM:-auto}" != stable ] \
   && rustup toolchain list 2>/dev/null | grep -q '^nightly' \
   && rustup +nightly component list --installed 2>/dev/null | grep -qx rust-src; then
  variant=mvp
fi
if [ "$variant" = mvp ]; then
  echo "build: wasm for the WebAssembly MVP (nightly $(rustc +nightly --version | cut -d' ' -f2-), -Zbuild-std)"
  RUSTUP_TOOLCHAIN=nightly RUSTFLAGS="-C target-cpu=mvp --cfg erase_components -Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort" CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=panic-unwind,optimize_for_size \
    trunk build --release --offline
else
  if [ "${FAZHI_WASM:-auto}" = stable ]; then
    echo "build: note: FAZHI_WASM=stable, so the wasm is built on stable and"
  else
    echo "build: note: no nightly toolchain with rust-src here, so the wasm is built on stable and"
  fi
  echo "build:       uses post-MVP features (reference types etc.): it needs Chromium 96 or newer."
  echo "build:       For older cores: rustup toolchain install nightly && rustup component add rust-src --toolchain nightly"
  RUSTFLAGS="--cfg erase_components" trunk build --release --offline
fi
echo "$variant" > dist/wasm-variant.txt
wasm=$(ls dist/*_bg.wasm)
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'build: %s — wasm %d bytes raw (%d KiB), %d bytes gzip -9 (%d KiB)\n' \
  "$(basename "$wasm")" "$raw" $((raw / 1024)) "$gz" $((gz / 1024))

# The single file users open by double-click (file://, no network):
# dist/fazhi-report.html, with wasm, glue, CSS and icon inline.
node scripts/pack-single.mjs dist
