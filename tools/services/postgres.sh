#!/usr/bin/env bash
# PostgreSQL from Debian's packages, on loopback, for development and CI.
#
#   tools/services/postgres.sh start|stop|status
#
# Installs the server when it is missing, starts the packaged cluster, and makes
# sure the project's role (allowed to create the test database) and database exist.
# Env: PGPORT (default 5432), PG_USER / PG_PASSWORD / PG_DB (default "connective").
set -euo pipefail

PORT=${PGPORT:-5432}
DB_USER=${PG_USER:-connective}
DB_PASSWORD=${PG_PASSWORD:-connective}
DB_NAME=${PG_DB:-connective}

log() { echo "postgres: $*" >&2; }
die() { log "$*"; exit 1; }

as_postgres() { runuser -u postgres -- "$@"; }

install() {
  if ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
    log "installing the postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql >/dev/null
  fi
}

version() { ls /usr/lib/postgresql | sort -V | tail -n 1; }

ready() { pg_isready -q -h 127.0.0.1 -p "$PORT"; }

start() {
  install
  local ver
  ver=$(version)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$ver main"; then
    log "creating cluster $ver/main on port $PORT"
    pg_createcluster --port "$PORT" "$ver" main >/dev/null
  fi
  local cluster_port
  cluster_port=$(pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $3}')
  [[ "$cluster_port" == "$PORT" ]] || die "cluster $ver/main listens on $cluster_port, not $PORT; set PGPORT=$cluster_port"
  if ! ready; then
    pg_ctlcluster "$ver" main start || true
  fi
  for _ in $(seq 1 60); do ready && break; sleep 0.5; done
  ready || die "PostgreSQL $ver did not become ready on 127.0.0.1:$PORT (see /var/log/postgresql/)"

  # Idempotent role and database; CREATEDB lets the test runner create test_<name>.
  as_postgres psql -q -p "$PORT" -v ON_ERROR_STOP=1 -d postgres <<SQL >/dev/null
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE "$DB_USER" LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
  ELSE
    ALTER ROLE "$DB_USER" LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
  END IF;
END
\$\$;
SQL
  if ! as_postgres psql -p "$PORT" -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" | grep -q 1; then
    as_postgres createdb -p "$PORT" -O "$DB_USER" "$DB_NAME"
  fi
  log "PostgreSQL $(as_postgres psql -p "$PORT" -tAc 'SHOW server_version') ready: postgres://$DB_USER:***@127.0.0.1:$PORT/$DB_NAME"
}

stop() {
  compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || return 0
  pg_ctlcluster "$(version)" main stop 2>/dev/null || true
}

status() {
  if ready; then log "running on 127.0.0.1:$PORT"; else log "not running"; return 3; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
