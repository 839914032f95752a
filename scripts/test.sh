#!/usr/bin/env bash
# The newcomer's second command, and what CI runs (.ci/run): set up, then run
# every test at the three levels.
#   1. the pure core, natively:           cargo test
#   2. browser APIs in headless Chromium: wasm-bindgen-test (tests/web_*.rs)
#   3. end to end on the built app:       node --test tests/e2e (playwright-core)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

SECONDS=0
phase() { printf '\n== test: %s (at %ds)\n' "$*" "$SECONDS"; }

phase "setup"
bash scripts/setup.sh

phase "1/3 native: cargo test"
cargo test --offline

if ls benches/*.rs >/dev/null 2>&1; then
  phase "1/3 native: benchmarks in test mode (each runs once; no timing is asserted)"
  cargo bench --offline --benches -- --test
fi

phase "2/3 browser APIs: wasm-bindgen-test in headless Chromium"
for t in tests/web_*.rs; do
  cargo test --offline --target wasm32-unknown-unknown --test "$(basename "$t" .rs)"
done

phase "3/3 end to end: build the app, drive it in headless Chromium"
bash scripts/build.sh
node --test --test-concurrency=1 tests/e2e/

echo
echo "test: all levels passed in ${SECONDS}s"
