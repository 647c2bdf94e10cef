"""Flags, hiding and restoring, deleting and restoring, pin and lock, the log of it all,
the visible edit history, and a draft practice from a thread."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from community.exchange.actions import (
    do_create_thread,
    do_delete_post,
    do_dismiss_flags,
    do_draft_practice,
    do_edit_post,
    do_flag_post,
    do_hide_post,
    do_mark_helpful,
    do_post_reply,
    do_restore_post,
    do_set_locked,
    do_set_pinned,
    do_toggle_reaction,
    do_unhide_post,
)
from community.exchange.models import Flag, ModerationLog, PostRevision, Thread
from learning_processes.models import PracticePage
from tests.factories import practice_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(people):
    return do_create_thread(
        space=people.space,
        author=people.participant,
        title="Composting at markets",
        body="We composted **market waste** in three markets.",
        tags=["composting"],
    )


def log_of(space):
    return list(
        ModerationLog.objects.filter(space=space)
        .order_by("pk")
        .values_list("action", "actor__email", "reason")
    )


def test_flag_then_hide_then_restore_is_logged_and_resolves_flags(client, people, thread):
    reply = do_post_reply(thread=thread, author=people.facilitator, body="Spam here")
    do_flag_post(post=reply, reporter=people.participant, reason="spam", note="advert")
    do_flag_post(post=reply, reporter=people.participant, reason="spam")  # no duplicate
    do_flag_post(post=reply, reporter=people.observer, reason="abuse")
    assert Flag.objects.filter(post=reply, resolved_at__isnull=True).count() == 2

    client.force_login(people.host)
    queue = client.get(reverse("exchange:moderation", args=[people.space.pk])).content.decode()
    assert "Spam or advertising" in queue and "advert" in queue

    do_hide_post(post=reply, actor=people.host, reason="advertising")
    assert Flag.objects.filter(post=reply, resolved_at__isnull=True).count() == 0
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Spam here" in page  # moderators still read it, marked hidden
    client.force_login(people.participant)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Spam here" not in page and "hidden by a moderator" in page

    do_unhide_post(post=reply, actor=people.facilitator)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Spam here" in page
    assert log_of(people.space) == [
        ("hide", "host@example.org", "advertising"),
        ("unhide", "facilitator@example.org", ""),
    ]


def test_only_moderators_hide_lock_pin_and_restore(people, thread):
    reply = do_post_reply(thread=thread, author=people.participant, body="x")
    for user in (people.participant, people.observer, people.outsider):
        with pytest.raises(PermissionDenied):
            do_hide_post(post=reply, actor=user)
        with pytest.raises(PermissionDenied):
            do_set_locked(thread=thread, actor=user, locked=True)
        with pytest.raises(PermissionDenied):
            do_set_pinned(thread=thread, actor=user, pinned=True)
    do_delete_post(post=reply, actor=people.participant)
    with pytest.raises(PermissionDenied):
        do_restore_post(post=reply, actor=people.participant)
    assert [a for a, *_ in log_of(people.space)] == ["delete"]


def test_soft_delete_keeps_the_post_and_moderators_restore_it(client, people, thread):
    reply = do_post_reply(thread=thread, author=people.participant, body="Oops, wrong thread")
    do_delete_post(post=reply, actor=people.participant)
    reply.refresh_from_db()
    thread.refresh_from_db()
    assert reply.deleted_at is not None and thread.reply_count == 0
    client.force_login(people.observer)
    assert "Oops, wrong thread" not in client.get(thread.get_absolute_url()).content.decode()

    client.force_login(people.host)
    response = client.post(reverse("exchange:restore_post", args=[people.space.pk, reply.pk]))
    assert response.status_code == 302
    reply.refresh_from_db()
    thread.refresh_from_db()
    assert reply.deleted_at is None and thread.reply_count == 1
    assert [a for a, *_ in log_of(people.space)] == ["delete", "restore"]


def test_deleting_the_opening_post_deletes_the_thread_restorably(client, people, thread):
    opening = thread.posts.get(is_opening=True)
    do_delete_post(post=opening, actor=people.facilitator, reason="duplicate")
    assert not Thread.objects.listed().filter(pk=thread.pk).exists()
    do_restore_post(post=opening, actor=people.host)
    assert Thread.objects.listed().filter(pk=thread.pk).exists()


def test_lock_pin_and_dismiss_are_logged(people, thread):
    reply = do_post_reply(thread=thread, author=people.participant, body="x")
    do_flag_post(post=reply, reporter=people.observer, reason="off_topic")
    do_set_pinned(thread=thread, actor=people.host, pinned=True)
    do_set_pinned(thread=thread, actor=people.host, pinned=True)  # no change, no entry
    do_set_locked(thread=thread, actor=people.facilitator, locked=True)
    do_set_locked(thread=thread, actor=people.staff, locked=False)
    assert do_dismiss_flags(post=reply, actor=people.host) == 1
    assert [(a, who) for a, who, _ in log_of(people.space)] == [
        ("pin", "host@example.org"),
        ("lock", "facilitator@example.org"),
        ("unlock", "staff@example.org"),
        ("resolve_flags", "host@example.org"),
    ]


def test_moderation_page_shows_the_log(client, people, thread):
    do_set_locked(thread=thread, actor=people.host, locked=True)
    client.force_login(people.facilitator)
    page = client.get(reverse("exchange:moderation", args=[people.space.pk])).content.decode()
    assert "locked a thread" in page and "Hanna Host" in page


def test_edits_keep_a_visible_history(client, people, thread):
    opening = thread.posts.get(is_opening=True)
    do_edit_post(post=opening, editor=people.participant, body="First fix", title="Composting")
    do_edit_post(post=opening, editor=people.participant, body="Second fix")
    assert list(PostRevision.objects.filter(post=opening).values_list("body", flat=True)) == [
        "Second fix".replace("Second", "First"),
        "We composted **market waste** in three markets.",
    ]
    thread.refresh_from_db()
    assert thread.title == "Composting"
    client.force_login(people.observer)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert ">edited</a>" in page
    history = client.get(
        reverse("exchange:post_history", args=[people.space.pk, opening.pk])
    ).content.decode()
    assert "Second fix" in history and "First fix" in history
    assert "<strong>market waste</strong>" in history
    assert "Composting at markets" in history  # the old title


def test_only_the_author_edits_and_not_in_a_locked_thread(people, thread):
    opening = thread.posts.get(is_opening=True)
    with pytest.raises(PermissionDenied):
        do_edit_post(post=opening, editor=people.host, body="Host rewrites")
    do_set_locked(thread=thread, actor=people.host, locked=True)
    with pytest.raises(PermissionDenied):
        do_edit_post(post=opening, editor=people.participant, body="Late edit")


def test_reactions_toggle_and_helpful_is_for_the_thread_author_and_moderators(people, thread):
    reply = do_post_reply(thread=thread, author=people.facilitator, body="Try this")
    assert do_toggle_reaction(post=reply, user=people.observer, kind="thanks") is True
    assert do_toggle_reaction(post=reply, user=people.observer, kind="thanks") is False
    with pytest.raises(PermissionDenied):
        do_toggle_reaction(post=reply, user=people.outsider, kind="thanks")
    with pytest.raises(PermissionDenied):
        do_mark_helpful(post=reply, actor=people.observer, helpful=True)
    assert do_mark_helpful(post=reply, actor=people.participant, helpful=True).is_helpful


def test_replies_nest_one_level_and_quotes_link_the_quoted_post(client, people, thread):
    first = do_post_reply(thread=thread, author=people.facilitator, body="First")
    second = do_post_reply(thread=thread, author=people.host, body="Second", parent=first)
    third = do_post_reply(thread=thread, author=people.participant, body="Third", parent=second)
    assert second.parent == first and third.parent == first
    client.force_login(people.participant)
    page = client.get(f"{thread.get_absolute_url()}?quote={second.pk}").content.decode()
    assert "Hanna Host wrote:\n&gt; Second" in page
    assert f'name="quoted" value="{second.pk}"' in page
    response = client.post(
        reverse("exchange:reply", args=[people.space.pk, thread.pk]),
        {"body": "> Second\n\nAgreed", "quoted": second.pk, "parent": first.pk},
    )
    assert response.status_code == 302
    quoting = thread.posts.latest("pk")
    assert quoting.quoted == second and quoting.parent == first
    assert "<blockquote>" in quoting.body_html


def test_a_host_drafts_a_practice_from_a_thread_once(client, people, thread):
    practice_index()
    reply = do_post_reply(thread=thread, author=people.facilitator, body="Weigh the bins first.")
    do_mark_helpful(post=reply, actor=people.participant, helpful=True)
    with pytest.raises(PermissionDenied):
        do_draft_practice(thread=thread, actor=people.facilitator)
    client.force_login(people.host)
    response = client.post(reverse("exchange:practice", args=[people.space.pk, thread.pk]))
    assert response.status_code == 302
    practice = PracticePage.objects.get(title="Composting at markets")
    assert not practice.live and practice.has_unpublished_changes
    assert "<strong>market waste</strong>" in practice.challenge
    assert "Weigh the bins first." in practice.approach
    assert practice.learning_process_id == people.space.pk
    assert list(practice.tags.names()) == ["composting"]
    thread.refresh_from_db()
    assert thread.practice == practice
    assert do_draft_practice(thread=thread, actor=people.host) == practice
    assert PracticePage.objects.filter(title="Composting at markets").count() == 1
    assert [a for a, *_ in log_of(people.space)] == ["practice"]
    # The draft is not public.
    client.logout()
    assert client.get(practice.url or "/practices/composting-at-markets/").status_code == 404
