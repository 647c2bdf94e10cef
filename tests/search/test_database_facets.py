"""The database fallback counts in SQL what the engine would count in its documents.

The reference is computed the slow way, from the documents the serializers write
for the engine (every live public page serialised, facets counted in Python), so
the SQL of each page type is checked against `search.serializers` on the demo
content. Runs on SQLite (embedded pass) and PostgreSQL (full-stack pass).
"""

from collections import Counter

import pytest
from wagtail.search.query import Phrase

from community.exchange.models import Thread
from search.backends.database import DatabaseSearchBackend
from search.documents import FACETS
from search.queries import SearchQuery
from search.query_text import search_words
from search.serializers import INDEXED_MODELS, doc_id, searchable_querysets
from search.spelling import expand, vocabulary

pytestmark = pytest.mark.django_db


def _values(doc: dict, field: str) -> set[str]:
    value = doc.get(field)
    if value is None:
        return set()
    return {str(v) for v in value} if isinstance(value, list) else {str(value)}


def _thread_matches(thread: Thread, words: list[str]) -> bool:
    """The fallback's reduced thread search: a stem or phrase in the title or a
    visible post."""
    words = [w.lower() for w in words]
    bodies = [p.body.lower() for p in thread.posts.all() if not (p.deleted_at or p.hidden_at)]
    return any(w in thread.title.lower() or any(w in b for b in bodies) for w in words)


def reference(query: SearchQuery) -> tuple[int, dict[str, dict[str, int]], list[dict]]:
    """Total, facet counts and matching documents, from the serialised documents. The
    text asks for the words the fallback reads it as (search.spelling)."""
    docs = []
    expansion = expand(search_words(query.text), vocabulary())
    for queryset in searchable_querysets():
        content_type, serialize = INDEXED_MODELS[queryset.model]
        if query.text and queryset.model is Thread:
            stems = [stem for stem in expansion.stems if len(stem) > 2] or expansion.stems
            substrings = stems + expansion.phrases
            matched = {thread.pk for thread in queryset if _thread_matches(thread, substrings)}
        elif query.text:
            words = " ".join(expansion.words + expansion.synonyms)
            matched = {page.pk for page in queryset.search(words, operator="or")}
            for phrase in expansion.phrases:
                matched |= {page.pk for page in queryset.search(Phrase(phrase))}
        for page in queryset:
            if not query.text or page.pk in matched:
                doc = serialize(page)
                if doc["visibility"] in query.visibility:
                    docs.append({**doc, "id": doc_id(content_type, page.pk)})
    active = {n: set(v) for n, v in query.filters.items() if v}

    def passes(doc: dict, skip: str | None = None) -> bool:
        return all(
            _values(doc, FACETS[name]["field"]) & values
            for name, values in active.items()
            if name != skip
        )

    facets = {}
    for name, spec in FACETS.items():
        counts = Counter(
            value for doc in docs if passes(doc, name) for value in _values(doc, spec["field"])
        )
        facets[name] = dict(counts)
    matching = [doc for doc in docs if passes(doc)]
    return len(matching), facets, matching


QUERIES = [
    SearchQuery(),
    SearchQuery(text="waste"),
    SearchQuery(text="water energy mobility"),
    SearchQuery(filters={"region": ("global_south",)}),
    SearchQuery(filters={"region": ("germany", "other")}),
    SearchQuery(filters={"content_type": ("outcome", "learning_process")}),
    SearchQuery(filters={"country": ("DE", "GH")}),
    SearchQuery(filters={"sdgs": ("11", "6")}),
    SearchQuery(filters={"year": ("2023", "2024")}),
    SearchQuery(text="climate", filters={"region": ("global_south",), "sdgs": ("13",)}),
    SearchQuery(filters={"content_type": ("outcome",), "sdgs": ("12",)}),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: f"{q.text or '-'} {q.filters or ''}")
def test_fallback_totals_and_facet_counts_equal_the_documents(demo_site, query):
    total, facets, _ = reference(query)
    results = DatabaseSearchBackend().search(query)
    assert results.total == total
    for name, spec in FACETS.items():
        expected = sorted(facets[name].items(), key=lambda kv: (-kv[1], kv[0]))[: spec["size"]]
        assert results.facets[name] == expected, name


def test_every_facet_value_filters_like_the_documents(demo_site):
    """Each value the fallback offers, selected alone, finds what the documents say."""
    backend = DatabaseSearchBackend()
    everything = backend.search(SearchQuery())
    checked = 0
    for name, buckets in everything.facets.items():
        for value, count in buckets[:4]:
            query = SearchQuery(filters={name: (value,)}, page_size=200)
            results = backend.search(query)
            total, _, matching = reference(query)
            assert results.total == total == count, (name, value)
            assert {hit.id for hit in results.hits} == {doc["id"] for doc in matching}
            checked += 1
    assert checked >= 20


def test_filters_on_tags_and_topic_include_outcomes_through_their_process(demo_site):
    backend = DatabaseSearchBackend()
    topics = dict(backend.search(SearchQuery(filters={"content_type": ("outcome",)})).facets)[
        "topic_field"
    ]
    assert topics, "the demo has outcomes"
    topic, count = topics[0]
    results = backend.search(
        SearchQuery(filters={"content_type": ("outcome",), "topic_field": (topic,)})
    )
    assert results.total == count
    assert all(hit.content_type == "outcome" for hit in results.hits)


def test_date_sort_puts_the_newest_first_across_page_types(demo_site):
    query = SearchQuery(sort="date", page_size=50)
    results = DatabaseSearchBackend().search(query)
    dates = [hit.source["published_at"] for hit in results.hits]
    assert len({hit.content_type for hit in results.hits}) >= 2
    assert dates == sorted(dates, reverse=True)
    _, _, matching = reference(query)
    newest = sorted((doc["published_at"] for doc in matching), reverse=True)[:50]
    assert dates == newest


def test_pages_partition_the_results(demo_site):
    backend = DatabaseSearchBackend()
    everything = backend.search(SearchQuery(text="city", page_size=50))
    assert everything.total > 6
    pages = [
        hit.id
        for page in (1, 2, 3)
        for hit in backend.search(SearchQuery(text="city", page=page, page_size=3)).hits
    ]
    assert pages == [hit.id for hit in everything.hits][:9]


def test_a_query_costs_the_same_sql_however_many_pages_match(
    demo_site, django_assert_max_num_queries
):
    """Only the page of hits is loaded: no statement per matching page."""
    backend = DatabaseSearchBackend()
    practices = {"content_type": ("practice",)}
    narrow = SearchQuery(filters={**practices, "country": ("GH",)}, page_size=1)
    wide = SearchQuery(filters={**practices, "country": ("DE", "GH", "IN", "BR")}, page_size=1)
    assert backend.search(wide).total > 3 * backend.search(narrow).total > 0
    with django_assert_max_num_queries(40) as captured:
        backend.search(narrow)
    # Up to one statement per page type more: Django skips SQL for a filter that
    # can match nothing (an outcome is never in Ghana), which only the narrow query has.
    with django_assert_max_num_queries(len(captured.captured_queries) + 3):
        backend.search(wide)


def test_members_only_visibility_alone_finds_no_public_page(demo_site):
    results = DatabaseSearchBackend().search(SearchQuery(visibility=("space:1",)))
    assert results.total == 0
    assert all(not buckets for buckets in results.facets.values())


@pytest.mark.postgres
def test_postgres_fallback_matches_word_forms_and_ranks_the_title_match_first(demo_site):
    """PostgreSQL's full-text search stems English: "composted" finds "Composting ..."."""
    results = DatabaseSearchBackend().search(SearchQuery(text="composted"))
    assert results.hits[0].title == "Composting market waste with women's cooperatives"
    total, facets, _ = reference(SearchQuery(text="composted"))
    assert results.total == total
    assert dict(results.facets["country"]) == facets["country"]
