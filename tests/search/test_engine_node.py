"""Practices indexed through the DSL are found on a real search-engine node."""

import pytest

from learning_processes.models import PracticePage
from search.backends import get_backend
from search.engine import client, index_name

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]


@pytest.fixture
def engine_backend(settings):
    backend = get_backend()
    index = index_name("practices")
    client().indices.delete(index=index, ignore_unavailable=True)
    backend.setup()
    yield backend
    client().indices.delete(index=index, ignore_unavailable=True)


def test_node_answers_with_its_engine_and_version(engine_backend):
    info = engine_backend.ping()
    assert info["backend"] == "opensearch"
    assert info["distribution"] == "opensearch"
    assert info["version"].split(".")[0] in {"2", "3"}
    assert info["cluster_status"] in {"green", "yellow"}


def test_indexed_practice_is_found_by_a_stemmed_accent_folded_query(engine_backend, practices):
    for page in PracticePage.objects.live():
        engine_backend.index_practice(page)
    client().indices.refresh(index=index_name("practices"))

    results = engine_backend.search_practices("composted cooperative")
    assert results.total >= 1
    assert results.hits[0].title == "Composting market waste with women's cooperatives"
    assert "<em>" in results.hits[0].highlight

    # "Da Nang" is stored as written; accent folding lets "servíce" match "service".
    folded = engine_backend.search_practices("one-stop servíce desk")
    assert folded.hits[0].title == "A one-stop service desk online and on site"

    everything = engine_backend.search_practices("")
    assert everything.total == 4
    countries = dict(everything.facets["country"])
    assert countries == {"GH": 1, "DE": 1, "VN": 1, "TN": 1}


def test_removed_practice_is_no_longer_found(engine_backend, practices):
    page = PracticePage.objects.get(slug="startup-incubator-tunis")
    engine_backend.index_practice(page, refresh=True)
    assert engine_backend.search_practices("incubator").total == 1
    engine_backend.remove_practice(page.pk)
    client().indices.refresh(index=index_name("practices"))
    assert engine_backend.search_practices("incubator").total == 0
