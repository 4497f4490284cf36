#!/usr/bin/env bash
# The distributed deployment on one machine: finds (or starts, scripts/postgres.sh and scripts/nats.sh)
# PostgreSQL and NATS with JetStream, publishes the example stream, runs two workers until it is drained,
# lists the stories from PostgreSQL and prints the first one's brief. A schema and a stream of its own
# (named after this run) are removed at the end.
#
#   scripts/cluster/demo.sh [STREAM.jsonl|DIR]   (default examples/stream/articles.jsonl)
set -euo pipefail
cd "$(dirname "$0")/../.."
input="${1:-examples/stream/articles.jsonl}"
cargo build --release -q -p newsbrief
bin="${CARGO_TARGET_DIR:-$PWD/target}/release/newsbrief"
pg="$(scripts/postgres.sh)"
nats="$(scripts/nats.sh)"
name="demo$$"
psql -q "$pg" -c "CREATE SCHEMA $name" >/dev/null
join='?'; case "$pg" in *\?*) join='&';; esac
store="$pg${join}options=-csearch_path%3D$name"
cleanup() {
  psql -q "$pg" -c "DROP SCHEMA IF EXISTS $name CASCADE" >/dev/null 2>&1 || true
  python3 - "$nats" "${name^^}" <<'PY' >/dev/null 2>&1 || true
import json, socket, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1]); s = socket.create_connection((u.hostname, u.port or 4222))
s.recv(4096); s.sendall(f"CONNECT {{}}\r\nPUB $JS.API.STREAM.DELETE.{sys.argv[2]} 0\r\n\r\nPING\r\n".encode()); s.recv(4096)
PY
}
trap cleanup EXIT

echo "== publish $input to $nats (stream ${name^^})"
"$bin" publish --nats "$nats" --name "$name" "$input" || [ $? -eq 2 ]
echo "== two workers, until the stream is drained"
NEWSBRIEF_LOG=warn "$bin" worker --nats "$nats" --store "$store" --name "$name" --until-idle &
NEWSBRIEF_LOG=warn "$bin" worker --nats "$nats" --store "$store" --name "$name" --until-idle &
wait
echo "== the stories in PostgreSQL"
"$bin" stories --store "$store" --limit 10
first=$("$bin" stories --store "$store" --format jsonl --limit 1 | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["id"])')
echo "== the brief of $first"
"$bin" story "$first" --store "$store" --sections summary,sources
