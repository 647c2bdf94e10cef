"""The read-only Wagtail API v2 at /api/v2/: processes and practices with their
related fields, partners with the Global South flag, the phase, and no writes."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning_processes.models import SustainableDevelopmentGoal
from tests.factories import (
    DialogueEventFactory,
    LearningProcessFactory,
    LearningProcessIndexFactory,
    OutcomeFactory,
    PracticeFactory,
    PracticeIndexFactory,
    add_partners,
    topic,
)

pytestmark = pytest.mark.django_db

PROCESSES = "/api/v2/pages/?type=learning_processes.LearningProcessPage&fields=*"
PRACTICES = "/api/v2/pages/?type=learning_processes.PracticePage&fields=*"


def sdgs(*numbers: int) -> list[SustainableDevelopmentGoal]:
    return list(SustainableDevelopmentGoal.objects.filter(number__in=numbers))


@pytest.fixture
def process():
    process = add_partners(
        LearningProcessFactory(
            title="Circular waste",
            year=2025,
            topic_field=topic("municipal-services"),
            sdgs=sdgs(6, 11),
            tags=["waste", "composting"],
            contact_email="private@leipzig.example",
        ),
        ("Kumasi", "GH"),
        ("Lyon", "FR"),
    )
    DialogueEventFactory(parent=process, start=timezone.now() - dt.timedelta(days=30))
    return process


def get_json(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_process_listing_serialises_related_fields(client, process):
    LearningProcessFactory(title="Draft process", publish=False)

    items = get_json(client, PROCESSES)["items"]

    assert [item["title"] for item in items] == ["Circular waste"]
    item = items[0]
    assert item["topic_field"] == {
        "id": topic("municipal-services").pk,
        "name": "Municipal services",
        "slug": "municipal-services",
    }
    assert item["sdgs"] == [
        {"number": 6, "name": "Clean Water and Sanitation"},
        {"number": 11, "name": "Sustainable Cities and Communities"},
    ]
    assert item["tags"] == ["composting", "waste"]
    assert item["phase"] == "follow_up"
    assert item["year"] == 2025
    assert [partner["name"] for partner in item["partners"]] == ["Kumasi", "Lyon"]
    assert "contact_email" not in item
    assert "private@leipzig.example" not in str(items)


def test_process_detail_includes_partners_with_global_south_flag_and_phase(client, process):
    OutcomeFactory(parent=process)

    detail = get_json(client, f"/api/v2/pages/{process.pk}/")

    assert detail["meta"]["type"] == "learning_processes.LearningProcessPage"
    assert detail["phase"] == "completed"
    partners = {partner["name"]: partner for partner in detail["partners"]}
    assert partners["Kumasi"]["country_code"] == "GH"
    assert partners["Kumasi"]["is_global_south"] is True
    assert partners["Lyon"]["is_global_south"] is False
    assert "contact_email" not in detail


def test_practice_listing_serialises_region_and_learning_process(client, process):
    PracticeFactory(
        title="Composting market waste",
        country="GH",
        learning_process=process,
        sdgs=sdgs(12),
        tags=["waste"],
        contact_email="private@kumasi.example",
    )

    items = get_json(client, PRACTICES)["items"]

    assert len(items) == 1
    item = items[0]
    assert item["country_code"] == "GH"
    assert item["region"] == "global_south"
    assert item["topic_field"]["slug"] == "municipal-services"
    assert item["sdgs"] == [{"number": 12, "name": "Responsible Consumption and Production"}]
    assert item["tags"] == ["waste"]
    assert item["learning_process"]["id"] == process.pk
    assert item["learning_process"]["title"] == "Circular waste"
    assert item["learning_process"]["meta"]["html_url"] == "http://testserver" + process.url
    assert item["learning_process"]["meta"]["detail_url"].endswith(f"/api/v2/pages/{process.pk}/")
    assert "private@kumasi.example" not in str(items)


def test_practice_of_an_unpublished_process_does_not_name_it(client):
    draft = LearningProcessFactory(title="Secret draft", publish=False)
    practice = PracticeFactory(learning_process=draft)

    detail = get_json(client, f"/api/v2/pages/{practice.pk}/")

    assert detail["learning_process"] is None
    assert "Secret draft" not in str(detail)


def test_outcome_detail_links_live_practices_only(client, process):
    shared = PracticeFactory(title="Shared practice")
    draft = PracticeFactory(title="Draft practice", publish=False)
    outcome = OutcomeFactory(parent=process)
    outcome.practices.add(shared, draft)
    outcome.save_revision().publish()

    detail = get_json(client, f"/api/v2/pages/{outcome.pk}/")

    assert [link["title"] for link in detail["practices"]] == ["Shared practice"]
    assert detail["meta"]["parent"]["id"] == process.pk


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_api_refuses_to_change_anything(client, process, method):
    listing = getattr(client, method)("/api/v2/pages/", {"title": "x"})
    detail = getattr(client, method)(f"/api/v2/pages/{process.pk}/", {"title": "x"})

    assert listing.status_code == 405
    assert detail.status_code == 405


def test_api_answers_browsers_with_json_not_the_browsable_html(client, process):
    response = client.get(PROCESSES, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


def test_images_and_documents_endpoints_exist(client):
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


def add_processes(index, count: int) -> None:
    for number in range(count):
        add_partners(
            LearningProcessFactory(parent=index, sdgs=sdgs(6), tags=[f"tag-{number}"]),
            ("Kumasi", "GH"),
        )


def add_practices(index, count: int) -> None:
    process = LearningProcessFactory(parent=LearningProcessIndexFactory())
    for number in range(count):
        PracticeFactory(
            parent=index, learning_process=process, sdgs=sdgs(6), tags=[f"tag-{number}"]
        )


@pytest.mark.parametrize(
    "url, make_index, add",
    [
        pytest.param(PROCESSES, LearningProcessIndexFactory, add_processes, id="processes"),
        pytest.param(PRACTICES, PracticeIndexFactory, add_practices, id="practices"),
    ],
)
def test_api_listing_query_count_does_not_grow_with_items(client, url, make_index, add):
    index = make_index()

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as context:
            get_json(client, url)
        return len(context.captured_queries)

    add(index, 3)
    get_json(client, url)  # warm the site-root cache, as a running site has
    with_3 = count_queries()
    add(index, 12)
    with_15 = count_queries()

    assert with_15 == with_3, f"API listing: {with_3} queries with 3 items, {with_15} with 15"
