"""The one place that picks the search engine's DSL module and client.

Documents, mappings and queries are written once against the elasticsearch-dsl
API. `elasticsearch.dsl` (re-exported by the elasticsearch-dsl package) talks
to Elasticsearch 8/9; opensearch-py carries a port of the same DSL for
OpenSearch 2/3. Contract tests build the same definitions with both modules
and compare the request bodies.
"""

from functools import cache
from types import ModuleType
from typing import Any

from search.app_settings import app_settings

ENGINES = ("opensearch", "elasticsearch")


def dsl_module(engine: str) -> ModuleType:
    """The DSL module for an engine: `Document`, `Search`, `Q`, `A`, `analyzer`..."""
    if engine == "opensearch":
        import opensearchpy

        return opensearchpy
    if engine == "elasticsearch":
        import elasticsearch_dsl

        return elasticsearch_dsl
    raise ValueError(f"unknown search engine {engine!r}; expected one of {ENGINES}")


def helpers_module(engine: str) -> ModuleType:
    """`bulk` and `scan` for the engine's client."""
    if engine == "opensearch":
        from opensearchpy import helpers as opensearch_helpers

        return opensearch_helpers
    if engine == "elasticsearch":
        from elasticsearch import helpers as elasticsearch_helpers

        return elasticsearch_helpers
    raise ValueError(f"unknown search engine {engine!r}; expected one of {ENGINES}")


def connection_errors(engine: str) -> tuple[type[Exception], ...]:
    """Exceptions that mean "the engine is unreachable", for the database fallback."""
    if engine == "opensearch":
        import opensearchpy.exceptions

        return (opensearchpy.exceptions.ConnectionError, opensearchpy.exceptions.ConnectionTimeout)
    import elastic_transport

    return (elastic_transport.ConnectionError, elastic_transport.ConnectionTimeout)


def new_client(engine: str, url: str, timeout: float = 5.0) -> Any:
    if engine == "opensearch":
        from opensearchpy import OpenSearch

        return OpenSearch(hosts=[url], timeout=timeout, max_retries=1, retry_on_timeout=False)
    if engine == "elasticsearch":
        from elasticsearch import Elasticsearch

        return Elasticsearch(url, request_timeout=timeout, max_retries=1, retry_on_timeout=False)
    raise ValueError(f"unknown search engine {engine!r}; expected one of {ENGINES}")


@cache
def client() -> Any:
    """The configured engine's client, shared by the process."""
    return new_client(app_settings.ENGINE, app_settings.URL, app_settings.TIMEOUT)


def index_name(base: str) -> str:
    return f"{app_settings.INDEX_PREFIX}-{base}"


def content_alias() -> str:
    """The alias every search goes through; it points at one versioned index."""
    return index_name("content")
