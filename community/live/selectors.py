"""What the live room reads: the room's state as a snapshot, the event log after a
number, and how people and chat messages are shown in both. Nothing here changes
state; `community.live.actions` does, and imports what it shows from here."""

import datetime as dt
from typing import TYPE_CHECKING, Any, TypedDict, overload

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from community.live.app_settings import app_settings
from community.live.models import (
    Attendee,
    ChatMessage,
    Poll,
    PollVote,
    Question,
    QuestionVote,
    RaisedHand,
    RoomEvent,
    RoomSocket,
    VirtualSession,
)
from community.live.permissions import can_run_session
from community.live.protocol import event_message
from community.members.people import display_name
from community.models import SpaceRole
from community.permissions import space_access
from learning_processes.models import LearningProcessPage

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


@overload
def person(user: User) -> dict[str, Any]: ...
@overload
def person(user: None) -> None: ...
@overload
def person(user: User | None) -> dict[str, Any] | None: ...
def person(user: User | None) -> dict[str, Any] | None:
    if user is None:
        return None
    return {"id": user.pk, "name": display_name(user)}


def chat_message(message: ChatMessage) -> dict[str, Any]:
    """A chat message as snapshots and `chat.restored` carry it."""
    return {
        "id": message.pk,
        "author": person(message.author),
        "text": message.text,
        "pinned": message.pinned,
        "at": message.created_at.isoformat(),
    }


def session_summary(session: VirtualSession) -> dict[str, Any]:
    return {
        "id": session.pk,
        "title": session.title,
        "state": session.state,
        "starts_at": session.starts_at.isoformat(),
        "ends_at": session.ends_at.isoformat(),
    }


def stale_cutoff(now: dt.datetime) -> dt.datetime:
    """Sockets not renewed since then belong to a server process that died."""
    return now - dt.timedelta(seconds=3 * app_settings.HEARTBEAT_SECONDS)


def facilitator_candidates(space: LearningProcessPage) -> QuerySet:
    """Who may be named facilitator of a session: the space's hosts and facilitators."""
    return get_user_model().objects.filter(
        memberships__space=space, memberships__role__in=SpaceRole.moderating()
    )


# --- The event log ---------------------------------------------------------------------------


def events_after(session_id: int, after: int, limit: int | None = None) -> list[dict[str, Any]]:
    events = RoomEvent.objects.filter(session_id=session_id, seq__gt=after).order_by("seq")
    if limit is not None:
        events = events[:limit]
    return [event_message(event) for event in events]


def replay(session_id: int, after: int, limit: int) -> list[dict[str, Any]] | None:
    """The events after `after`, or None when a replay cannot serve the client (it
    claims a number the log does not have yet, or is more than `limit` behind)."""
    last_seqs = VirtualSession.objects.filter(pk=session_id).values_list("last_seq", flat=True)
    last_seq = last_seqs.first() or 0
    if after > last_seq or last_seq - after > limit:
        return None
    return events_after(session_id, after)


# --- The snapshot ----------------------------------------------------------------------------


def _chat(session: VirtualSession) -> dict[str, list[dict[str, Any]]]:
    """The latest SNAPSHOT_MESSAGES messages, oldest first, and the pinned ones."""
    messages = list(
        ChatMessage.objects.filter(session=session, removed=False)
        .select_related("author__profile")
        .order_by("-created_at", "-pk")[: app_settings.SNAPSHOT_MESSAGES]
    )
    messages.reverse()
    pinned = ChatMessage.objects.filter(session=session, removed=False, pinned=True)
    return {
        "messages": [chat_message(m) for m in messages],
        "pinned": [chat_message(m) for m in pinned.select_related("author__profile")],
    }


class _Here(TypedDict):
    here: bool


def _attendees(session: VirtualSession) -> "list[WithAnnotations[Attendee, _Here]]":
    """Everyone who joined, each with `here`: whether a live socket of theirs is open."""
    live_sockets = RoomSocket.objects.filter(
        attendee=OuterRef("pk"), seen_at__gte=stale_cutoff(timezone.now())
    )
    return list(
        Attendee.objects.filter(session=session)
        .annotate(here=Exists(live_sockets))
        .select_related("user__profile")
    )


def _questions(session: VirtualSession, user: User) -> list[dict[str, Any]]:
    my_votes = set(
        QuestionVote.objects.filter(question__session=session, user=user).values_list(
            "question_id", flat=True
        )
    )
    return [
        {
            "id": q.pk,
            "author": person(q.author),
            "text": q.text,
            "votes": q.votes,
            "answered": q.answered,
            "voted": q.pk in my_votes,
        }
        for q in Question.objects.filter(session=session).select_related("author__profile")
    ]


def poll_tally(poll: Poll) -> list[int]:
    """Votes per option, in the options' order (the poll's votes prefetched)."""
    counts = [0] * len(poll.options)
    for vote in poll.votes.all():
        for index in vote.choices:
            counts[index] += 1
    return counts


def _polls(session: VirtualSession, user: User) -> list[dict[str, Any]]:
    my_poll_votes = dict(
        PollVote.objects.filter(poll__session=session, user=user).values_list("poll_id", "choices")
    )
    return [
        {
            "id": poll.pk,
            "question": poll.question,
            "options": poll.options,
            "multiple": poll.multiple,
            "open": poll.is_open,
            "counts": poll_tally(poll),
            "mine": my_poll_votes.get(poll.pk),
        }
        for poll in Poll.objects.filter(session=session).prefetch_related("votes")
    ]


def room_snapshot(session_id: int, user: User) -> dict[str, Any]:
    """The room's state now, numbered with the sequence it includes at least.

    The number is read first: whatever the state queries see on top of it comes
    back as events after that number, which the client applies idempotently.
    """
    session = VirtualSession.objects.select_related("space").get(pk=session_id)
    present = _attendees(session)
    hands = RaisedHand.objects.filter(session=session).select_related("user__profile")
    return {
        "type": "snapshot",
        "seq": session.last_seq,
        "session": session_summary(session),
        "you": {
            "id": user.pk,
            "name": display_name(user),
            "facilitator": can_run_session(space_access(user, session.space)),
            "muted": any(a.muted for a in present if a.user_id == user.pk),
        },
        "presence": [{**person(a.user), "muted": a.muted} for a in present if a.here],
        "muted": [a.user_id for a in present if a.muted],
        **_chat(session),
        "hands": [person(hand.user) for hand in hands],
        "questions": _questions(session, user),
        "polls": _polls(session, user),
    }
