"""The search request and how it becomes an engine query, written once for both DSLs.

Facets are multi-select: a facet's own filter is left out of its counts (each
facet aggregation filters by the *other* facets), while hits are narrowed by all
of them through `post_filter`. Every part, aggregations and suggestions
included, is restricted to what the viewer may see.
"""

from dataclasses import dataclass, field
from itertools import islice
from types import ModuleType
from typing import Any

from search.documents import BASE_SEARCH_FIELDS, FACETS, INDEX_ANALYZER, SEARCH_FIELDS
from search.query_text import clean_text, facet_integers
from search.snippets import MAX_SNIPPETS, SNIPPET_SIZE, distinct_snippets

SORTS = ("relevance", "date")
SHARED_FACETS = "facets_under_all_filters"
MAX_PAGE_SIZE = 50
MAX_QUERY_LENGTH = 200
MAX_SUGGEST_LENGTH = 100
# A facet value longer than this, or more values of one facet, are not ours.
MAX_FACET_VALUE_LENGTH = 100
MAX_FACET_VALUES = 20
# How deep one can page: the engine's default `index.max_result_window`.
MAX_RESULT_WINDOW = 10_000


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10
    # What the viewer may open: "public" plus "space:<id>" for each of their spaces.
    visibility: tuple[str, ...] = ("public",)

    def __post_init__(self) -> None:
        """Every backend gets text and filter values it can take, whoever built the
        query. The search form refuses what is too long with a message; a caller
        that did not go through it gets the text cut at MAX_QUERY_LENGTH."""
        filters = {}
        for name, values in self.filters.items():
            cleaned = (clean_text(str(v), MAX_FACET_VALUE_LENGTH) for v in values)
            kept = tuple(islice(dict.fromkeys(v for v in cleaned if v), MAX_FACET_VALUES))
            if kept:
                filters[name] = kept
        object.__setattr__(self, "text", clean_text(self.text, MAX_QUERY_LENGTH))
        object.__setattr__(self, "filters", filters)
        object.__setattr__(self, "sort", self.sort if self.sort in SORTS else "relevance")
        object.__setattr__(self, "page", max(1, self.page))
        object.__setattr__(self, "page_size", max(1, self.page_size))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass
class SearchHit:
    id: str
    content_type: str
    title: str
    url: str
    summary: str = ""
    highlights: list[str] = field(default_factory=list)
    title_highlight: str = ""
    score: float | None = None
    source: dict[str, Any] = field(default_factory=dict)
    # What the search page shows for content_type ("Practice", ...).
    type_label: str = ""


@dataclass
class SearchResults:
    query: SearchQuery
    total: int
    hits: list[SearchHit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str | None = None
    backend: str = ""
    degraded: bool = False


def _facet_filter(dsl: ModuleType, name: str, values: tuple[str, ...]) -> Any:
    """An integer field is asked only for values that can be integers (no terms, no
    match), so "sdgs=abc" finds nothing rather than failing the engine's query."""
    spec = FACETS[name]
    terms = facet_integers(values) if spec.get("integer") else list(values)
    return dsl.Q("terms", **{spec["field"]: terms})


def _text_query(
    dsl: ModuleType, text: str, tolerant: bool = True, phrase_synonyms: bool = True
) -> Any:
    """Any term may match (typos allowed when `tolerant`); matching most terms, and the
    title as a phrase, rank higher. Measured on tests/data/search_judgements.json.

    A sloppy phrase is expanded into every path through the synonyms of its words: a
    product that passes the engine's limit of 1,024 clauses with four such words
    ("waste heat participation mobility"). `phrase_synonyms=False` reads the phrase
    with the index analyser instead, which has no synonyms."""
    phrase = {"query": text, "boost": 3, "slop": 2}
    if not phrase_synonyms:
        phrase["analyzer"] = INDEX_ANALYZER
    fuzzy = [
        dsl.Q(
            "multi_match",
            query=text,
            fields=BASE_SEARCH_FIELDS,
            type="best_fields",
            fuzziness="AUTO",
            prefix_length=1,
            max_expansions=10,
        )
    ]
    return dsl.Q(
        "bool",
        should=[
            *(fuzzy if tolerant else []),
            dsl.Q(
                "multi_match",
                query=text,
                fields=SEARCH_FIELDS,
                type="best_fields",
                minimum_should_match="2<75%",
                boost=2,
            ),
            dsl.Q("match_phrase", title=phrase),
        ],
        minimum_should_match=1,
    )


def build_search(
    dsl: ModuleType,
    index: str,
    query: SearchQuery,
    tolerant: bool = True,
    phrase_synonyms: bool = True,
) -> Any:
    """The whole request. `tolerant=False` leaves out typo-tolerant matching and the
    did-you-mean suggester: the cheaper first try for a query (see `TOLERANT_BELOW`).
    `phrase_synonyms`: see `_text_query`."""
    visible = dsl.Q("terms", visibility=list(query.visibility))
    search = dsl.Search(index=index)
    search = search.query(
        dsl.Q(
            "bool",
            must=[
                _text_query(dsl, query.text, tolerant, phrase_synonyms)
                if query.text
                else dsl.Q("match_all")
            ],
            filter=[visible],
        )
    )
    search = _with_facets(dsl, search, query)
    if query.text:
        search = _with_highlights(search)
    if query.text and tolerant:
        search = _with_did_you_mean(search, query)
    if query.sort == "date" or not query.text:
        search = search.sort({"published_at": {"order": "desc", "missing": "_last"}}, "_score")
    else:
        search = search.sort("_score", {"published_at": {"order": "desc", "missing": "_last"}})
    # The full text stays in the index for highlighting but not in the response.
    search = search.source(excludes=["text"])
    return search.extra(from_=query.offset, size=query.page_size, track_total_hits=True)


def _with_facets(dsl: ModuleType, search: Any, query: SearchQuery) -> Any:
    """The selected facets filter the hits after the counts (post_filter); each facet
    is counted under the other facets' selections."""
    active = {name: values for name, values in query.filters.items() if values and name in FACETS}
    if active:
        search = search.post_filter(
            dsl.Q("bool", filter=[_facet_filter(dsl, n, v) for n, v in sorted(active.items())])
        )
    # A facet without a selection is counted under all the selected filters, so those
    # facets share one filter aggregation; each selected facet needs its own.
    shared = search.aggs
    if active:
        every = [_facet_filter(dsl, n, v) for n, v in sorted(active.items())]
        shared = search.aggs.bucket(SHARED_FACETS, "filter", filter=dsl.Q("bool", filter=every))
    for name, spec in FACETS.items():
        if name in active:
            others = [_facet_filter(dsl, n, v) for n, v in sorted(active.items()) if n != name]
            bucket = search.aggs.bucket(name, "filter", filter=dsl.Q("bool", filter=others))
            bucket.bucket("values", "terms", field=spec["field"], size=spec["size"])
        else:
            shared.bucket(name, "terms", field=spec["field"], size=spec["size"])
    return search


def _with_highlights(search: Any) -> Any:
    """Fragments begin at a sentence; a longer sentence is split where a word ends."""
    return (
        search.highlight_options(
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            encoder="html",
            type="unified",
            boundary_scanner="sentence",
        )
        .highlight("title", number_of_fragments=0)
        .highlight("summary", "text", fragment_size=SNIPPET_SIZE, number_of_fragments=MAX_SNIPPETS)
    )


def _with_did_you_mean(search: Any, query: SearchQuery) -> Any:
    """A phrase suggester over the text's shingles; a suggestion counts only if it finds
    something the viewer may open."""
    return search.suggest(
        "did_you_mean",
        query.text,
        phrase={
            "field": "text.shingle",
            "size": 1,
            "gram_size": 3,
            "max_errors": 2,
            "direct_generator": [{"field": "text.shingle", "suggest_mode": "always"}],
            "collate": {
                "query": {
                    "source": {
                        "bool": {
                            "must": {
                                "match": {"text": {"query": "{{suggestion}}", "operator": "and"}}
                            },
                            "filter": {"terms": {"visibility": list(query.visibility)}},
                        }
                    }
                },
                "prune": False,
            },
        },
    )


def build_suggest(
    dsl: ModuleType, index: str, prefix: str, visibility: tuple[str, ...], size: int = 8
) -> Any:
    """Type-ahead over titles, filtered like every other query."""
    search = dsl.Search(index=index).query(
        dsl.Q(
            "bool",
            must=[
                dsl.Q(
                    "multi_match",
                    query=prefix,
                    type="bool_prefix",
                    fields=["title.suggest", "title.suggest._2gram", "title.suggest._3gram"],
                )
            ],
            filter=[dsl.Q("terms", visibility=list(visibility))],
        )
    )
    return search.source(["title", "url", "content_type"]).extra(size=size)


def parse_response(query: SearchQuery, response: Any, backend: str) -> SearchResults:
    body = response if isinstance(response, dict) else response.to_dict()
    hits = []
    for raw in body["hits"]["hits"]:
        source = raw.get("_source", {})
        highlight = raw.get("highlight", {})
        hits.append(
            SearchHit(
                id=raw["_id"],
                content_type=source.get("content_type", ""),
                title=source.get("title", ""),
                url=source.get("url", ""),
                summary=source.get("summary") or "",
                highlights=distinct_snippets(
                    [*highlight.get("summary", []), *highlight.get("text", [])]
                ),
                title_highlight=(highlight.get("title") or [""])[0],
                score=raw.get("_score"),
                source=source,
            )
        )
    aggregations = dict(body.get("aggregations", {}))
    aggregations.update(aggregations.pop(SHARED_FACETS, {}))
    facets = {
        name: [(str(b["key"]), b["doc_count"]) for b in agg.get("values", agg)["buckets"]]
        for name, agg in aggregations.items()
        if name in FACETS
    }
    suggestion = None
    for option in (body.get("suggest", {}).get("did_you_mean") or [{}])[0].get("options", []):
        if option.get("collate_match", True) and option["text"] != query.text.lower():
            suggestion = option["text"]
            break
    return SearchResults(
        query=query,
        total=body["hits"]["total"]["value"],
        hits=hits,
        facets=facets,
        suggestion=suggestion,
        backend=backend,
    )


def to_json(results: SearchResults) -> dict[str, Any]:
    """The /api/search/ body."""
    return {
        "total": results.total,
        "backend": results.backend,
        "degraded": results.degraded,
        "suggestion": results.suggestion,
        "results": [
            {
                "id": hit.id,
                "type": hit.content_type,
                "title": hit.title,
                "url": hit.url,
                "summary": hit.summary,
                "highlights": hit.highlights,
                "title_highlight": hit.title_highlight,
            }
            for hit in results.hits
        ],
        "facets": {
            name: [{"value": value, "count": count} for value, count in buckets]
            for name, buckets in results.facets.items()
        },
    }
