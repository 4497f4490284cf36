#!/usr/bin/env bash
# Browser tests of `newsbrief serve`: installs Chromium and playwright-core when missing, builds the
# release binary (or takes $NEWSBRIEF_BIN), starts the server on a free 127.0.0.1 port, drives the page in
# headless Chromium (and the standalone page of `newsbrief brief --format html`, made with the same
# binary), stops the server.
# Exits non-zero on failure; the last line is `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ ! -x /usr/bin/chromium ]; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver || {
    echo "cannot install chromium"; echo "0 passed, 1 failed"; exit 1; }
fi
(
  cd tests/browser
  if [ -f package-lock.json ]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  else
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund
  fi
) >/dev/null || { echo "cannot install playwright-core"; echo "0 passed, 1 failed"; exit 1; }

# NEWSBRIEF_BIN: a binary already built (the test command passes the one `cargo test` just built: building
# `-p newsbrief` alone would compile half the workspace again under other feature settings).
binary="${NEWSBRIEF_BIN:-}"
if [ -z "$binary" ]; then
  cargo build --release -p newsbrief >&2 || { echo "the build failed"; echo "0 passed, 1 failed"; exit 1; }
  binary="${CARGO_TARGET_DIR:-$root/target}/release/newsbrief"
fi
[ -x "$binary" ] || { echo "no $binary"; echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
"$binary" serve --addr 127.0.0.1 --port 0 2>"$log" &
server=$!
stop_server() { kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log"; }
trap stop_server EXIT

url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -n 1)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  cat "$log"; echo "the server did not start"; echo "0 passed, 1 failed"; exit 1
fi

report=$(mktemp)
(cd tests/browser && NEWSBRIEF_URL="$url" NEWSBRIEF_BIN="$binary" node --test --test-reporter=spec page.test.mjs) 2>&1 | tee "$report"
status=${PIPESTATUS[0]}
passed=$(grep -Eo '^ℹ pass [0-9]+' "$report" | grep -Eo '[0-9]+' || echo 0)
failed=$(grep -Eo '^ℹ fail [0-9]+' "$report" | grep -Eo '[0-9]+' || echo 0)
rm -f "$report"
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
