"""Hostile and malformed input on the live room's socket.

Whatever a client sends, the room answers with an error event that says what was wrong
and the socket stays open (or, at the handshake, the socket is refused with an
application close code); nothing is changed by a refused command, and the server never
fails with 1011 (an exception in the consumer, which Channels' communicator raises
here). The fields each command takes are listed here from docs/live-protocol.md, not
read from the schema, so the test also holds the schema to the document.
"""

import asyncio
import itertools
import json
from typing import Any

import pytest
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from community.live.models import (
    Attendee,
    ChatMessage,
    Poll,
    PollVote,
    Question,
    QuestionVote,
    RaisedHand,
    RoomEvent,
    VirtualSession,
)
from community.live.routing import websocket_urlpatterns
from tests.live.conftest import connect, db, join, until_synced

pytestmark = pytest.mark.django_db(transaction=True)

MAX_ID = 2_147_483_647

# docs/live-protocol.md, "Commands": each command's fields, how each is read, and a
# valid value. Kinds: id (1..MAX_ID), seq (0..MAX_ID), text, bool, options, choices.
FIELDS: dict[str, dict[str, tuple[str, Any]]] = {
    "ping": {},
    "sync": {"after": ("seq", 0)},
    "chat.send": {"text": ("text", "Hello")},
    "hand.raise": {},
    "hand.lower": {},
    "question.ask": {"text": ("text", "Why?")},
    "question.vote": {"id": ("id", 1)},
    "poll.vote": {"id": ("id", 1), "choices": ("choices", [0])},
    "chat.remove": {"id": ("id", 1)},
    "chat.restore": {"id": ("id", 1)},
    "chat.pin": {"id": ("id", 1), "pinned": ("bool", True)},
    "hand.call_next": {},
    "question.answer": {"id": ("id", 1)},
    "poll.open": {
        "question": ("text", "Which?"),
        "options": ("options", ["a", "b"]),
        "multiple": ("bool", False),
    },
    "poll.close": {"id": ("id", 1)},
    "member.mute": {"user": ("id", 1), "muted": ("bool", True)},
    "session.start": {},
    "session.end": {},
}
OPTIONAL = {"pinned", "multiple", "muted"}

HUGE = 99999999999999999999999
# Values of the wrong JSON type for each kind of field, then values of the right type
# out of bounds.
WRONG_TYPE = {
    "id": ["7", 7.0, 7.5, True, None, [7], {"id": 7}],
    "seq": ["7", 1.5, False, None, [], {}],
    "text": [5, 5.5, True, None, ["Hello"], {"text": "Hello"}],
    "bool": [1, 0, "true", None, [], {}],
    "options": ["a,b", 2, True, None, {"0": "a"}, [1, 2], ["a", None], ["a", ["b"]]],
    "choices": ["0", 0, True, None, {"0": 1}, ["0"], [True], [0.0], [None], [[0]]],
}
OUT_OF_RANGE = {
    "id": [0, -1, MAX_ID + 1, HUGE, -HUGE, 10**400],
    "seq": [-1, MAX_ID + 1, HUGE, -HUGE],
    "options": [[], ["a"], [str(n) for n in range(11)]],
    "choices": [[], [-1], [10], [HUGE], list(range(11))],
}


def _state() -> tuple:
    """Everything a command can change in a room."""
    session = VirtualSession.objects.get()
    return (
        session.state,
        session.last_seq,
        RoomEvent.objects.count(),
        ChatMessage.objects.filter(removed=False, pinned=False).count(),
        ChatMessage.objects.filter(pinned=True).count(),
        Question.objects.filter(answered=True).count(),
        Question.objects.count(),
        QuestionVote.objects.count(),
        Poll.objects.filter(is_open=True).count(),
        Poll.objects.count(),
        PollVote.objects.count(),
        RaisedHand.objects.count(),
        Attendee.objects.filter(muted=True).count(),
    )


probes = itertools.count()


async def answer_to(communicator: WebsocketCommunicator, frame: dict[str, Any]) -> list[dict]:
    """Send one frame, then a ping; return what came back before the pong. A close or
    a crash of the consumer fails here."""
    await communicator.send_input(frame)
    probe = f"probe-{next(probes)}"
    await communicator.send_input(text(json.dumps({"type": "ping", "ref": probe})))
    received = []
    while True:
        output = await communicator.receive_output(timeout=10)
        assert output["type"] == "websocket.send", f"socket closed: {output}"
        message = json.loads(output["text"])
        if message == {**message, "type": "pong", "ref": probe}:
            return received
        received.append(message)


def text(data: str) -> dict[str, Any]:
    return {"type": "websocket.receive", "text": data}


def as_json(value: Any) -> dict[str, Any]:
    return text(json.dumps(value))


async def refused_with(communicator, frame) -> dict[str, Any]:
    answers = await answer_to(communicator, frame)
    assert len(answers) == 1 and answers[0]["type"] == "error", answers
    return answers[0]


def valid(kind: str) -> dict[str, Any]:
    return {"type": kind, **{name: value for name, (_k, value) in FIELDS[kind].items()}}


def field_cases() -> list[tuple[str, dict[str, Any], str, str]]:
    """(label, command, expected code, expected field) for every field of every command."""
    cases = []

    def case(label: str, command: dict[str, Any], code: str, field: str) -> None:
        cases.append((label, command, code, field))

    for kind, fields in FIELDS.items():
        for name, (field_kind, _value) in fields.items():
            for bad in WRONG_TYPE[field_kind]:
                case(f"{kind}.{name}={bad!r}", {**valid(kind), name: bad}, "wrong_type", name)
            for bad in OUT_OF_RANGE.get(field_kind, []):
                label = f"{kind}.{name}={str(bad)[:30]}"
                case(label, {**valid(kind), name: bad}, "out_of_range", name)
            if field_kind in ("text", "options"):

                def as_value(typed: str, field_kind: str = field_kind) -> Any:
                    return typed if field_kind == "text" else ["a", typed]

                for label, typed, code in (
                    ("blank", "   ", "invalid"),
                    ("long", "x" * 2001, "too_long"),
                    ("NUL", "a \x00 b", "invalid_characters"),
                    ("half a surrogate pair", "a \ud800 b", "invalid_characters"),
                ):
                    command = {**valid(kind), name: as_value(typed)}
                    case(f"{kind}.{name} {label}", command, code, name)
            if name not in OPTIONAL:
                command = valid(kind)
                del command[name]
                case(f"{kind} without {name}", command, "missing_field", name)
        case(f"{kind} misspelt", {**valid(kind), "mutd": False}, "unknown_field", "mutd")
        case(f"{kind} ref=5", {**valid(kind), "ref": 5}, "wrong_type", "ref")
        case(f"{kind} ref=null", {**valid(kind), "ref": None}, "wrong_type", "ref")
        case(f"{kind} long ref", {**valid(kind), "ref": "r" * 65}, "too_long", "ref")
    return cases


def test_the_documented_fields_are_the_schema():
    from community.live.protocol import SCHEMA

    assert {kind: set(fields) for kind, fields in FIELDS.items()} == {
        kind: {spec.name for spec in specs} for kind, specs in SCHEMA.items()
    }


async def test_a_huge_user_id_in_member_mute_is_refused_and_the_socket_stays_open(room):
    host = await join(room.host, room.session)
    before = await db(_state)()
    error = await refused_with(host, as_json({"type": "member.mute", "user": HUGE, "ref": "m"}))
    assert error["code"] == "out_of_range" and error["field"] == "user" and error["ref"] == "m"
    assert await db(_state)() == before
    await host.disconnect()


async def test_a_non_string_type_is_an_unknown_type(room):
    amina = await join(room.amina, room.session)
    for value in ({"a": 1}, ["x"], 5, None, True, 1.5):
        error = await refused_with(amina, as_json({"type": value, "ref": "t"}))
        assert (error["code"], error["field"], error["ref"]) == ("unknown_type", "type", "t")
    error = await refused_with(amina, as_json({"ref": "t"}))
    assert error["code"] == "unknown_type"
    await amina.disconnect()


async def test_every_field_of_every_command_is_type_checked_before_use(room):
    """Each command, valid but for one field: the error names the field and what is
    wrong with it, nothing changes, and the socket stays open (host: every command)."""
    host = await join(room.host, room.session)
    before = await db(_state)()
    wrong = []
    for label, command, code, field in field_cases():
        error = await refused_with(host, as_json({"ref": "c", **command}))
        if (error["code"], error.get("field")) != (code, field):
            wrong.append((label, code, field, error["code"], error.get("field")))
    assert wrong == []
    assert await db(_state)() == before
    await host.disconnect()


async def test_frames_that_are_not_a_json_object_are_answered(room):
    amina = await join(room.amina, room.session)
    before = await db(_state)()
    limit = 16_384
    cases = [
        (text("{not json"), "not_json"),
        (text(""), "not_json"),
        (text("{'type': 'ping'}"), "not_json"),
        (text('{"type": "ping"} trailing'), "not_json"),
        (text("NaN"), "not_object"),
        (text("[]"), "not_object"),
        (text("null"), "not_object"),
        (text('"chat.send"'), "not_object"),
        (text("1" * 5000), "not_json"),  # beyond Python's digit limit for int()
        (text("[" * 5000 + "]" * 5000), "too_deep"),
        (text('{"a":' * 2000 + "1" + "}" * 2000), "too_deep"),
        (text("x" * 1_000_000), "too_large"),  # 1 MB: below daphne's 1 MiB, reaches the room
        (text("[" * 1_000_000), "too_large"),
        (text("é" * (limit // 2 + 1)), "too_large"),  # few characters, too many bytes
        ({"type": "websocket.receive", "bytes": b'{"type": "ping"}'}, "binary_frame"),
        ({"type": "websocket.receive", "bytes": b"\xff" * 1_000_000}, "binary_frame"),
    ]
    for frame, code in cases:
        error = await refused_with(amina, frame)
        assert error["code"] == code, (str(frame)[:80], error)
    assert await db(_state)() == before
    await amina.disconnect()


async def test_out_of_range_session_ids_in_the_route_are_refused_with_4004(room):
    for segment in (str(HUGE), "0", "2147483648", "abc", "%D9%A3", "1" * 5000, "-1"):
        communicator = WebsocketCommunicator(
            URLRouter(websocket_urlpatterns), f"/ws/sessions/{segment}/"
        )
        communicator.scope["user"] = room.amina
        connected, code = await communicator.connect(timeout=10)
        assert (connected, code) == (False, 4004), segment
    # A session that does not exist is refused the same way; a space one may not enter
    # with 4003.
    communicator = WebsocketCommunicator(
        URLRouter(websocket_urlpatterns), f"/ws/sessions/{MAX_ID}/"
    )
    communicator.scope["user"] = room.amina
    assert await communicator.connect(timeout=10) == (False, 4004)
    communicator = WebsocketCommunicator(
        URLRouter(websocket_urlpatterns), f"/ws/sessions/{room.session.pk}/"
    )
    communicator.scope["user"] = room.outsider
    assert await communicator.connect(timeout=10) == (False, 4003)


async def test_a_huge_after_in_the_query_string_gets_a_snapshot(room):
    amina = await connect(room.amina, room.session, after=HUGE)
    kinds = [m["type"] for m in await until_synced(amina)]
    assert kinds == ["welcome", "snapshot", "synced"]
    await amina.disconnect()


# --- Arbitrary input ---------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([0, -1, MAX_ID, MAX_ID + 1, HUGE, -HUGE])
    | st.floats()
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
edge_numbers = st.sampled_from([0, -1, 1, MAX_ID, MAX_ID + 1, HUGE, -HUGE, 2**63, 1.0, 1e308])
field_values = json_values | edge_numbers
# Commands with their own fields, each present or not, holding anything.
own_fields = st.sampled_from(sorted(FIELDS)).flatmap(
    lambda kind: st.fixed_dictionaries(
        {"type": st.just(kind)},
        optional=dict.fromkeys([*FIELDS[kind], "ref"], field_values),
    )
)
# Any type (a command's name or any JSON value) with any of the protocol's field names.
field_names = st.sampled_from(sorted({n for fields in FIELDS.values() for n in fields} | {"ref"}))
any_type = st.builds(
    lambda kind, fields: {**fields, "type": kind},
    st.sampled_from(sorted(FIELDS)) | json_values,
    st.dictionaries(field_names, field_values, max_size=4),
)
frames = st.one_of(
    json_values.map(as_json),
    own_fields.map(as_json),
    any_type.map(as_json),
    st.text(max_size=200).map(text),
    st.binary(max_size=200).map(lambda b: {"type": "websocket.receive", "bytes": b}),
)


def test_arbitrary_frames_are_answered_never_crash_and_refusals_change_nothing(room, settings):
    """A facilitator (who may send every command) sends arbitrary frames: each is
    answered by error events or by the events of a command that was valid after all;
    when only errors came back, nothing changed."""
    settings.LIVE_RATE_LIMIT = "100000/second"  # reach the actions, not the rate limit
    loop = asyncio.new_event_loop()
    try:
        host = loop.run_until_complete(join(room.host, room.session))

        @settings_for_hypothesis
        @given(frame=frames)
        def check(frame: dict[str, Any]) -> None:
            before = _state()
            answers = loop.run_until_complete(answer_to(host, frame))
            kinds = {m["type"] for m in answers}
            # Events and pongs of earlier frames may arrive late; never a close.
            assert kinds <= {"error", "event", "snapshot", "synced", "pong"}, answers
            if kinds <= {"error"}:
                assert _state() == before, (frame, answers)

        check()
        loop.run_until_complete(host.disconnect())
    finally:
        loop.close()


settings_for_hypothesis = hypothesis_settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# --- Over a real server ------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.redis
def test_hostile_frames_over_daphne_are_answered_and_log_no_traceback(room, client, tmp_path):
    """What a browser would see: daphne turns an exception in the consumer into close
    code 1011 and a traceback on stderr. Neither happens; only a frame above daphne's own
    1 MiB limit ends the connection (daphne drops it, which a client sees as 1006)."""
    from django.conf import settings as django_settings
    from websockets.asyncio.client import connect as ws_connect
    from websockets.exceptions import ConnectionClosed, InvalidStatus

    from tests.servers import daphne_server

    client.force_login(room.host)
    name = django_settings.SESSION_COOKIE_NAME
    cookie = f"{name}={client.cookies[name].value}"
    frames = [
        json.dumps({"type": "member.mute", "user": HUGE}),
        json.dumps({"type": {"a": 1}}),
        json.dumps({"type": ["x"]}),
        json.dumps({"type": "chat.send", "text": "a \x00 b"}),
        "{not json",
        "[" * 5000 + "]" * 5000,
        "x" * 1_000_000,
        b'{"type": "ping"}',
    ]

    async def talk(server: str) -> tuple[list[str], int | None, int]:
        codes = []
        headers = {"Cookie": cookie}
        async with ws_connect(
            f"ws://{server}/ws/sessions/{room.session.pk}/",
            origin="http://127.0.0.1",
            additional_headers=headers,
            open_timeout=20,
            compression=None,
            max_size=None,
        ) as ws:
            while json.loads(await asyncio.wait_for(ws.recv(), 20))["type"] != "synced":
                pass
            for frame in frames:
                await ws.send(frame)
                message = json.loads(await asyncio.wait_for(ws.recv(), 20))
                codes.append(message.get("code", message["type"]))
            try:
                # daphne may drop the connection while the frame is still being sent.
                await ws.send("y" * (2 * 1024 * 1024))
                await asyncio.wait_for(ws.recv(), 20)
            except ConnectionClosed as closed:
                # daphne drops the connection without a close frame: 1006 for the client.
                close_code = closed.rcvd.code if closed.rcvd else 1006
            else:
                close_code = None
        try:
            async with ws_connect(
                f"ws://{server}/ws/sessions/{HUGE}/",
                origin="http://127.0.0.1",
                additional_headers=headers,
                open_timeout=20,
            ):
                status = 101
        except InvalidStatus as refused:
            status = refused.response.status_code
        return codes, close_code, status

    log = tmp_path / "daphne.log"
    with log.open("w") as stderr, daphne_server(stderr=stderr) as server:
        codes, close_code, status = asyncio.run(talk(server))
    assert codes == [
        "out_of_range",
        "unknown_type",
        "unknown_type",
        "invalid_characters",
        "not_json",
        "too_deep",
        "too_large",
        "binary_frame",
    ]
    assert close_code == 1006
    assert status == 403
    assert "Traceback" not in log.read_text()
