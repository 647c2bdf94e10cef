"""Titles, posts, edits and tags are cleaned before they are stored: NFC, invisible
characters removed, text with nothing visible refused with a message and what was typed
kept, direction controls refused in titles. Joiners inside words stay."""

import unicodedata

import pytest
from django.urls import reverse

from community.exchange.actions import do_create_thread, do_post_reply
from community.exchange.models import Post, Thread

pytestmark = pytest.mark.django_db

ZERO_WIDTH = "\u200b\u2060\ufeff\u200d\u200c\u00ad"
INVISIBLE = "only invisible characters"
# "Half-space" in Persian: the zero-width non-joiner is part of the word.
PERSIAN = "\u0646\u06cc\u0645\u200c\u0641\u0627\u0635\u0644\u0647"
FAMILY = "👩\u200d👩\u200d👧"
DIRECTION = "change the reading direction"


def _new_thread(client, people, **data):
    fields = {"title": "Compost at markets", "body": "Opening words", "visibility": "members"}
    return client.post(reverse("exchange:new_thread", args=[people.space.pk]), {**fields, **data})


@pytest.mark.parametrize("field", ["title", "body"])
@pytest.mark.parametrize("value", [ZERO_WIDTH, "\u200b \u200b", "\u200d\u200c", "\u3164", "\x00"])
def test_thread_title_or_body_of_invisible_characters_is_refused(client, people, field, value):
    client.force_login(people.participant)
    other = "Opening words I wrote" if field == "title" else "A title I typed"
    response = _new_thread(
        client, people, **{field: value, ("body" if field == "title" else "title"): other}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert INVISIBLE in page or "This field is required." in page
    assert other in page
    assert not Thread.objects.exists()


@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u202d", "\u2066", "\u2067", "\u2069"])
def test_thread_title_with_a_direction_control_is_refused_with_the_title_kept(
    client, people, control
):
    client.force_login(people.participant)
    title = f"Invoice {control}fdp.exe"
    response = _new_thread(client, people, title=title)
    assert response.status_code == 400
    page = response.content.decode()
    assert DIRECTION in page
    assert "fdp.exe" in page
    assert not Thread.objects.exists()


def test_thread_text_is_stored_normalised_without_invisible_characters(client, people):
    client.force_login(people.participant)
    title = "\u200bCafe\u0301 \u2060talk\u00ad\ufeff about\nbins\u200d "
    body = f"Persian: {PERSIAN}, family: {FAMILY}\u200b!"
    response = _new_thread(
        client, people, title=title, body=body, tags="\u200bcompost\u200d, \u200b, bins"
    )
    assert response.status_code == 302
    thread = Thread.objects.get()
    assert thread.title == "Café talk about bins"
    assert unicodedata.is_normalized("NFC", thread.title)
    opening = thread.posts.get()
    # Joiners inside words and emoji sequences are kept; the zero-width space is gone.
    assert opening.body == f"Persian: {PERSIAN}, family: {FAMILY}!"
    assert sorted(thread.tags.names()) == ["bins", "compost"]


def test_tags_with_a_direction_control_are_refused(client, people):
    client.force_login(people.participant)
    response = _new_thread(client, people, tags="compost, \u202egnihtemos")
    assert response.status_code == 400
    assert DIRECTION in response.content.decode()
    assert not Thread.objects.exists()


def test_reply_of_invisible_characters_is_refused(client, people):
    thread = do_create_thread(
        space=people.space, author=people.host, title="Compost", body="Opening words"
    )
    client.force_login(people.participant)
    response = client.post(
        reverse("exchange:reply", args=[people.space.pk, thread.pk]), {"body": ZERO_WIDTH}
    )
    assert response.status_code == 400
    assert INVISIBLE in response.content.decode()
    assert Post.objects.count() == 1


def test_reply_body_keeps_a_direction_control_inside_a_longer_text(client, people):
    """Posts may quote mixed-direction text; only titles and names refuse the controls."""
    thread = do_create_thread(
        space=people.space, author=people.host, title="Compost", body="Opening words"
    )
    client.force_login(people.participant)
    body = "We wrote \u2067\u0633\u0644\u0627\u0645\u2069 on the bins."
    response = client.post(
        reverse("exchange:reply", args=[people.space.pk, thread.pk]), {"body": body}
    )
    assert response.status_code == 302
    assert thread.posts.latest("pk").body == body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "Compost", "body": "\ufeff\u200b"}, INVISIBLE),
        ({"title": "\u2060", "body": "New words"}, INVISIBLE),
        ({"title": "\u202eCompost", "body": "New words"}, DIRECTION),
    ],
    ids=["body", "title", "direction"],
)
def test_edit_to_invisible_text_is_refused_and_the_post_is_unchanged(client, people, data, message):
    thread = do_create_thread(
        space=people.space, author=people.participant, title="Compost", body="Opening words"
    )
    opening = thread.posts.get()
    client.force_login(people.participant)
    response = client.post(reverse("exchange:edit_post", args=[people.space.pk, opening.pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    opening.refresh_from_db()
    thread.refresh_from_db()
    assert (thread.title, opening.body, opening.edited_at) == ("Compost", "Opening words", None)


def test_editing_a_reply_stores_the_cleaned_text(client, people):
    thread = do_create_thread(
        space=people.space, author=people.host, title="Compost", body="Opening words"
    )
    reply = do_post_reply(thread=thread, author=people.participant, body="First words")
    client.force_login(people.participant)
    response = client.post(
        reverse("exchange:edit_post", args=[people.space.pk, reply.pk]),
        {"body": "\u200bBetter\x00 words\u2060"},
    )
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.body == "Better words"
