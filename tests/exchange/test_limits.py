"""New members: a few threads per hour and a few links per post, until they have taken
part for a while. Going over gives a clear message and keeps everything typed."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from community.exchange.actions import do_create_thread, do_post_reply, is_new_member
from community.exchange.models import Thread
from community.members.actions import do_add_member
from community.models import Membership
from community.permissions import space_access

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(people, user_factory, settings):
    settings.EXCHANGE_NEW_MEMBER_THREADS_PER_HOUR = 2
    settings.EXCHANGE_NEW_MEMBER_MAX_LINKS = 1
    settings.EXCHANGE_NEW_MEMBER_DAYS = 7
    settings.EXCHANGE_NEW_MEMBER_POSTS = 5
    user = user_factory("new@example.org", first_name="Neo", last_name="Newcomer")
    do_add_member(people.space, user, "participant")
    return user


def test_a_new_member_starts_at_most_the_set_number_of_threads_per_hour(people, newcomer):
    for number in range(2):
        do_create_thread(space=people.space, author=newcomer, title=f"T{number}", body="x")
    with pytest.raises(ValidationError) as error:
        do_create_thread(space=people.space, author=newcomer, title="T3", body="x")
    assert "2 threads per hour" in error.value.messages[0]
    # An hour later it is fine again.
    Thread.objects.filter(author=newcomer).update(
        created_at=timezone.now() - dt.timedelta(minutes=61)
    )
    do_create_thread(space=people.space, author=newcomer, title="T3", body="x")


def test_members_who_took_part_for_a_while_and_moderators_have_no_thread_limit(people, newcomer):
    assert not is_new_member(space_access(people.participant, people.space))  # joined 60 days ago
    assert not is_new_member(space_access(people.host, people.space))
    for number in range(4):
        do_create_thread(
            space=people.space, author=people.participant, title=f"P{number}", body="x"
        )
    # Posting enough also counts as having taken part.
    thread = Thread.objects.first()
    assert is_new_member(space_access(newcomer, people.space))
    for number in range(5):
        do_post_reply(thread=thread, author=newcomer, body=f"reply {number}")
    assert not is_new_member(space_access(newcomer, people.space))


def test_new_members_links_are_limited_and_later_the_general_ceiling_applies(
    people, newcomer, settings
):
    settings.EXCHANGE_MAX_LINKS = 3
    thread = do_create_thread(
        space=people.space, author=newcomer, title="One link", body="See https://a.example"
    )
    with pytest.raises(ValidationError) as error:
        do_post_reply(thread=thread, author=newcomer, body="[a](https://a.example) and www.b.org")
    assert "at most 1 link; this one has 2" in error.value.messages[0]
    do_post_reply(thread=thread, author=people.participant, body="https://a.example www.b.org")
    with pytest.raises(ValidationError):
        do_post_reply(
            thread=thread,
            author=people.participant,
            body="https://a.example https://b.example https://c.example https://d.example",
        )


def test_over_the_limit_the_form_comes_back_with_everything_typed(client, people, newcomer):
    client.force_login(newcomer)
    url = reverse("exchange:new_thread", args=[people.space.pk])
    for number in range(2):
        response = client.post(url, {"title": f"T{number}", "body": "x", "visibility": "members"})
        assert response.status_code == 302
    typed = {
        "title": "Our composting pilot",
        "body": "We started with **three** markets and it went well.",
        "tags": "composting, markets",
        "visibility": "public",
    }
    response = client.post(url, typed)
    assert response.status_code == 400
    html = response.content.decode()
    assert "New members can start 2 threads per hour" in html
    assert 'value="Our composting pilot"' in html
    assert "We started with **three** markets and it went well.</textarea>" in html
    assert "composting" in html and 'value="public" id="id_visibility_1" required checked' in html
    assert Thread.objects.filter(title="Our composting pilot").count() == 0


def test_a_reply_over_the_link_limit_keeps_the_text(client, people, newcomer):
    thread = do_create_thread(space=people.space, author=people.host, title="Q", body="?")
    client.force_login(newcomer)
    body = "Two links: https://a.example https://b.example"
    response = client.post(
        reverse("exchange:reply", args=[people.space.pk, thread.pk]), {"body": body}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 1 link" in html and f"{body}</textarea>" in html


def test_membership_age_ends_the_new_member_period(people, newcomer):
    Membership.objects.filter(user=newcomer).update(joined_at=timezone.now() - dt.timedelta(days=8))
    assert not is_new_member(space_access(newcomer, people.space))
