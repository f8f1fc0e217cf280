#!/usr/bin/env bash
# The deployment stack on one machine: PostgreSQL, Redis, two gunicorn app servers and Varnish in front.
#
#   deploy/stack.sh up      start what is not running (installing Debian's packages when missing), migrate,
#                           seed and draw the maps once; a second `up` changes nothing that runs
#   deploy/stack.sh down    stop all five, newest first, and wait for each
#   deploy/stack.sh status  what runs, by its pid file
#
# State lives in .stack/: a pid file per process (app-1, app-2, varnish, redis, postgres), logs, Redis's data,
# collected static files, media, and `env`, the environment the app servers run with (source it to point
# manage.py at the stack). On several machines the same files serve with real hosts: the backends and the PURGE
# ACL in deploy/varnish/default.vcl, DATABASE_URL and CACHE_URL in the env file.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
S=$ROOT/.stack
STACK_PORT=${STACK_PORT:-8080}
APP_PORTS=(8101 8102)  # the backends named in deploy/varnish/default.vcl
PG_PORT=${STACK_PG_PORT:-54331}
REDIS_PORT=${STACK_REDIS_PORT:-63791}
BIN=$ROOT/.venv/bin

alive() { [[ -f "$S/$1.pid" ]] && kill -0 "$(cat "$S/$1.pid")" 2>/dev/null; }
say() { echo "stack: $*"; }

install_missing() {
  local missing=()
  command -v varnishd >/dev/null || [[ -x /usr/sbin/varnishd ]] || missing+=(varnish)
  command -v redis-server >/dev/null || missing+=(redis-server)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v curl >/dev/null || missing+=(curl)
  if ((${#missing[@]})); then
    [[ $(id -u) == 0 ]] || { echo "stack: missing ${missing[*]}; install them (apt-get install ${missing[*]})" >&2; exit 1; }
    say "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

write_env() {
  [[ -f "$S/env" ]] && return
  local key
  key=$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(60))')
  cat >"$S/env" <<EOF
# The environment of the stack's app servers (deploy/stack.sh). Production settings, as a city deployment runs
# them; TLS would end in front of Varnish (X-Forwarded-Proto: https); on one machine it is plain HTTP on 127.0.0.1.
DJANGO_SETTINGS_MODULE=config.settings.production
SECRET_KEY=$key
ALLOWED_HOSTS=127.0.0.1,localhost,heritage.example.id
DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/malang_heritage
CACHE_URL=redis://127.0.0.1:$REDIS_PORT/0
QR_BASE_URL=https://heritage.example.id
CANONICAL_URL=https://heritage.example.id
FRONTEND_CACHE_PURGE_URL=http://127.0.0.1:$STACK_PORT
TRUST_PROXY_HEADERS=true
SECURE_SSL_REDIRECT=false
EMAIL_URL=console://
DEFAULT_FROM_EMAIL="Malang Heritage <noreply@heritage.example.id>"
STATIC_ROOT=$S/static
MEDIA_ROOT=$S/media
SCAN_SPOOL_DIR=$S/scans
EOF
}

with_env() { (set -a; source "$S/env"; set +a; "$@"); }
manage() { with_env "$BIN/python" manage.py "$@"; }

start_postgres() {
  bash .ci/postgres.sh "$S/pgdata" "$PG_PORT" >/dev/null
  # As root the cluster may live under /tmp (see .ci/postgres.sh): find it by its port.
  local dir
  for dir in "$S/pgdata" "/tmp/malang-heritage-pgdata-$PG_PORT"; do
    if [[ -f "$dir/postmaster.pid" ]]; then
      head -1 "$dir/postmaster.pid" >"$S/postgres.pid"
      echo "$dir" >"$S/postgres.dir"
      return
    fi
  done
  echo "stack: PostgreSQL answers on $PG_PORT but its data folder is not ours" >&2
  exit 1
}

start_redis() {
  alive redis && return
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --pidfile "$S/redis.pid" \
    --dir "$S" --appendonly yes --logfile "$S/redis.log" --save ""
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
  echo "stack: Redis did not start (see $S/redis.log)" >&2
  exit 1
}

start_app() {
  local name=$1 port=$2
  alive "$name" && return
  with_env "$BIN/gunicorn" --chdir site config.wsgi --bind "127.0.0.1:$port" --workers 2 --daemon \
    --pid "$S/$name.pid" --error-logfile "$S/$name.log" --access-logfile "$S/$name.access.log"
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/robots.txt" 2>/dev/null && return
    sleep 0.2
  done
  echo "stack: $name did not answer on $port (see $S/$name.log)" >&2
  exit 1
}

start_varnish() {
  alive varnish && return
  # -j none: no privilege separation, so Varnish reads the checkout and .stack/ as the user who runs this.
  /usr/sbin/varnishd -j none -a "127.0.0.1:$STACK_PORT" -f "$ROOT/deploy/varnish/default.vcl" \
    -n "$S/varnish" -P "$S/varnish.pid" -s malloc,128m -p default_ttl=300
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$STACK_PORT/robots.txt" 2>/dev/null && return
    sleep 0.2
  done
  echo "stack: Varnish does not answer on $STACK_PORT" >&2
  exit 1
}

up() {
  mkdir -p "$S"
  install_missing
  [[ -x "$BIN/gunicorn" ]] || make install >/dev/null
  write_env
  start_postgres
  start_redis
  manage migrate --no-input -v0
  [[ -f "$S/seeded" ]] || manage collectstatic --no-input -v0
  start_app app-1 "${APP_PORTS[0]}"
  start_app app-2 "${APP_PORTS[1]}"
  start_varnish
  # Seeded once, with Varnish already up so the seed's purges reach it; then every map drawn.
  if [[ ! -f "$S/seeded" ]]; then
    manage seed_malang >"$S/seed.log"
    manage draw_maps
    touch "$S/seeded"
  fi
  say "up: http://127.0.0.1:$STACK_PORT/ (environment in .stack/env)"
}

stop_pid() {
  local name=$1
  alive "$name" || { rm -f "$S/$name.pid"; return 0; }
  local pid
  pid=$(cat "$S/$name.pid")
  kill -TERM "$pid"
  for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  rm -f "$S/$name.pid"
}

down() {
  [[ -d "$S" ]] || return 0
  stop_pid varnish
  stop_pid app-2
  stop_pid app-1
  if alive redis; then redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; fi
  stop_pid redis
  if alive postgres; then
    local dir bindir
    dir=$(cat "$S/postgres.dir")
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    if [[ $(id -u) == 0 ]]; then
      runuser -u postgres -- "$bindir/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    else
      "$bindir/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    fi
  fi
  rm -f "$S/postgres.pid"
  say "down"
}

status() {
  local name
  for name in postgres redis app-1 app-2 varnish; do
    if alive "$name"; then echo "$name: running (pid $(cat "$S/$name.pid"))"; else echo "$name: stopped"; fi
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: deploy/stack.sh up|down|status" >&2; exit 2 ;;
esac
