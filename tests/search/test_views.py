"""The search page and JSON endpoints, on whichever backend the run configures."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def searchable(practices, settings):
    """The practices, findable by the configured backend."""
    if settings.SEARCH_ENGINE != "database":
        from search import indexing
        from tests.search.test_engine_node import drop_indices

        drop_indices()
        indexing.ensure_index()
        indexing.drain_outbox(refresh=True)
        yield practices
        drop_indices()
    else:
        yield practices


def test_search_api_returns_total_results_with_highlights_and_facets(client, searchable):
    response = client.get("/api/search/", {"q": "composting"})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 1
    result = body["results"][0]
    assert result["title"] == "Composting market waste with women's cooperatives"
    assert result["url"].endswith("/market-waste-composting-kumasi/")
    assert "<mark>" in result["title_highlight"] or any("<mark>" in h for h in result["highlights"])
    countries = {f["value"]: f["count"] for f in body["facets"]["country"]}
    assert countries == {"GH": 1}
    assert body["degraded"] is False


def test_search_api_filters_combine_and_stay_multi_select(client, searchable):
    body = client.get("/api/search/?region=global_south&country=VN&country=TN").json()
    assert sorted(r["title"] for r in body["results"]) == [
        "A municipal incubator for green start-ups",
        "A one-stop service desk online and on site",
    ]
    countries = {f["value"]: f["count"] for f in body["facets"]["country"]}
    assert countries == {"GH": 1, "VN": 1, "TN": 1}


@pytest.mark.parametrize(
    "params", [{"page": "0"}, {"page": "x"}, {"sort": "random"}, {"q": "w" * 201}]
)
def test_search_api_rejects_bad_input_with_400(client, params):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid request"


def test_search_page_shows_results_chips_and_keeps_filters_in_links(client, searchable):
    response = client.get("/search/", {"q": "start-ups", "region": "global_south"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "/startup-incubator-tunis/" in html
    assert "Region: Global South" in html
    assert 'name="region" value="global_south"' in html
    assert "Reduced search" not in html


def test_search_page_without_query_suggests_topic_fields(client, searchable):
    html = client.get("/search/").content.decode()
    assert "Start from a topic field" in html
    assert "Municipal services" in html


def test_search_page_reports_no_matches_helpfully(client, searchable):
    html = client.get("/search/", {"q": "zeppelin"}).content.decode()
    assert "Nothing matches these words and filters." in html


def test_suggest_endpoint_completes_titles(client, searchable):
    body = client.get("/api/search/suggest/", {"q": "unsea"}).json()
    assert [s["title"] for s in body["suggestions"]] == ["Unsealed schoolyards as cooling islands"]
    assert client.get("/api/search/suggest/", {"q": "u"}).json() == {"suggestions": []}
    assert client.get("/api/search/suggest/", {"q": "u" * 101}).status_code == 400


def test_dead_engine_gives_reduced_search_not_an_error(client, practices):
    with override_settings(
        SEARCH_ENGINE="opensearch", SEARCH_URL="http://127.0.0.1:1", SEARCH_TIMEOUT=1
    ):
        response = client.get("/search/", {"q": "composting"})
        body = client.get("/api/search/", {"q": "composting"}).json()
    assert response.status_code == 200
    assert "Reduced search" in response.content.decode()
    assert body["degraded"] is True and body["total"] == 1


def test_practice_page_lists_similar_practices(client, searchable):
    from tests.factories import PracticeFactory

    twin = PracticeFactory(
        title="Composting organic market waste in Kisumu",
        summary="Market waste is composted by a youth cooperative.",
        approach="<p>Cooperatives compost organic market waste for farmers.</p>",
        city="Kisumu",
        country="KE",
    )
    if client.get("/healthz").json()["services"]["search"]["backend"] != "database":
        from search import indexing

        indexing.drain_outbox(refresh=True)
    html = client.get("/practices/market-waste-composting-kumasi/").content.decode()
    assert "Similar practices" in html
    similar = html.split("Similar practices", 1)[1]
    assert twin.title in similar
    assert "Composting market waste with women" not in similar
