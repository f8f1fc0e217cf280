#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for `make test-postgres`: use one already listening on the port,
# else install Debian's server when missing and start a private cluster in PGDATA as the postgres user.
set -euo pipefail
PGDATA=${1:-$PWD/.pgdata}
PGPORT=${2:-54329}
ready() { pg_isready -q -h 127.0.0.1 -p "$PGPORT" 2>/dev/null; }

if ! ready; then
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
    [[ $(id -u) == 0 ]] || { echo "PostgreSQL is not installed and this user cannot install it" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  # As root the server runs as `postgres`, which may not enter the checkout (a private mktemp folder, a
  # home directory): keep the cluster in a folder of its own under /tmp then.
  if [[ $(id -u) == 0 ]] && ! runuser -u postgres -- test -x "$(dirname "$PGDATA")"; then
    PGDATA=/tmp/malang-heritage-pgdata-$PGPORT
  fi
  mkdir -p "$PGDATA"
  [[ $(id -u) == 0 ]] && chown postgres "$PGDATA"
  if [[ ! -f "$PGDATA/PG_VERSION" ]]; then
    as_pg "$bindir/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 >/dev/null
  fi
  as_pg "$bindir/pg_ctl" -D "$PGDATA" -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" \
    -l "$PGDATA/server.log" -w start >/dev/null
fi
ready || { echo "PostgreSQL did not start on port $PGPORT" >&2; exit 1; }
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='malang_heritage'" | grep -q 1 \
  || psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE malang_heritage"
echo "PostgreSQL ready on 127.0.0.1:$PGPORT"
