"""Who may open or post to every exchange view, for each kind of visitor.

Visitors are sent to log in (302 to the login page), signed-in people without the
right get 403; allowed GETs answer 200 and allowed POSTs redirect (302) after acting.
"""

import pytest
from django.urls import reverse

from community.exchange.actions import do_create_thread, do_post_reply
from community.exchange.models import Visibility
from tests.factories import practice_index

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "outsider", "observer", "participant", "facilitator", "host", "staff")
MEMBERS = {"observer", "participant", "facilitator", "host", "staff"}
POSTERS = {"participant", "facilitator", "host", "staff"}
MODERATORS = {"facilitator", "host", "staff"}
EVERYONE = set(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}


@pytest.fixture
def scene(people, pdf_upload):
    private = do_create_thread(
        space=people.space,
        author=people.participant,
        title="Members only",
        body="What we tried at home.",
        files=[pdf_upload()],
    )
    public = do_create_thread(
        space=people.space,
        author=people.participant,
        title="Open to all",
        body="A public follow-up.",
        visibility=Visibility.PUBLIC,
        files=[pdf_upload("public.pdf")],
    )
    reply = do_post_reply(thread=private, author=people.facilitator, body="A reply.")
    own_reply = do_post_reply(thread=private, author=people.participant, body="Mine.")
    practice_index()
    people.private, people.public, people.reply, people.own_reply = (
        private,
        public,
        reply,
        own_reply,
    )
    people.private_file = private.posts.get(is_opening=True).attachments.get()
    people.public_file = public.posts.get(is_opening=True).attachments.get()
    return people


def url(scene, name: str) -> str:
    space = scene.space.pk
    opening = scene.private.posts.get(is_opening=True)
    return {
        "threads": reverse("exchange:threads", args=[space]),
        "new_thread": reverse("exchange:new_thread", args=[space]),
        "private_thread": reverse("exchange:thread", args=[space, scene.private.pk]),
        "public_thread": reverse("exchange:thread", args=[space, scene.public.pk]),
        "private_file": reverse("exchange:attachment", args=[space, scene.private_file.pk]),
        "public_file": reverse("exchange:attachment", args=[space, scene.public_file.pk]),
        "moderation": reverse("exchange:moderation", args=[space]),
        "mentions": reverse("exchange:mention_candidates", args=[space]),
        "reply": reverse("exchange:reply", args=[space, scene.private.pk]),
        "pin": reverse("exchange:pin", args=[space, scene.private.pk]),
        "lock": reverse("exchange:lock", args=[space, scene.private.pk]),
        "practice": reverse("exchange:practice", args=[space, scene.private.pk]),
        "hide": reverse("exchange:hide_post", args=[space, scene.own_reply.pk]),
        "unhide": reverse("exchange:unhide_post", args=[space, scene.own_reply.pk]),
        "restore": reverse("exchange:restore_post", args=[space, scene.own_reply.pk]),
        "flag": reverse("exchange:flag_post", args=[space, scene.reply.pk]),
        "edit": reverse("exchange:edit_post", args=[space, opening.pk]),
        "history": reverse("exchange:post_history", args=[space, opening.pk]),
        "permalink": scene.reply.get_absolute_url(),
        "delete": reverse("exchange:delete_post", args=[space, scene.own_reply.pk]),
        "react": reverse("exchange:react", args=[space, scene.reply.pk]),
        "helpful": reverse("exchange:helpful", args=[space, scene.reply.pk]),
        "dismiss": reverse("exchange:dismiss_flags", args=[space, scene.reply.pk]),
        "notifications": reverse("exchange:notifications"),
        "settings": reverse("exchange:notification_settings"),
        "activity": reverse("exchange:activity"),
    }[name]


# (name, method, POST data, who is allowed)
MATRIX = [
    ("threads", "get", None, EVERYONE),
    ("public_thread", "get", None, EVERYONE),
    ("public_file", "get", None, EVERYONE),
    ("new_thread", "get", None, POSTERS),
    ("private_thread", "get", None, MEMBERS),
    ("private_file", "get", None, MEMBERS),
    ("mentions", "get", None, MEMBERS),
    ("history", "get", None, MEMBERS),
    ("permalink", "get", None, MEMBERS),
    ("flag", "get", None, MEMBERS),
    ("moderation", "get", None, MODERATORS),
    ("edit", "get", None, {"participant"}),
    ("notifications", "get", None, SIGNED_IN),
    ("settings", "get", None, SIGNED_IN),
    ("activity", "get", None, SIGNED_IN),
    ("reply", "post", {"body": "Thanks!"}, POSTERS),
    ("react", "post", {"kind": "thanks"}, MEMBERS),
    ("flag", "post", {"reason": "spam"}, MEMBERS),
    ("helpful", "post", {"helpful": "1"}, {"participant"} | MODERATORS),
    ("delete", "post", {}, {"participant"} | MODERATORS),
    ("pin", "post", {"pinned": "1"}, MODERATORS),
    ("lock", "post", {"locked": "1"}, MODERATORS),
    ("hide", "post", {"reason": "off topic"}, MODERATORS),
    ("unhide", "post", {}, MODERATORS),
    ("dismiss", "post", {}, MODERATORS),
    ("practice", "post", {}, {"host", "staff"}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "data", "allowed"), MATRIX, ids=lambda v: v)
def test_permission_matrix(client, scene, role, name, method, data, allowed):
    if name == "unhide":
        from community.exchange.actions import do_hide_post

        do_hide_post(post=scene.own_reply, actor=scene.host)
    if role != "anonymous":
        client.force_login(getattr(scene, role))
    target = url(scene, name)
    response = client.get(target) if method == "get" else client.post(target, data)
    if role in allowed:
        expected = 200 if method == "get" and name != "permalink" else 302
        assert response.status_code == expected, (role, name, response.status_code)
        if expected == 302:
            assert "/accounts/login/" not in response["Location"]
        if name == "permalink":
            assert response["Location"] == f"{url(scene, 'private_thread')}#post-{scene.reply.pk}"
    elif role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code in (403, 404), (role, name, response.status_code)


def test_other_spaces_members_do_not_enter_and_ids_do_not_cross_spaces(client, scene, people):
    from community.members.actions import do_add_member

    stranger = people.outsider
    do_add_member(people.other_space, stranger, "host")
    client.force_login(stranger)
    # Right thread, wrong space in the URL: not found, not leaked.
    response = client.get(
        reverse("exchange:thread", args=[people.other_space.pk, scene.private.pk])
    )
    assert response.status_code == 404
    response = client.get(
        reverse("exchange:attachment", args=[people.other_space.pk, scene.private_file.pk])
    )
    assert response.status_code == 404


def test_deleted_and_hidden_threads_are_gone_for_members_but_not_for_moderators(client, scene):
    from community.exchange.actions import do_hide_post

    do_hide_post(post=scene.private.posts.get(is_opening=True), actor=scene.host, reason="spam")
    thread_url = url(scene, "private_thread")
    client.force_login(scene.observer)
    assert client.get(thread_url).status_code == 404
    assert client.get(url(scene, "private_file")).status_code == 404
    assert "Members only" not in client.get(url(scene, "threads")).content.decode()
    client.force_login(scene.facilitator)
    assert client.get(thread_url).status_code == 200


def test_a_locked_thread_takes_no_replies(client, scene):
    from community.exchange.actions import do_set_locked

    do_set_locked(thread=scene.private, actor=scene.host, locked=True)
    client.force_login(scene.participant)
    response = client.post(url(scene, "reply"), {"body": "Still here?"})
    assert response.status_code == 400
    assert "locked" in response.content.decode()
    assert scene.private.posts.filter(body="Still here?").count() == 0
