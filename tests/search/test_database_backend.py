"""The database fallback answers the same SearchQuery as the engine."""

import pytest

from search.backends.database import DatabaseSearchBackend
from search.queries import SearchQuery

pytestmark = pytest.mark.django_db


def test_database_fallback_finds_practices_with_highlights(practices):
    results = DatabaseSearchBackend().search(SearchQuery(text="composting"))
    assert [hit.title for hit in results.hits] == [
        "Composting market waste with women's cooperatives"
    ]
    assert "<mark>" in results.hits[0].title_highlight
    assert results.backend == "database"


def test_database_fallback_counts_multi_select_facets(practices):
    backend = DatabaseSearchBackend()
    everything = backend.search(SearchQuery())
    assert everything.total == 4
    assert dict(everything.facets["country"]) == {"GH": 1, "DE": 1, "VN": 1, "TN": 1}
    filtered = backend.search(
        SearchQuery(filters={"region": ("global_south",), "country": ("GH", "DE")})
    )
    assert [hit.title for hit in filtered.hits] == [
        "Composting market waste with women's cooperatives"
    ]
    assert dict(filtered.facets["country"]) == {"GH": 1, "VN": 1, "TN": 1}


def test_database_fallback_suggests_titles_and_paginates(practices):
    backend = DatabaseSearchBackend()
    assert [s["title"] for s in backend.suggest("unsea")] == [
        "Unsealed schoolyards as cooling islands"
    ]
    second = backend.search(SearchQuery(page=2, page_size=3))
    assert second.total == 4 and len(second.hits) == 1
    assert backend.ping()["backend"] == "database"


def test_database_fallback_marks_the_whole_title_and_escapes_it(practices):
    results = DatabaseSearchBackend().search(SearchQuery(text="cooperatives"))
    assert results.hits[0].title_highlight == (
        "Composting market waste with women&#x27;s <mark>cooperatives</mark>"
    )
