#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers for the tests and prints its URL: the one in
# NEWSBRIEF_TEST_POSTGRES, else 127.0.0.1:5432 database `test` (trust auth, as on the development
# machines), else a server of our own on 127.0.0.1:55432 (installed with apt-get when missing, data in
# target/postgres, stopped by `scripts/postgres.sh stop`).
#
#   export NEWSBRIEF_TEST_POSTGRES=$(scripts/postgres.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
own_port=55432
own_dir="$PWD/target/postgres"
own_url="postgres://postgres@127.0.0.1:$own_port/test"

answers() { scripts/answers.py "$1" 5432; }

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ "${1:-}" = stop ]; then
  [ -d "$own_dir" ] && su postgres -c "$(bin_dir)/pg_ctl -D '$own_dir' stop -m fast" >/dev/null 2>&1 || true
  exit 0
fi
for url in "${NEWSBRIEF_TEST_POSTGRES:-}" "postgres://postgres@127.0.0.1:5432/test" "$own_url"; do
  if [ -n "$url" ] && answers "$url"; then echo "$url"; exit 0; fi
done
if [ -z "$(bin_dir)" ]; then
  echo "postgres: installing postgresql" >&2
  apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
fi
bin="$(bin_dir)"
mkdir -p "$own_dir" && chown postgres "$own_dir"
if [ ! -f "$own_dir/PG_VERSION" ]; then
  su postgres -c "$bin/initdb -D '$own_dir' -A trust -U postgres" >&2
fi
su postgres -c "$bin/pg_ctl -D '$own_dir' -o '-p $own_port -k /tmp -c listen_addresses=127.0.0.1' -l '$own_dir/log' -w start" >&2
su postgres -c "$bin/createdb -h 127.0.0.1 -p $own_port test" >&2 2>/dev/null || true
echo "$own_url"
