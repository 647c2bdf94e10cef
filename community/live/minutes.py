"""The minutes of a session: what a member who missed it needs to know.

Built once, when the session ends, from the room's state: pinned messages, the
questions with their votes and whether they were answered, the polls with their
results, and who attended. Stored on the session (shown on its page) and, where the
exchange app is installed, posted to the space as a thread.
"""

import logging
from typing import Any

from django.apps import apps
from django.contrib.auth.models import User
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext

from community.live.models import Attendee, ChatMessage, Poll, Question, VirtualSession
from community.live.selectors import poll_tally
from community.members.people import display_name

logger = logging.getLogger(__name__)


def build_minutes(session: VirtualSession) -> dict[str, Any]:
    pinned = ChatMessage.objects.filter(session=session, pinned=True, removed=False)
    questions = (
        Question.objects.filter(session=session)
        .select_related("author__profile")
        .order_by("-votes", "created_at", "pk")
    )
    polls = Poll.objects.filter(session=session).prefetch_related("votes")
    attendees = Attendee.objects.filter(session=session).select_related("user__profile")
    return {
        "started_at": session.started_at.isoformat() if session.started_at else None,
        "ended_at": session.ended_at.isoformat() if session.ended_at else None,
        "pinned": [
            {"author": display_name(m.author), "text": m.text}
            for m in pinned.select_related("author__profile")
        ],
        "questions": [
            {
                "author": display_name(q.author),
                "text": q.text,
                "votes": q.votes,
                "answered": q.answered,
            }
            for q in questions
        ],
        "polls": [
            {
                "question": poll.question,
                "multiple": poll.multiple,
                "voters": len(poll.votes.all()),
                "results": [
                    {"option": option, "votes": count}
                    for option, count in zip(poll.options, poll_tally(poll), strict=True)
                ],
            }
            for poll in polls
        ],
        "attendance": sorted(
            (display_name(a.user) for a in attendees), key=lambda name: name.casefold()
        ),
        "messages": ChatMessage.objects.filter(session=session, removed=False).count(),
    }


def minutes_markdown(session: VirtualSession) -> str:
    return render_to_string("live/minutes.md", {"session": session, "minutes": session.minutes})


def publish_minutes(session: VirtualSession, actor: User | None) -> None:
    """Post the minutes as a thread of the space's exchange, when the platform has one,
    and note the thread's address in them. They stay on the session's page either way,
    so a refused post (the exchange's own limits) is logged and the session still ends."""
    if actor is None or not apps.is_installed("community.exchange"):
        return
    from community.exchange.actions import do_create_thread

    title = gettext("Minutes: %(title)s") % {"title": session.title}
    try:
        with transaction.atomic():
            thread = do_create_thread(
                space=session.space, author=actor, title=title[:200], body=minutes_markdown(session)
            )
    except Exception:  # noqa: BLE001 - the minutes are kept on the session regardless
        logger.warning(
            "minutes of session %s were not posted as a thread", session.pk, exc_info=True
        )
        return
    # Ending the session wrote the minutes before they are published.
    if session.minutes is not None:
        session.minutes["thread_url"] = thread.get_absolute_url()
