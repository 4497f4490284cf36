#!/usr/bin/env bash
# Throughput of the distributed deployment: publishes a stream to a fresh deployment and times N workers
# (processes) until it is drained; prints articles/s, the workers' CPU seconds per article, where each
# worker's time went (fetch / profile / queue / ack / assign, ms) and the store's size.
#
#   [BATCH=64] scripts/cluster/bench.sh STREAM.jsonl [WORKERS...]     (default: 1 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
input="$1"; shift
counts=("${@:-1 2}")
[ $# -eq 0 ] && counts=(1 2)
cargo build --release -q -p newsbrief
bin="${CARGO_TARGET_DIR:-$PWD/target}/release/newsbrief"
pg="$(scripts/postgres.sh)"; nats="$(scripts/nats.sh)"
articles=$(grep -c . "$input")
for n in "${counts[@]}"; do
  name="bench$$n$n"
  psql -q "$pg" -c "DROP SCHEMA IF EXISTS $name CASCADE; CREATE SCHEMA $name" >/dev/null 2>&1
  join='?'; case "$pg" in *\?*) join='&';; esac
  store="$pg${join}options=-csearch_path%3D$name"
  "$bin" publish --nats "$nats" --name "$name" "$input" 2>/dev/null || true
  start=$(date +%s.%N)
  cpu_files=(); logs=()
  for i in $(seq "$n"); do
    f=$(mktemp); cpu_files+=("$f"); l=$(mktemp); logs+=("$l")
    NEWSBRIEF_LOG=info /usr/bin/time -f "%U %S" -o "$f" "$bin" worker --nats "$nats" --store "$store" --name "$name" --batch "${BATCH:-64}" --until-idle 2>"$l" &
  done
  wait
  end=$(date +%s.%N)
  cpu=$(cat "${cpu_files[@]}" | awk '{s += $1 + $2} END {print s}')
  rm -f "${cpu_files[@]}"
  # Where each worker's time went (ms), and the store's size on disk.
  for l in "${logs[@]}"; do
    grep -o 'profiled=.*' "$l" | sed 's/^/    /'
  done
  rm -f "${logs[@]}"
  psql -qtA "$pg" -c "SELECT '    store: ' || pg_size_pretty(SUM(pg_total_relation_size(c.oid))) || ' for ' || (SELECT COUNT(*) FROM $name.articles) || ' articles' FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = '$name' AND c.relkind = 'r'"
  python3 -c "w=$end-$start; print(f'$n worker(s): $articles articles in {w:.2f} s = {$articles/w:.0f} articles/s, CPU {$cpu:.2f} s = {1000*$cpu/$articles:.2f} ms/article')"
  psql -q "$pg" -c "DROP SCHEMA $name CASCADE" >/dev/null 2>&1
  scripts/nats.sh delete-stream "$nats" "${name^^}"
done
