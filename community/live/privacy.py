"""A person's live-session data in their export, and what account deletion leaves.

Plugged into the members app's `collect_user_data` and `delete_user_content` signals.
Deletion also scrubs the room logs and minutes, which carry names as text: the
person becomes "Former member" there, and without `keep_anonymised` the text of
their messages and questions is emptied as well.
"""

from typing import Any

from django.contrib.auth.models import User
from django.db.models import Q

from community.live.models import (
    Attendee,
    ChatMessage,
    PollVote,
    Question,
    RoomEvent,
    VirtualSession,
)
from community.members.people import display_name

# Events that carry what someone wrote, with its author in `author`.
AUTHORED_KINDS = {"chat.message", "chat.restored", "question.asked"}


def export_live_data(user: User) -> dict[str, Any]:
    return {
        "live_sessions": {
            "attended": [
                {
                    "session": a.session.title,
                    "first_joined_at": a.first_joined_at.isoformat(),
                    "muted": a.muted,
                }
                for a in Attendee.objects.filter(user=user).select_related("session")
            ],
            "chat_messages": [
                {
                    "session": m.session.title,
                    "text": m.text,
                    "at": m.created_at.isoformat(),
                    "removed_by_facilitator": m.removed,
                }
                for m in ChatMessage.objects.filter(author=user).select_related("session")
            ],
            "questions": [
                {"session": q.session.title, "text": q.text, "at": q.created_at.isoformat()}
                for q in Question.objects.filter(author=user).select_related("session")
            ],
            "poll_votes": [
                {
                    "session": v.poll.session.title,
                    "poll": v.poll.question,
                    "choices": [v.poll.options[i] for i in v.choices],
                }
                for v in PollVote.objects.filter(user=user).select_related("poll__session")
            ],
        }
    }


def _scrub(value: Any, user_id: int) -> Any:
    """Replace every `{"id": user_id, "name": ...}` inside event data by None."""
    if isinstance(value, dict):
        if value.get("id") == user_id and "name" in value:
            return None
        return {key: _scrub(item, user_id) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item, user_id) for item in value]
    return value


def remove_live_content(user: User, keep_anonymised: bool) -> None:
    name = display_name(user)
    # Where they were, and where something they wrote was (a restored message's event
    # is another person's, but carries their text).
    sessions = set(Attendee.objects.filter(user=user).values_list("session_id", flat=True))
    for authored_model in (ChatMessage, Question):
        sessions.update(
            authored_model.objects.filter(author=user).values_list("session_id", flat=True)
        )
    events = RoomEvent.objects.filter(Q(actor=user) | Q(session_id__in=sessions))
    changed = []
    for event in events.iterator():
        author = event.data.get("author") if event.kind in AUTHORED_KINDS else None
        authored = isinstance(author, dict) and author.get("id") == user.pk
        data = _scrub(event.data, user.pk)
        if authored and not keep_anonymised:
            data["text"] = ""
        if data != event.data:
            event.data = data
            changed.append(event)
    RoomEvent.objects.bulk_update(changed, ["data"], batch_size=500)

    for session in VirtualSession.objects.filter(pk__in=sessions, minutes__isnull=False):
        minutes = session.minutes
        if minutes is None:  # the query asks for sessions with minutes
            continue
        minutes["attendance"] = [n for n in minutes.get("attendance", []) if n != name]
        for section in ("pinned", "questions"):
            kept = []
            for item in minutes.get(section, []):
                if item.get("author") == name:
                    if not keep_anonymised:
                        continue
                    item = {**item, "author": None}
                kept.append(item)
            minutes[section] = kept
        session.save(update_fields=["minutes"])

    if keep_anonymised:
        ChatMessage.objects.filter(author=user).update(author=None)
        Question.objects.filter(author=user).update(author=None)
    else:
        ChatMessage.objects.filter(author=user).delete()
        Question.objects.filter(author=user).delete()
