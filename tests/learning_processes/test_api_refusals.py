"""The Wagtail API refuses query values the database cannot take with a 400 (or answers
an empty page), never a 500: offsets beyond every row, ids beyond every integer column,
dates that are not dates."""

import pytest

from tests.factories import DialogueEventFactory, LearningProcessFactory, PracticeFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"
PAGES = "/api/v2/pages/"
PROCESSES = f"{PAGES}?type=learning_processes.LearningProcessPage"
PRACTICES = f"{PAGES}?type=learning_processes.PracticePage"
EVENTS = f"{PAGES}?type=learning_processes.DialogueEventPage"


@pytest.fixture
def practice():
    process = LearningProcessFactory(title="Circular waste")
    DialogueEventFactory(parent=process)
    return PracticeFactory(learning_process=process)


@pytest.mark.parametrize(
    "url",
    [
        f"{PAGES}?offset={HUGE}",
        f"{PAGES}?offset=2147483648",
        f"/api/v2/images/?offset={HUGE}",
        f"/api/v2/documents/?offset={HUGE}",
        f"{PRACTICES}&search=waste&offset={HUGE}",
    ],
)
def test_an_offset_beyond_every_item_answers_an_empty_page(client, practice, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response.json()["items"] == []


def test_an_offset_within_the_items_still_pages_through_them(client, practice):
    first = client.get(f"{PAGES}?limit=1").json()
    second = client.get(f"{PAGES}?limit=1&offset=1").json()

    assert first["meta"]["total_count"] >= 2
    assert first["items"][0]["id"] != second["items"][0]["id"]


@pytest.mark.parametrize(
    "url",
    [
        f"{PRACTICES}&topic_field={HUGE}",
        f"{PRACTICES}&learning_process={HUGE}",
        f"{PRACTICES}&learning_process=2147483648",
        f"{PRACTICES}&year={HUGE}",
        f"{PROCESSES}&topic_field={HUGE}",
        f"{PROCESSES}&sdgs={HUGE}",
        f"{PROCESSES}&partners={HUGE}",
        f"{PROCESSES}&proposed_on=abc",
        f"{EVENTS}&start=abc",
        f"{PAGES}?id={HUGE}",
        f"/api/v2/images/?id={HUGE}",
        f"/api/v2/images/?width={HUGE}",
    ],
)
def test_a_filter_value_the_database_cannot_take_is_a_bad_request(client, practice, url):
    response = client.get(url)

    assert response.status_code == 400
    assert "is not a valid value for" in response.json()["message"]


def test_filters_with_valid_values_still_filter(client, practice):
    process = practice.learning_process
    response = client.get(f"{PRACTICES}&learning_process={process.pk}")
    event = process.get_children().first().specific
    events = client.get(
        PAGES, {"type": "learning_processes.DialogueEventPage", "start": event.start.isoformat()}
    )

    assert [item["id"] for item in response.json()["items"]] == [practice.pk]
    assert [item["id"] for item in events.json()["items"]] == [event.pk]


@pytest.mark.parametrize(
    "url",
    [
        f"{PAGES}{HUGE}/",
        f"{PAGES}2147483648/",
        f"/api/v2/images/{HUGE}/",
        f"/api/v2/documents/{HUGE}/",
        f"{PAGES}find/?id={HUGE}",
    ],
)
def test_an_id_beyond_every_row_is_not_found(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        f"{PAGES}?child_of={HUGE}",
        f"{PAGES}?descendant_of={HUGE}",
        f"{PAGES}?ancestor_of={HUGE}",
        f"{PAGES}?translation_of={HUGE}",
        f"{PAGES}?limit=abc",
        f"{PAGES}?limit={HUGE}",
        f"{PAGES}?offset=abc",
    ],
)
def test_wagtails_own_parameter_checks_answer_400(client, url):
    assert client.get(url).status_code == 400
