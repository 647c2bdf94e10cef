import pytest

from community.members.actions import do_add_member
from community.models import MembershipChange, SpaceRole
from community.permissions import can_enter_space, can_facilitate, space_role
from community.spaces import spaces_of
from learning_processes.roles import ensure_staff_group
from tests.factories import LearningProcessFactory

pytestmark = pytest.mark.django_db


def test_adding_a_member_logs_the_join_and_later_role_changes(user_factory):
    space = LearningProcessFactory()
    host, member = user_factory(), user_factory()

    do_add_member(space, member, SpaceRole.PARTICIPANT, actor=host)
    do_add_member(space, member, SpaceRole.PARTICIPANT, actor=host)
    do_add_member(space, member, SpaceRole.OBSERVER, actor=host)

    assert space_role(member, space) == SpaceRole.OBSERVER
    log = list(MembershipChange.objects.filter(space=space).order_by("pk"))
    assert [(c.action, c.old_role, c.new_role, c.actor) for c in log] == [
        ("joined", "", "participant", host),
        ("role_changed", "participant", "observer", host),
    ]


def test_only_members_and_staff_enter_and_only_hosts_facilitators_and_staff_facilitate(
    user_factory,
):
    space, other_space = LearningProcessFactory(), LearningProcessFactory()
    participant, facilitator, outsider, staff = (user_factory() for _ in range(4))
    staff.groups.add(ensure_staff_group())
    do_add_member(space, participant, SpaceRole.PARTICIPANT)
    do_add_member(space, facilitator, SpaceRole.FACILITATOR)

    assert can_enter_space(participant, space) and not can_facilitate(participant, space)
    assert can_enter_space(facilitator, space) and can_facilitate(facilitator, space)
    assert can_enter_space(staff, space) and can_facilitate(staff, space)
    assert not can_enter_space(outsider, space)
    assert not can_enter_space(participant, other_space)
    assert list(spaces_of(participant)) == [space]


# --- Unpublished spaces ---------------------------------------------------------------------

LOGIN = "login"  # a visitor is sent to log in, as on any members' page (it reveals nothing)
PAGES = ("members", "threads", "public thread", "members thread", "sessions", "room", "ics")
PUBLIC_TITLE = "Quokka census along the river"
MEMBERS_TITLE = "Narwhal budget for the harbour"


def _status(client, url: str) -> int | str:
    response = client.get(url)
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


def _socket(user, session) -> str:
    """Open the session's room socket as `user`: "open", or how it was refused."""
    from asgiref.sync import async_to_sync
    from channels.layers import channel_layers
    from channels.routing import URLRouter
    from channels.testing import WebsocketCommunicator

    from community.live.routing import websocket_urlpatterns

    async def attempt() -> str:
        communicator = WebsocketCommunicator(
            URLRouter(websocket_urlpatterns), f"/ws/sessions/{session.pk}/"
        )
        communicator.scope["user"] = user
        connected, code = await communicator.connect(timeout=10)
        if connected:
            await communicator.disconnect()
            return "open"
        return f"refused {code}"

    # Each call runs in an event loop of its own; so does the channel layer.
    channel_layers.backends.clear()
    try:
        return async_to_sync(attempt)()
    finally:
        channel_layers.backends.clear()


def _found(client) -> set[str]:
    titles = set()
    for word in ("quokka", "narwhal"):
        body = client.get("/api/search/", {"q": word, "content_type": "thread"}).json()
        titles.update(result["title"] for result in body["results"])
    return titles


def _observe(client, people, urls, session) -> dict[str, dict[str, object]]:
    from django.contrib.auth.models import AnonymousUser

    observed = {}
    for actor, user in people.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        row: dict[str, object] = {page: _status(client, urls[page]) for page in PAGES}
        row["socket"] = _socket(user or AnonymousUser(), session)
        row["search"] = _found(client)
        observed[actor] = row
    return observed


@pytest.mark.django_db(transaction=True)
def test_an_unpublished_space_exists_only_for_staff_and_those_who_prepare_it(
    client, settings, user_factory
):
    """Decidim's rule for unpublished processes: visitors, participants and observers
    get a 404 (a login page where every address gets one), on every entry point; staff,
    hosts and facilitators enter to prepare it. Search shows nothing of it to anyone:
    only published spaces are indexed, and nobody but staff and those who prepare it
    keeps its members-only visibility."""
    import datetime as dt

    from django.urls import reverse
    from django.utils import timezone
    from wagtail.models import Collection

    from community.exchange.actions import do_create_thread
    from community.live.actions import do_schedule_session
    from community.models import Membership
    from search import indexing
    from search.permissions import viewer_visibility

    if Collection.get_first_root_node() is None:  # emptied by the transactional flush
        Collection.add_root(name="Root")
    engine = settings.SEARCH_ENGINE != "database"
    if engine:
        from tests.search.test_engine_node import drop_indices

        drop_indices()
        indexing.ensure_index()
    space = LearningProcessFactory(title="Draft: river restoration")
    people = {"visitor": None}
    for role in ("participant", "observer", "host", "facilitator"):
        people[role] = user_factory(email=f"{role}.draft@example.org")
        do_add_member(space, people[role], role)
    people["staff"] = user_factory(email="staff.draft@example.org")
    people["staff"].groups.add(ensure_staff_group())
    Membership.objects.update(joined_at=timezone.now() - dt.timedelta(days=60))
    host = people["host"]
    public = do_create_thread(
        space=space, author=host, title=PUBLIC_TITLE, body="Counting.", visibility="public"
    )
    members = do_create_thread(
        space=space, author=host, title=MEMBERS_TITLE, body="Costs.", visibility="members"
    )
    now = timezone.now()
    session = do_schedule_session(
        space=space,
        actor=host,
        title="Planning call",
        starts_at=now + dt.timedelta(days=1),
        ends_at=now + dt.timedelta(days=1, hours=1),
    )
    urls = {
        "members": reverse("community:space_members", args=[space.pk]),
        "threads": reverse("exchange:threads", args=[space.pk]),
        "public thread": public.get_absolute_url(),
        "members thread": members.get_absolute_url(),
        "sessions": reverse("live:list", args=[space.pk]),
        "room": session.get_absolute_url(),
        "ics": reverse("live:ics", args=[space.pk, session.pk]),
    }
    both = {PUBLIC_TITLE, MEMBERS_TITLE}
    try:
        if engine:
            assert indexing.drain_outbox(refresh=True).failed == 0
        # Published: the usual rules, and search finds the threads (so it works here).
        published = _observe(client, people, urls, session)
        anonymous = {
            **dict.fromkeys(PAGES, LOGIN),
            "threads": 200,
            "public thread": 200,
            "socket": "refused 1000",
            "search": {PUBLIC_TITLE},
        }
        inside = {**dict.fromkeys(PAGES, 200), "socket": "open", "search": both}
        assert published == {"visitor": anonymous, **dict.fromkeys(list(people)[1:], inside)}

        space.unpublish()
        if engine:
            assert indexing.drain_outbox(refresh=True).failed == 0
        unpublished = _observe(client, people, urls, session)
        absent = {**dict.fromkeys(PAGES, 404), "socket": "refused 4004", "search": set()}
        preparing = {**dict.fromkeys(PAGES, 200), "socket": "open", "search": set()}
        assert unpublished == {
            "visitor": {
                **dict.fromkeys(PAGES, 404),
                "members": LOGIN,
                "sessions": LOGIN,
                "room": LOGIN,
                "ics": LOGIN,
                "socket": "refused 1000",
                "search": set(),
            },
            "participant": absent,
            "observer": absent,
            "host": preparing,
            "facilitator": preparing,
            "staff": preparing,
        }
        # Even before the index has caught up, a participant's searches leave it out.
        for actor in ("participant", "observer"):
            assert viewer_visibility(people[actor]) == ("public",)
        assert f"space:{space.pk}" in viewer_visibility(host)
    finally:
        if engine:
            drop_indices()


def test_spaces_a_member_may_enter_leave_out_unpublished_ones_they_do_not_prepare(user_factory):
    from community.spaces import enterable_spaces_of

    published, draft = LearningProcessFactory(), LearningProcessFactory()
    draft.unpublish()
    participant, host = user_factory(), user_factory()
    for space in (published, draft):
        do_add_member(space, participant, SpaceRole.PARTICIPANT)
        do_add_member(space, host, SpaceRole.HOST)
    assert list(enterable_spaces_of(participant)) == [published]
    assert set(enterable_spaces_of(host)) == {published, draft}
    draft.refresh_from_db()
    assert not can_enter_space(participant, draft) and can_enter_space(host, draft)


def test_activity_feed_leaves_out_unpublished_spaces_a_participant_does_not_prepare(
    user_factory,
):
    from community.exchange.actions import do_create_thread, new_activity

    published, draft = LearningProcessFactory(), LearningProcessFactory()
    participant, host = user_factory(), user_factory()
    for space in (published, draft):
        do_add_member(space, participant, SpaceRole.PARTICIPANT)
        do_add_member(space, host, SpaceRole.HOST)
        do_create_thread(space=space, author=host, title=f"News of {space.title}", body="Hello")
    draft.unpublish()
    assert [group["space"] for group in new_activity(participant, None)] == [published]
