"""Follow-up threads in search: public threads for everyone, members-only threads only
for the members of their space (and platform staff), on whichever backend the run
configures: the engine in the full-stack pass, the database fallback in the embedded
pass. A members-only thread must not show in hits, facet counts, type-ahead,
did-you-mean or highlights for anyone else.
"""

import datetime as dt

import pytest
from django.utils import timezone

from community.exchange.actions import do_create_thread, do_delete_post, do_hide_post
from community.members.actions import do_add_member
from community.models import Membership, SpaceRole
from learning_processes.roles import ensure_staff_group
from search import indexing
from search.backends.database import DatabaseSearchBackend
from search.permissions import viewer_visibility
from search.queries import SearchQuery
from tests.factories import LearningProcessFactory, add_partners

pytestmark = pytest.mark.django_db

SECRET_WORDS = ("seaweed", "confidential")


def refresh_index(settings) -> None:
    if settings.SEARCH_ENGINE != "database":
        assert indexing.drain_outbox(refresh=True).failed == 0


@pytest.fixture
def exchange(settings, user_factory):
    """A space in Tanzania with a public and a members-only thread."""
    if settings.SEARCH_ENGINE != "database":
        from tests.search.test_engine_node import drop_indices

        drop_indices()
        indexing.ensure_index()
    space = add_partners(
        LearningProcessFactory(title="Coastal adaptation with partner cities"),
        ("Zanzibar City", "TZ"),
    )
    other = LearningProcessFactory(title="Another learning process")
    member = user_factory("member@example.org")
    host = user_factory("host@example.org")
    outsider = user_factory("outsider@example.org")
    other_member = user_factory("other@example.org")
    staff = user_factory("staff@example.org")
    staff.groups.add(ensure_staff_group())
    do_add_member(space, member, SpaceRole.PARTICIPANT)
    do_add_member(space, host, SpaceRole.HOST)
    do_add_member(other, other_member, SpaceRole.PARTICIPANT)
    Membership.objects.update(joined_at=timezone.now() - dt.timedelta(days=60))
    public = do_create_thread(
        space=space,
        author=member,
        title="Mangrove replanting with fishing cooperatives",
        body="The fishing cooperatives replant mangroves along the harbour.",
        visibility="public",
        tags=["mangroves"],
    )
    secret = do_create_thread(
        space=space,
        author=member,
        title="Seaweed farmers and the confidential budget",
        body="Notes on the seaweed cooperatives and the confidential municipal budget.",
        visibility="members",
        tags=["seaweed"],
    )
    refresh_index(settings)
    yield {
        "space": space,
        "member": member,
        "host": host,
        "outsider": outsider,
        "other_member": other_member,
        "staff": staff,
        "public": public,
        "secret": secret,
    }
    if settings.SEARCH_ENGINE != "database":
        drop_indices()


def api(client, user, path="/api/search/", **params) -> dict:
    client.logout()
    if user is not None:
        client.force_login(user)
    response = client.get(path, params)
    assert response.status_code == 200
    return response.json()


def facet(body: dict, name: str) -> dict[str, int]:
    return {f["value"]: f["count"] for f in body["facets"][name]}


def shows_secret(body: dict) -> bool:
    text = str(body).lower()
    return any(word in text for word in SECRET_WORDS)


def test_visibility_of_a_viewer_is_public_plus_the_spaces_they_may_enter(exchange):
    from django.contrib.auth.models import AnonymousUser

    space = exchange["space"].pk
    assert viewer_visibility(AnonymousUser()) == ("public",)
    assert viewer_visibility(exchange["outsider"]) == ("public",)
    assert viewer_visibility(exchange["member"]) == ("public", f"space:{space}")
    assert f"space:{space}" in viewer_visibility(exchange["staff"])


@pytest.mark.parametrize("viewer", [None, "outsider", "other_member"])
def test_a_members_only_thread_never_reaches_a_non_member(client, exchange, viewer):
    user = exchange[viewer] if viewer else None
    found = api(client, user, q="seaweed budget")
    assert found["total"] == 0 and found["results"] == []
    # A word in both threads: only the public one, and nothing of the other in snippets.
    shared = api(client, user, q="cooperatives", content_type="thread")
    assert [r["title"] for r in shared["results"]] == [
        "Mangrove replanting with fishing cooperatives"
    ]
    assert not shows_secret(shared)
    browse = api(client, user)
    assert facet(browse, "content_type")["thread"] == 1
    assert "seaweed" not in facet(browse, "tags")
    assert facet(browse, "country")["TZ"] == 2  # the process and its public thread
    assert not shows_secret(browse)
    filtered = api(client, user, content_type="thread", country="TZ")
    assert filtered["total"] == 1 and not shows_secret(filtered)
    suggestions = api(client, user, "/api/search/suggest/", q="seaw")
    assert suggestions == {"suggestions": []}
    misspelt = api(client, user, q="seawed budgt")
    assert not (misspelt["suggestion"] or "").startswith("seaweed")
    assert not shows_secret(misspelt)


@pytest.mark.parametrize("viewer", ["member", "host", "staff"])
def test_members_and_staff_find_the_members_only_thread(client, exchange, viewer):
    found = api(client, exchange[viewer], q="seaweed budget")
    assert [(r["title"], r["type"]) for r in found["results"]] == [
        ("Seaweed farmers and the confidential budget", "thread")
    ]
    assert found["results"][0]["url"] == exchange["secret"].get_absolute_url()
    browse = api(client, exchange[viewer], content_type="thread")
    assert browse["total"] == 2
    assert facet(browse, "tags") == {"mangroves": 1, "seaweed": 1}
    assert facet(browse, "topic_field") == {exchange["space"].topic_field.name: 2}
    suggestions = api(client, exchange[viewer], "/api/search/suggest/", q="seaw")
    assert [s["title"] for s in suggestions["suggestions"]] == [
        "Seaweed farmers and the confidential budget"
    ]


def test_hidden_and_deleted_threads_leave_search(client, settings, exchange):
    opening = exchange["secret"].posts.get(is_opening=True)
    do_hide_post(post=opening, actor=exchange["host"], reason="off topic")
    public_opening = exchange["public"].posts.get(is_opening=True)
    do_delete_post(post=public_opening, actor=exchange["member"])
    refresh_index(settings)
    member = exchange["member"]
    assert api(client, member, q="seaweed")["total"] == 0
    assert api(client, member, q="mangrove")["total"] == 0
    assert "thread" not in facet(api(client, member), "content_type")
    if settings.SEARCH_ENGINE != "database":
        assert indexing.check().ok


def test_database_fallback_applies_the_same_visibility(exchange):
    """Also in the full-stack pass: the fallback answers when the engine is down."""
    backend = DatabaseSearchBackend()
    outsider = viewer_visibility(exchange["outsider"])
    member = viewer_visibility(exchange["member"])
    assert backend.search(SearchQuery(text="seaweed", visibility=outsider)).total == 0
    assert backend.suggest("seaw", outsider) == []
    hits = backend.search(SearchQuery(text="seaweed", visibility=member)).hits
    assert [hit.id for hit in hits] == [f"thread-{exchange['secret'].pk}"]
    assert "<mark>" in hits[0].title_highlight
    counts = dict(backend.search(SearchQuery(visibility=outsider)).facets["content_type"])
    assert counts["thread"] == 1
