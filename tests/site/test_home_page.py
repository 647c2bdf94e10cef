"""The home page as the way in: the topic fields with their counts, what is happening
now (dialogue events, open calls, live sessions only for those who may enter), the
latest outcomes and practices, the network in figures, and the editorial fields."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from community.live.models import VirtualSession
from community.members.actions import do_add_member
from connective_site.home import selectors
from connective_site.home.models import HomePage
from learning_processes.models import PartnerMunicipality, TopicField
from tests.factories import (
    DialogueEventFactory,
    LearningProcessFactory,
    OutcomeFactory,
    PracticeFactory,
    add_partners,
    home_page,
    practice_index,
    process_index,
    topic,
)
from tests.learning_processes.conftest import make_call

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    with translation.override("en"):
        yield


def _session(space, *, starts_in: dt.timedelta = dt.timedelta(days=2)) -> VirtualSession:
    starts = timezone.now() + starts_in
    return VirtualSession.objects.create(
        space=space,
        title=f"Session of {space.title}",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1),
    )


def _counts() -> dict[str, tuple[int, int]]:
    return {
        t.slug: (t.practice_count, t.process_count)
        for t in selectors.topic_entry_points(selectors.private_sections())
    }


# --- Topic fields ---------------------------------------------------------------------------


def test_topic_fields_count_published_practices_and_processes_only():
    PracticeFactory(topic_field=topic("municipal-services"))
    PracticeFactory(topic_field=topic("municipal-services"))
    PracticeFactory(topic_field=topic("municipal-services"), publish=False)
    LearningProcessFactory(topic_field=topic("municipal-services"))
    LearningProcessFactory(topic_field=topic("municipal-services"), publish=False)
    counts = _counts()
    assert counts["municipal-services"] == (2, 1)
    assert counts["good-urban-governance"] == (0, 0)
    assert len(counts) == TopicField.objects.count()


def test_topic_fields_do_not_count_pages_in_a_private_section():
    PracticeFactory(topic_field=topic("municipal-services"))
    private = PracticeFactory(topic_field=topic("municipal-services"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert _counts()["municipal-services"] == (1, 0)


def test_topic_fields_are_counted_in_one_query(django_assert_num_queries):
    PracticeFactory()
    LearningProcessFactory()
    private = selectors.private_sections()
    with django_assert_num_queries(1):
        list(selectors.topic_entry_points(private))


# --- What is happening now ------------------------------------------------------------------


def test_upcoming_dialogue_events_leave_out_past_drafts_and_unpublished_processes():
    now = timezone.now()
    process = LearningProcessFactory(title="Circular waste")
    soon = DialogueEventFactory(parent=process, start=now + dt.timedelta(days=10))
    DialogueEventFactory(parent=LearningProcessFactory(), start=now - dt.timedelta(days=30))
    DialogueEventFactory(parent=LearningProcessFactory(), publish=False)
    DialogueEventFactory(parent=LearningProcessFactory(publish=False))
    events = selectors.upcoming_dialogue_events(selectors.private_sections())
    assert [event.pk for event in events] == [soon.pk]
    assert events[0].process.title == "Circular waste"


def test_a_dialogue_event_under_way_is_still_shown():
    event = DialogueEventFactory(
        parent=LearningProcessFactory(), start=timezone.now() - dt.timedelta(days=1)
    )
    assert selectors.upcoming_dialogue_events(selectors.private_sections()) == [event]


def test_open_calls_are_those_before_their_deadline():
    process_index()
    open_call = make_call(2099)
    make_call(2020)
    assert selectors.open_calls(selectors.private_sections()) == [open_call]


def test_a_visitor_sees_no_live_sessions(client, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    space = LearningProcessFactory()
    _session(space)
    assert selectors.upcoming_sessions(AnonymousUser()) == []
    html = client.get("/").content.decode()
    assert "Session of" not in html


def test_members_see_the_sessions_of_their_spaces_only(client, user_factory):
    mine = LearningProcessFactory(title="My space")
    other = LearningProcessFactory(title="Other space")
    mine_session = _session(mine)
    _session(other)
    _session(mine, starts_in=-dt.timedelta(days=3))  # over
    member = user_factory(email="member@example.org")
    outsider = user_factory(email="outsider@example.org")
    do_add_member(mine, member, "participant")
    assert selectors.upcoming_sessions(member) == [mine_session]
    assert selectors.upcoming_sessions(outsider) == []
    client.force_login(member)
    html = client.get("/").content.decode()
    assert "Session of My space" in html
    assert "Session of Other space" not in html


# --- Latest and figures ---------------------------------------------------------------------


def test_latest_outcomes_name_their_process_and_skip_drafts():
    process = LearningProcessFactory(title="Heat action plans")
    shown = OutcomeFactory(parent=process, title="What we learned")
    OutcomeFactory(parent=process, title="Draft results", publish=False)
    outcomes = selectors.latest_outcomes(selectors.private_sections())
    assert outcomes == [shown]
    assert outcomes[0].process.title == "Heat action plans"


def test_network_figures_count_hosts_and_partners_of_published_processes():
    add_partners(LearningProcessFactory(host_city="Bonn"), ("Kumasi", "GH"), ("Sfax", "TN"))
    add_partners(LearningProcessFactory(host_city="Leipzig"), ("kumasi ", "GH"), ("Lviv", "UA"))
    add_partners(LearningProcessFactory(host_city="Bonn"))
    draft = LearningProcessFactory(host_city="Dresden", publish=False)
    draft.partners.add(PartnerMunicipality(name="Accra", country="GH"))
    draft.save()
    PracticeFactory()
    PracticeFactory(publish=False)
    figures = selectors.network_figures(selectors.private_sections())
    # Germany, Ghana, Tunisia, Ukraine; Bonn, Leipzig, Kumasi, Sfax, Lviv.
    assert figures == selectors.NetworkFigures(
        countries=4, cities=5, learning_processes=3, practices=1
    )


def test_network_figures_take_three_queries(django_assert_num_queries):
    add_partners(LearningProcessFactory(), ("Kumasi", "GH"))
    PracticeFactory()
    private = selectors.private_sections()
    with django_assert_num_queries(3):
        selectors.network_figures(private)


# --- The page -------------------------------------------------------------------------------


def test_home_page_shows_search_topics_now_latest_and_figures(client):
    practice_index()
    PracticeFactory(title="Market waste composting", topic_field=topic("municipal-services"))
    process = LearningProcessFactory(title="Circular waste")
    DialogueEventFactory(parent=process, city="Leipzig")
    html = client.get("/").content.decode()
    assert 'action="/search/"' in html and 'id="id_q"' in html
    assert "search/suggest.js" in html
    assert 'href="/practices/?topic=municipal-services"' in html
    assert "1 practice<" in html
    assert "Circular waste" in html and "Leipzig" in html
    assert "Market waste composting" in html
    assert "The network in figures" in html
    assert "No call for proposals is open right now." in html


def test_home_page_query_count_does_not_grow_with_content(
    client, user_factory, django_assert_max_num_queries
):
    practice_index()
    member = user_factory(email="member@example.org")
    for n in range(4):
        process = add_partners(LearningProcessFactory(), (f"City {n}", "GH"))
        DialogueEventFactory(parent=process)
        OutcomeFactory(parent=process)
        PracticeFactory()
        do_add_member(process, member, "participant")
        _session(process)
    client.get("/")  # warm the site root cache
    with django_assert_max_num_queries(16):
        assert client.get("/").status_code == 200
    client.force_login(member)
    client.get("/")
    # The signed-in page adds the session, the person's time zone, their unread
    # notifications (the header) and the spaces they may enter.
    with django_assert_max_num_queries(23):
        assert b"Session of" in client.get("/").content


def test_editorial_fields_replace_the_defaults(client):
    home = home_page()
    practice = PracticeFactory(title="Trial living in Görlitz")
    home.hero_heading = "Learn from cities like yours"
    home.topics_heading = "Where to start"
    home.featured_page = practice
    home.featured_text = "A small town wins newcomers."
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert "Learn from cities like yours</h1>" in html
    assert "Where to start</h2>" in html
    assert "Start from a topic field" not in html
    assert "Trial living in Görlitz" in html and "A small town wins newcomers." in html


def test_an_unpublished_featured_page_is_not_shown(client):
    home = home_page()
    practice = PracticeFactory(title="Withdrawn practice")
    home.featured_page = practice
    home.save_revision().publish()
    practice.unpublish()
    assert "Withdrawn practice" not in client.get("/").content.decode()


def test_home_page_speaks_german_and_keeps_editorial_text_as_entered(client):
    home = HomePage.objects.get()
    home.now_heading = "Jetzt und bald"
    home.save_revision().publish()
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Jetzt und bald</h2>" in html
    assert "Kommunale Daseinsvorsorge" in html  # the topic fields, in German
