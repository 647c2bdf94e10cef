"""The practice library filters by city size (population band), as its page promises."""

import pytest

from learning_processes.models.practices import PopulationBand
from tests.factories import PracticeFactory, practice_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(db):
    PracticeFactory(title="Village water boards", population_band=PopulationBand.SMALL)
    PracticeFactory(title="Metro bus lanes", population_band=PopulationBand.METROPOLIS)
    PracticeFactory(title="Town heat plan", population_band=PopulationBand.SMALL)
    PracticeFactory(title="No size given", population_band="")


def listed(response) -> list[str]:
    assert response.status_code == 200
    return sorted(page.title for page in response.context["practices"])


def test_population_filter_selects_practices_of_that_city_size(client, practices):
    response = client.get(practice_index().url + "?population=lt_50k")
    assert listed(response) == ["Town heat plan", "Village water boards"]
    assert [chip.label for chip in response.context["active_filters"]] == ["Population"]
    assert response.context["active_filters"][0].value == "under 50,000"


def test_population_filter_offers_every_band_in_order_of_size(client, practices):
    response = client.get(practice_index().url)
    assert [value for value, _ in response.context["facets"].population] == list(
        PopulationBand.values
    )
    html = response.content.decode()
    assert 'name="population"' in html and "All city sizes" in html


def test_population_filter_combines_with_the_others_and_refuses_unknown_bands(client, practices):
    url = practice_index().url
    assert listed(client.get(url + "?population=gt_5m&country=GH")) == ["Metro bus lanes"]
    response = client.get(url + "?population=huge")
    assert response.status_code == 200
    assert "population" in response.context["filter_form"].errors
    assert len(listed(response)) == 4


def test_population_filter_in_german(client, practices):
    response = client.get(practice_index().url, HTTP_ACCEPT_LANGUAGE="de")
    html = response.content.decode()
    assert "Einwohnerzahl" in html and "unter 50.000" in html
