"""The demo: the participant can post in a space, mention the host, and the host sees it."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from community.exchange.handles import handle_of
from community.exchange.models import Attachment, Mention, Notification, Thread
from community.members.people import display_name
from demo.exchange import DEMO_SPACE, DEMO_TITLES, seed_exchange_demo
from learning_processes.models import LearningProcessPage

pytestmark = pytest.mark.django_db


def test_demo_threads_have_replies_mentions_and_an_attachment_and_seed_once(demo_site):
    space = LearningProcessPage.objects.get(slug=DEMO_SPACE)
    threads = Thread.objects.filter(space=space, title__in=DEMO_TITLES)
    assert threads.count() == 3
    assert Mention.objects.filter(post__thread__space=space).count() >= 2
    assert Attachment.objects.filter(post__thread__space=space).count() == 1
    assert any(thread.reply_count for thread in threads)
    assert seed_exchange_demo() == {"threads": 3}
    assert Thread.objects.filter(space=space, title__in=DEMO_TITLES).count() == 3


def test_the_demo_participant_posts_mentions_the_host_and_the_host_sees_it(demo_site, client):
    users = get_user_model().objects
    participant = users.get(email="participant@example.org")
    host = users.get(email="host@example.org")
    space = LearningProcessPage.objects.get(slug=DEMO_SPACE)
    assert client.login(username="participant@example.org", password="connective-demo")
    listing = client.get(reverse("exchange:threads", args=[space.pk]))
    assert b"Post a follow-up" in listing.content
    members = client.get(reverse("exchange:mention_candidates", args=[space.pk])).json()
    host_handle = handle_of(host, space)
    assert {"handle": host_handle, "name": display_name(host)} in members["members"]
    response = client.post(
        reverse("exchange:new_thread", args=[space.pk]),
        {
            "title": "Shade at bus stops",
            "body": f"@{host_handle} any advice?",
            "visibility": "members",
        },
    )
    assert response.status_code == 302
    client.logout()
    assert client.login(username="host@example.org", password="connective-host")
    notification = Notification.objects.filter(recipient=host).latest("pk")
    assert notification.kind == "mention" and notification.actor == participant
    page = client.get(reverse("exchange:notifications")).content.decode()
    assert "mentioned you: Shade at bus stops" in page
    assert (
        "unread-badge" in client.get(reverse("exchange:threads", args=[space.pk])).content.decode()
    )
