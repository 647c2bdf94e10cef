"""Search backends behind one interface, chosen by the SEARCH_ENGINE setting.

Shaped after wagtail.search.backends: a small base class, a database fallback
for the embedded mode (and for when the engine is down), and one implementation
for Elasticsearch and OpenSearch.
"""

from functools import cache

from search.app_settings import app_settings
from search.backends.base import SearchBackend


@cache
def get_backend() -> SearchBackend:
    engine = app_settings.ENGINE
    if engine == "database":
        from search.backends.database import DatabaseSearchBackend

        return DatabaseSearchBackend()
    from search.backends.engine import EngineSearchBackend

    return EngineSearchBackend(engine)


__all__ = ["SearchBackend", "get_backend"]
