"""Who hears about a new post, in the app and by e-mail.

Each post makes at most one notification per person (a mention wins over a reply or
a new thread). E-mail is only queued, through the mailing outbox, in the same
transaction: delivery happens later in a background task that retries. A mention is
mailed at once, whatever digest its person chose (unless they turned that off, or
e-mail off): a host asked a question should not hear of it a day later. Members who
chose a digest get one message per day or week for everything else, grouped by space,
listing only what is new since their previous digest and not mailed already. Every
message carries a signed one-click unsubscribe link and the List-Unsubscribe headers.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from community.exchange.app_settings import app_settings
from community.exchange.mentions import MentionedPerson, mentioned_people, with_people
from community.exchange.models import (
    DigestState,
    EmailFrequency,
    Notification,
    NotificationPreference,
    Post,
    Thread,
)
from community.exchange.permissions import can_read_members_threads
from community.members.people import display_name
from community.models import Membership
from community.permissions import space_access
from learning_processes.models import LearningProcessPage
from mailing.links import absolute_url
from mailing.outbox import queue_templated_email

LOOKBACK_LIMIT = dt.timedelta(days=31)
UNSUBSCRIBE_SALT = "exchange.unsubscribe"
DIGEST_PERIODS = {
    EmailFrequency.DAILY: dt.timedelta(days=1),
    EmailFrequency.WEEKLY: dt.timedelta(days=7),
}


# --- Unsubscribe tokens ---------------------------------------------------------------------


def unsubscribe_token(user: User, space: LearningProcessPage | None) -> str:
    """Signed, so it cannot be forged or pointed at someone else; it never expires,
    because an old e-mail's unsubscribe link must keep working."""
    return signing.dumps({"u": user.pk, "s": space.pk if space else 0}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[User, int | None]:
    """Returns (user, space id or None for every space); raises signing.BadSignature."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    try:
        user = get_user_model().objects.get(pk=data["u"])
    except (KeyError, TypeError, get_user_model().DoesNotExist) as error:
        raise signing.BadSignature("unknown user") from error
    return user, (data.get("s") or None)


def _unsubscribe_headers(url: str) -> dict[str, str]:
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


# --- Creating notifications -------------------------------------------------------------------


def _preferences(user_ids: Iterable[int], space_id: int) -> dict[int, tuple[str, bool]]:
    """user id -> (e-mail frequency, mentions at once) in the space, defaults filled in."""
    ids = list(user_ids)
    chosen = {
        user_id: (frequency, mentions)
        for user_id, frequency, mentions in NotificationPreference.objects.filter(
            user_id__in=ids, space_id=space_id
        ).values_list("user_id", "email", "mentions_at_once")
    }
    default = (app_settings.DEFAULT_EMAIL_FREQUENCY, True)
    return {pk: chosen.get(pk, default) for pk in ids}


def mails_at_once(kind: str, frequency: str, mentions_at_once: bool) -> bool:
    """Whether a notification of `kind` is mailed on its own, right away."""
    if frequency == EmailFrequency.OFF:
        return False
    if frequency == EmailFrequency.IMMEDIATELY:
        return True
    return kind == Notification.Kind.MENTION and mentions_at_once


def _create(thread: Thread, post: Post, by_kind: dict[str, list[User]]) -> list[Notification]:
    """One notification per recipient, the first kind listed winning; never to the author."""
    seen = {post.author_id}
    notifications = []
    for kind, users in by_kind.items():
        for user in users:
            if user is None or user.pk in seen or not user.is_active:
                continue
            seen.add(user.pk)
            notifications.append(
                Notification(
                    recipient=user,
                    space_id=thread.space_id,
                    kind=kind,
                    thread=thread,
                    post=post,
                    actor_id=post.author_id,
                    created_at=post.created_at,
                )
            )
    preferences = _preferences((n.recipient_id for n in notifications), thread.space_id)
    now = timezone.now()
    at_once = [n for n in notifications if mails_at_once(n.kind, *preferences[n.recipient_id])]
    for notification in at_once:
        if notification.recipient.email:
            notification.emailed_at = now
    Notification.objects.bulk_create(notifications)
    people = mentioned_people([post.body_html], None) if at_once else {}
    for notification in at_once:
        _queue_immediate(notification, people)
    return notifications


def _members(space_id: int, *, exclude: int | None) -> list[User]:
    memberships = Membership.objects.filter(space_id=space_id)
    if exclude is not None:
        memberships = memberships.exclude(user_id=exclude)
    return [membership.user for membership in memberships.select_related("user")]


def new_thread(thread: Thread, post: Post, *, mentioned: list) -> list[Notification]:
    return _create(
        thread,
        post,
        {
            Notification.Kind.MENTION: mentioned,
            Notification.Kind.NEW_THREAD: _members(thread.space_id, exclude=post.author_id),
        },
    )


def reply(thread: Thread, post: Post, *, mentioned: list) -> list[Notification]:
    authors = [thread.author]
    if post.parent is not None:
        authors.append(post.parent.author)
    if post.quoted is not None:
        authors.append(post.quoted.author)
    # Someone who left the space no longer hears about its members-only threads.
    involved = [
        user
        for user in authors
        if user is not None
        and (thread.is_public or can_read_members_threads(space_access(user, thread.space)))
    ]
    return _create(
        thread,
        post,
        {Notification.Kind.MENTION: mentioned, Notification.Kind.REPLY: involved},
    )


def mentions(thread: Thread, post: Post, mentioned: list) -> list[Notification]:
    return _create(thread, post, {Notification.Kind.MENTION: mentioned})


# --- Immediate e-mail --------------------------------------------------------------------------


def _queue_immediate(notification: Notification, people: Mapping[int, MentionedPerson]) -> None:
    recipient = notification.recipient
    if not recipient.email:
        return
    space = notification.thread.space
    url = absolute_url(reverse("exchange:unsubscribe", args=[unsubscribe_token(recipient, space)]))
    queue_templated_email(
        to=recipient.email,
        template="exchange/email/notification",
        context={
            "notification": notification,
            "actor_name": display_name(notification.post.author),
            "recipient_name": display_name(recipient),
            "space": space,
            "thread": notification.thread,
            "excerpt": _excerpt(notification.post, people),
            "post_url": absolute_url(notification.post.get_absolute_url()),
            "settings_url": absolute_url(reverse("exchange:notification_settings")),
            "unsubscribe_url": url,
        },
        headers=_unsubscribe_headers(url),
        purpose="exchange_notification",
    )


def _excerpt(post: Post, people: Mapping[int, MentionedPerson], length: int = 400) -> str:
    """The post as plain text for e-mail, mentions as the people's names: tags dropped,
    then entities decoded, so "<pipes> & pumps" reads as typed (decoding first would
    let the typed "<pipes>" be dropped as a tag)."""
    from html import unescape

    from django.utils.html import strip_tags
    from django.utils.text import Truncator

    html = with_people(post.body_html, people, links=False)
    return Truncator(unescape(strip_tags(html)).strip()).chars(length)


# --- Digests ----------------------------------------------------------------------------------


def send_digests(frequency: str, *, now: dt.datetime | None = None) -> int:
    """Queue one digest per user who chose `frequency` for a space with something new.

    "New" means created after that user's previous digest of this frequency (or, the
    first time, within one period) and not yet read in the app. Returns the number of
    digests queued. Running it twice in a row queues nothing the second time.
    """
    frequency = EmailFrequency(frequency)
    period = DIGEST_PERIODS[frequency]
    now = now or timezone.now()
    earliest = now - period
    states = {
        state.user_id: state.last_sent_at
        for state in DigestState.objects.filter(frequency=frequency)
    }
    candidates = (
        Notification.objects.filter(
            read_at__isnull=True, emailed_at__isnull=True, created_at__lte=now
        )
        # A user whose last digest is long gone still gets at most a month's worth.
        .filter(created_at__gt=max(min([earliest, *states.values()]), now - LOOKBACK_LIMIT))
        .select_related("recipient__profile", "space", "thread", "post", "post__author__profile")
        .order_by("recipient_id", "space__title", "created_at", "pk")
    )
    by_user: dict[int, list[Notification]] = {}
    for notification in candidates:
        since = states.get(notification.recipient_id, earliest)
        if notification.created_at > since:
            by_user.setdefault(notification.recipient_id, []).append(notification)
    sent = 0
    for user_id, notifications in by_user.items():
        recipient = notifications[0].recipient
        spaces = {n.space_id for n in notifications}
        chosen = dict(
            NotificationPreference.objects.filter(user_id=user_id, space_id__in=spaces).values_list(
                "space_id", "email"
            )
        )
        wanted = [
            n
            for n in notifications
            if chosen.get(n.space_id, app_settings.DEFAULT_EMAIL_FREQUENCY) == frequency
        ]
        with transaction.atomic():
            if wanted and recipient.email and recipient.is_active:
                _queue_digest(recipient, frequency, wanted)
                sent += 1
            DigestState.objects.update_or_create(
                user_id=user_id, frequency=frequency, defaults={"last_sent_at": now}
            )
    return sent


def _queue_digest(recipient: User, frequency: str, notifications: list[Notification]) -> None:
    groups: dict[int, dict[str, Any]] = {}
    people = mentioned_people((n.post.body_html for n in notifications), None)
    for notification in notifications:
        group = groups.setdefault(notification.space_id, {"space": notification.space, "items": []})
        group["items"].append(
            {
                "notification": notification,
                "actor_name": display_name(notification.post.author),
                "thread": notification.thread,
                "excerpt": _excerpt(notification.post, people, 200),
                "url": absolute_url(notification.post.get_absolute_url()),
            }
        )
    url = absolute_url(reverse("exchange:unsubscribe", args=[unsubscribe_token(recipient, None)]))
    queue_templated_email(
        to=recipient.email,
        template="exchange/email/digest",
        context={
            "frequency": EmailFrequency(frequency),
            "recipient_name": display_name(recipient),
            "groups": list(groups.values()),
            "count": len(notifications),
            "notifications_url": absolute_url(reverse("exchange:notifications")),
            "settings_url": absolute_url(reverse("exchange:notification_settings")),
            "unsubscribe_url": url,
        },
        headers=_unsubscribe_headers(url),
        purpose=f"exchange_digest_{frequency}",
    )
