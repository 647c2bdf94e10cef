"""Elasticsearch 8/9 or OpenSearch 2/3 through the shared DSL."""

from typing import Any

from search import engine as engine_mod
from search.backends.base import SearchBackend
from search.queries import SearchQuery, SearchResults, build_search, build_suggest, parse_response

# Enough hits for a first page: below that, typos and any-word matches are worth their cost.
TOLERANT_BELOW = 10


class EngineSearchBackend(SearchBackend):
    def __init__(self, engine: str) -> None:
        self.name = engine
        self.dsl = engine_mod.dsl_module(engine)

    @property
    def client(self) -> Any:
        return engine_mod.client()

    def ping(self) -> dict[str, Any]:
        info = self.client.info()
        health = self.client.cluster.health()
        if health["status"] == "red":
            raise RuntimeError("cluster health is red")
        version = info["version"]
        return {
            "backend": self.name,
            "distribution": version.get("distribution", "elasticsearch"),
            "version": version["number"],
            "cluster_status": health["status"],
        }

    def search(self, query: SearchQuery) -> SearchResults:
        """A text query first runs without typo tolerance and did-you-mean, which cost
        the engine most at 100,000 documents; only when that finds fewer than
        TOLERANT_BELOW hits does the full, tolerant query run (a misspelling, a rare
        word, or words that seldom meet)."""
        alias = engine_mod.content_alias()
        if query.text:
            body = build_search(self.dsl, alias, query, tolerant=False).to_dict()
            response = self.client.search(index=alias, body=body)
            if response["hits"]["total"]["value"] >= TOLERANT_BELOW:
                return parse_response(query, response, self.name)
        body = build_search(self.dsl, alias, query).to_dict()
        response = self.client.search(index=alias, body=body)
        return parse_response(query, response, self.name)

    def suggest(self, prefix: str, visibility: tuple[str, ...] = ("public",)) -> list[dict]:
        body = build_suggest(self.dsl, engine_mod.content_alias(), prefix, visibility).to_dict()
        response = self.client.search(index=engine_mod.content_alias(), body=body)
        return [
            {
                "title": hit["_source"]["title"],
                "url": hit["_source"]["url"],
                "type": hit["_source"]["content_type"],
            }
            for hit in response["hits"]["hits"]
        ]
