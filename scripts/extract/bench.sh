#!/usr/bin/env bash
# Article-extraction benchmark: newsbrief, dom_smoothie, trafilatura and readability-lxml side by
# side, all scored by the one metric in crates/extract/src/metric.rs.
# usage: scripts/extract/bench.sh [DATA_DIR]   (default: ../shared/data/article-extraction)
# needs: pip install trafilatura; pip install readability-lxml  (two commands: pip trips on them together)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/../shared/data/article-extraction}"
out="$(mktemp -d)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cargo build --release -q -p newsbrief-extract --features compare --bin extract-bench
python3 "$root/scripts/extract/competitors.py" "$data" "$out"
"$CARGO_TARGET_DIR/release/extract-bench" "$data" --extractor ours --extractor dom_smoothie \
  --predictions "$out/trafilatura.json" --predictions "$out/readability-lxml.json"
rm -rf "$out"
