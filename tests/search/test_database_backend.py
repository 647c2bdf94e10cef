"""The embedded mode's database fallback answers through the same interface."""

import pytest

from search.backends.database import DatabaseSearchBackend

pytestmark = pytest.mark.django_db


def test_database_fallback_finds_practices_and_counts_facets(practices):
    backend = DatabaseSearchBackend()
    results = backend.search_practices("composting")
    assert [hit.title for hit in results.hits] == [
        "Composting market waste with women's cooperatives"
    ]
    assert dict(results.facets["country"]) == {"GH": 1}

    everything = backend.search_practices("")
    assert everything.total == 4
    assert backend.ping()["backend"] == "database"
