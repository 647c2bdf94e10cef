#!/usr/bin/env bash
# Parses a directory of request bodies with Elasticsearch 9's own parsers (see
# tools/elasticsearch/pom.xml): *.search.json as _search bodies, *.index.json as
# create-index bodies. Builds the check with Maven first when needed (the first
# build downloads the server jar and its dependencies, ~60 MB, into ~/.m2).
#
#   tools/elasticsearch/check.sh DIR     # one JSON line per file; exit 1 if any failed
#   tools/elasticsearch/check.sh build   # only build (e.g. ahead of a test run)
#
# Env:
#   ES_CHECK_JAVA_HOME   JDK to use; must be 21+ (Elasticsearch 9.x)
#   JAVA_HOME            used when it is 21+, else the Temurin 25 JDK
#
# Build output (classes, classpath, build log) lives in <repo>/.services/elasticsearch-check/.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
STATE_DIR=$REPO_ROOT/.services/elasticsearch-check
BUILD_LOG=$STATE_DIR/build.log
CP_FILE=$STATE_DIR/classpath.txt
CLASSES_DIR=$STATE_DIR/build/classes
MAIN_CLASS=org.connectivecities.escheck.BodyCheck
TEMURIN_25=/usr/lib/jvm/temurin-25-jdk-amd64

log() { echo "elasticsearch-check: $*" >&2; }
die() { log "$*"; exit 3; }

java_feature_version() { # prints e.g. 25 for the JDK at $1, nothing if none
  [[ -x "$1/bin/java" ]] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

# Elasticsearch 9.x is compiled for Java 21: pick the first 21+ JDK rather than
# failing on a machine whose default JAVA_HOME is still 17.
pick_java_home() {
  local candidate v
  if [[ -n "${ES_CHECK_JAVA_HOME:-}" ]]; then
    v=$(java_feature_version "$ES_CHECK_JAVA_HOME")
    [[ -n "$v" && "$v" -ge 21 ]] || die "ES_CHECK_JAVA_HOME=$ES_CHECK_JAVA_HOME is not a Java 21+ JDK"
    echo "$ES_CHECK_JAVA_HOME"; return
  fi
  for candidate in "${JAVA_HOME:-}" "$TEMURIN_25"; do
    [[ -n "$candidate" ]] || continue
    v=$(java_feature_version "$candidate")
    if [[ -n "$v" && "$v" -ge 21 ]]; then echo "$candidate"; return; fi
  done
  die "no Java 21+ JDK found (set ES_CHECK_JAVA_HOME; looked at JAVA_HOME='${JAVA_HOME:-}' and $TEMURIN_25)"
}

# Resolve + compile only when the pom or the source changed or a jar vanished,
# so a warm check skips Maven entirely.
ensure_built() {
  local java_home=$1 needs=0 f
  if [[ ! -s "$CP_FILE" || ! -f "$CLASSES_DIR/${MAIN_CLASS//.//}.class" ]]; then
    needs=1
  elif [[ -n "$(find "$SCRIPT_DIR/pom.xml" "$SCRIPT_DIR/src" -newer "$CP_FILE" -print -quit)" ]]; then
    needs=1
  else
    while IFS= read -r -d ':' f; do
      [[ -f "$f" ]] || { needs=1; break; }
    done < <(tr -d '\n' <"$CP_FILE"; printf ':')
  fi
  [[ $needs -eq 1 ]] || return 0

  command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
  log "resolving and compiling with Maven..."
  rm -f "$CP_FILE"
  if ! (cd "$SCRIPT_DIR" && JAVA_HOME=$java_home mvn -B -q -Dservices.dir="$STATE_DIR" process-classes) \
      >"$BUILD_LOG" 2>&1; then
    tail -n 60 "$BUILD_LOG" >&2
    die "Maven build failed (full log: $BUILD_LOG)"
  fi
  [[ -s "$CP_FILE" ]] || die "Maven did not write $CP_FILE (see $BUILD_LOG)"
}

[[ $# -eq 1 ]] || { echo "usage: $0 DIR|build" >&2; exit 2; }
mkdir -p "$STATE_DIR"
java_home=$(pick_java_home)
# Two test runs building at once would write the same classes and classpath.
exec 9>"$STATE_DIR/.lock"
flock -w 600 9 || die "could not take $STATE_DIR/.lock"
ensure_built "$java_home"
exec 9>&-
[[ "$1" == build ]] && exit 0
[[ -d "$1" ]] || { echo "usage: $0 DIR|build ('$1' is not a directory)" >&2; exit 2; }

# The server's logging is not configured here; its status logger would only say so.
exec "$java_home/bin/java" -Xms64m -Xmx256m -XX:TieredStopAtLevel=1 -Xshare:auto \
  -Dlog4j2.statusLoggerLevel=OFF -Dlog4j2.formatMsgNoLookups=true -Dlog4j2.disable.jmx=true \
  -cp "$CLASSES_DIR:$(<"$CP_FILE")" "$MAIN_CLASS" "$1"
