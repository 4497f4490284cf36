#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a while: a short run in the test command (CI), a long one by
# hand. New inputs go to a scratch corpus (fuzz/seeds/ stays as committed); a crash stops the run with
# the input saved under fuzz/artifacts/<target>/ — turn it into a regression test.
#
#   scripts/fuzz.sh            # 20 s per target (the test command passes 15: FUZZ_SECONDS)
#   scripts/fuzz.sh 1800       # 30 min per target: the long run (docs/BENCHMARKS.md has the latest, 15 min)
#   scripts/fuzz.sh 60 quotes  # one target
#
# Needs the nightly toolchain (rustup) and cargo-fuzz, which it installs when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
shift || true
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz: skipped (no nightly toolchain: rustup toolchain install nightly)"
  exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo install --locked cargo-fuzz >/dev/null 2>&1
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list --fuzz-dir fuzz)
fi
# No sanitizer: the code is safe Rust, and what the runs look for is panics, hangs and memory blow-ups.
cargo +nightly fuzz build --fuzz-dir fuzz -s none >/dev/null 2>&1 || cargo +nightly fuzz build --fuzz-dir fuzz -s none
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
failed=0
for target in "${targets[@]}"; do
  mkdir -p "$scratch/$target"
  log="$scratch/$target.log"
  if cargo +nightly fuzz run --fuzz-dir fuzz -s none "$target" "$scratch/$target" "fuzz/seeds/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 >"$log" 2>&1; then
    runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | awk '{print $2}')
    echo "fuzz $target: ok (${seconds} s, ${runs:-?} runs, coverage ${cov:-?})"
  else
    echo "fuzz $target: FAILED"
    tail -n 40 "$log"
    failed=1
  fi
done
exit "$failed"
