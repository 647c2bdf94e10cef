"""Everything that changes a live session, and the one place that broadcasts it.

Each `do_*` function runs in one transaction that starts by taking the session's
next sequence number (an UPDATE of `last_seq`, so the session row stays locked
until the commit: on PostgreSQL a row lock, on SQLite the database's write lock).
It then checks, changes the room's state and stores exactly one `RoomEvent` with
that number; the event is broadcast only after the commit (`transaction.on_commit`).
A refused command raises `ProtocolError` and rolls everything back, the number
included, so the log never has a gap. Because a transaction with a higher number
can only commit after every lower one has, a consumer that sees number n may read
1..n-1 from the database.
"""

import datetime as dt
import json
import logging
import time
from collections.abc import Mapping
from functools import cache
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from limits import parse as parse_rate
from limits import storage as limits_storage
from limits import strategies

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
    SessionState,
    VirtualSession,
    room_group,
    user_group,
)
from community.live.permissions import can_enter_room, can_run_session
from community.live.protocol import FACILITATOR_COMMANDS, Command, ProtocolError, event_message
from community.live.selectors import (
    chat_message,
    facilitator_candidates,
    person,
    stale_cutoff,
)
from community.permissions import space_access
from community.spaces import access_space_of
from learning_processes.models import LearningProcessPage

logger = logging.getLogger(__name__)

# The channel layer of the live rooms (settings.CHANNEL_LAYERS["live"]).
LAYER = "live"


# --- The choke point ---------------------------------------------------------------------


def broadcast(group: str, message: dict[str, Any]) -> None:
    """Send one message to a channel-layer group. Actions call it through
    `transaction.on_commit`; nothing else in the project calls `group_send`.

    A failure is logged, not raised: the event is already stored, and clients catch
    up from the log at the next event or reconnect.
    """
    layer = get_channel_layer(LAYER)
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, message)
    except Exception:
        logger.exception("broadcast to %s failed", group)


def _begin(session_id: int) -> VirtualSession:
    """Take the next sequence number; must be the transaction's first statement."""
    updated = VirtualSession.objects.filter(pk=session_id).update(last_seq=F("last_seq") + 1)
    if not updated:
        raise ProtocolError("not_found", _("This session does not exist."))
    return VirtualSession.objects.select_related("space").get(pk=session_id)


def _give_back(session: VirtualSession) -> None:
    """Return the number `_begin` took when the change turned out to emit nothing.
    Safe: the row is still locked, so nobody took a later number."""
    VirtualSession.objects.filter(pk=session.pk).update(last_seq=F("last_seq") - 1)


def _emit(
    session: VirtualSession,
    kind: str,
    data: dict[str, Any],
    actor: User | None = None,
) -> RoomEvent:
    event = RoomEvent.objects.create(
        session=session, seq=session.last_seq, kind=kind, actor=actor, data=data
    )
    # Serialised once here, not once per socket.
    message = {"type": "room.event", "seq": event.seq, "json": json.dumps(event_message(event))}
    group = room_group(session.pk)
    transaction.on_commit(lambda: broadcast(group, message))
    return event


# --- Access and checks -----------------------------------------------------------------------


def access_session(user: User, session_id: int) -> VirtualSession:
    """The session, if the user may enter its room: Http404 when it does not exist for
    them (no such session, or its space is unpublished and they do not prepare it),
    PermissionDenied when they may not enter its space (`community.spaces`)."""
    session = VirtualSession.objects.select_related("space").filter(pk=session_id).first()
    if session is None:
        raise Http404("No such session.")
    access_space_of(user, session.space)
    return session


def _require_live(session: VirtualSession) -> None:
    if session.state != SessionState.LIVE:
        if session.state == SessionState.ENDED:
            raise ProtocolError("ended", _("This session has ended; the room is read-only."))
        raise ProtocolError("not_live", _("The session has not started yet."))


def _require_voice(session: VirtualSession, user: User) -> None:
    if Attendee.objects.filter(session=session, user=user, muted=True).exists():
        raise ProtocolError("muted", _("A facilitator has muted you in this session."))


@cache
def _limiter() -> strategies.MovingWindowRateLimiter:
    # The cache's key prefix keeps two sites (or test runs) on one Redis apart.
    prefix = settings.CACHES["default"].get("KEY_PREFIX", "")
    storage = limits_storage.storage_from_string(
        app_settings.RATE_LIMIT_STORAGE, key_prefix=f"{prefix}live-rate"
    )
    return strategies.MovingWindowRateLimiter(storage)


def check_rate(user: User, session: VirtualSession) -> None:
    """Refuse a member's command beyond LIVE_RATE_LIMIT in this room."""
    rate = parse_rate(app_settings.RATE_LIMIT)
    keys = (str(session.pk), str(user.pk))
    limiter = _limiter()
    if not limiter.hit(rate, *keys):
        reset_at = limiter.get_window_stats(rate, *keys).reset_time
        raise ProtocolError(
            "rate_limited",
            _("You are sending too fast; wait a moment."),
            retry_after=max(0.1, reset_at - time.time()),
        )


def check_rate_for(session_id: int, user: User) -> None:
    check_rate(user, VirtualSession(pk=session_id))


def do_command(session_id: int, user: User, command: Command) -> None:
    """Run a client's command: membership, facilitator role and rate are checked here,
    on every command, whatever the client's page showed."""
    session = VirtualSession.objects.select_related("space").filter(pk=session_id).first()
    # Resolved afresh for each command: a member who left is refused at once.
    if session is None or not can_enter_room(access := space_access(user, session.space)):
        raise ProtocolError("forbidden", _("You are no longer a member of this space."))
    if command.type in FACILITATOR_COMMANDS and not can_run_session(access):
        raise ProtocolError("forbidden", _("Only a facilitator can do that."))
    check_rate(user, session)
    COMMAND_HANDLERS[command.type](session_id, user, command)


# --- Presence ------------------------------------------------------------------------------


@transaction.atomic
def do_join(
    session_id: int, user: User, socket: str, now: dt.datetime | None = None
) -> RoomEvent | None:
    """Record one more open socket (its channel name); the person's first one makes
    them present."""
    session = _begin(session_id)
    attendee, _created = Attendee.objects.get_or_create(session=session, user=user)
    already_present = attendee.sockets.exists()
    RoomSocket.objects.update_or_create(
        channel_name=socket, defaults={"attendee": attendee, "seen_at": now or timezone.now()}
    )
    if already_present:
        _give_back(session)
        return None
    return _emit(session, "presence.join", {"user": person(user)}, user)


@transaction.atomic
def do_leave(
    session_id: int,
    user: User,
    socket: str,
    stale_before: dt.datetime | None = None,
) -> RoomEvent | None:
    """Forget a closed socket (with `stale_before`, only if it was not renewed since);
    the person's last one makes them leave."""
    session = _begin(session_id)
    sockets = RoomSocket.objects.filter(attendee__session=session, attendee__user=user)
    gone = sockets.filter(channel_name=socket)
    if stale_before is not None:
        gone = gone.filter(seen_at__lt=stale_before)
    deleted, _counts = gone.delete()
    if not deleted or sockets.exists():
        _give_back(session)
        return None
    return _emit(session, "presence.leave", {"user": person(user)}, user)


def keep_sockets_alive(
    sockets: Mapping[str, tuple[int, User]], now: dt.datetime | None = None
) -> int:
    """Renew one server process's open sockets (channel name: session id and user), 500
    to a statement, not one by one. A socket a sweep took while this process was too slow to
    renew it is put back, so its person is present again. Returns how many were put
    back."""
    now = now or timezone.now()
    names = list(sockets)
    renewed: set[str] = set()
    for start in range(0, len(names), 500):
        chunk = names[start : start + 500]
        RoomSocket.objects.filter(channel_name__in=chunk).update(seen_at=now)
        renewed.update(
            RoomSocket.objects.filter(channel_name__in=chunk).values_list("channel_name", flat=True)
        )
    missing = [name for name in names if name not in renewed]
    for name in missing:
        session_id, user = sockets[name]
        do_join(session_id, user, name, now)
    return len(missing)


def sweep_stale_sockets(now: dt.datetime | None = None) -> int:
    """Take away sockets no server process renewed for three heartbeats (their process
    died without closing them); each person whose last socket goes leaves the room.
    Returns how many stale sockets it found (another process may sweep the same ones
    at the same time; each goes once, under the session's lock)."""
    cutoff = stale_cutoff(now or timezone.now())
    stale = list(
        RoomSocket.objects.filter(seen_at__lt=cutoff)
        .select_related("attendee__user")
        .order_by("pk")
    )
    for socket in stale:
        attendee = socket.attendee
        do_leave(attendee.session_id, attendee.user, socket.channel_name, stale_before=cutoff)
    return len(stale)


# --- Chat ----------------------------------------------------------------------------------


@transaction.atomic
def do_send_chat(session_id: int, user: User, text: str) -> RoomEvent:
    session = _begin(session_id)
    _require_live(session)
    _require_voice(session, user)
    message = ChatMessage.objects.create(session=session, author=user, text=text)
    return _emit(
        session,
        "chat.message",
        {"id": message.pk, "author": person(user), "text": text},
        user,
    )


def _message(session: VirtualSession, message_id: int, *, removed: bool = False) -> ChatMessage:
    message = (
        ChatMessage.objects.filter(session=session, pk=message_id, removed=removed)
        .select_related("author__profile")
        .first()
    )
    if message is None:
        raise ProtocolError("not_found", _("There is no such message."))
    return message


@transaction.atomic
def do_remove_message(session_id: int, actor: User, message_id: int) -> RoomEvent:
    """Take a message out of the room. It keeps its pin, so that `do_restore_message`
    (the facilitator's "Undo") puts it back as it was."""
    session = _begin(session_id)
    message = _message(session, message_id)
    message.removed = True
    message.save(update_fields=["removed"])
    return _emit(session, "chat.removed", {"id": message.pk, "by": person(actor)}, actor)


@transaction.atomic
def do_restore_message(session_id: int, actor: User, message_id: int) -> RoomEvent:
    """Put a removed message back where it was (undo of a removal)."""
    session = _begin(session_id)
    if ChatMessage.objects.filter(session=session, pk=message_id, removed=False).exists():
        raise ProtocolError("already", _("This message is already back in the chat."))
    message = _message(session, message_id, removed=True)
    message.removed = False
    message.save(update_fields=["removed"])
    return _emit(session, "chat.restored", chat_message(message), actor)


@transaction.atomic
def do_pin_message(session_id: int, actor: User, message_id: int, pinned: bool = True) -> RoomEvent:
    session = _begin(session_id)
    _require_live(session)
    message = _message(session, message_id)
    message.pinned = pinned
    message.save(update_fields=["pinned"])
    return _emit(session, "chat.pinned", {"id": message.pk, "pinned": pinned}, actor)


# --- Hands -----------------------------------------------------------------------------------


@transaction.atomic
def do_raise_hand(session_id: int, user: User) -> RoomEvent:
    session = _begin(session_id)
    _require_live(session)
    _require_voice(session, user)
    hand, created = RaisedHand.objects.get_or_create(session=session, user=user)
    if not created:
        raise ProtocolError("already", _("Your hand is already raised."))
    return _emit(session, "hand.raised", {"user": person(user)}, user)


@transaction.atomic
def do_lower_hand(session_id: int, user: User) -> RoomEvent:
    session = _begin(session_id)
    deleted, _detail = RaisedHand.objects.filter(session=session, user=user).delete()
    if not deleted:
        raise ProtocolError("already", _("Your hand is not raised."))
    return _emit(session, "hand.lowered", {"user": person(user)}, user)


@transaction.atomic
def do_call_next_hand(session_id: int, actor: User) -> RoomEvent:
    """Give the floor to whoever raised their hand first."""
    session = _begin(session_id)
    _require_live(session)
    hand = RaisedHand.objects.filter(session=session).select_related("user__profile").first()
    if hand is None:
        raise ProtocolError("empty", _("No hands are raised."))
    called = hand.user
    hand.delete()
    return _emit(session, "hand.called", {"user": person(called), "by": person(actor)}, actor)


# --- Questions -----------------------------------------------------------------------------


@transaction.atomic
def do_ask_question(session_id: int, user: User, text: str) -> RoomEvent:
    session = _begin(session_id)
    _require_live(session)
    _require_voice(session, user)
    question = Question.objects.create(session=session, author=user, text=text)
    return _emit(
        session,
        "question.asked",
        {"id": question.pk, "author": person(user), "text": text, "votes": 0},
        user,
    )


def _question(session: VirtualSession, question_id: int) -> Question:
    question = Question.objects.filter(session=session, pk=question_id).first()
    if question is None:
        raise ProtocolError("not_found", _("There is no such question."))
    return question


@transaction.atomic
def do_upvote_question(session_id: int, user: User, question_id: int) -> RoomEvent:
    session = _begin(session_id)
    _require_live(session)
    question = _question(session, question_id)
    if question.author_id == user.pk:
        raise ProtocolError("own_question", _("You cannot upvote your own question."))
    _vote, created = QuestionVote.objects.get_or_create(question=question, user=user)
    if not created:
        raise ProtocolError("already", _("You have already upvoted this question."))
    Question.objects.filter(pk=question.pk).update(votes=F("votes") + 1)
    question.refresh_from_db(fields=["votes"])
    return _emit(
        session,
        "question.voted",
        {"id": question.pk, "votes": question.votes, "voter": user.pk},
        user,
    )


@transaction.atomic
def do_answer_question(session_id: int, actor: User, question_id: int) -> RoomEvent:
    session = _begin(session_id)
    _require_live(session)
    question = _question(session, question_id)
    if question.answered:
        raise ProtocolError("already", _("This question is already marked answered."))
    question.answered = True
    question.save(update_fields=["answered"])
    return _emit(session, "question.answered", {"id": question.pk}, actor)


# --- Polls ---------------------------------------------------------------------------------


@transaction.atomic
def do_open_poll(
    session_id: int,
    actor: User,
    question: str,
    options: list[str] | tuple[str, ...],
    *,
    multiple: bool = False,
) -> RoomEvent:
    session = _begin(session_id)
    _require_live(session)
    poll = Poll.objects.create(
        session=session,
        question=question,
        options=list(options),
        multiple=multiple,
        created_by=actor,
    )
    return _emit(
        session,
        "poll.opened",
        {
            "id": poll.pk,
            "question": question,
            "options": list(options),
            "multiple": multiple,
            "counts": [0] * len(options),
        },
        actor,
    )


def _poll(session: VirtualSession, poll_id: int) -> Poll:
    poll = Poll.objects.filter(session=session, pk=poll_id).first()
    if poll is None:
        raise ProtocolError("not_found", _("There is no such poll."))
    return poll


@transaction.atomic
def do_vote_poll(
    session_id: int, user: User, poll_id: int, choices: list[int] | tuple[int, ...]
) -> RoomEvent:
    session = _begin(session_id)
    _require_live(session)
    poll = _poll(session, poll_id)
    if not poll.is_open:
        raise ProtocolError("closed", _("This poll is closed."))
    chosen = sorted(set(choices))
    if not chosen or any(not 0 <= c < len(poll.options) for c in chosen):
        raise ProtocolError("invalid", _("Choose among the poll's options."))
    if len(chosen) > 1 and not poll.multiple:
        raise ProtocolError("invalid", _("This poll takes a single choice."))
    _vote, created = PollVote.objects.get_or_create(
        poll=poll, user=user, defaults={"choices": chosen}
    )
    if not created:
        raise ProtocolError("already", _("You have already voted in this poll."))
    return _emit(
        session, "poll.voted", {"id": poll.pk, "counts": poll.counts(), "voter": user.pk}, user
    )


@transaction.atomic
def do_close_poll(session_id: int, actor: User, poll_id: int) -> RoomEvent:
    session = _begin(session_id)
    poll = _poll(session, poll_id)
    if not poll.is_open:
        raise ProtocolError("closed", _("This poll is already closed."))
    poll.is_open = False
    poll.save(update_fields=["is_open"])
    return _emit(session, "poll.closed", {"id": poll.pk, "counts": poll.counts()}, actor)


# --- Facilitator controls ------------------------------------------------------------------


@transaction.atomic
def do_mute_member(session_id: int, actor: User, user_id: int, muted: bool = True) -> RoomEvent:
    session = _begin(session_id)
    attendee = (
        Attendee.objects.filter(session=session, user_id=user_id)
        .select_related("user__profile")
        .first()
    )
    if attendee is None:
        raise ProtocolError("not_found", _("This person has not joined the session."))
    if muted and can_run_session(space_access(attendee.user, session.space)):
        raise ProtocolError("forbidden", _("Facilitators cannot be muted."))
    attendee.muted = muted
    attendee.save(update_fields=["muted"])
    if muted:
        RaisedHand.objects.filter(session=session, user_id=user_id).delete()
    return _emit(session, "member.muted", {"user": person(attendee.user), "muted": muted}, actor)


@transaction.atomic
def do_start_session(session_id: int, actor: User) -> RoomEvent:
    session = _begin(session_id)
    if session.state != SessionState.SCHEDULED:
        raise ProtocolError("already", _("This session has already started."))
    session.state = SessionState.LIVE
    session.started_at = timezone.now()
    session.save(update_fields=["state", "started_at"])
    return _emit(
        session,
        "session.started",
        {"state": session.state, "at": session.started_at.isoformat()},
        actor,
    )


@transaction.atomic
def do_end_session(session_id: int, actor: User) -> RoomEvent:
    """End the session and write its minutes; the room stays readable."""
    from community.live.minutes import build_minutes, publish_minutes

    session = _begin(session_id)
    if session.state != SessionState.LIVE:
        raise ProtocolError("not_live", _("Only a live session can be ended."))
    RaisedHand.objects.filter(session=session).delete()
    Poll.objects.filter(session=session, is_open=True).update(is_open=False)
    session.state = SessionState.ENDED
    session.ended_at = timezone.now()
    session.minutes = build_minutes(session)
    publish_minutes(session, actor)
    session.save(update_fields=["state", "ended_at", "minutes"])
    return _emit(
        session,
        "session.ended",
        {"state": session.state, "at": session.ended_at.isoformat()},
        actor,
    )


COMMAND_HANDLERS = {
    "chat.send": lambda sid, user, c: do_send_chat(sid, user, c.text),
    "chat.remove": lambda sid, user, c: do_remove_message(sid, user, c.id),
    "chat.restore": lambda sid, user, c: do_restore_message(sid, user, c.id),
    "chat.pin": lambda sid, user, c: do_pin_message(sid, user, c.id, c.flag),
    "hand.raise": lambda sid, user, c: do_raise_hand(sid, user),
    "hand.lower": lambda sid, user, c: do_lower_hand(sid, user),
    "hand.call_next": lambda sid, user, c: do_call_next_hand(sid, user),
    "question.ask": lambda sid, user, c: do_ask_question(sid, user, c.text),
    "question.vote": lambda sid, user, c: do_upvote_question(sid, user, c.id),
    "question.answer": lambda sid, user, c: do_answer_question(sid, user, c.id),
    "poll.open": lambda sid, user, c: do_open_poll(sid, user, c.text, c.options, multiple=c.flag),
    "poll.vote": lambda sid, user, c: do_vote_poll(sid, user, c.id, c.choices),
    "poll.close": lambda sid, user, c: do_close_poll(sid, user, c.id),
    "session.start": lambda sid, user, c: do_start_session(sid, user),
    "session.end": lambda sid, user, c: do_end_session(sid, user),
    "member.mute": lambda sid, user, c: do_mute_member(sid, user, c.id, c.flag),
}


# --- Sessions themselves ---------------------------------------------------------------------


@transaction.atomic
def do_schedule_session(
    *,
    space: LearningProcessPage,
    actor: User,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    agenda: str = "",
    host_time_zone: str | None = None,
    video_url: str = "",
    facilitators=(),
) -> VirtualSession:
    session = VirtualSession(
        space=space,
        title=title,
        agenda=agenda,
        starts_at=starts_at,
        ends_at=ends_at,
        video_url=video_url,
        created_by=actor,
    )
    if host_time_zone:
        session.host_time_zone = host_time_zone
    session.full_clean()
    session.save()
    allowed = set(facilitator_candidates(space).values_list("pk", flat=True))
    session.facilitators.set([u for u in facilitators if u.pk in allowed])
    from community.live.tasks import schedule_reminders

    schedule_reminders(session)
    return session


@transaction.atomic
def do_update_session(
    session: VirtualSession, *, actor: User, facilitators=None, **fields: Any
) -> VirtualSession:
    """Change a scheduled session. A new start time means new reminders."""
    session = VirtualSession.objects.select_for_update().get(pk=session.pk)
    if session.state != SessionState.SCHEDULED:
        raise PermissionDenied
    moved = "starts_at" in fields and fields["starts_at"] != session.starts_at
    for name, value in fields.items():
        setattr(session, name, value)
    session.full_clean()
    session.save()
    if facilitators is not None:
        allowed = set(facilitator_candidates(session.space).values_list("pk", flat=True))
        session.facilitators.set([u for u in facilitators if u.pk in allowed])
    if moved:
        from community.live.tasks import schedule_reminders

        session.reminders.all().delete()
        schedule_reminders(session)
    return session


def do_close_user_sockets(user_id: int) -> None:
    """Close every live-room socket of this person (they logged out)."""
    transaction.on_commit(lambda: broadcast(user_group(user_id), {"type": "user.logout"}))


def do_close_space_sockets(user_id: int, space_id: int) -> None:
    """The person left a space or was removed from it: their sockets in its rooms close
    unless they may still enter (each socket checks again)."""
    message = {"type": "space.left", "space": space_id}
    transaction.on_commit(lambda: broadcast(user_group(user_id), message))
