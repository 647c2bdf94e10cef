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

log() { echo "elasticsearch-check: $*" >&2; }
die() { log "$*"; exit 3; }
# shellcheck source=tools/lib/java_build.sh
source "$REPO_ROOT/tools/lib/java_build.sh"

[[ $# -eq 1 ]] || { echo "usage: $0 DIR|build" >&2; exit 2; }
mkdir -p "$STATE_DIR"
java_home=$(pick_java_home ES_CHECK_JAVA_HOME)
# Two test runs building at once would write the same classes and classpath.
exec 9>"$STATE_DIR/.lock"
flock -w 600 9 || die "could not take $STATE_DIR/.lock"
ensure_built "$java_home" "$SCRIPT_DIR"
exec 9>&-
[[ "$1" == build ]] && exit 0
[[ -d "$1" ]] || { echo "usage: $0 DIR|build ('$1' is not a directory)" >&2; exit 2; }

# The server's logging is not configured here; its status logger would only say so.
exec "$java_home/bin/java" -Xms64m -Xmx256m -XX:TieredStopAtLevel=1 -Xshare:auto \
  -Dlog4j2.statusLoggerLevel=OFF -Dlog4j2.formatMsgNoLookups=true -Dlog4j2.disable.jmx=true \
  -cp "$CLASSES_DIR:$(<"$CP_FILE")" "$MAIN_CLASS" "$1"
