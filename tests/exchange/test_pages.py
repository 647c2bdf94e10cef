"""The exchange's pages end to end through the test client: posting, activity, the
dashboard's "new since your last visit", and bounded query counts on the listings."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from community.exchange.actions import do_create_thread, do_post_reply
from community.exchange.models import ActivityVisit, Notification, Post, Thread, Visibility

pytestmark = pytest.mark.django_db


def test_a_participant_posts_with_tags_and_attachment_and_a_host_replies(client, people):
    client.force_login(people.participant)
    response = client.post(
        reverse("exchange:new_thread", args=[people.space.pk]),
        {
            "title": "What we tried at home",
            "body": "Shade sails on two squares. @hanna-host what do you think?",
            "tags": "shade, public space",
            "visibility": "members",
            "attachments": [SimpleUploadedFile("plan.txt", b"Plan", content_type="text/plain")],
        },
    )
    thread = Thread.objects.get(title="What we tried at home")
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    assert sorted(thread.tags.names()) == ["public space", "shade"]
    page = client.get(thread.get_absolute_url()).content.decode()
    assert '<span class="mention">@Hanna Host</span>' in page and "plan.txt" in page

    client.force_login(people.host)
    mention = Notification.objects.get(recipient=people.host)
    assert mention.kind == "mention"
    response = client.post(
        reverse("exchange:reply", args=[people.space.pk, thread.pk]),
        {"body": "Looks great, @ana-souza!"},
    )
    reply = Post.objects.get(body="Looks great, @ana-souza!")
    assert response["Location"] == reply.get_absolute_url()
    assert client.get(response["Location"])["Location"].endswith(f"#post-{reply.pk}")
    assert Notification.objects.filter(recipient=people.participant, kind="mention").count() == 1


def test_the_space_lists_threads_pinned_first_and_its_latest_posts(client, people):
    old = do_create_thread(space=people.space, author=people.host, title="Old pinned", body="a")
    Thread.objects.filter(pk=old.pk).update(
        is_pinned=True, last_activity_at=timezone.now() - dt.timedelta(days=9)
    )
    fresh = do_create_thread(space=people.space, author=people.participant, title="Fresh", body="b")
    do_post_reply(thread=fresh, author=people.host, body="Latest reply text")
    client.force_login(people.observer)
    page = client.get(reverse("exchange:threads", args=[people.space.pk])).content.decode()
    assert page.index("Old pinned") < page.index("Fresh")
    assert "Latest posts" in page and page.count("Fresh") >= 2


def test_visitors_see_only_public_threads_in_the_listing(client, people):
    do_create_thread(space=people.space, author=people.host, title="Internal", body="a")
    do_create_thread(
        space=people.space,
        author=people.host,
        title="For everyone",
        body="b",
        visibility=Visibility.PUBLIC,
    )
    page = client.get(reverse("exchange:threads", args=[people.space.pk])).content.decode()
    assert "For everyone" in page and "Internal" not in page


def test_tag_filter(client, people):
    do_create_thread(
        space=people.space, author=people.host, title="Tagged", body="a", tags=["heat"]
    )
    do_create_thread(space=people.space, author=people.host, title="Untagged", body="b")
    client.force_login(people.host)
    page = client.get(reverse("exchange:threads", args=[people.space.pk]) + "?tag=heat")
    html = page.content.decode()
    assert ">Tagged</a></h3>" in html and ">Untagged</a></h3>" not in html


def test_the_dashboard_shows_what_is_new_since_the_last_visit(client, people):
    client.force_login(people.host)
    url = reverse("exchange:activity")
    do_create_thread(space=people.space, author=people.participant, title="Before", body="a")
    first = client.get(url).content.decode()
    assert "Before" in first  # first visit: the latest posts
    # The visit ends; later someone posts.
    ActivityVisit.objects.filter(user=people.host).update(
        last_at=timezone.now() - dt.timedelta(hours=2)
    )
    Post.objects.filter(thread__title="Before").update(
        created_at=timezone.now() - dt.timedelta(hours=3)
    )
    do_create_thread(space=people.space, author=people.participant, title="After", body="b")
    page = client.get(url).content.decode()
    assert "After" in page and "Before" not in page
    assert "Urban heat action plans" in page
    # Reloading within the same visit shows the same.
    assert "After" in client.get(url).content.decode()


def test_listing_and_thread_pages_use_a_bounded_number_of_queries(
    client, people, django_assert_max_num_queries
):
    for number in range(8):
        thread = do_create_thread(
            space=people.space,
            author=people.participant,
            title=f"Thread {number}",
            body="x",
            tags=["a", "b"],
            files=[SimpleUploadedFile("n.txt", b"n", content_type="text/plain")],
        )
    for number in range(10):
        reply = do_post_reply(thread=thread, author=people.facilitator, body=f"r{number}")
        do_post_reply(thread=thread, author=people.host, body=f"c{number}", parent=reply)
    client.force_login(people.host)
    client.get(reverse("exchange:threads", args=[people.space.pk]))  # warm caches
    with django_assert_max_num_queries(20):
        assert client.get(reverse("exchange:threads", args=[people.space.pk])).status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get(thread.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(reverse("exchange:notifications")).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(reverse("exchange:activity")).status_code == 200


def test_mention_candidates_are_the_space_members(client, people):
    client.force_login(people.participant)
    data = client.get(reverse("exchange:mention_candidates", args=[people.space.pk])).json()
    assert {m["handle"] for m in data["members"]} == {
        "hanna-host",
        "fatou-facilitator",
        "ana-souza",
        "otto-observer",
    }
