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
# Everything the runners print is also kept, to add up the counts at the end.
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
exec > >(tee -a "$LOG") 2>&1

phase "setup"
bash scripts/setup.sh

phase "1/3 native: cargo test"
cargo test --offline

phase "2/3 browser APIs: wasm-bindgen-test in headless Chromium"
for t in tests/web_*.rs; do
  cargo test --offline --target wasm32-unknown-unknown --test "$(basename "$t" .rs)"
done

phase "3/3 end to end: build the app, drive it in headless Chromium"
bash scripts/build.sh
node --test --test-concurrency=1 tests/e2e/

phase "fuzz every import path for 30 s each (nightly + cargo-fuzz only; skipped otherwise)"
bash scripts/fuzz.sh 30

phase "benchmarks in quick mode, browser and native (figures only; nothing asserted)"
node scripts/bench.mjs --quick

# One closing line over all runners: cargo's "test result: ok. N passed; M failed"
# (native and wasm-bindgen-test) and node's "# pass N" / "# fail M".
passed=$(( $(grep -oE 'test result: [a-zA-Z]+\. [0-9]+ passed' "$LOG" | awk '{s+=$4} END {print s+0}') \
         + $(grep -E '^# pass [0-9]+' "$LOG" | awk '{s+=$3} END {print s+0}') ))
failed=$(( $(grep -oE '[0-9]+ failed' "$LOG" | grep -v '^0 ' | awk '{s+=$1} END {print s+0}') \
         + $(grep -E '^# fail [0-9]+' "$LOG" | awk '{s+=$3} END {print s+0}') ))
echo
echo "test: all levels passed in ${SECONDS}s"
echo "total: ${passed} passed, ${failed} failed"
