#!/usr/bin/env bash
# A throw-away PostgreSQL for the web tests: `scripts/postgres.sh run-tests [pytest args]`
# initdb's a cluster in a temporary directory as the postgres user (PostgreSQL refuses to run as
# root), listens on 127.0.0.1 only on a free port, runs the web tests with DATABASE_URL pointing
# at it, and always stops and removes it (trap), whatever the outcome.
# Autovacuum is off: between tests Django empties the tables, and a vacuum of an empty table
# records "0 rows", after which the planner chose sequential scans inside nested loops over the
# rows a later test inserts in its own (uncommitted) transaction: minutes per query. Never
# vacuumed, the planner estimates from the table's actual size, as it does on a live database.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"

usage() { echo "usage: scripts/postgres.sh run-tests [pytest args...]" >&2; exit 2; }
[ "${1:-}" = "run-tests" ] || usage
shift

PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  if [ -z "${CI:-}" ]; then
    echo "postgres.sh: PostgreSQL not installed (run scripts/system/40-postgresql.sh as root); skipping" >&2
    exit 0
  fi
  echo "postgres.sh: PostgreSQL not installed in CI" >&2
  exit 1
fi

RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then RUN_AS=(runuser -u postgres --); fi
DATA="$(mktemp -d /tmp/jixiao-pg.XXXXXX)"
chmod 755 "$DATA"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA"
PORT="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

cleanup() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT INT TERM

"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DATA/db" -U jixiao --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA/db" -l "$DATA/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off -c full_page_writes=off -c autovacuum=off" start >/dev/null
echo "postgres.sh: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"

cd "$REPO"
DATABASE_URL="postgres://jixiao@127.0.0.1:$PORT/postgres" \
  .venv/bin/python -m pytest tests/web -q -p no:cacheprovider -m "not browser" "$@"
