"""Search on a real engine node: analysis, facets, outbox, rebuild, drift, fallback."""

import threading

import pytest
from django.test import override_settings
from django.utils import timezone

from learning_processes.models import PracticePage
from search import engine, indexing
from search.backends import get_backend
from search.models import IndexOutbox
from search.queries import SearchQuery
from search.service import run_search
from tests.factories import PracticeFactory

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]

DEAD_ENGINE = {"SEARCH_URL": "http://127.0.0.1:1", "SEARCH_TIMEOUT": 1}


def drop_indices() -> None:
    client = engine.client()
    for name in client.indices.get(index=f"{engine.content_alias()}*"):
        client.indices.delete(index=name)


@pytest.fixture
def engine_index():
    drop_indices()
    indexing.ensure_index()
    yield
    drop_indices()


@pytest.fixture
def indexed(engine_index, practices):
    result = indexing.drain_outbox(refresh=True)
    assert result.failed == 0
    return practices


def search(text="", **filters) -> "SearchResults":  # noqa: F821
    query = SearchQuery(text=text, filters={k: tuple(v) for k, v in filters.items()})
    return get_backend().search(query)


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


def test_node_answers_with_its_engine_and_version():
    info = get_backend().ping()
    assert info["backend"] == "opensearch"
    assert info["distribution"] == "opensearch"
    assert info["version"].split(".")[0] in {"2", "3"}
    assert info["cluster_status"] in {"green", "yellow"}


def test_published_practices_reach_the_index_through_the_outbox(engine_index, practices):
    assert IndexOutbox.objects.pending().count() >= len(practices)
    result = indexing.drain_outbox(refresh=True)
    assert result.processed >= len(practices) and result.failed == 0
    assert IndexOutbox.objects.pending().count() == 0
    assert search().total == 4


def test_stemming_accent_folding_and_synonyms(indexed):
    hit = search("composted cooperative").hits[0]
    assert hit.title == "Composting market waste with women's cooperatives"
    assert "<mark>" in hit.title_highlight or any("<mark>" in h for h in hit.highlights)
    assert (
        titles(search("one-stop servíce desk"))[0] == "A one-stop service desk online and on site"
    )
    # "garbage" is a synonym of "waste" in search/data/synonyms.txt.
    assert "Composting market waste with women's cooperatives" in titles(search("garbage"))


def test_facets_count_and_filters_combine(indexed):
    everything = search()
    assert dict(everything.facets["country"]) == {"GH": 1, "DE": 1, "VN": 1, "TN": 1}
    assert dict(everything.facets["region"]) == {"global_south": 3, "germany": 1}
    filtered = search(region=["global_south"], country=["GH", "DE"])
    assert titles(filtered) == ["Composting market waste with women's cooperatives"]
    # Multi-select: the country facet still offers the other countries of the region.
    assert dict(filtered.facets["country"]) == {"GH": 1, "VN": 1, "TN": 1}
    assert dict(filtered.facets["region"]) == {"global_south": 1, "germany": 1}


def test_misspelling_gets_a_did_you_mean(indexed):
    results = search("compostng")
    assert results.suggestion == "composting"


def test_typo_tolerance_runs_only_when_the_exact_words_find_too_little(indexed, monkeypatch):
    from search.backends import engine as engine_backend

    sent = []
    client = engine.client()
    original = client.search

    def recording(*args, **kwargs):
        sent.append(kwargs["body"])
        return original(*args, **kwargs)

    monkeypatch.setattr(client, "search", recording)
    monkeypatch.setattr(engine_backend, "TOLERANT_BELOW", 1)
    exact = search("composting")
    assert titles(exact) == ["Composting market waste with women's cooperatives"]
    assert len(sent) == 1 and "suggest" not in sent[0] and "fuzziness" not in str(sent[0])
    sent.clear()
    misspelt = search("compostng")
    assert titles(misspelt) == ["Composting market waste with women's cooperatives"]
    assert misspelt.suggestion == "composting"
    assert len(sent) == 2 and "suggest" in sent[1] and "fuzziness" in str(sent[1])


def test_type_ahead_suggests_titles(indexed):
    suggestions = get_backend().suggest("unsea")
    assert [s["title"] for s in suggestions] == ["Unsealed schoolyards as cooling islands"]


def test_unpublished_and_deleted_pages_leave_the_index(indexed):
    tunis = PracticePage.objects.get(slug="startup-incubator-tunis")
    tunis.unpublish()
    kumasi = PracticePage.objects.get(slug="market-waste-composting-kumasi")
    kumasi.delete()
    indexing.drain_outbox(refresh=True)
    assert search("incubator").total == 0
    assert search("composting").total == 0
    assert search().total == 2


def test_stopped_engine_delays_updates_but_loses_none(engine_index):
    with override_settings(**DEAD_ENGINE):
        practice = PracticeFactory(
            title="Rainwater harvesting in schools", city="Nairobi", country="KE"
        )
        result = indexing.process_outbox()
        assert result.failed >= 1
        row = IndexOutbox.objects.get(object_id=practice.pk)
        assert row.attempts == 1 and row.available_at > timezone.now()
        assert "Connection" in row.last_error
        # Searching meanwhile answers from the database, marked as degraded.
        fallback = run_search(SearchQuery(text="rainwater"))
        assert fallback.degraded and fallback.backend == "database"
        assert titles(fallback) == ["Rainwater harvesting in schools"]
    IndexOutbox.objects.update(available_at=timezone.now())
    assert indexing.drain_outbox(refresh=True).failed == 0
    assert titles(search("rainwater")) == ["Rainwater harvesting in schools"]
    assert indexing.check().ok


def test_check_reports_drift(indexed):
    assert indexing.check().ok
    engine.client().delete(
        index=engine.content_alias(),
        id=f"practice-{indexed[0].pk}",
        refresh=True,
    )
    drift = indexing.check()
    assert drift.missing == [f"practice-{indexed[0].pk}"]
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="drifted"):
        call_command("search_index", "--check")


@pytest.mark.django_db(transaction=True)
def test_rebuild_swaps_the_alias_without_failed_searches_or_lost_edits(engine_index, monkeypatch):
    from tests.search.conftest import make_practices

    make_practices()
    indexing.drain_outbox(refresh=True)
    old_index = indexing.alias_targets()
    stop = threading.Event()
    outcomes = {"ok": 0, "failed": 0}

    def keep_searching():
        while not stop.is_set():
            try:
                assert search("").total >= 1
                outcomes["ok"] += 1
            except Exception as exc:  # noqa: BLE001 - counted, asserted below
                outcomes["failed"] += 1
                outcomes["error"] = repr(exc)

    searcher = threading.Thread(target=keep_searching)
    searcher.start()

    original = indexing.iter_documents
    edited = {}

    def iter_with_concurrent_edits(index):
        for number, action in enumerate(original(index)):
            if number == 1:
                # An edit and a new page land while the bulk load is under way.
                page = PracticePage.objects.get(slug="startup-incubator-tunis")
                page.title = "A municipal incubator for circular start-ups"
                page.save_revision().publish()
                edited["new"] = PracticeFactory(title="Solar street lights in Kisumu", country="KE")
            yield action

    monkeypatch.setattr(indexing, "iter_documents", iter_with_concurrent_edits)
    try:
        result = indexing.rebuild()
    finally:
        stop.set()
        searcher.join(timeout=10)
    assert outcomes["failed"] == 0 and outcomes["ok"] > 0, outcomes
    assert result.replayed >= 2
    assert indexing.alias_targets() == [result.index] != old_index
    assert result.removed_indices == old_index
    assert titles(search("circular start-ups"))[0] == "A municipal incubator for circular start-ups"
    assert titles(search("solar street lights")) == ["Solar street lights in Kisumu"]
    assert indexing.check().ok


def test_members_only_content_never_reaches_other_viewers(indexed):
    """Hits, facet counts, type-ahead and did-you-mean are all filtered by visibility."""
    engine.client().index(
        index=engine.content_alias(),
        id="thread-1",
        body={
            "content_type": "thread",
            "title": "Zanzibar seaweed cooperative pilot",
            "summary": "Members-only notes on the Zanzibar seaweed pilot.",
            "text": "Zanzibar seaweed farmers and the municipality.",
            "country": "TZ",
            "region": "global_south",
            "visibility": "space:42",
            "url": "/spaces/42/threads/1/",
        },
        refresh=True,
    )
    backend = get_backend()
    public = backend.search(SearchQuery(text="zanzibar seaweed"))
    assert public.total == 0 and public.hits == []
    everything = backend.search(SearchQuery())
    assert "TZ" not in dict(everything.facets["country"])
    assert "thread" not in dict(everything.facets["content_type"])
    assert backend.suggest("zanzi") == []
    assert backend.search(SearchQuery(text="zanzibr seawed")).suggestion is None

    member = ("public", "space:42")
    seen = backend.search(SearchQuery(text="zanzibar seaweed", visibility=member))
    assert [hit.id for hit in seen.hits] == ["thread-1"]
    assert dict(backend.search(SearchQuery(visibility=member)).facets["country"])["TZ"] == 1
    assert [s["title"] for s in backend.suggest("zanzi", member)] == [
        "Zanzibar seaweed cooperative pilot"
    ]
    assert backend.search(SearchQuery(text="zanzibr seawed", visibility=member)).suggestion


@pytest.mark.parametrize(
    ("facet", "value", "expected"),
    [
        ("content_type", "practice", 4),
        ("topic_field", "Municipal services", 4),
        ("country", "VN", 1),
        ("region", "germany", 1),
        ("year", "2025", 4),
        ("tags", "composting", 1),
        ("sdgs", "11", 1),
    ],
)
def test_every_facet_filters_the_hits(indexed, facet, value, expected):
    from learning_processes.models import SustainableDevelopmentGoal

    kumasi = PracticePage.objects.get(slug="market-waste-composting-kumasi")
    kumasi.tags.add("composting")
    kumasi.sdgs.set([SustainableDevelopmentGoal.objects.get(number=11)])
    kumasi.save_revision().publish()
    indexing.drain_outbox(refresh=True)
    results = search(**{facet: [value]})
    assert results.total == expected
    counts = dict(results.facets[facet])
    assert counts[value] == expected
