#!/usr/bin/env bash
# Redis from Debian's packages, on loopback, for development and CI.
#
#   tools/services/redis.sh start|stop|status
#
# Runs the project's own instance (no persistence) with its pid and log under
# <repo>/.services/redis/. Env: REDIS_PORT (default 6379).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE_DIR=$(cd "$SCRIPT_DIR/../.." && pwd)/.services/redis
PORT=${REDIS_PORT:-6379}

log() { echo "redis: $*" >&2; }
die() { log "$*"; exit 1; }

install() {
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    log "installing the redis-server package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq redis-server >/dev/null
  fi
}

ready() { [[ "$(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null)" == "PONG" ]]; }

start() {
  install
  if ready; then
    log "already running on 127.0.0.1:$PORT"
    return 0
  fi
  mkdir -p "$STATE_DIR"
  redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes \
    --save "" --appendonly no --dir "$STATE_DIR" \
    --pidfile "$STATE_DIR/redis.pid" --logfile "$STATE_DIR/redis.log"
  for _ in $(seq 1 50); do ready && break; sleep 0.1; done
  ready || { tail -n 20 "$STATE_DIR/redis.log" >&2 || true; die "Redis did not answer on 127.0.0.1:$PORT"; }
  log "Redis $(redis-cli -p "$PORT" info server | sed -n 's/^redis_version:\(.*\)\r$/\1/p') ready on 127.0.0.1:$PORT"
}

stop() {
  if ready; then redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || true; fi
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
