#!/usr/bin/env bash
# Load figures of `newsbrief serve` on 127.0.0.1: throughput and latency at 1, 8 and 64 clients with the
# example story as the request, the server's peak memory, and normal requests during a flood of
# oversized ones. Bounded: each run stops after REQUESTS requests or SECONDS seconds.
#   scripts/server/bench.sh            (uses CARGO_TARGET_DIR or ./target)
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${CARGO_TARGET_DIR:-$PWD/target}"
requests="${REQUESTS:-4000}"
seconds="${SECONDS_PER_RUN:-20}"

cargo build --release -p newsbrief -p newsbrief-server --bin newsbrief --bin loadgen >&2
body=$(mktemp --suffix .json)
python3 - "$body" <<'PY'
import json, pathlib, sys
docs = sorted(pathlib.Path("examples/sessions-kislyak").glob("*.txt"))
articles = [{"id": d.name, "text": d.read_text()} for d in docs]
pathlib.Path(sys.argv[1]).write_text(json.dumps({"articles": articles, "words": 200}))
PY

log=$(mktemp)
"$target/release/newsbrief" serve --port 0 2>"$log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$body" "$log"' EXIT
port=""
for _ in $(seq 1 100); do
  port=$(grep -o '127\.0\.0\.1:[0-9]*' "$log" | head -n 1 | cut -d: -f2)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$log"; exit 1; }

echo "machine: $(nproc) cores, $(uname -sr); body $(wc -c <"$body") bytes (5 articles, 200 words)"
echo "idle server RSS: $(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$server/status)"
loadgen="$target/release/loadgen"
"$loadgen" --port "$port" --body "$body" --clients 1 --requests 200 --seconds 5 >/dev/null   # warm-up
for clients in 1 8 64; do
  "$loadgen" --port "$port" --body "$body" --clients "$clients" --requests "$requests" --seconds "$seconds" --pid "$server"
done
echo "with a flood of 25 MB requests (limit 20 MB) from 4 clients:"
"$loadgen" --port "$port" --body "$body" --clients 8 --requests "$requests" --seconds "$seconds" --pid "$server" \
  --flood-clients 4 --flood-bytes 25000000
echo "server RSS high-water mark: $(awk '/VmHWM/ {printf "%.1f MB", $2/1024}' /proc/$server/status)"
