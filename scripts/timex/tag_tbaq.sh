#!/usr/bin/env bash
# Tag every TBAQ TimeML document with `newsbrief timex --tml` (gold TIMEX3/EVENT/links removed, our
# TIMEX3 tags added, text unchanged) into OUT_DIR/{TimeBank,AQUAINT}, ready for the official
# TempEval-3 scorer:  python2 TE3-evaluation.py <gold dir> OUT_DIR/TimeBank
# (TE3-evaluation.py comes with the TempEval-3 evaluation toolkit; it is not in this repo).
#
# usage: scripts/timex/tag_tbaq.sh [TBAQ_DIR] [OUT_DIR]
#   TBAQ_DIR defaults to ../shared/data/timeml/tbaq (relative to the repo root), OUT_DIR to target/timex-tbaq.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tbaq="${1:-$root/../shared/data/timeml/tbaq}"
out="${2:-$root/target/timex-tbaq}"
bin="${NEWSBRIEF:-$root/target/release/newsbrief}"
if [[ ! -x "$bin" ]]; then
  (cd "$root" && cargo build --release -p newsbrief)
fi
for part in TimeBank AQUAINT; do
  mkdir -p "$out/$part"
  for file in "$tbaq/$part"/*.tml; do
    "$bin" timex --tml "$file" --output "$out/$part/$(basename "$file")"
  done
done
echo "tagged documents in $out"
# Our own implementation of the Task A measures on the same data (no scorer download needed):
(cd "$root" && cargo run --release -q -p newsbrief-timex --example tempeval -- "$tbaq/TimeBank" "$tbaq/AQUAINT")
