"""Similar practices: the judged set is well-formed, and both backends keep their
precision on it.

The judged set (tests/data/similar_practices_judged.json) names, for every demo
practice, the practices a municipal practitioner would find similar; it is read by
bench/similar_precision.py and checked here against the demo data module. The
figures run on the demo content: the database fallback on SQLite (embedded pass) and
PostgreSQL (full-stack pass), the engine on the full stack.
"""

import json
from pathlib import Path

import pytest

from demo.pages import PRACTICES

JUDGED = Path(__file__).resolve().parent.parent / "data" / "similar_practices_judged.json"


@pytest.fixture(scope="module")
def judged() -> dict:
    return json.loads(JUDGED.read_text(encoding="utf-8"))


def test_every_demo_practice_is_judged_once(judged):
    practices = [entry["practice"] for entry in judged["practices"]]
    assert sorted(practices) == sorted(p["slug"] for p in PRACTICES)
    assert len(set(practices)) == len(practices)


def test_each_judgement_names_demo_practices_with_a_reason(judged):
    slugs = {p["slug"] for p in PRACTICES}
    for entry in judged["practices"]:
        named = {**entry["similar"], **entry.get("not_similar", {})}
        assert entry["similar"], entry["practice"]
        assert set(named) <= slugs, entry["practice"]
        assert entry["practice"] not in named, entry["practice"]
        assert not set(entry["similar"]) & set(entry.get("not_similar", {})), entry["practice"]
        assert all(isinstance(r, str) and r.strip() for r in named.values()), entry["practice"]


# --- the figures, on the demo content ---------------------------------------------------

# Precision@3 over the judged set when the rule was set (bench/similar_precision.py);
# before, 0.031 on the engine and 0.508 in the database. The tests keep a margin.
ACHIEVED = {"engine": 0.692, "sqlite": 0.718, "postgresql": 0.636}
MARGIN = 0.03
STREAMS = "reopened-streams-belo-horizonte"
FLOOD_RETENTION = "community-retention-basins-dakar"
DISPLACED_PEOPLE_CENTRE = "idp-integration-centre-zhytomyr"


def _neighbours(neighbours, slugs: list[str]) -> dict[str, list[str]]:
    """Slug → the slugs of the first three practices `neighbours` finds for it."""
    from learning_processes.models import PracticePage

    pages = {page.slug: page for page in PracticePage.objects.live().public()}
    by_pk = {page.pk: slug for slug, page in pages.items()}
    return {slug: [by_pk[pk] for pk in neighbours(pages[slug], 3)] for slug in slugs}


def _precision_at_3(neighbours, judged: dict) -> float:
    from search.metrics import mean, precision_at_k

    similar = {
        entry["practice"]: dict.fromkeys(entry["similar"], 1) for entry in judged["practices"]
    }
    found = _neighbours(neighbours, list(similar))
    return mean(precision_at_k(found[slug], similar[slug], 3) for slug in similar)


@pytest.fixture(scope="module")
def demo_index(demo_site, django_db_blocker):
    """The demo content in the engine's index, for the module. Indexed from this thread:
    `rebuild()` reads the pages in a worker thread, which cannot see the demo content
    of the module's open transaction."""
    from django.conf import settings

    from search import engine, indexing
    from tests.search.test_engine_node import drop_indices

    with django_db_blocker.unblock():
        drop_indices()
        name = indexing.ensure_index()
        helpers = engine.helpers_module(settings.SEARCH_ENGINE)
        helpers.bulk(engine.client(), indexing.iter_documents(name), refresh=True)
    yield demo_site
    drop_indices()


@pytest.mark.django_db
def test_database_fallback_keeps_its_precision_on_the_judged_set(demo_site, judged):
    from django.db import connection

    from search.backends.database import DatabaseSearchBackend

    database_neighbours = DatabaseSearchBackend().more_like_this

    precision = _precision_at_3(database_neighbours, judged)
    assert precision >= ACHIEVED[connection.vendor] - MARGIN


@pytest.mark.django_db
def test_database_fallback_lists_flood_retention_beside_reopened_streams(demo_site):
    from search.backends.database import DatabaseSearchBackend

    database_neighbours = DatabaseSearchBackend().more_like_this

    top = _neighbours(database_neighbours, [STREAMS])[STREAMS]
    assert FLOOD_RETENTION in top
    assert DISPLACED_PEOPLE_CENTRE not in top


@pytest.mark.django_db
def test_database_fallback_asks_a_fixed_number_of_queries(demo_site, django_assert_max_num_queries):
    from learning_processes.models import PracticePage
    from search.backends.database import DatabaseSearchBackend

    database_neighbours = DatabaseSearchBackend().more_like_this

    page = PracticePage.objects.get(slug=STREAMS)
    with django_assert_max_num_queries(14):
        assert len(database_neighbours(page, 4)) == 4


@pytest.mark.django_db
def test_practice_page_lists_the_flood_retention_practice_not_the_displaced_people_centre(
    client, demo_site
):
    html = client.get(f"/practices/{STREAMS}/").content.decode()
    similar = html.split('id="similar-heading"', 1)[1]
    assert "Retention basins that double as sports grounds" in similar
    assert "A one-stop centre for internally displaced people" not in similar


@pytest.mark.django_db
def test_a_preview_with_an_unsaved_tag_still_finds_neighbours(demo_site):
    from learning_processes.models import PracticePage
    from search.backends.database import DatabaseSearchBackend

    database_neighbours = DatabaseSearchBackend().more_like_this

    draft = PracticePage.objects.get(slug=STREAMS).get_latest_revision_as_object()
    draft.tags.add("a tag nobody uses yet")
    assert FLOOD_RETENTION in [
        PracticePage.objects.get(pk=pk).slug for pk in database_neighbours(draft, 3)
    ]


@pytest.mark.search_engine
@pytest.mark.django_db
def test_engine_keeps_its_precision_on_the_judged_set(demo_index, judged):
    from search.backends import get_backend

    engine_neighbours = get_backend().more_like_this

    assert _precision_at_3(engine_neighbours, judged) >= ACHIEVED["engine"] - MARGIN


@pytest.mark.search_engine
@pytest.mark.django_db
def test_engine_lists_flood_retention_beside_reopened_streams(demo_index):
    from search.backends import get_backend

    engine_neighbours = get_backend().more_like_this

    top = _neighbours(engine_neighbours, [STREAMS])[STREAMS]
    assert FLOOD_RETENTION in top
    assert DISPLACED_PEOPLE_CENTRE not in top
