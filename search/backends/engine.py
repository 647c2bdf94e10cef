"""Elasticsearch 8/9 or OpenSearch 2/3 through the shared DSL."""

import logging
from dataclasses import replace
from typing import Any

from learning_processes.models import PracticePage
from search import engine as engine_mod
from search.backends.base import SearchBackend
from search.queries import SearchQuery, SearchResults, build_search, build_suggest, parse_response
from search.query_text import distinct_terms
from search.serializers import PUBLIC, doc_id
from search.similar import CANDIDATES, about_text, rank, weighted_labels

logger = logging.getLogger(__name__)

# Enough hits for a first page: below that, typos and any-word matches are worth their cost.
TOLERANT_BELOW = 10
# Each term costs up to about 50 clauses once its synonyms are expanded over the search
# fields ("waste" has eight); the engine's limit is 1,024.
MAX_TERMS_ON_RETRY = 16
# Similar practices' text match: the 25 terms of the text that set it apart, each found
# in at least one other document; one shared term is enough to score (the default, 30 %
# of them, left most practices of the demo library with no match at all).
MORE_LIKE_THIS = {
    "fields": ["title", "summary", "text"],
    "min_term_freq": 1,
    "min_doc_freq": 2,
    "max_query_terms": 25,
    "minimum_should_match": "1",
}


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
        if query.text:
            response = self._search(query, tolerant=False)
            if response["hits"]["total"]["value"] >= TOLERANT_BELOW:
                return parse_response(query, response, self.name)
        return parse_response(query, self._search(query, tolerant=True), self.name)

    def _search(self, query: SearchQuery, tolerant: bool) -> Any:
        """One request. When the engine finds the query too large (more than its
        clause limit once synonyms are expanded, see `queries._text_query`), it is
        asked again with the title phrase read without synonyms and at most
        MAX_TERMS_ON_RETRY different terms: answered by the engine, not the fallback."""
        alias = engine_mod.content_alias()
        body = build_search(self.dsl, alias, query, tolerant=tolerant).to_dict()
        try:
            return self.client.search(index=alias, body=body)
        except Exception as error:
            # "maxClauseCount is set to 1024" in OpenSearch's and Elasticsearch's reason.
            if not query.text or "maxClauseCount" not in str(error):
                raise
        logger.info("search: %d characters too large for the engine; reduced", len(query.text))
        reduced = replace(query, text=distinct_terms(query.text, MAX_TERMS_ON_RETRY))
        body = build_search(self.dsl, alias, reduced, tolerant=tolerant, phrase_synonyms=False)
        return self.client.search(index=alias, body=body.to_dict())

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

    def more_like_this(self, page: PracticePage, size: int) -> list[int]:
        """The candidates by their shared labels (each a constant score of its weight),
        then ordered with the engine's more-like-this (see search.similar)."""
        dsl = self.dsl
        labels = weighted_labels(page)
        if not labels:
            return []
        shared = dsl.Q(
            "bool",
            should=[
                dsl.Q(
                    "constant_score",
                    filter=dsl.Q("term", **{label.field: label.value}),
                    boost=label.weight,
                )
                for label in labels
            ],
            minimum_should_match=1,
        )
        candidates = self._practice_scores(
            shared, CANDIDATES, must_not=[dsl.Q("ids", values=[doc_id("practice", page.pk)])]
        )
        if not candidates:
            return []
        text = self._practice_scores(
            dsl.Q("more_like_this", like=[about_text(page)], **MORE_LIKE_THIS),
            len(candidates),
            filter=[dsl.Q("ids", values=[doc_id("practice", pk) for pk in candidates])],
        )
        return rank(candidates, text, size)

    def _practice_scores(self, query: Any, size: int, **clauses: list) -> dict[int, float]:
        """Practice id → score of the first `size` published practices matching `query`."""
        dsl, alias = self.dsl, engine_mod.content_alias()
        public_practices = [
            dsl.Q("term", content_type="practice"),
            dsl.Q("term", visibility=PUBLIC),
        ]
        search = (
            dsl.Search(index=alias)
            .query(
                dsl.Q(
                    "bool",
                    must=[query],
                    filter=[*public_practices, *clauses.pop("filter", [])],
                    **clauses,
                )
            )
            .sort("_score", {"year": "desc"}, {"title.raw": "asc"})
            .source(False)
            .extra(size=size, track_scores=True)
        )
        response = self.client.search(index=alias, body=search.to_dict())
        return {int(hit["_id"].split("-", 1)[1]): hit["_score"] for hit in response["hits"]["hits"]}
