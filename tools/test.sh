#!/usr/bin/env bash
# The test run behind `make test`: static checks, then pytest against the full
# stack (PostgreSQL, Redis, OpenSearch) and in the embedded mode (SQLite,
# in-memory layer, database search). The services must already be running
# (`make services`); a missing service fails its tests, it never skips them.
#
#   tools/test.sh all|fullstack|embedded [extra pytest args]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=${VENV:-.venv}
mode=${1:-all}
shift || true

export PYTHONDONTWRITEBYTECODE=1
export SEARCH_INDEX_PREFIX=${SEARCH_INDEX_PREFIX:-cctest} CACHE_KEY_PREFIX=${CACHE_KEY_PREFIX:-cctest} CHANNEL_PREFIX=${CHANNEL_PREFIX:-cctest}
# Creating and deleting indices can take seconds on a busy 2-core machine.
export SEARCH_TIMEOUT=${SEARCH_TIMEOUT:-30}

static_checks() {
  echo "== ruff, import contracts, mypy, Django checks, migrations"
  "$VENV/bin/ruff" check .
  "$VENV/bin/ruff" format --check .
  # The source tree, not whichever checkout the editable install points at.
  PYTHONPATH=.:site "$VENV/bin/lint-imports" --no-cache --no-logo
  PYTHONPATH=.:site "$VENV/bin/mypy"
  DJANGO_SETTINGS_MODULE=connective_site.settings.test "$VENV/bin/python" manage.py check --fail-level WARNING
  DJANGO_SETTINGS_MODULE=connective_site.settings.test "$VENV/bin/python" manage.py makemigrations --check --dry-run >/dev/null
}

fullstack() {
  echo "== pytest: full stack (PostgreSQL, Redis, OpenSearch)"
  env DATABASE_URL=${TEST_DATABASE_URL:-postgres://connective:connective@127.0.0.1:${PGPORT:-5432}/connective} \
    REDIS_URL=${TEST_REDIS_URL:-redis://127.0.0.1:${REDIS_PORT:-6379}/1} \
    SEARCH_ENGINE=opensearch SEARCH_URL=${TEST_SEARCH_URL:-http://127.0.0.1:${OPENSEARCH_PORT:-9200}} \
    TEST_DATABASE_NAME=${TEST_DATABASE_NAME:-test_connective_$$} \
    TEST_MODE=fullstack \
    "$VENV/bin/pytest" -p no:cacheprovider --durations=15 "$@"
}

embedded() {
  echo "== pytest: embedded mode (SQLite, in-memory channel layer, database search)"
  # Tests that are about a real service ran in the full-stack pass; here they are
  # deselected (not skipped) because the embedded mode has no such service. So are
  # the browser tests of pages that are the same in both modes (header, map, axe,
  # budgets, account and proposal forms): the mode's own journeys (the roles, search,
  # the live room on the in-memory layer) run here again.
  env -u DATABASE_URL -u REDIS_URL SEARCH_ENGINE=database TEST_MODE=embedded \
    "$VENV/bin/pytest" -p no:cacheprovider --durations=15 \
    -m "not postgres and not redis and not search_engine and not same_in_both_modes" "$@"
}

case "$mode" in
  all) static_checks; fullstack "$@"; embedded "$@" ;;
  fullstack) fullstack "$@" ;;
  embedded) embedded "$@" ;;
  *) echo "usage: $0 all|fullstack|embedded [pytest args]" >&2; exit 2 ;;
esac
