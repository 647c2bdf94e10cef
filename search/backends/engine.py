"""Elasticsearch 8/9 or OpenSearch 2/3 through the shared DSL."""

from typing import Any

from search import engine as engine_mod
from search.backends.base import SearchBackend
from search.queries import SearchQuery, SearchResults, build_search, build_suggest, parse_response


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
        body = build_search(self.dsl, engine_mod.content_alias(), query).to_dict()
        response = self.client.search(index=engine_mod.content_alias(), body=body)
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
