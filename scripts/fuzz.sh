#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ (libFuzzer) for a while: a short run in the test command (CI), a long one
# by hand. New inputs go to a scratch corpus (fuzz/seeds/ stays as committed); a crash stops the run with
# the input saved under fuzz/artifacts/<target>/ — turn it into a regression test.
#
#   scripts/fuzz.sh            # 20 s per target (the test command passes 15: FUZZ_SECONDS)
#   scripts/fuzz.sh 1800       # 30 min per target: the long run (docs/BENCHMARKS.md has the latest, 15 min)
#   scripts/fuzz.sh 60 quotes  # one target
#   FUZZ_JOBS=1 scripts/fuzz.sh  # one target at a time (default: one per core)
#   scripts/fuzz.sh --build    # only build the targets (the test command builds them beside other work)
#
# Needs the nightly toolchain (rustup). The targets are built as `cargo fuzz build -s none` builds them
# (the same coverage flags, the same fuzz/target/<host>/release/ binaries), with plain cargo: installing
# cargo-fuzz would compile it from source first, minutes of a CI run. `cargo fuzz run` works on them too.
set -euo pipefail
cd "$(dirname "$0")/.."
build_only=false
if [ "${1:-}" = "--build" ]; then
  build_only=true
  shift
fi
seconds="${1:-20}"
shift || true
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz: skipped (no nightly toolchain: rustup toolchain install nightly)"
  exit 0
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(basename -s .rs fuzz/fuzz_targets/*.rs)
fi
host="$(rustc +nightly -vV | sed -n 's/^host: //p')"
# cargo-fuzz's flags for libFuzzer's coverage, without a sanitizer: the code is safe Rust, and what the
# runs look for is panics, hangs and memory blow-ups. --target keeps them off build scripts and proc macros.
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks"
build=(cargo +nightly build --release --manifest-path fuzz/Cargo.toml --target "$host" --locked)
for target in "${targets[@]}"; do
  build+=(--bin "$target")
done
"${build[@]}" >/dev/null 2>&1 || "${build[@]}"
if $build_only; then
  exit 0
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# One libFuzzer process per core at a time (each is single-threaded); reports in the targets' order.
fuzz_one() {
  local target="$1" log="$scratch/$1.log"
  mkdir -p "$scratch/$target" "fuzz/artifacts/$target"
  if "fuzz/target/$host/release/$target" "$scratch/$target" "fuzz/seeds/$target" \
      -artifact_prefix="fuzz/artifacts/$target/" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 >"$log" 2>&1; then
    local runs cov
    runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | awk '{print $2}')
    echo "fuzz $target: ok (${seconds} s, ${runs:-?} runs, coverage ${cov:-?})" >"$scratch/$target.result"
  else
    { echo "fuzz $target: FAILED"; tail -n 40 "$log"; } >"$scratch/$target.result"
  fi
}
parallel="${FUZZ_JOBS:-$(nproc)}"
for target in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do
    wait -n || true
  done
  fuzz_one "$target" &
done
wait
failed=0
for target in "${targets[@]}"; do
  cat "$scratch/$target.result"
  if grep -q "^fuzz $target: FAILED" "$scratch/$target.result"; then
    failed=1
  fi
done
exit "$failed"
