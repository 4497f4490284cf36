#!/usr/bin/env bash
# Makes sure a NATS server with JetStream answers for the tests and prints its URL: the one in
# NEWSBRIEF_TEST_NATS, else 127.0.0.1:4222 (as on the development machines), else a server of our own on
# 127.0.0.1:54222 (installed with apt-get when missing, data in target/nats, stopped by
# `scripts/nats.sh stop`). `scripts/nats.sh delete-stream URL STREAM` removes a stream.
#
#   export NEWSBRIEF_TEST_NATS=$(scripts/nats.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
own_port=54222
own_dir="$PWD/target/nats"
own_url="nats://127.0.0.1:$own_port"

answers() { scripts/answers.py "$1" 4222; }

if [ "${1:-}" = delete-stream ]; then # URL STREAM: a stream of a test or a demo, removed
  python3 - "$2" "$3" <<'PY' >/dev/null 2>&1 || true
import socket, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1]); s = socket.create_connection((u.hostname, u.port or 4222), timeout=5)
s.recv(4096); s.sendall(f"CONNECT {{}}\r\nPUB $JS.API.STREAM.DELETE.{sys.argv[2]} 0\r\n\r\nPING\r\n".encode()); s.recv(4096)
PY
  exit 0
fi
if [ "${1:-}" = stop ]; then
  [ -f "$own_dir/pid" ] && kill "$(cat "$own_dir/pid")" 2>/dev/null || true
  exit 0
fi
for url in "${NEWSBRIEF_TEST_NATS:-}" "nats://127.0.0.1:4222" "$own_url"; do
  if [ -n "$url" ] && answers "$url"; then echo "$url"; exit 0; fi
done
if ! command -v nats-server >/dev/null; then
  echo "nats: installing nats-server" >&2
  apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y nats-server >&2
fi
mkdir -p "$own_dir"
nohup nats-server -a 127.0.0.1 -p "$own_port" -js -sd "$own_dir" >"$own_dir/log" 2>&1 &
echo $! >"$own_dir/pid"
for _ in $(seq 50); do
  if answers "$own_url"; then echo "$own_url"; exit 0; fi
  sleep 0.2
done
echo "nats: the server did not start (see $own_dir/log)" >&2
exit 1
