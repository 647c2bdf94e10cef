"""The live room's JSON protocol (version 1), as described in docs/live-protocol.md.

`parse_command` turns what a client sent into a `Command` or raises `ProtocolError`
with a code the client can act on; the consumer never looks inside the JSON itself.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from community.live.app_settings import app_settings

VERSION = 1

# Commands anyone in the room may send, and those only facilitators may.
MEMBER_COMMANDS = {
    "chat.send",
    "hand.raise",
    "hand.lower",
    "question.ask",
    "question.vote",
    "poll.vote",
}
FACILITATOR_COMMANDS = {
    "chat.remove",
    "chat.pin",
    "hand.call_next",
    "question.answer",
    "poll.open",
    "poll.close",
    "session.start",
    "session.end",
    "member.mute",
}
# Answered by the consumer itself; they change nothing and are not rate limited.
CONTROL_COMMANDS = {"sync", "ping"}
COMMANDS = MEMBER_COMMANDS | FACILITATOR_COMMANDS | CONTROL_COMMANDS


class ProtocolError(Exception):
    """A refused command; `code` is stable, `message` is for people."""

    def __init__(self, code: str, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retry_after = retry_after

    def as_message(self, ref: str | None = None) -> dict[str, Any]:
        message: dict[str, Any] = {"type": "error", "code": self.code, "message": self.message}
        if ref is not None:
            message["ref"] = ref
        if self.retry_after is not None:
            message["retry_after"] = round(self.retry_after, 1)
        return message


@dataclass(frozen=True)
class Command:
    type: str
    ref: str | None = None
    text: str = ""
    id: int | None = None
    flag: bool = False
    options: tuple[str, ...] = ()
    choices: tuple[int, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


def _text(content: dict[str, Any], key: str, *, limit: int | None = None) -> str:
    value = content.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ProtocolError("invalid", _("“%(field)s” must be a non-empty text.") % {"field": key})
    value = value.strip()
    limit = limit or app_settings.MAX_TEXT_CHARS
    if len(value) > limit:
        raise ProtocolError(
            "too_long",
            _("“%(field)s” is longer than %(limit)d characters.") % {"field": key, "limit": limit},
        )
    return value


def _int(content: dict[str, Any], key: str) -> int:
    value = content.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ProtocolError(
            "invalid", _("“%(field)s” must be a non-negative whole number.") % {"field": key}
        )
    return value


def _bool(content: dict[str, Any], key: str, default: bool) -> bool:
    value = content.get(key, default)
    if not isinstance(value, bool):
        raise ProtocolError("invalid", _("“%(field)s” must be true or false.") % {"field": key})
    return value


def command_ref(content: Any) -> str | None:
    """The client's own label for a command, echoed in an error about it."""
    ref = content.get("ref") if isinstance(content, dict) else None
    return str(ref)[:64] if ref is not None else None


def parse_command(content: Any) -> Command:
    if not isinstance(content, dict):
        raise ProtocolError("invalid", _("Send a JSON object with a “type”."))
    ref = command_ref(content)
    kind = content.get("type")
    if kind not in COMMANDS:
        raise ProtocolError("unknown_type", _("Unknown message type: %(type)s") % {"type": kind})
    return _parse(kind, content, ref)


def _parse(kind: str, content: dict[str, Any], ref: str | None) -> Command:
    if kind == "sync":
        return Command(kind, ref, id=_int(content, "after"))
    if kind in ("chat.send", "question.ask"):
        return Command(kind, ref, text=_text(content, "text"))
    if kind in ("chat.remove", "question.vote", "question.answer", "poll.close"):
        return Command(kind, ref, id=_int(content, "id"))
    if kind == "chat.pin":
        return Command(kind, ref, id=_int(content, "id"), flag=_bool(content, "pinned", True))
    if kind == "member.mute":
        return Command(kind, ref, id=_int(content, "user"), flag=_bool(content, "muted", True))
    if kind == "poll.open":
        options = content.get("options")
        limit = app_settings.MAX_POLL_OPTIONS
        if not isinstance(options, list) or not 2 <= len(options) <= limit:
            raise ProtocolError(
                "invalid",
                _("A poll needs between 2 and %(limit)d options.") % {"limit": limit},
            )
        cleaned = tuple(_text({"option": o}, "option", limit=200) for o in options)
        if len(set(cleaned)) != len(cleaned):
            raise ProtocolError("invalid", _("The options of a poll must differ."))
        return Command(
            kind,
            ref,
            text=_text(content, "question", limit=500),
            options=cleaned,
            flag=_bool(content, "multiple", False),
        )
    if kind == "poll.vote":
        choices = content.get("choices")
        if (
            not isinstance(choices, list)
            or not choices
            or not all(isinstance(c, int) and not isinstance(c, bool) for c in choices)
        ):
            raise ProtocolError("invalid", _("“choices” must list the chosen option numbers."))
        return Command(kind, ref, id=_int(content, "id"), choices=tuple(choices))
    return Command(kind, ref)


def event_message(event) -> dict[str, Any]:
    """How a stored RoomEvent goes over the wire."""
    return {
        "type": "event",
        "seq": event.seq,
        "kind": event.kind,
        "at": event.created_at.isoformat(),
        "data": event.data,
    }
