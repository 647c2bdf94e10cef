import pytest

from tests.factories import PracticeFactory


def make_practices() -> list:
    """Four practices from four countries, written for the search tests."""
    return [
        PracticeFactory(
            title="Composting market waste with women's cooperatives",
            slug="market-waste-composting-kumasi",
            summary="Organic waste from the central market is composted by cooperatives.",
            approach="<p>Cooperatives run the composting and sell the compost to farmers.</p>",
            city="Kumasi",
            country="GH",
        ),
        PracticeFactory(
            title="Unsealed schoolyards as cooling islands",
            summary="Schoolyards were unsealed and planted with pupils.",
            city="Bonn",
            country="DE",
        ),
        PracticeFactory(
            title="A one-stop service desk online and on site",
            summary="Residents file applications online or at assisted kiosks.",
            city="Da Nang",
            country="VN",
        ),
        PracticeFactory(
            title="A municipal incubator for green start-ups",
            slug="startup-incubator-tunis",
            summary="Vacant buildings and mentoring for start-ups in recycling.",
            city="Tunis",
            country="TN",
        ),
    ]


@pytest.fixture
def practices(db):
    return make_practices()
