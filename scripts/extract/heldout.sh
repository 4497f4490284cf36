#!/usr/bin/env bash
# Trains the block model on both labelled sets (5-fold CV report, 30 % of the pages held out by a
# hash of their key), writes it to crates/extract/model/blocks.json, then scores newsbrief,
# trafilatura and readability-lxml on exactly the held-out pages, each set and both together.
# usage: scripts/extract/heldout.sh [DATA_ROOT]   (default: ../shared/data)
# needs: trafilatura (+ lxml_html_clean) and readability-lxml importable by python3, as for bench.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/../shared/data}"
out="$(mktemp -d)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cargo build --release -q -p newsbrief-extract --bins
"$CARGO_TARGET_DIR/release/extract-train" "$data/article-extraction" "$data/article-extraction-l3s" \
  --out "$root/crates/extract/model/blocks.json" --split-dir "$out"
# The binary embeds the model file: build again so that extract-bench uses the model just written.
cargo build --release -q -p newsbrief-extract --bins
for set in article-extraction article-extraction-l3s all; do
  echo "## $set: held-out pages"
  python3 "$root/scripts/extract/competitors.py" "$out/$set-heldout" "$out/$set-predictions"
  "$CARGO_TARGET_DIR/release/extract-bench" "$out/$set-heldout" --extractor ours \
    --predictions "$out/$set-predictions/trafilatura.json" \
    --predictions "$out/$set-predictions/readability-lxml.json"
done
rm -rf "$out"
