"""A long thread is read in pages of top-level replies (each with its answers), and
a post's permalink finds the page it is on."""

import pytest
from django.urls import reverse

from community.exchange.actions import do_create_thread, do_post_reply
from community.exchange.models import Post

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_thread(people, settings):
    """12 replies to the thread, 5 to a page; reply 7 has an answer."""
    settings.EXCHANGE_REPLIES_PER_PAGE = 5
    thread = do_create_thread(
        space=people.space, author=people.host, title="Heat plans", body="Opening words"
    )
    replies = [
        do_post_reply(thread=thread, author=people.participant, body=f"Reply number {n:02d}")
        for n in range(1, 13)
    ]
    answer = do_post_reply(
        thread=thread, author=people.host, body="An answer to seven", parent=replies[6]
    )
    return thread, replies, answer


def test_each_page_shows_the_opening_and_its_own_replies_with_their_answers(
    client, people, long_thread
):
    thread, _replies, _answer = long_thread
    client.force_login(people.participant)
    second = client.get(thread.get_absolute_url(), {"page": 2}).content.decode()
    assert "Opening words" in second
    shown = [n for n in range(1, 13) if f"Reply number {n:02d}" in second]
    assert shown == [6, 7, 8, 9, 10]
    assert "An answer to seven" in second
    assert "Page 2 of 3" in second
    assert '?page=2#replies-heading" aria-current="page"' in second
    assert 'href="?page=1#replies-heading" rel="prev"' in second
    # Reply and quote links stay on the page they were clicked on.
    assert f"?page=2&amp;quote={_replies[7].pk}#reply" in second

    last = client.get(thread.get_absolute_url(), {"page": 3}).content.decode()
    assert [n for n in range(1, 13) if f"Reply number {n:02d}" in last] == [11, 12]
    assert "An answer to seven" not in last and 'rel="next"' not in last


@pytest.mark.parametrize(("asked", "shown"), [("abc", 1), ("999", 3), ("0", 3)])
def test_a_page_out_of_range_shows_a_page_that_exists(client, people, long_thread, asked, shown):
    thread, _replies, _answer = long_thread
    client.force_login(people.participant)
    response = client.get(thread.get_absolute_url(), {"page": asked})
    assert response.status_code == 200
    assert f"Page {shown} of 3" in response.content.decode()


def test_a_permalink_finds_the_page_of_the_post(client, people, long_thread):
    thread, replies, answer = long_thread
    client.force_login(people.participant)
    base = thread.get_absolute_url()
    expected = {
        thread.posts.get(is_opening=True): f"{base}#post-",
        replies[0]: f"{base}#post-",
        replies[11]: f"{base}?page=3#post-",
        answer: f"{base}?page=2#post-",  # the page of the reply it answers
    }
    for post, start in expected.items():
        response = client.get(post.get_absolute_url())
        assert response.status_code == 302
        assert response["Location"] == f"{start}{post.pk}"


def test_the_permalink_keeps_the_threads_permissions(client, people, long_thread):
    _thread, replies, _answer = long_thread
    client.force_login(people.outsider)
    assert client.get(replies[0].get_absolute_url()).status_code == 403
    client.force_login(people.participant)
    other = do_create_thread(space=people.space, author=people.host, title="Other", body="x")
    wrong = reverse("exchange:post", args=[people.space.pk, other.pk, replies[0].pk])
    assert client.get(wrong).status_code == 404


def test_a_new_reply_lands_on_the_last_page(client, people, long_thread):
    thread, _replies, _answer = long_thread
    client.force_login(people.participant)
    response = client.post(
        reverse("exchange:reply", args=[people.space.pk, thread.pk]),
        {"body": "The thirteenth"},
        follow=True,
    )
    reply = Post.objects.get(body="The thirteenth")
    assert response.redirect_chain[-1][0] == f"{thread.get_absolute_url()}?page=3#post-{reply.pk}"
    assert "The thirteenth" in response.content.decode()


def test_a_rejected_reply_comes_back_on_the_page_of_its_branch(client, people, long_thread):
    thread, replies, _answer = long_thread
    client.force_login(people.participant)
    response = client.post(
        reverse("exchange:reply", args=[people.space.pk, thread.pk]),
        {"body": "", "parent": replies[7].pk},
    )
    assert response.status_code == 400
    assert "Page 2 of 3" in response.content.decode()


def test_a_page_costs_the_same_queries_however_long_the_thread(client, people, long_thread):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    thread, _replies, _answer = long_thread
    client.force_login(people.participant)
    client.get(thread.get_absolute_url())  # warm the session and caches
    with CaptureQueriesContext(connection) as short:
        client.get(thread.get_absolute_url(), {"page": 2})
    for n in range(40):
        do_post_reply(thread=thread, author=people.host, body=f"More {n}")
    with CaptureQueriesContext(connection) as long:
        page = client.get(thread.get_absolute_url(), {"page": 2}).content.decode()
    assert len(long) == len(short)
    assert page.count('<article class="post') == 1 + 5 + 1  # opening, five replies, an answer
