"""Mentions read as people: the current name, linked to the profile the reader may
see, resolved in one query for a whole page; and mailed at once, once, unless the
person chose otherwise."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from community.exchange.actions import (
    do_create_thread,
    do_draft_practice,
    do_edit_post,
    do_post_reply,
    do_set_email_frequency,
)
from community.exchange.mentions import mentioned_people, with_people
from community.exchange.models import Notification
from community.exchange.notify import send_digests
from community.models import Profile, Visibility
from mailing.models import OutgoingEmail
from tests.factories import practice_index

pytestmark = pytest.mark.django_db


def profile(user, name: str, visibility: str = Visibility.MEMBERS) -> Profile:
    return Profile.objects.create(user=user, display_name=name, visibility=visibility)


def opening(thread):
    return thread.posts.get(is_opening=True)


def thread_page(client, viewer, thread) -> str:
    if viewer is not None:
        client.force_login(viewer)
    response = client.get(thread.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


# --- Shown as people ---------------------------------------------------------------------


def test_a_mention_shows_the_name_linked_to_the_profile_not_the_handle(client, people):
    profile(people.host, "Hanna Host")
    thread = do_create_thread(
        space=people.space, author=people.participant, title="Shade", body="@hanna-host, ideas?"
    )
    page = thread_page(client, people.participant, thread)
    url = reverse("community:profile", args=[people.host.pk])
    assert f'<a class="mention" href="{url}">@Hanna Host</a>, ideas?' in page
    assert "@hanna-host" not in page.split('class="post-body"')[1].split("</div>")[0]


def test_a_renamed_person_is_shown_by_the_current_name_in_old_posts(client, people):
    host_profile = profile(people.host, "Hanna Host")
    thread = do_create_thread(
        space=people.space, author=people.participant, title="Shade", body="Thanks @hanna-host"
    )
    host_profile.display_name = "Hanna Bauer-Host"
    host_profile.save()
    page = thread_page(client, people.participant, thread)
    assert ">@Hanna Bauer-Host</a>" in page and "@Hanna Host" not in page


def test_no_link_where_the_reader_may_not_see_the_profile(client, people):
    profile(people.host, "Hanna Host", visibility=Visibility.PRIVATE)
    thread = do_create_thread(
        space=people.space,
        author=people.participant,
        title="Public question",
        body="@hanna-host how?",
        visibility="public",
    )
    for viewer in (None, people.participant):
        client.logout()
        page = thread_page(client, viewer, thread)
        assert '<span class="mention">@Hanna Host</span> how?' in page
        assert reverse("community:profile", args=[people.host.pk]) not in page


def test_a_name_that_looks_like_markup_stays_text(client, people):
    profile(people.host, "Hanna Host")
    thread = do_create_thread(
        space=people.space, author=people.participant, title="Q", body="@hanna-host?"
    )
    Profile.objects.filter(user=people.host).update(display_name='<img src=x onerror="alert(1)">')
    page = thread_page(client, people.participant, thread)
    assert "<img src=x" not in page
    assert "@&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</a>" in page


def test_a_mention_of_a_deleted_account_stays_as_it_was_written(people):
    html = opening(
        do_create_thread(
            space=people.space, author=people.participant, title="Q", body="@otto-observer?"
        )
    ).body_html
    people.observer.delete()
    assert mentioned_people([html], people.host) == {}
    assert "@otto-observer</span>?" in with_people(html, {})


def test_a_thread_page_resolves_all_its_mentions_in_a_fixed_number_of_queries(
    client, people, user_factory, django_assert_max_num_queries
):
    from community.members.actions import do_add_member

    thread = do_create_thread(
        space=people.space, author=people.participant, title="Many", body="@hanna-host"
    )
    do_post_reply(thread=thread, author=people.facilitator, body="@ana-souza")
    client.force_login(people.host)
    client.get(thread.get_absolute_url())
    with django_assert_max_num_queries(30) as few:
        client.get(thread.get_absolute_url())
    handles = []
    for number in range(12):
        member = user_factory(f"m{number}@example.org", first_name="Member", last_name=f"N{number}")
        profile(member, f"Member N{number}")
        do_add_member(people.space, member, "participant")
        handles.append(f"@member-n{number}")
    for _reply in range(5):
        do_post_reply(thread=thread, author=people.facilitator, body=" ".join(handles))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(thread.get_absolute_url()).content.decode()
    assert page.count(">@Member N11</a>") == 5


def test_history_moderation_and_flag_pages_show_people(client, people):
    profile(people.host, "Hanna Host")
    thread = do_create_thread(
        space=people.space, author=people.participant, title="Q", body="@hanna-host first"
    )
    post = opening(thread)
    do_edit_post(post=post, editor=people.participant, body="@hanna-host second")
    client.force_login(people.participant)
    history = client.get(reverse("exchange:post_history", args=[people.space.pk, post.pk]))
    assert history.content.decode().count(">@Hanna Host</a>") == 2
    flag = client.get(reverse("exchange:flag_post", args=[people.space.pk, post.pk]))
    assert ">@Hanna Host</a> second" in flag.content.decode()


def test_a_drafted_practice_names_the_people_without_links(people):
    practice_index()
    profile(people.facilitator, "Fatou Facilitator")
    thread = do_create_thread(
        space=people.space,
        author=people.host,
        title="Shade in markets",
        body="Thanks @fatou-facilitator for the idea.",
    )
    practice = do_draft_practice(thread=thread, actor=people.host)
    assert "@Fatou Facilitator" in practice.summary
    assert "@Fatou Facilitator" in str(practice.challenge)
    assert "data-user" not in str(practice.challenge)


# --- Mailed at once -----------------------------------------------------------------------


def mails_to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def test_a_mention_mails_at_once_by_default_and_only_once(
    people, django_capture_on_commit_callbacks
):
    profile(people.host, "Hanna Host")
    with django_capture_on_commit_callbacks(execute=True):
        thread = do_create_thread(
            space=people.space,
            author=people.participant,
            title="Thresholds",
            body="@hanna-host how did you agree on the thresholds?",
        )
    (message,) = mails_to("host@example.org")
    assert "Ana Souza mentioned you: Thresholds" in message.subject
    assert "@Hanna Host how did you agree" in message.body
    # Members on the default digest did not get the new thread by mail.
    assert mails_to("facilitator@example.org") == []
    post = opening(thread)
    with django_capture_on_commit_callbacks(execute=True):
        do_edit_post(post=post, editor=people.participant, body=post.body + " Thanks!")
        do_post_reply(thread=thread, author=people.participant, body="@hanna-host still there?")
    # The edit mentions no one new; the reply is a new mention: one more mail.
    assert len(mails_to("host@example.org")) == 2
    # The daily digest leaves out what was mailed already; the others get the new thread.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_digests("daily", now=timezone.now() + dt.timedelta(minutes=1))
    assert mails_to("host@example.org") == []
    (digest,) = mails_to("facilitator@example.org")
    assert "Thresholds" in digest.body


def test_a_member_who_turned_mentions_off_gets_them_in_the_digest(
    people, django_capture_on_commit_callbacks
):
    do_set_email_frequency(
        user=people.host, space=people.space, frequency="daily", mentions_at_once=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        do_create_thread(
            space=people.space, author=people.participant, title="Later", body="@hanna-host hi"
        )
    assert mails_to("host@example.org") == []
    with django_capture_on_commit_callbacks(execute=True):
        send_digests("daily", now=timezone.now() + dt.timedelta(minutes=1))
    (digest,) = mails_to("host@example.org")
    assert "mentioned you" in digest.body and "Later" in digest.body


def test_e_mail_off_is_off_for_mentions_too(people, django_capture_on_commit_callbacks):
    do_set_email_frequency(user=people.host, space=people.space, frequency="off")
    with django_capture_on_commit_callbacks(execute=True):
        do_create_thread(
            space=people.space, author=people.participant, title="Quiet", body="@hanna-host hi"
        )
        send_digests("daily", now=timezone.now() + dt.timedelta(minutes=1))
    assert mails_to("host@example.org") == []
    assert Notification.objects.filter(recipient=people.host, kind="mention").exists()
    assert not OutgoingEmail.objects.filter(to="host@example.org").exists()


def test_the_settings_page_turns_immediate_mentions_off_and_on_per_space(client, people):
    from community.exchange.models import NotificationPreference

    client.force_login(people.host)
    url = reverse("exchange:notification_settings")
    mentions = f"mentions_{people.space.pk}"
    box = BeautifulSoup(client.get(url).content, "html.parser").find(
        "input", attrs={"name": mentions}
    )
    assert box.has_attr("checked")  # on by default
    response = client.post(url, {f"space_{people.space.pk}": "weekly"})
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=people.host, space=people.space)
    assert (preference.email, preference.mentions_at_once) == ("weekly", False)
    client.post(url, {f"space_{people.space.pk}": "weekly", mentions: "on"})
    preference.refresh_from_db()
    assert preference.mentions_at_once is True
