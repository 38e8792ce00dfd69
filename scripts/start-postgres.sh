#!/usr/bin/env bash
# Starts a throwaway PostgreSQL (Debian's postgresql package, any major version
# found under /usr/lib/postgresql) on 127.0.0.1 and a free port, for the tests
# that need a real server. Prints the environment to export, e.g.
#   eval "$(scripts/start-postgres.sh)"   # sets CHANNELBENCH_TEST_PG_URL, PGHOST, PGPORT, …
#   scripts/start-postgres.sh --stop DIR   # stops the cluster started in DIR
# Runs the server as the `postgres` user when run as root (initdb refuses root).
set -euo pipefail
if [[ "${1:-}" == "--stop" ]]; then
  dir="$2"
  bin="$(cat "$dir/bin")"
  if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/sh -c "$bin/pg_ctl -D $dir/data -m fast stop" >/dev/null; else "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; fi
  rm -rf "$dir"
  exit 0
fi
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [[ -z "$bin" ]]; then echo "no PostgreSQL found under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; fi
dir="$(mktemp -d /tmp/channelbench-pg.XXXXXX)"
chmod 755 "$dir"
echo "$bin" > "$dir/bin"
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
run() { if [[ $(id -u) -eq 0 ]]; then chown -R postgres "$dir"; su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
run "$bin/initdb -D $dir/data -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >$dir/initdb.log 2>&1"
run "$bin/pg_ctl -D $dir/data -l $dir/server.log -w -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null"
run "$bin/psql -h 127.0.0.1 -p $port -U postgres -qc 'CREATE DATABASE channelbench_test' postgres"
echo "export CHANNELBENCH_TEST_PG_URL=postgres://postgres@127.0.0.1:$port/channelbench_test"
echo "export CHANNELBENCH_TEST_PG_DIR=$dir"
