"""The entry point views call: the configured backend, or the database fallback
with `degraded=True` when the engine cannot answer. A search never errors out."""

import logging

from django.conf import settings

from search.backends import get_backend
from search.backends.database import DatabaseSearchBackend
from search.queries import SearchQuery, SearchResults

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
    try:
        return get_backend().suggest(prefix, visibility)
    except Exception:
        if settings.SEARCH_ENGINE == "database":
            raise
        logger.exception("search engine failed; suggesting from the database")
    return DatabaseSearchBackend().suggest(prefix, visibility)
