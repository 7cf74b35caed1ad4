#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server, with DATABASE_URL pointing at it.
#
#   scripts/with-postgres.sh .venv/bin/python -m pytest
#
# Uses Debian's postgresql package (installed when missing and we are root), started with
# initdb and pg_ctl in a temporary folder on a free local port, and removed afterwards.
set -euo pipefail

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

PGBIN="$(find_bin)"
if [ -z "$PGBIN" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq postgresql >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
    PGBIN="$(find_bin)"
  else
    echo "PostgreSQL is not installed. Install it with: sudo apt-get install postgresql" >&2
    exit 1
  fi
fi

PORT="${MOBILISE_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
WORK="$(mktemp -d /tmp/mobilise-pg.XXXXXX)"
as_owner() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = "0" ]; then chown postgres "$WORK"; fi

stop() {
  as_owner "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop EXIT

as_owner "$PGBIN/initdb" -D "$WORK/data" --auth-local=trust --auth-host=trust -U mobilise >/dev/null
as_owner "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK -c fsync=off" start >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U mobilise mobilise
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"

export DATABASE_URL="postgres://mobilise@127.0.0.1:$PORT/mobilise"
"$@"
