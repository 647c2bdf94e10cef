"""Search filters practices by city size (population band) on the engine and in the
database fallback alike; other content has no city size and drops out of the filter."""

import pytest

from learning_processes.models.practices import PopulationBand
from search import indexing
from search.backends import get_backend
from search.backends.database import DatabaseSearchBackend
from search.queries import SearchQuery
from tests.factories import LearningProcessFactory, PracticeFactory
from tests.search.test_engine_node import engine_index  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(db):
    PracticeFactory(title="Village water boards", population_band=PopulationBand.SMALL)
    PracticeFactory(title="Town water kiosks", population_band=PopulationBand.SMALL)
    PracticeFactory(title="Metro water tariffs", population_band=PopulationBand.METROPOLIS)
    PracticeFactory(title="Water without a size", population_band="")
    LearningProcessFactory(title="Water utilities exchange")


def check_population_facet(search) -> None:
    everything = search(SearchQuery(text="water"))
    assert dict(everything.facets["population_band"]) == {"lt_50k": 2, "gt_5m": 1}
    small = search(SearchQuery(text="water", filters={"population_band": ("lt_50k",)}))
    assert sorted(hit.title for hit in small.hits) == ["Town water kiosks", "Village water boards"]
    assert small.total == 2
    # Multi-select: the facet still counts the other bands; the type facet counts practices.
    assert dict(small.facets["population_band"]) == {"lt_50k": 2, "gt_5m": 1}
    assert dict(small.facets["content_type"]) == {"practice": 2}
    both = search(SearchQuery(filters={"population_band": ("lt_50k", "gt_5m")}))
    assert both.total == 3
    assert search(SearchQuery(filters={"population_band": ("huge",)})).total == 0


def test_database_fallback_filters_and_counts_population_bands(content):
    check_population_facet(DatabaseSearchBackend().search)


@pytest.mark.search_engine
def test_engine_filters_and_counts_population_bands(content, engine_index):  # noqa: F811
    assert indexing.drain_outbox(refresh=True).failed == 0
    check_population_facet(get_backend().search)


def test_search_page_offers_population_in_order_of_size_and_in_german(client, content):
    html = client.get("/search/?q=water", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Einwohnerzahl" in html
    assert html.index("unter 50.000") < html.index("über 5 Millionen")
    chip = client.get("/search/?q=water&population_band=gt_5m").content.decode()
    assert "Population: over 5 million" in chip


def test_a_facet_with_a_selection_stays_open(client, content):
    html = client.get("/search/?q=water&population_band=gt_5m").content.decode()
    facets = html.split('<details class="facet"')[1:]
    population = next(f for f in facets if "Population" in f.split("</summary>")[0])
    assert population.lstrip().startswith("open")
