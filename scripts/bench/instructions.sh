#!/bin/sh
# Instruction counts of fixed workloads (valgrind's callgrind): a speed measure that holds on shared or
# throttled machines, where wall-clock timings of the same build move by tens of percent between runs.
# Compare two builds by running this for each; a change of a percent or more is real.
#   scripts/bench/instructions.sh [NEWSBRIEF_BINARY] [SHARED_DATA_DIR]
# (defaults: target/release/newsbrief, built first; ../shared/data, whose Multi-News dev file adds the batch
# workload when it is there). Installs valgrind from Debian when it is missing.
set -eu
cd "$(dirname "$0")/../.."
bin="${1:-target/release/newsbrief}"
shared="${2:-../shared/data}"
if [ "$#" -eq 0 ]; then
    cargo build --release --quiet -p newsbrief
fi
if ! command -v valgrind >/dev/null 2>&1; then
    apt-get install -y -qq valgrind >/dev/null || { echo "instructions: valgrind is missing and could not be installed" >&2; exit 1; }
fi
example=examples/sessions-kislyak
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
count() {
    name="$1"
    shift
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$bin" "$@" >/dev/null 2>"$out/err" ||
        { cat "$out/err" >&2; exit 1; }
    printf '| %s | %s |\n' "$name" "$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out/err")"
}
echo "| workload | instructions |"
echo "| --- | ---: |"
count "brief of the example story (5 articles)" brief "$example"
count "update brief (3 articles, 2 seen)" brief "$example/002_bdf7c71cacdd55a0.txt" \
    "$example/003_6a909094e5581284.txt" "$example/004_5e607fb1a638b74a.txt" \
    --seen "$example/000_ed4ec6554b1582a8.txt" "$example/001_bf47dad83f23f974.txt"
count "entities of the example story" entities "$example"
if [ -f "$shared/multinews/dev.jsonl" ]; then
    count "summaries of Multi-News dev (260 clusters, 260 words)" summarize \
        --input "$shared/multinews/dev.jsonl" --words 260
fi
