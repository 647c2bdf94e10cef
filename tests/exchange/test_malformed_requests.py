"""Hidden and control fields of the exchange (the post replied to, the post quoted, a
reaction, a flag reason, a page number, the switch of a moderation button) are checked:
a malformed or foreign value is a clear 4xx refusal that keeps what was typed and
changes nothing, never a 500."""

import pytest
from django.urls import reverse

from community.exchange.actions import do_create_thread, do_delete_post, do_post_reply
from community.exchange.models import Flag, ModerationLog, Notification, Post, Reaction

pytestmark = pytest.mark.django_db

TYPED = "My carefully typed reply about compost bins"


@pytest.fixture
def scene(people):
    thread = do_create_thread(
        space=people.space, author=people.host, title="Composting", body="Opening words"
    )
    other = do_create_thread(
        space=people.space, author=people.host, title="Elsewhere", body="Other words"
    )
    reply = do_post_reply(thread=thread, author=people.facilitator, body="A reply")
    answer = do_post_reply(thread=thread, author=people.host, body="An answer", parent=reply)
    deleted = do_post_reply(thread=thread, author=people.facilitator, body="Gone soon")
    do_delete_post(post=deleted, actor=people.facilitator)
    foreign = do_post_reply(thread=other, author=people.facilitator, body="Other reply")
    return thread, reply, answer, deleted, foreign


def _reply(client, people, thread, **data):
    return client.post(
        reverse("exchange:reply", args=[people.space.pk, thread.pk]), {"body": TYPED, **data}
    )


@pytest.mark.parametrize("which", ["abc", "²", "-3", "1.5", "9" * 30, "0", "foreign"])
def test_reply_with_malformed_or_foreign_parent_is_refused_with_the_text_kept(
    client, people, scene, which
):
    thread, _reply_post, _answer, _deleted, foreign = scene
    client.force_login(people.participant)
    before = Post.objects.count()
    parent = foreign.pk if which == "foreign" else which
    response = _reply(client, people, thread, parent=parent)
    assert response.status_code == 400
    page = response.content.decode()
    assert "The post you replied to is not in this thread." in page
    assert TYPED in page
    # Posting again adds the reply to the thread: the bad reference is not sent again.
    assert 'name="parent"' in page and f'value="{parent}"' not in page
    assert Post.objects.count() == before


def test_reply_to_a_removed_post_is_refused_with_the_text_kept(client, people, scene):
    thread, _reply_post, _answer, deleted, _foreign = scene
    client.force_login(people.participant)
    before = Post.objects.count()
    response = _reply(client, people, thread, parent=deleted.pk)
    assert response.status_code == 400
    page = response.content.decode()
    assert "The post you replied to has been removed." in page
    assert TYPED in page
    assert Post.objects.count() == before


def test_reply_to_an_answer_joins_its_branch(client, people, scene):
    """One level of nesting: an answer is answered in the same branch, as the model says."""
    thread, reply, answer, _deleted, _foreign = scene
    client.force_login(people.participant)
    response = _reply(client, people, thread, parent=answer.pk)
    assert response.status_code == 302
    assert thread.posts.latest("pk").parent == reply


@pytest.mark.parametrize("which", ["abc", "²", "9" * 30, "foreign", "deleted"])
def test_reply_quoting_a_malformed_foreign_or_removed_post_is_refused(client, people, scene, which):
    thread, reply, _answer, deleted, foreign = scene
    client.force_login(people.participant)
    before = Post.objects.count()
    quoted = {"foreign": foreign.pk, "deleted": deleted.pk}.get(which, which)
    response = _reply(client, people, thread, parent=reply.pk, quoted=quoted)
    assert response.status_code == 400
    page = response.content.decode()
    assert "The post you quoted" in page
    assert TYPED in page
    assert f'name="quoted" value="{quoted}"' not in page
    # The reply still goes where it was meant to.
    assert f'name="parent" value="{reply.pk}"' in page
    assert Post.objects.count() == before


@pytest.mark.parametrize("value", ["abc", "²", "٣", "-1", "9" * 30, "\x00"])
@pytest.mark.parametrize("parameter", ["quote", "reply_to"])
def test_thread_page_ignores_malformed_quote_and_reply_to(client, people, scene, parameter, value):
    thread = scene[0]
    client.force_login(people.participant)
    response = client.get(thread.get_absolute_url(), {parameter: value})
    assert response.status_code == 200
    assert 'name="parent" value=' not in response.content.decode()


@pytest.mark.parametrize("value", ["abc", "²", "-5", "0", "1.5", "9" * 5000, "\x00", ""])
def test_page_numbers_that_are_not_pages_show_a_page_that_exists(client, people, scene, value):
    thread = scene[0]
    client.force_login(people.participant)
    assert client.get(thread.get_absolute_url(), {"page": value}).status_code == 200
    threads = reverse("exchange:threads", args=[people.space.pk])
    assert client.get(threads, {"page": value}).status_code == 200


def test_unknown_reaction_is_refused_and_nothing_is_stored(client, people, scene):
    reply = scene[1]
    client.force_login(people.participant)
    url = reverse("exchange:react", args=[people.space.pk, reply.pk])
    for kind in ("love", "", "\x00", "thumbs_up" * 100):
        assert client.post(url, {"kind": kind}).status_code == 400
    assert not Reaction.objects.exists()


def test_unknown_flag_reason_is_refused_with_the_note_kept(client, people, scene):
    reply = scene[1]
    client.force_login(people.participant)
    url = reverse("exchange:flag_post", args=[people.space.pk, reply.pk])
    response = client.post(url, {"reason": "because", "note": "Please look at this one"})
    assert response.status_code == 400
    assert "Please look at this one" in response.content.decode()
    assert not Flag.objects.exists()


@pytest.mark.parametrize("value", ["yes", "2", "", "\x00"])
@pytest.mark.parametrize(("name", "field"), [("pin", "pinned"), ("lock", "locked")])
def test_moderation_switch_with_a_malformed_value_is_refused(
    client, people, scene, name, field, value
):
    thread = scene[0]
    client.force_login(people.facilitator)
    response = client.post(
        reverse(f"exchange:{name}", args=[people.space.pk, thread.pk]), {field: value}
    )
    assert response.status_code == 400
    thread.refresh_from_db()
    assert not thread.is_pinned and not thread.is_locked
    assert not ModerationLog.objects.filter(action__in=["pin", "lock", "unpin", "unlock"]).exists()


def test_helpful_switch_with_a_malformed_value_is_refused(client, people, scene):
    reply = scene[1]
    client.force_login(people.host)
    url = reverse("exchange:helpful", args=[people.space.pk, reply.pk])
    assert client.post(url, {"helpful": "maybe"}).status_code == 400
    reply.refresh_from_db()
    assert not reply.is_helpful


def test_moderation_reason_that_is_too_long_is_refused(client, people, scene):
    reply = scene[1]
    client.force_login(people.facilitator)
    for name in ("hide_post", "delete_post"):
        url = reverse(f"exchange:{name}", args=[people.space.pk, reply.pk])
        assert client.post(url, {"reason": "x" * 501}).status_code == 400
    reply.refresh_from_db()
    assert reply.hidden_at is None and reply.deleted_at is None


@pytest.mark.parametrize("value", ["²", "abc", "9" * 30, "-1", "\x00"])
def test_marking_a_notification_read_with_a_malformed_id_is_refused(client, people, scene, value):
    unread = Notification.objects.filter(recipient=people.host, read_at__isnull=True)
    before = unread.count()
    assert before
    client.force_login(people.host)
    response = client.post(reverse("exchange:notifications"), {"notification": [value]})
    # A malformed id is not "no id": it must not mark every notification read.
    assert response.status_code == 400
    assert unread.count() == before


@pytest.mark.postgres
def test_nul_characters_in_exchange_input_are_no_server_error_on_postgresql(client, people, scene):
    thread, reply, *_ = scene
    client.force_login(people.facilitator)
    threads = reverse("exchange:threads", args=[people.space.pk])
    assert client.get(threads, {"tag": "a\x00b"}).status_code == 200
    response = client.post(
        reverse("exchange:new_thread", args=[people.space.pk]),
        {"title": "Bins\x00", "body": "Body\x00 text", "tags": "a\x00b", "visibility": "members"},
    )
    assert response.status_code == 302
    created = Post.objects.filter(is_opening=True).latest("pk")
    assert created.body == "Body text" and created.thread.title == "Bins"
    assert list(created.thread.tags.names()) == ["ab"]
    response = _reply(client, people, thread, body="Reply\x00", parent=f"{reply.pk}\x00")
    assert response.status_code == 400
    response = client.post(
        reverse("exchange:hide_post", args=[people.space.pk, reply.pk]), {"reason": "spam\x00"}
    )
    assert response.status_code == 302
    log = ModerationLog.objects.get(action="hide")
    assert log.reason == "spam"
    opening = thread.posts.get(is_opening=True)
    response = client.post(
        reverse("exchange:flag_post", args=[people.space.pk, opening.pk]),
        {"reason": "spam", "note": "Look\x00"},
    )
    assert response.status_code == 302
    assert Flag.objects.get(post=opening).note == "Look"
