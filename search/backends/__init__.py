"""Search backends behind one interface, chosen by settings.SEARCH_ENGINE.

Shaped after wagtail.search.backends: a small base class, a database fallback
for the embedded mode (and for when the engine is down), and one implementation
for Elasticsearch and OpenSearch.
"""

from functools import cache

from django.conf import settings

from search.backends.base import SearchBackend


@cache
def get_backend() -> SearchBackend:
    engine = settings.SEARCH_ENGINE
    if engine == "database":
        from search.backends.database import DatabaseSearchBackend

        return DatabaseSearchBackend()
    from search.backends.engine import EngineSearchBackend

    return EngineSearchBackend(engine)


__all__ = ["SearchBackend", "get_backend"]
