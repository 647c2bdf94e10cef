"""The two listings: filters alone and combined, invalid input, chips, pagination,
the empty state, and a query count that does not grow with the number of items."""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning_processes import countries
from learning_processes.listings import PAGE_SIZE
from learning_processes.models import SustainableDevelopmentGoal
from tests.factories import (
    DialogueEventFactory,
    LearningProcessFactory,
    LearningProcessIndexFactory,
    OutcomeFactory,
    PracticeFactory,
    PracticeIndexFactory,
    add_partners,
    practice_index,
    process_index,
    topic,
)

pytestmark = pytest.mark.django_db


def sdgs(*numbers: int) -> list[SustainableDevelopmentGoal]:
    return list(SustainableDevelopmentGoal.objects.filter(number__in=numbers))


@pytest.fixture(scope="module")
def library(django_db_setup, django_db_blocker):
    """One tree for the whole module, rolled back when the module is done.

    Practices: GH and IN (Global South), UA (on the DAC list but in its Europe
    region, so "other"), FR (not on the list) and DE. Processes: one per phase.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        practice = {
            "kumasi": PracticeFactory(
                title="Market waste composting",
                city="Kumasi",
                country="GH",
                year=2025,
                topic_field=topic("municipal-services"),
                sdgs=sdgs(6, 11),
                tags=["waste"],
            ),
            "pune": PracticeFactory(
                title="Water kiosks",
                city="Pune",
                country="IN",
                year=2024,
                topic_field=topic("municipal-services"),
                sdgs=sdgs(6),
                tags=["water"],
            ),
            "lviv": PracticeFactory(
                title="Digital permits",
                city="Lviv",
                country="UA",
                year=2025,
                topic_field=topic("good-urban-governance"),
                sdgs=sdgs(16),
                tags=["digitalisation"],
            ),
            "lyon": PracticeFactory(
                title="Bulky waste collection",
                city="Lyon",
                country="FR",
                year=2023,
                topic_field=topic("municipal-services"),
                sdgs=sdgs(6),
                tags=["waste"],
            ),
            "bonn": PracticeFactory(
                title="Shaded squares",
                city="Bonn",
                country="DE",
                year=2024,
                topic_field=topic("integrated-urban-development"),
                sdgs=sdgs(13),
                tags=["heat"],
            ),
        }
        # A draft that matches every filter above must never be listed.
        PracticeFactory(
            title="Draft practice", country="GH", year=2025, tags=["waste"], publish=False
        )

        now = timezone.now()
        completed = add_partners(
            LearningProcessFactory(
                title="Circular waste",
                year=2025,
                topic_field=topic("municipal-services"),
                sdgs=sdgs(6),
                tags=["waste"],
            ),
            ("Kumasi", "GH"),
            ("Lviv", "UA"),
        )
        DialogueEventFactory(parent=completed, start=now - dt.timedelta(days=300))
        OutcomeFactory(parent=completed)
        selected = add_partners(
            LearningProcessFactory(
                title="Heat action plans",
                year=2026,
                topic_field=topic("integrated-urban-development"),
                sdgs=sdgs(13),
                tags=["heat"],
            ),
            ("Lyon", "FR"),
        )
        DialogueEventFactory(parent=selected, start=now + dt.timedelta(days=40))
        follow_up = add_partners(
            LearningProcessFactory(
                title="Digital services",
                year=2026,
                topic_field=topic("good-urban-governance"),
                sdgs=sdgs(16, 6),
                tags=["digitalisation"],
            ),
            ("Pune", "IN"),
            ("Chennai", "IN"),
        )
        DialogueEventFactory(parent=follow_up, start=now - dt.timedelta(days=60))
        running = LearningProcessFactory(title="Start-up support", year=2026, tags=["start-ups"])
        DialogueEventFactory(
            parent=running,
            start=now - dt.timedelta(days=1),
            end=now + dt.timedelta(days=1),
        )
        LearningProcessFactory(title="Open proposal", year=2024)
        LearningProcessFactory(title="Draft process", year=2026, publish=False)
        yield {"practices": practice}
        transaction.set_rollback(True)


def listed(response, key: str) -> list[str]:
    assert response.status_code == 200, response.status_code
    return [page.title for page in response.context[key]]


# --- practices ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, expected",
    [
        pytest.param("", ["Digital permits", "Market waste composting", "Shaded squares",
                          "Water kiosks", "Bulky waste collection"], id="none"),
        pytest.param("topic=municipal-services",
                     ["Market waste composting", "Water kiosks", "Bulky waste collection"],
                     id="topic"),
        pytest.param("sdg=11", ["Market waste composting"], id="sdg"),
        pytest.param("country=IN", ["Water kiosks"], id="country"),
        pytest.param("region=germany", ["Shaded squares"], id="region-germany"),
        pytest.param("tag=waste", ["Market waste composting", "Bulky waste collection"], id="tag"),
        pytest.param("year=2024", ["Shaded squares", "Water kiosks"], id="year"),
    ],
)  # fmt: skip
def test_each_practice_filter_alone_selects_matching_practices(client, library, query, expected):
    response = client.get(f"{practice_index().url}?{query}")
    assert listed(response, "practices") == expected


def test_practice_region_filter_follows_the_dac_list(client, library):
    url = practice_index().url
    south = listed(client.get(url + "?region=global_south"), "practices")
    other = listed(client.get(url + "?region=other"), "practices")

    assert south == ["Market waste composting", "Water kiosks"]
    # Ukraine is an ODA recipient in the DAC's Europe region: not Global South.
    assert other == ["Digital permits", "Bulky waste collection"]
    assert countries.is_global_south("GH") and countries.is_global_south("IN")
    assert not countries.is_global_south("UA") and "UA" in countries.oda_recipients()


def test_practice_filters_combine(client, library):
    url = practice_index().url
    response = client.get(url + "?topic=municipal-services&sdg=6&region=global_south")
    assert listed(response, "practices") == ["Market waste composting", "Water kiosks"]

    response = client.get(url + "?topic=municipal-services&sdg=6&region=global_south&year=2024")
    assert listed(response, "practices") == ["Water kiosks"]

    response = client.get(url + "?tag=waste&country=FR")
    assert listed(response, "practices") == ["Bulky waste collection"]


def test_practice_facets_offer_only_values_that_occur(client, library):
    response = client.get(practice_index().url)
    facets = response.context["facets"]

    assert [code for code, _ in facets.country] == ["FR", "DE", "GH", "IN", "UA"]
    assert [year for year, _ in facets.year] == ["2025", "2024", "2023"]
    assert [slug for slug, _ in facets.tag] == ["digitalisation", "heat", "waste", "water"]
    assert len(facets.sdg) == 17 and len(facets.topic) == 4
    assert b"Draft practice" not in response.content


# --- learning processes -----------------------------------------------------------


@pytest.mark.parametrize(
    "query, expected",
    [
        pytest.param("topic=good-urban-governance", ["Digital services"], id="topic"),
        pytest.param("sdg=6", ["Digital services", "Circular waste"], id="sdg"),
        pytest.param("country=GH", ["Circular waste"], id="country"),
        pytest.param("country=IN", ["Digital services"], id="two-partners-in-one-country"),
        pytest.param("country=DE", ["Digital services", "Heat action plans", "Start-up support",
                                    "Circular waste", "Open proposal"], id="country-host"),
        pytest.param("region=global_south", ["Digital services", "Circular waste"],
                     id="region-global-south"),
        pytest.param("region=other", ["Heat action plans", "Circular waste"], id="region-other"),
        pytest.param("region=germany", ["Digital services", "Heat action plans",
                                        "Start-up support", "Circular waste", "Open proposal"],
                     id="region-germany"),
        pytest.param("tag=heat", ["Heat action plans"], id="tag"),
        pytest.param("year=2024", ["Open proposal"], id="year"),
    ],
)  # fmt: skip
def test_each_process_filter_alone_selects_matching_processes(client, library, query, expected):
    response = client.get(f"{process_index().url}?{query}")
    assert listed(response, "processes") == expected


@pytest.mark.parametrize(
    "phase, expected",
    [
        ("call", ["Open proposal"]),
        ("selected", ["Heat action plans"]),
        ("dialogue_event", ["Start-up support"]),
        ("follow_up", ["Digital services"]),
        ("completed", ["Circular waste"]),
    ],
)
def test_phase_filter_uses_the_phase_derived_in_sql(client, library, phase, expected):
    response = client.get(f"{process_index().url}?phase={phase}")
    assert listed(response, "processes") == expected
    assert all(process.phase == phase for process in response.context["processes"])


def test_process_filters_combine(client, library):
    url = process_index().url
    response = client.get(url + "?region=global_south&year=2026&sdg=6")
    assert listed(response, "processes") == ["Digital services"]

    response = client.get(url + "?region=other&phase=completed&tag=waste")
    assert listed(response, "processes") == ["Circular waste"]

    response = client.get(url + "?country=GH&phase=selected")
    assert listed(response, "processes") == []


# --- invalid input, chips ----------------------------------------------------------


@pytest.mark.parametrize(
    "query, field",
    [
        ("year=abc", "year"),
        ("sdg=99", "sdg"),
        ("country=ZZ", "country"),
        ("region=mars", "region"),
        ("phase=bogus", "phase"),
        ("topic=no-such-topic", "topic"),
        ("tag=%3Cscript%3E", "tag"),
    ],
)
def test_invalid_filter_value_is_reported_and_ignored(client, library, query, field):
    url = process_index().url
    everything = listed(client.get(url), "processes")

    response = client.get(f"{url}?{query}")

    assert listed(response, "processes") == everything
    assert field in response.context["filter_form"].errors
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert "<script>" not in html


def test_invalid_value_does_not_cancel_the_valid_filters(client, library):
    response = client.get(practice_index().url + "?year=abc&country=GH")

    assert listed(response, "practices") == ["Market waste composting"]
    assert [chip.name for chip in response.context["active_filters"]] == ["country"]
    # Links drop the invalid value instead of carrying it along.
    assert "year=abc" not in response.context["query_string"]


@pytest.mark.parametrize("page", ["abc", "0", "999", "-1"])
def test_out_of_range_page_numbers_do_not_crash(client, library, page):
    response = client.get(f"{practice_index().url}?page={page}")
    assert response.status_code == 200


def test_each_chip_removes_exactly_one_filter(client, library):
    response = client.get(practice_index().url + "?topic=municipal-services&region=global_south")

    chips = {chip.name: chip for chip in response.context["active_filters"]}
    assert chips["topic"].label == "Topic field"
    assert chips["topic"].value == "Municipal services"
    assert chips["region"].value == "Global South"
    assert chips["topic"].remove_url == f"{practice_index().url}?region=global_south"
    assert chips["region"].remove_url == f"{practice_index().url}?topic=municipal-services"
    html = response.content.decode()
    assert f'href="{practice_index().url}?region=global_south"' in html
    assert "Remove filter" in html


# --- pagination, counts and the empty state ----------------------------------------


def test_pagination_links_keep_the_filters(client):
    index = PracticeIndexFactory()
    for number in range(PAGE_SIZE + 3):
        PracticeFactory(parent=index, title=f"Ghana practice {number:02}", country="GH")
    PracticeFactory(parent=index, title="German practice", country="DE")

    first = client.get(index.url + "?country=GH&sdg=")

    assert first.context["result_count"] == PAGE_SIZE + 3
    assert len(first.context["practices"]) == PAGE_SIZE
    html = first.content.decode()
    assert f'href="{index.url}?country=GH&amp;page=2"' in html
    assert 'aria-label="Pages of results"' in html
    assert first.context["pagination"]["next_url"] == f"{index.url}?country=GH&page=2"

    second = client.get(first.context["pagination"]["next_url"])

    assert listed(second, "practices") == [f"Ghana practice {n:02}" for n in range(12, 15)]
    assert second.context["pagination"]["previous_url"] == f"{index.url}?country=GH"
    assert 'aria-current="page"' in second.content.decode()


def test_result_count_is_pluralised(client, library):
    one = client.get(practice_index().url + "?country=IN").content.decode()
    several = client.get(practice_index().url).content.decode()
    processes = client.get(process_index().url + "?tag=heat").content.decode()

    assert ">1 practice<" in one
    assert ">5 practices<" in several
    assert ">1 learning process<" in processes


def test_empty_index_says_nothing_is_published_yet(client):
    practices = client.get(PracticeIndexFactory().url)
    processes = client.get(LearningProcessIndexFactory().url)

    assert "No practices have been shared yet." in practices.content.decode()
    assert "No learning processes have been published yet." in processes.content.decode()
    assert 'class="cards"' not in practices.content.decode()


def test_no_match_explains_and_offers_to_clear_the_filters(client, library):
    response = client.get(practice_index().url + "?country=GH&year=2023")
    html = response.content.decode()

    assert ">0 practices<" in html
    assert "No practices match these filters." in html
    assert f'<a href="{practice_index().url}">show all practices</a>' in html


# --- the query count does not grow with the number of items ------------------------


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def add_practices(index, count: int) -> None:
    for number in range(count):
        PracticeFactory(
            parent=index,
            country=["GH", "DE", "UA"][number % 3],
            sdgs=sdgs(6, 11),
            tags=[f"tag-{number}", "waste"],
        )


def add_processes(index, count: int) -> None:
    now = timezone.now()
    for number in range(count):
        process = add_partners(
            LearningProcessFactory(parent=index, sdgs=sdgs(6, 11), tags=[f"tag-{number}"]),
            ("Kumasi", "GH"),
            ("Lviv", "UA"),
        )
        # Over before today: every process is in its follow-up phase.
        DialogueEventFactory(parent=process, start=now - dt.timedelta(days=10 + number))


@pytest.mark.parametrize("query", ["", "?region=global_south&sdg=6"])
def test_practice_listing_query_count_does_not_grow_with_items(
    client, django_assert_max_num_queries, query
):
    index = PracticeIndexFactory()
    add_practices(index, 3)
    client.get(index.url + query)  # warm the site-root cache, as a running site has
    with_3 = count_queries(client, index.url + query)

    add_practices(index, 12)
    with_15 = count_queries(client, index.url + query)

    assert with_15 == with_3, f"practice listing: {with_3} queries with 3, {with_15} with 15"
    with django_assert_max_num_queries(with_3):
        client.get(index.url + query)


@pytest.mark.parametrize("query", ["", "?region=global_south&phase=follow_up"])
def test_process_listing_query_count_does_not_grow_with_items(
    client, django_assert_max_num_queries, query
):
    index = LearningProcessIndexFactory()
    add_processes(index, 3)
    client.get(index.url + query)
    with_3 = count_queries(client, index.url + query)

    add_processes(index, 12)
    with_15 = count_queries(client, index.url + query)

    assert with_15 == with_3, f"process listing: {with_3} queries with 3, {with_15} with 15"
    with django_assert_max_num_queries(with_3):
        client.get(index.url + query)


def test_cards_show_phase_partners_sdgs_and_tags(client, library):
    html = client.get(process_index().url + "?tag=waste").content.decode()
    cards = html.split('<ul class="cards">', 1)[1].split("</section>", 1)[0]

    assert cards.count('<li class="card">') == 1
    assert "Completed" in cards
    assert "Kumasi (Ghana), Lviv (Ukraine)" in cards
    assert "SDG 6: Clean Water and Sanitation" in cards
    assert '<li class="tag">waste</li>' in cards
