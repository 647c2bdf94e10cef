"""Mentions, in-app notifications, immediate e-mail, digests, unsubscribe tokens, and a
failing mail server that delays mail but loses none."""

import datetime as dt
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from community.exchange.actions import (
    do_create_thread,
    do_edit_post,
    do_post_reply,
    do_set_email_frequency,
    email_frequency,
    unread_count,
)
from community.exchange.handles import handle_of, member_handles
from community.exchange.models import Mention, Notification
from community.exchange.notify import send_digests, unsubscribe_token
from community.members.actions import do_add_member
from mailing.delivery import deliver_due
from mailing.models import OutgoingEmail

pytestmark = pytest.mark.django_db


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise SMTPServerDisconnected("connection refused")


def kinds(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


# --- Mentions -----------------------------------------------------------------------------


def test_handles_come_from_names_and_are_unique_within_the_space(people, user_factory):
    twin = user_factory("ana2@example.org", first_name="Ana", last_name="Souza")
    do_add_member(people.space, twin, "participant")
    handles = member_handles(people.space)
    assert handles["ana-souza"] == people.participant
    assert handles["ana-souza-2"] == twin
    assert handle_of(people.host, people.space) == "hanna-host"
    assert people.outsider not in handles.values()


def test_a_mention_notifies_the_mentioned_member_once_and_only_members(people):
    thread = do_create_thread(
        space=people.space,
        author=people.participant,
        title="Thresholds",
        body="@hanna-host how did you agree? @nora-outsider too. `@fatou-facilitator` in code.",
    )
    opening = thread.posts.get(is_opening=True)
    assert list(Mention.objects.filter(post=opening).values_list("user__email", flat=True)) == [
        "host@example.org"
    ]
    assert f'<span class="mention" data-user="{people.host.pk}">@hanna-host</span>' in (
        opening.body_html
    )
    assert "@nora-outsider" in opening.body_html and 'mention">@nora' not in opening.body_html
    # The mention wins over "new thread"; other members hear of the new thread.
    assert kinds(people.host) == ["mention"]
    assert kinds(people.facilitator) == ["new_thread"]
    assert kinds(people.outsider) == []
    assert kinds(people.participant) == []


def test_replies_notify_the_thread_author_and_the_replied_to_not_oneself(people):
    thread = do_create_thread(
        space=people.space, author=people.participant, title="Q", body="Question"
    )
    Notification.objects.all().delete()
    first = do_post_reply(thread=thread, author=people.facilitator, body="Answer")
    do_post_reply(thread=thread, author=people.host, body="@ana-souza see above", parent=first)
    assert kinds(people.participant) == ["mention", "reply"]
    assert kinds(people.facilitator) == ["reply"]
    assert kinds(people.host) == []


def test_a_mention_added_by_an_edit_notifies_once(people):
    thread = do_create_thread(space=people.space, author=people.participant, title="Q", body="Hi")
    Notification.objects.all().delete()
    opening = thread.posts.get(is_opening=True)
    do_edit_post(post=opening, editor=people.participant, body="Hi @otto-observer")
    do_edit_post(post=opening, editor=people.participant, body="Hi @otto-observer!")
    assert kinds(people.observer) == ["mention"]


def test_unread_badge_list_and_mark_read(client, people):
    do_create_thread(space=people.space, author=people.participant, title="T1", body="@hanna-host")
    do_create_thread(space=people.space, author=people.participant, title="T2", body="Second")
    assert unread_count(people.host) == 2
    client.force_login(people.host)
    page = client.get(reverse("exchange:threads", args=[people.space.pk])).content.decode()
    assert '<span class="unread-badge">2<span class="visually-hidden"> unread' in page
    listing = client.get(reverse("exchange:notifications")).content.decode()
    assert "mentioned you: T1" in listing and "started a thread: T2" in listing
    mention = Notification.objects.get(recipient=people.host, kind="mention")
    response = client.get(reverse("exchange:open_notification", args=[mention.pk]))
    assert response.status_code == 302
    assert response["Location"] == mention.post.get_absolute_url()  # the post's permalink
    assert unread_count(people.host) == 1
    client.post(reverse("exchange:notifications"))
    assert unread_count(people.host) == 0
    # Someone else's notification cannot be opened.
    client.force_login(people.facilitator)
    assert client.get(reverse("exchange:open_notification", args=[mention.pk])).status_code == 404


# --- Immediate e-mail -------------------------------------------------------------------------


def test_immediate_mail_is_queued_in_the_transaction_and_sent_after_commit(
    people, django_capture_on_commit_callbacks
):
    do_set_email_frequency(user=people.host, space=people.space, frequency="immediately")
    with django_capture_on_commit_callbacks(execute=True):
        do_create_thread(
            space=people.space, author=people.participant, title="Heat", body="@hanna-host hi"
        )
    assert [m.to for m in mail.outbox] == [["host@example.org"]]
    message = mail.outbox[0]
    assert "Ana Souza mentioned you: Heat" in message.subject
    assert "hi" in message.body and "https://cc.example.org/spaces/" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://cc.example.org/notifications/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in message.body
    # Members on the default (daily digest) got nothing immediately.
    assert OutgoingEmail.objects.count() == 1


def test_a_failing_mail_server_delays_notifications_and_loses_none(
    people, django_capture_on_commit_callbacks
):
    for user in (people.host, people.facilitator):
        do_set_email_frequency(user=user, space=people.space, frequency="immediately")
    with (
        override_settings(EMAIL_BACKEND=f"{__name__}.FailingBackend"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        do_create_thread(
            space=people.space, author=people.participant, title="Heat", body="@hanna-host"
        )
    assert mail.outbox == []
    pending = OutgoingEmail.objects.pending()
    assert pending.count() == 2
    assert all(e.attempts == 1 and "connection refused" in e.last_error for e in pending)
    # The in-app notifications were never in doubt.
    assert unread_count(people.host) == 1
    # The server is back; once the back-off has passed, everything goes out once.
    OutgoingEmail.objects.update(available_at=timezone.now() - dt.timedelta(seconds=1))
    assert deliver_due() == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == ["facilitator@example.org", "host@example.org"]
    assert deliver_due() == (0, 0)


# --- Digests ---------------------------------------------------------------------------------


def _post_at(when, **kwargs):
    thread = do_create_thread(**kwargs)
    Notification.objects.filter(thread=thread).update(created_at=when)
    return thread


def test_digest_groups_by_space_and_lists_only_what_is_new_since_the_last(
    people, django_capture_on_commit_callbacks
):
    now = timezone.now()
    do_add_member(people.other_space, people.host, "participant")
    do_add_member(people.other_space, people.participant, "participant")
    for space in (people.space, people.other_space):
        do_set_email_frequency(user=people.host, space=space, frequency="daily")
    _post_at(
        now - dt.timedelta(hours=3),
        space=people.space,
        author=people.participant,
        title="Cooling centres",
        body="Opening hours?",
    )
    _post_at(
        now - dt.timedelta(hours=2),
        space=people.other_space,
        author=people.participant,
        title="Market fees",
        body="How much?",
    )
    # Older than a day: not in the first digest.
    _post_at(
        now - dt.timedelta(days=2),
        space=people.space,
        author=people.participant,
        title="Old news",
        body="Long ago",
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests("daily", now=now) >= 1
    digest = next(m for m in mail.outbox if m.to == ["host@example.org"])
    body = digest.body
    assert "Your daily digest: 2 new posts" in digest.subject
    assert "== Another process ==" in body and "== Urban heat action plans ==" in body
    assert body.index("== Another process ==") < body.index("Market fees")
    assert body.index("== Urban heat action plans ==") < body.index("Cooling centres")
    assert "Old news" not in body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Nothing new: the next run sends nothing to the host.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_digests("daily", now=now + dt.timedelta(minutes=5))
    assert [m for m in mail.outbox if m.to == ["host@example.org"]] == []

    # Something new after the last digest: only that is listed.
    _post_at(
        now + dt.timedelta(hours=1),
        space=people.space,
        author=people.participant,
        title="Shade sails",
        body="Costs?",
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_digests("daily", now=now + dt.timedelta(days=1))
    digest = next(m for m in mail.outbox if m.to == ["host@example.org"])
    assert "Shade sails" in digest.body
    assert "Cooling centres" not in digest.body and "Market fees" not in digest.body


def test_digest_leaves_out_read_notifications_other_frequencies_and_off(
    people, django_capture_on_commit_callbacks
):
    now = timezone.now()
    do_set_email_frequency(user=people.host, space=people.space, frequency="weekly")
    do_set_email_frequency(user=people.facilitator, space=people.space, frequency="off")
    do_set_email_frequency(user=people.observer, space=people.space, frequency="daily")
    _post_at(
        now - dt.timedelta(hours=1),
        space=people.space,
        author=people.participant,
        title="Read one",
        body="x",
    )
    Notification.objects.filter(recipient=people.observer).update(read_at=now)
    with django_capture_on_commit_callbacks(execute=True):
        send_digests("daily", now=now)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_notification_digests", "--frequency", "weekly")
    assert [m.to for m in mail.outbox] == [["host@example.org"]]
    assert "weekly digest" in mail.outbox[0].subject


# --- Unsubscribe ------------------------------------------------------------------------------


def test_unsubscribe_link_shows_a_button_and_one_post_turns_mail_off(client, people):
    token = unsubscribe_token(people.host, people.space)
    url = reverse("exchange:unsubscribe", args=[token])
    response = client.get(url)
    assert response.status_code == 200 and b"Urban heat action plans" in response.content
    assert email_frequency(people.host, people.space) == "daily"  # a GET changes nothing
    # One click from the mail client (RFC 8058): a POST without session or CSRF token.
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert email_frequency(people.host, people.space) == "off"
    assert email_frequency(people.host, people.other_space) == "daily"


def test_an_all_spaces_token_turns_off_every_space(client, people):
    do_add_member(people.other_space, people.host, "participant")
    client.post(reverse("exchange:unsubscribe", args=[unsubscribe_token(people.host, None)]))
    assert email_frequency(people.host, people.space) == "off"
    assert email_frequency(people.host, people.other_space) == "off"


@pytest.mark.parametrize("tamper", ["flip", "other_user", "garbage", "wrong_salt"])
def test_a_tampered_unsubscribe_token_is_refused_and_changes_nothing(client, people, tamper):
    token = unsubscribe_token(people.host, people.space)
    if tamper == "flip":
        token = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    elif tamper == "other_user":
        forged = signing.dumps({"u": people.facilitator.pk, "s": people.space.pk}, salt="x")
        token = forged.split(":")[0] + ":" + token.split(":", 1)[1]
    elif tamper == "garbage":
        token = "not-a-token"
    else:
        token = signing.dumps({"u": people.host.pk, "s": people.space.pk}, salt="other")
    response = client.post(reverse("exchange:unsubscribe", args=[token]))
    assert response.status_code == 400
    assert b"not valid" in response.content
    for user in (people.host, people.facilitator):
        assert email_frequency(user, people.space) == "daily"


def test_settings_page_saves_a_choice_per_space(client, people):
    client.force_login(people.participant)
    field = f"space_{people.space.pk}"
    response = client.post(reverse("exchange:notification_settings"), {field: "weekly"})
    assert response.status_code == 302
    assert email_frequency(people.participant, people.space) == "weekly"
    response = client.post(reverse("exchange:notification_settings"), {field: "hourly"})
    assert response.status_code == 200 and b"Select a valid choice" in response.content
    assert email_frequency(people.participant, people.space) == "weekly"
