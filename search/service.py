"""The entry point views call: the configured backend, or the database fallback
with `degraded=True` when the engine cannot answer. A search never errors out."""

import logging

from django.conf import settings

from search.backends import get_backend
from search.backends.database import DatabaseSearchBackend
from search.queries import MAX_SUGGEST_LENGTH, SearchQuery, SearchResults
from search.query_text import clean_text

logger = logging.getLogger(__name__)


def run_search(query: SearchQuery) -> SearchResults:
    backend = get_backend()
    try:
        return backend.search(query)
    except Exception:
        if settings.SEARCH_ENGINE == "database":
            raise
        logger.exception("search engine failed; answering from the database")
    results = DatabaseSearchBackend().search(query)
    results.degraded = True
    return results


def run_suggest(prefix: str, visibility: tuple[str, ...] = ("public",)) -> list[dict]:
    """Titles that start like `prefix`, made safe for every backend as a query's text is."""
    prefix = clean_text(prefix, MAX_SUGGEST_LENGTH)
    if not prefix:
        return []
    try:
        return get_backend().suggest(prefix, visibility)
    except Exception:
        if settings.SEARCH_ENGINE == "database":
            raise
        logger.exception("search engine failed; suggesting from the database")
    return DatabaseSearchBackend().suggest(prefix, visibility)
