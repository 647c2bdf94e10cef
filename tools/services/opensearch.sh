#!/usr/bin/env bash
# Real single-node OpenSearch on 127.0.0.1 for development and CI, built from
# Maven Central artifacts (tools/opensearch/pom.xml); no Docker, no security
# plugin, plain http.
#
#   tools/services/opensearch.sh start|stop|status
#
# Env:
#   OPENSEARCH_PORT           HTTP port (default 9200)
#   OPENSEARCH_JAVA_HOME      JDK to use; must be 21+ (OpenSearch 3.x)
#   JAVA_HOME                 used when it is 21+, else the Temurin 25 JDK
#   OPENSEARCH_HEAP           JVM heap flags (default "-Xms512m -Xmx1g")
#   OPENSEARCH_START_TIMEOUT  seconds to wait for health (default 180)
#
# State (data, logs, pid, build output) lives in <repo>/.services/opensearch/.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
PROJECT_DIR=$REPO_ROOT/tools/opensearch
STATE_DIR=$REPO_ROOT/.services/opensearch
PID_FILE=$STATE_DIR/opensearch.pid
PORT_FILE=$STATE_DIR/opensearch.port
LOG_FILE=$STATE_DIR/opensearch.log
BUILD_LOG=$STATE_DIR/build.log
CP_FILE=$STATE_DIR/classpath.txt
CLASSES_DIR=$STATE_DIR/build/classes
MAIN_CLASS=org.connectivecities.devsearch.DevOpenSearch

PORT=${OPENSEARCH_PORT:-9200}
URL=http://127.0.0.1:$PORT
START_TIMEOUT=${OPENSEARCH_START_TIMEOUT:-180}
read -r -a HEAP <<<"${OPENSEARCH_HEAP:--Xms512m -Xmx1g}"

log() { echo "opensearch: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=tools/lib/java_build.sh
source "$REPO_ROOT/tools/lib/java_build.sh"

[[ "$PORT" =~ ^[0-9]+$ ]] || die "OPENSEARCH_PORT must be a number, got '$PORT'"

# Pid of our node if it is running (checks the command line so a recycled pid
# of an unrelated process is never signalled).
running_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid=$(<"$PID_FILE")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN_CLASS" || return 1
  echo "$pid"
}

healthy() {
  curl -fsS --max-time 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1
}

port_answers() { # anything listening on the port, OpenSearch or not
  local rc=0
  curl -s -o /dev/null --max-time 3 "$URL/" || rc=$?
  [[ $rc -ne 7 ]] # 7 = connection refused
}

print_info() {
  local root health
  root=$(curl -fsS --max-time 5 "$URL/")
  health=$(curl -fsS --max-time 5 "$URL/_cluster/health")
  jq -r --argjson h "$health" \
    '"opensearch: \(.version.distribution // "elasticsearch") \(.version.number) (lucene \(.version.lucene_version)) cluster=\(.cluster_name) node=\(.name) health=\($h.status)"' <<<"$root" 2>/dev/null ||
    echo "$root"
  echo "opensearch: $URL"
}

show_log_tail() {
  log "---- last lines of $LOG_FILE ----"
  tail -n 60 "$LOG_FILE" >&2 2>/dev/null || true
}

wait_healthy() {
  local pid=$1 deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail
      rm -f "$PID_FILE" "$PORT_FILE"
      die "node process $pid exited during start-up"
    fi
    healthy && return 0
    sleep 1
  done
  show_log_tail
  die "node (pid $pid) not healthy after ${START_TIMEOUT}s; still running, stop it with: $0 stop"
}

cmd_start() {
  local started=$SECONDS pid java_home
  mkdir -p "$STATE_DIR"
  # Serialise concurrent starts (e.g. two test runners); fd 9 is closed for
  # the node below so the lock is not held for the node's lifetime.
  exec 9>"$STATE_DIR/.lock"
  flock -w 600 9 || die "could not take $STATE_DIR/.lock"

  if pid=$(running_pid); then
    # One node per checkout (they would share the data dir).
    if [[ "$(cat "$PORT_FILE" 2>/dev/null)" != "$PORT" ]]; then
      die "already running on port $(cat "$PORT_FILE" 2>/dev/null) (pid $pid); run '$0 stop' first"
    fi
    # Ours, possibly still booting from another invocation: just wait for it.
    wait_healthy "$pid"
    log "already running (pid $pid)"
    print_info
    return 0
  fi
  rm -f "$PID_FILE"
  if healthy; then
    log "a healthy node already answers on port $PORT (not started by this script); reusing it"
    print_info
    return 0
  fi
  port_answers && die "port $PORT is in use by something that is not a healthy OpenSearch node"

  java_home=$(pick_java_home OPENSEARCH_JAVA_HOME)
  ensure_built "$java_home" "$PROJECT_DIR"

  mkdir -p "$STATE_DIR/tmp"
  if [[ -f "$LOG_FILE" ]]; then mv -f "$LOG_FILE" "$LOG_FILE.1"; fi
  log "starting on $URL with $("$java_home/bin/java" -version 2>&1 | head -n1)"
  # JVM flags mirror the distribution's jvm.options where they matter here.
  nohup "$java_home/bin/java" \
    "${HEAP[@]}" \
    -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
    --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector \
    -Dfile.encoding=UTF-8 -Djava.awt.headless=true -Djna.nosys=true \
    -Djava.io.tmpdir="$STATE_DIR/tmp" \
    -Dlog4j2.formatMsgNoLookups=true -Dlog4j2.disable.jmx=true \
    -Dlog4j.shutdownHookEnabled=false \
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true \
    -Dio.netty.recycler.maxCapacityPerThread=0 \
    -Ddevsearch.basePath="$STATE_DIR/node" \
    -Ddevsearch.port="$PORT" \
    -cp "$CLASSES_DIR:$(<"$CP_FILE")" \
    "$MAIN_CLASS" </dev/null >"$LOG_FILE" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"
  echo "$PORT" >"$PORT_FILE"

  wait_healthy "$pid"
  log "healthy after $((SECONDS - started))s (pid $pid, log $LOG_FILE)"
  print_info
}

cmd_stop() {
  local pid i
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE" "$PORT_FILE"
    log "not running"
    return 0
  fi
  log "stopping pid $pid"
  kill -TERM "$pid"
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE" "$PORT_FILE"; log "stopped"; return 0; }
    sleep 1
  done
  log "pid $pid did not stop within 60s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PID_FILE" "$PORT_FILE"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    # Report the node we started, whatever OPENSEARCH_PORT says now.
    PORT=$(cat "$PORT_FILE" 2>/dev/null || echo "$PORT")
    URL=http://127.0.0.1:$PORT
    if healthy; then
      log "running (pid $pid)"
      print_info
      return 0
    fi
    log "process $pid is running but the node is not healthy yet"
    return 1
  fi
  if healthy; then
    log "a node answers on port $PORT but was not started by this script"
    print_info
    return 0
  fi
  log "not running"
  return 3
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
