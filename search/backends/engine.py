"""Elasticsearch 8/9 or OpenSearch 2/3 through the shared DSL."""

from typing import Any

from search import engine as engine_mod
from search.backends.base import SearchBackend, SearchHit, SearchResults
from search.documents import practice_document, practice_query
from search.serializers import practice_to_document


class EngineSearchBackend(SearchBackend):
    def __init__(self, engine: str) -> None:
        self.name = engine
        self.dsl = engine_mod.dsl_module(engine)
        self.practice_index = engine_mod.index_name("practices")
        self.PracticeDocument = practice_document(self.dsl, self.practice_index)

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

    def setup(self) -> None:
        index = self.PracticeDocument._index
        if not index.exists(using=self.client):
            self.PracticeDocument.init(using=self.client)

    def index_practice(self, page: Any, refresh: bool = False) -> None:
        data = practice_to_document(page)
        doc = self.PracticeDocument(meta={"id": page.pk}, **data)
        doc.save(using=self.client, refresh=refresh)

    def remove_practice(self, page_id: int) -> None:
        self.client.delete(index=self.practice_index, id=page_id, ignore=[404])

    def search_practices(self, text: str, size: int = 10) -> SearchResults:
        response = practice_query(self.dsl, self.practice_index, text, size).using(self.client)
        result = response.execute()
        hits = []
        for hit in result:
            highlight = getattr(hit.meta, "highlight", None)
            fragments = []
            if highlight:
                for name in ("summary", "body", "title"):
                    fragments.extend(getattr(highlight, name, []))
            hits.append(
                SearchHit(
                    id=hit.meta.id,
                    title=hit.title,
                    url=hit.url,
                    summary=getattr(hit, "summary", "") or "",
                    highlight=" … ".join(fragments[:2]),
                    score=hit.meta.score,
                )
            )
        facets = {
            name: [(bucket.key, bucket.doc_count) for bucket in result.aggregations[name].buckets]
            for name in ("topic_field", "country")
        }
        return SearchResults(total=result.hits.total.value, hits=hits, facets=facets)
