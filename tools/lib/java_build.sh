# Sourced by the scripts that build and run a small Java project of ours with Maven
# (tools/services/opensearch.sh, tools/elasticsearch/check.sh). The caller defines
# log and die, and sets STATE_DIR, BUILD_LOG, CP_FILE, CLASSES_DIR and MAIN_CLASS.

TEMURIN_25=/usr/lib/jvm/temurin-25-jdk-amd64

java_feature_version() { # prints e.g. 25 for the JDK at $1, nothing if none
  [[ -x "$1/bin/java" ]] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

# OpenSearch 3.x and Elasticsearch 9.x are compiled for Java 21: pick the first
# 21+ JDK rather than failing on a machine whose default JAVA_HOME is still 17.
# $1 names the variable that overrides the choice (e.g. OPENSEARCH_JAVA_HOME).
pick_java_home() {
  local override=$1 candidate v
  if [[ -n "${!override:-}" ]]; then
    v=$(java_feature_version "${!override}")
    [[ -n "$v" && "$v" -ge 21 ]] || die "$override=${!override} is not a Java 21+ JDK"
    echo "${!override}"; return
  fi
  for candidate in "${JAVA_HOME:-}" "$TEMURIN_25"; do
    [[ -n "$candidate" ]] || continue
    v=$(java_feature_version "$candidate")
    if [[ -n "$v" && "$v" -ge 21 ]]; then echo "$candidate"; return; fi
  done
  die "no Java 21+ JDK found (set $override; looked at JAVA_HOME='${JAVA_HOME:-}' and $TEMURIN_25)"
}

# Resolve + compile the Maven project in $2 only when its pom or source changed or
# a jar vanished, so a warm run skips Maven entirely.
ensure_built() {
  local java_home=$1 project_dir=$2 needs=0 f
  if [[ ! -s "$CP_FILE" || ! -f "$CLASSES_DIR/${MAIN_CLASS//.//}.class" ]]; then
    needs=1
  elif [[ -n "$(find "$project_dir/pom.xml" "$project_dir/src" -newer "$CP_FILE" -print -quit)" ]]; then
    needs=1
  else
    while IFS= read -r -d ':' f; do
      [[ -f "$f" ]] || { needs=1; break; }
    done < <(tr -d '\n' <"$CP_FILE"; printf ':')
  fi
  [[ $needs -eq 1 ]] || return 0

  command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
  log "resolving and compiling with Maven (the first run downloads its jars into ~/.m2)..."
  rm -f "$CP_FILE"
  if ! (cd "$project_dir" && JAVA_HOME=$java_home mvn -B -q -Dservices.dir="$STATE_DIR" process-classes) \
      >"$BUILD_LOG" 2>&1; then
    tail -n 60 "$BUILD_LOG" >&2
    die "Maven build failed (full log: $BUILD_LOG)"
  fi
  [[ -s "$CP_FILE" ]] || die "Maven did not write $CP_FILE (see $BUILD_LOG)"
}
