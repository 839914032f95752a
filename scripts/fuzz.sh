#!/usr/bin/env bash
# Fuzz every import path (txt, docx, share, backup) for a short fixed time
# each, when nightly and cargo-fuzz are present; otherwise say so and exit 0
# (the normal `cargo test` never needs this). Prints executions and crashes
# per target and exits 1 if any target crashed.
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
# New inputs go to a scratch directory: the corpus in fuzz/corpus/ stays the
# few seeds kept in the repository (two minutes grow thousands of files).
# Add a crash's input there once it is fixed.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECS="${1:-60}"
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: skipped (needs the nightly toolchain and cargo-fuzz: cargo +nightly install cargo-fuzz)"
  exit 0
fi
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/fuzz"
cd "$ROOT/fuzz"
cargo +nightly fuzz build --target-dir "$TARGET_DIR" || exit 1
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
crashed=0
for t in txt docx share backup; do
  mkdir -p "$SCRATCH/$t" "artifacts/$t"
  before=$(ls "artifacts/$t" | wc -l)
  log="$SCRATCH/$t.log"
  # -rss_limit_mb / -timeout: a slow or greedy input is a finding too.
  cargo +nightly fuzz run --target-dir "$TARGET_DIR" "$t" "$SCRATCH/$t" "corpus/$t" -- \
    -max_total_time="$SECS" -print_final_stats=1 -timeout=10 -rss_limit_mb=1024 -max_len=262144 >"$log" 2>&1
  rc=$?
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  crashes=$(( $(ls "artifacts/$t" | wc -l) - before ))
  if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
  echo "fuzz $t: ${execs:-0} executions in ${SECS}s, $crashes crashes"
  if [ "$crashes" -ne 0 ]; then
    crashed=1
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -5
  fi
done
exit "$crashed"
