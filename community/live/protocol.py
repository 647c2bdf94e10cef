"""The live room's JSON protocol (version 1), as described in docs/live-protocol.md.

`parse_command` turns what a client sent into a `Command` or raises `ProtocolError`
with a code the client can act on; the consumer never looks inside the JSON itself.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from community.live.app_settings import app_settings
from learning_processes.database_ids import MAX_DATABASE_ID
from learning_processes.refusals import Refusal

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
    "chat.restore",
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


class ProtocolError(Refusal):
    """A refused command; `code` is stable, `message` is for people, `field` names the
    part of the command that was wrong (when one was)."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        retry_after: float | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message, code)
        self.retry_after = retry_after
        self.field = field


def error_event(refusal: Refusal, ref: str | None = None) -> dict[str, Any]:
    """The socket's answer to any refusal (the one mapping for the live room): an error
    event with its code and message, the command's `ref`, and for a `ProtocolError`
    the field at fault and when to retry."""
    message: dict[str, Any] = {"type": "error", "code": refusal.code, "message": refusal.message}
    field = getattr(refusal, "field", None)
    if field is not None:
        message["field"] = field
    if ref is not None:
        message["ref"] = ref
    retry_after = getattr(refusal, "retry_after", None)
    if retry_after is not None:
        message["retry_after"] = round(retry_after, 1)
    return message


MAX_ID = MAX_DATABASE_ID
# Longest `ref` a client may attach; it is echoed back, so it stays short.
MAX_REF_CHARS = 64


@dataclass(frozen=True)
class Command:
    """One client command, checked: every field has its type and bounds."""

    type: str
    ref: str | None = None
    text: str = ""
    id: int | None = None
    flag: bool = False
    options: tuple[str, ...] = ()
    choices: tuple[int, ...] = ()


# --- The schema ------------------------------------------------------------------------------
#
# Each command lists its fields: the JSON key, how it is read, whether it may be left
# out (and its default then) and which attribute of `Command` it fills. A field that is
# not listed is refused (`unknown_field`): a misspelt `"mutd": false` must not fall back
# to the default and mute someone.


def _wrong_type(name: str, expected: str) -> ProtocolError:
    return ProtocolError(
        "wrong_type",
        _("“%(field)s” must be %(expected)s.") % {"field": name, "expected": expected},
        field=name,
    )


def _out_of_range(name: str, low: int, high: int) -> ProtocolError:
    return ProtocolError(
        "out_of_range",
        _("“%(field)s” must be between %(low)d and %(high)d.")
        % {"field": name, "low": low, "high": high},
        field=name,
    )


def _whole_number(name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong_type(name, _("a whole number"))
    if not low <= value <= high:
        raise _out_of_range(name, low, high)
    return value


def read_id(name: str, value: Any) -> int:
    return _whole_number(name, value, 1, MAX_ID)


def read_seq(name: str, value: Any) -> int:
    return _whole_number(name, value, 0, MAX_ID)


def read_bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _wrong_type(name, _("true or false"))
    return value


def _storable(value: str) -> bool:
    """A JSON string may carry a NUL or half of a surrogate pair (`"\\u0000"`,
    `"\\ud800"`); neither can be stored in a PostgreSQL text column."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_text(name: str, value: Any, limit: int | None = None) -> str:
    if not isinstance(value, str):
        raise _wrong_type(name, _("a text"))
    value = value.strip()
    if not value:
        raise ProtocolError(
            "invalid", _("“%(field)s” must not be empty.") % {"field": name}, field=name
        )
    if not _storable(value):
        raise ProtocolError(
            "invalid_characters",
            _("“%(field)s” contains characters that cannot be stored.") % {"field": name},
            field=name,
        )
    limit = limit or app_settings.MAX_TEXT_CHARS
    if len(value) > limit:
        raise ProtocolError(
            "too_long",
            _("“%(field)s” is longer than %(limit)d characters.") % {"field": name, "limit": limit},
            field=name,
        )
    return value


def _list(name: str, value: Any, low: int, high: int) -> list[Any]:
    if not isinstance(value, list):
        raise _wrong_type(name, _("a list"))
    if not low <= len(value) <= high:
        raise ProtocolError(
            "out_of_range",
            _("“%(field)s” must list between %(low)d and %(high)d items.")
            % {"field": name, "low": low, "high": high},
            field=name,
        )
    return value


def read_poll_question(name: str, value: Any) -> str:
    return read_text(name, value, limit=app_settings.MAX_POLL_QUESTION_CHARS)


def read_poll_options(name: str, value: Any) -> tuple[str, ...]:
    options = _list(name, value, 2, app_settings.MAX_POLL_OPTIONS)
    if not all(isinstance(option, str) for option in options):
        raise _wrong_type(name, _("a list of texts"))
    cleaned = tuple(
        read_text(name, option, limit=app_settings.MAX_POLL_OPTION_CHARS) for option in options
    )
    if len(set(cleaned)) != len(cleaned):
        raise ProtocolError("invalid", _("The options of a poll must differ."), field=name)
    return cleaned


def read_poll_choices(name: str, value: Any) -> tuple[int, ...]:
    """Option numbers (0 for the first); whether they exist in this poll is the action's
    business, the schema only keeps them within what any poll can have."""
    limit = app_settings.MAX_POLL_OPTIONS
    choices = _list(name, value, 1, limit)
    if not all(isinstance(c, int) and not isinstance(c, bool) for c in choices):
        raise _wrong_type(name, _("a list of option numbers"))
    if not all(0 <= c < limit for c in choices):
        raise _out_of_range(name, 0, limit - 1)
    return tuple(choices)


_REQUIRED = object()


@dataclass(frozen=True)
class Field:
    name: str
    read: Callable[[str, Any], Any]
    attr: str
    default: Any = _REQUIRED


SCHEMA: dict[str, tuple[Field, ...]] = {
    "ping": (),
    "sync": (Field("after", read_seq, "id"),),
    "chat.send": (Field("text", read_text, "text"),),
    "chat.remove": (Field("id", read_id, "id"),),
    "chat.restore": (Field("id", read_id, "id"),),
    "chat.pin": (Field("id", read_id, "id"), Field("pinned", read_bool, "flag", True)),
    "hand.raise": (),
    "hand.lower": (),
    "hand.call_next": (),
    "question.ask": (Field("text", read_text, "text"),),
    "question.vote": (Field("id", read_id, "id"),),
    "question.answer": (Field("id", read_id, "id"),),
    "poll.open": (
        Field("question", read_poll_question, "text"),
        Field("options", read_poll_options, "options"),
        Field("multiple", read_bool, "flag", False),
    ),
    "poll.vote": (Field("id", read_id, "id"), Field("choices", read_poll_choices, "choices")),
    "poll.close": (Field("id", read_id, "id"),),
    "member.mute": (Field("user", read_id, "id"), Field("muted", read_bool, "flag", True)),
    "session.start": (),
    "session.end": (),
}
# Keys every command may carry besides its own fields.
ENVELOPE = ("type", "ref")


def command_ref(content: Any) -> str | None:
    """The client's own label for a command, echoed in an error about it: only a
    short string is echoed (anything else is refused by `parse_command`)."""
    ref = content.get("ref") if isinstance(content, dict) else None
    return ref if isinstance(ref, str) and len(ref) <= MAX_REF_CHARS else None


def parse_command(content: Any) -> Command:
    """Check a decoded frame against the schema; every field is read for its type and
    bounds before any action sees it."""
    if not isinstance(content, dict):
        raise ProtocolError("not_object", _("Send a JSON object with a “type”."))
    kind = content.get("type")
    if not isinstance(kind, str) or kind not in SCHEMA:
        if isinstance(kind, str) and len(kind) <= 40 and kind.isprintable():
            message = _("Unknown message type: %(type)s") % {"type": kind}
        else:
            message = _("“type” must name one of the room's commands.")
        raise ProtocolError("unknown_type", message, field="type")
    ref = content.get("ref")
    if "ref" in content:
        if not isinstance(ref, str):
            raise _wrong_type("ref", _("a text"))
        if len(ref) > MAX_REF_CHARS:
            raise ProtocolError(
                "too_long",
                _("“%(field)s” is longer than %(limit)d characters.")
                % {"field": "ref", "limit": MAX_REF_CHARS},
                field="ref",
            )
    fields = SCHEMA[kind]
    known = {f.name for f in fields}.union(ENVELOPE)
    for key in content:
        if key not in known:
            raise ProtocolError(
                "unknown_field",
                _("“%(type)s” takes no field “%(field)s”.")
                % {"type": kind, "field": key if len(key) <= 40 else key[:40] + "…"},
                field=key[:40],
            )
    values: dict[str, Any] = {}
    for spec in fields:
        if spec.name in content:
            values[spec.attr] = spec.read(spec.name, content[spec.name])
        elif spec.default is _REQUIRED:
            raise ProtocolError(
                "missing_field",
                _("“%(type)s” needs “%(field)s”.") % {"type": kind, "field": spec.name},
                field=spec.name,
            )
        else:
            values[spec.attr] = spec.default
    return Command(kind, ref, **values)


def event_message(event) -> dict[str, Any]:
    """How a stored RoomEvent goes over the wire."""
    return {
        "type": "event",
        "seq": event.seq,
        "kind": event.kind,
        "at": event.created_at.isoformat(),
        "data": event.data,
    }
