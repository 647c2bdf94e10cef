"""The live room over Channels' communicator: entry, every event type, facilitator
rights, limits, and replay after a reconnect."""

import pytest
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from community.live import actions, selectors
from community.live.models import RoomEvent, RoomSocket, SessionState
from community.live.protocol import FACILITATOR_COMMANDS
from community.live.routing import websocket_urlpatterns
from connective_site.asgi import application
from tests.live.conftest import (
    build_room,
    connect,
    db,
    join,
    next_error,
    next_event,
    receive_until,
    until_synced,
)

pytestmark = pytest.mark.django_db(transaction=True)


async def stored_kinds(session) -> list[str]:
    return await db(
        lambda: list(
            RoomEvent.objects.filter(session=session).order_by("seq").values_list("kind", flat=True)
        )
    )()


# --- Entry ---------------------------------------------------------------------------


async def test_outsiders_and_anonymous_visitors_are_refused_before_accept(room):
    for user in (room.outsider, AnonymousUser()):
        communicator = WebsocketCommunicator(
            URLRouter(websocket_urlpatterns), f"/ws/sessions/{room.session.pk}/"
        )
        communicator.scope["user"] = user
        connected, _ = await communicator.connect()
        assert not connected


async def test_unknown_session_is_refused(room):
    from community.live.models import VirtualSession

    class Missing:
        pk = 999_999

    assert not await db(VirtualSession.objects.filter(pk=Missing.pk).exists)()
    with pytest.raises(AssertionError, match="refused"):
        await connect(room.amina, Missing)


async def test_foreign_origin_is_refused_by_the_router(room):
    communicator = WebsocketCommunicator(
        application,
        f"/ws/sessions/{room.session.pk}/",
        headers=[(b"origin", b"https://evil.example.com"), (b"host", b"localhost")],
    )
    connected, _ = await communicator.connect()
    assert not connected


async def test_member_gets_welcome_snapshot_and_presence(room):
    amina = await connect(room.amina, room.session)
    messages = await until_synced(amina)
    assert [m["type"] for m in messages] == ["welcome", "snapshot", "synced"]
    welcome, snapshot, synced = messages
    assert welcome["v"] == 1
    assert snapshot["session"]["state"] == "live"
    assert snapshot["you"] == {
        "id": room.amina.pk,
        "name": "Amina Diallo",
        "facilitator": False,
        "muted": False,
    }
    # Her own arrival is in the snapshot already, and its broadcast is not sent twice.
    assert [p["id"] for p in snapshot["presence"]] == [room.amina.pk]
    assert synced["seq"] == snapshot["seq"]
    assert await stored_kinds(room.session) == ["session.started", "presence.join"]

    kofi = await join(room.kofi, room.session)
    seen = await next_event(amina, "presence.join")
    assert seen["data"]["user"]["name"] == "Kofi Mensah"
    await kofi.disconnect()
    left = await next_event(amina, "presence.leave")
    assert left["data"]["user"]["id"] == room.kofi.pk
    await amina.disconnect()


async def test_second_socket_of_the_same_person_adds_no_presence_event(room):
    first = await join(room.amina, room.session)
    second = await join(room.amina, room.session)
    await second.disconnect()
    await first.disconnect()
    kinds = await stored_kinds(room.session)
    assert kinds.count("presence.join") == 1
    assert kinds.count("presence.leave") == 1


# --- Events --------------------------------------------------------------------------


async def test_chat_message_reaches_everyone_stored_with_its_number(room):
    amina = await join(room.amina, room.session)
    kofi = await join(room.kofi, room.session)
    await amina.send_json_to({"type": "chat.send", "text": "  Hello from Dakar  "})
    for communicator in (amina, kofi):
        event = await next_event(communicator, "chat.message")
        assert event["data"]["text"] == "Hello from Dakar"
        assert event["data"]["author"] == {"id": room.amina.pk, "name": "Amina Diallo"}
    stored = await db(RoomEvent.objects.get)(session=room.session, seq=event["seq"])
    assert stored.kind == "chat.message"
    await amina.disconnect()
    await kofi.disconnect()


async def test_room_events_reach_sockets_without_a_hop_to_the_database_thread(room, monkeypatch):
    """Channels closes old database connections before each handler, through the
    database thread; the room's fan-out skips that for its events (a few hundred
    sockets a process would queue behind one thread)."""
    import channels.consumer

    hops: list[str] = []
    original = channels.consumer.aclose_old_connections

    async def counted() -> None:
        hops.append("hop")
        await original()

    monkeypatch.setattr(channels.consumer, "aclose_old_connections", counted)
    amina = await join(room.amina, room.session)
    kofi = await join(room.kofi, room.session)
    before = len(hops)
    await db(actions.do_send_chat)(room.session.pk, room.host, "Agenda is in the pad")
    for communicator in (amina, kofi):
        event = await next_event(communicator, "chat.message")
        assert event["data"]["text"] == "Agenda is in the pad"
    assert len(hops) == before
    # Commands from the socket still get Channels' clean-up.
    await amina.send_json_to({"type": "ping", "ref": "p1"})
    assert (await receive_until(amina, lambda m: m["type"] == "pong"))[-1]["ref"] == "p1"
    assert len(hops) == before + 1
    await amina.disconnect()
    await kofi.disconnect()


async def test_participant_cannot_use_any_facilitator_command(room):
    amina = await join(room.amina, room.session)
    before = await db(RoomEvent.objects.filter(session=room.session).count)()
    payloads = {
        "chat.remove": {"id": 1},
        "chat.restore": {"id": 1},
        "chat.pin": {"id": 1},
        "question.answer": {"id": 1},
        "poll.open": {"question": "Q?", "options": ["a", "b"]},
        "poll.close": {"id": 1},
        "member.mute": {"user": room.kofi.pk},
    }
    for kind in sorted(FACILITATOR_COMMANDS):
        await amina.send_json_to({"type": kind, "ref": kind, **payloads.get(kind, {})})
        error = await next_error(amina)
        assert (error["code"], error["ref"]) == ("forbidden", kind)
    assert await db(RoomEvent.objects.filter(session=room.session).count)() == before
    await amina.disconnect()


async def test_hand_queue_raise_lower_and_call_next(room):
    host = await join(room.host, room.session)
    amina = await join(room.amina, room.session)
    kofi = await join(room.kofi, room.session)
    await amina.send_json_to({"type": "hand.raise"})
    assert (await next_event(host, "hand.raised"))["data"]["user"]["id"] == room.amina.pk
    await amina.send_json_to({"type": "hand.raise"})
    assert (await next_error(amina))["code"] == "already"
    await kofi.send_json_to({"type": "hand.raise"})
    await next_event(host, "hand.raised")
    await kofi.send_json_to({"type": "hand.lower"})
    assert (await next_event(host, "hand.lowered"))["data"]["user"]["id"] == room.kofi.pk
    await kofi.send_json_to({"type": "hand.raise"})
    await next_event(host, "hand.raised")

    await host.send_json_to({"type": "hand.call_next"})
    called = await next_event(amina, "hand.called")
    assert called["data"]["user"]["id"] == room.amina.pk  # first raised, first called
    await host.send_json_to({"type": "hand.call_next"})
    assert (await next_event(host, "hand.called", nth=2))["data"]["user"]["id"] == room.kofi.pk
    await host.send_json_to({"type": "hand.call_next"})
    assert (await next_error(host))["code"] == "empty"
    for communicator in (host, amina, kofi):
        await communicator.disconnect()


async def test_questions_upvoted_once_answered_by_facilitator_and_ordered_by_votes(room):
    host = await join(room.host, room.session)
    amina = await join(room.amina, room.session)
    kofi = await join(room.kofi, room.session)
    await amina.send_json_to({"type": "question.ask", "text": "Who pays for low-floor buses?"})
    first = (await next_event(host, "question.asked"))["data"]["id"]
    await amina.send_json_to({"type": "question.ask", "text": "How do drivers learn ramps?"})
    second = (await next_event(host, "question.asked"))["data"]["id"]

    await kofi.send_json_to({"type": "question.vote", "id": second})
    voted = await next_event(amina, "question.voted")
    assert voted["data"] == {"id": second, "votes": 1, "voter": room.kofi.pk}
    await kofi.send_json_to({"type": "question.vote", "id": second})
    assert (await next_error(kofi))["code"] == "already"
    await amina.send_json_to({"type": "question.vote", "id": first})
    assert (await next_error(amina))["code"] == "own_question"

    snapshot = await db(selectors.room_snapshot)(room.session.pk, room.kofi)
    assert [q["id"] for q in snapshot["questions"]] == [second, first]
    assert snapshot["questions"][0]["voted"] is True

    await host.send_json_to({"type": "question.answer", "id": second})
    assert (await next_event(kofi, "question.answered"))["data"] == {"id": second}
    snapshot = await db(selectors.room_snapshot)(room.session.pk, room.kofi)
    assert [(q["id"], q["answered"]) for q in snapshot["questions"]] == [
        (first, False),
        (second, True),
    ]
    for communicator in (host, amina, kofi):
        await communicator.disconnect()


async def test_polls_single_and_multiple_choice_vote_once_and_close(room):
    host = await join(room.host, room.session)
    amina = await join(room.amina, room.session)
    kofi = await join(room.kofi, room.session)
    await host.send_json_to(
        {"type": "poll.open", "question": "Pilot first?", "options": ["Accra", "Bonn", "Lima"]}
    )
    opened = await next_event(amina, "poll.opened")
    poll = opened["data"]["id"]
    assert opened["data"]["counts"] == [0, 0, 0] and opened["data"]["multiple"] is False

    await amina.send_json_to({"type": "poll.vote", "id": poll, "choices": [0, 2]})
    assert (await next_error(amina))["code"] == "invalid"  # single choice
    await amina.send_json_to({"type": "poll.vote", "id": poll, "choices": [7]})
    assert (await next_error(amina))["code"] == "invalid"
    await amina.send_json_to({"type": "poll.vote", "id": poll, "choices": [2]})
    assert (await next_event(kofi, "poll.voted"))["data"]["counts"] == [0, 0, 1]
    await amina.send_json_to({"type": "poll.vote", "id": poll, "choices": [1]})
    assert (await next_error(amina))["code"] == "already"
    await kofi.send_json_to({"type": "poll.vote", "id": poll, "choices": [2]})
    assert (await next_event(host, "poll.voted", nth=2))["data"]["counts"] == [0, 0, 2]

    await host.send_json_to({"type": "poll.close", "id": poll})
    closed = await next_event(amina, "poll.closed")
    assert closed["data"] == {"id": poll, "counts": [0, 0, 2]}
    await host.send_json_to({"type": "poll.vote", "id": poll, "choices": [0]})
    assert (await next_error(host))["code"] == "closed"

    await host.send_json_to(
        {"type": "poll.open", "question": "Topics?", "options": ["a", "b"], "multiple": True}
    )
    multiple = (await next_event(amina, "poll.opened"))["data"]["id"]
    await amina.send_json_to({"type": "poll.vote", "id": multiple, "choices": [0, 1]})
    assert (await next_event(host, "poll.voted"))["data"]["counts"] == [1, 1]
    for communicator in (host, amina, kofi):
        await communicator.disconnect()


async def test_facilitator_pins_removes_and_mutes(room):
    host = await join(room.host, room.session)
    amina = await join(room.amina, room.session)
    await amina.send_json_to({"type": "chat.send", "text": "Our ramp guideline, page 4"})
    message = (await next_event(host, "chat.message"))["data"]["id"]
    await host.send_json_to({"type": "chat.pin", "id": message})
    assert (await next_event(amina, "chat.pinned"))["data"] == {"id": message, "pinned": True}
    await host.send_json_to({"type": "chat.remove", "id": message})
    removed = await next_event(amina, "chat.removed")
    assert removed["data"]["id"] == message
    snapshot = await db(selectors.room_snapshot)(room.session.pk, room.amina)
    assert snapshot["messages"] == [] and snapshot["pinned"] == []

    await host.send_json_to({"type": "member.mute", "user": room.amina.pk})
    muted = await next_event(amina, "member.muted")
    assert muted["data"]["muted"] is True and muted["data"]["user"]["id"] == room.amina.pk
    for command in ({"type": "chat.send", "text": "hello?"}, {"type": "hand.raise"}):
        await amina.send_json_to(command)
        assert (await next_error(amina))["code"] == "muted"
    await host.send_json_to({"type": "member.mute", "user": room.host.pk})
    assert (await next_error(host))["code"] == "forbidden"  # facilitators stay audible
    await host.send_json_to({"type": "member.mute", "user": room.amina.pk, "muted": False})
    await next_event(amina, "member.muted")
    await amina.send_json_to({"type": "chat.send", "text": "thank you"})
    assert (await next_event(host, "chat.message"))["data"]["text"] == "thank you"
    await host.disconnect()
    await amina.disconnect()


async def test_session_start_and_end_gate_the_room_and_write_minutes(user_factory):
    room = await db(build_room)(user_factory, state="scheduled")
    host = await join(room.host, room.session)
    amina = await join(room.amina, room.session)
    await amina.send_json_to({"type": "chat.send", "text": "too early"})
    assert (await next_error(amina))["code"] == "not_live"
    await host.send_json_to({"type": "session.start"})
    assert (await next_event(amina, "session.started"))["data"]["state"] == "live"
    await host.send_json_to({"type": "session.start"})
    assert (await next_error(host))["code"] == "already"
    await amina.send_json_to({"type": "chat.send", "text": "now it works"})
    await next_event(host, "chat.message")
    await host.send_json_to({"type": "session.end"})
    assert (await next_event(amina, "session.ended"))["data"]["state"] == "ended"
    await amina.send_json_to({"type": "chat.send", "text": "too late"})
    assert (await next_error(amina))["code"] == "ended"
    session = await db(type(room.session).objects.get)(pk=room.session.pk)
    assert session.state == SessionState.ENDED
    assert session.minutes["attendance"] == ["Amina Diallo", "Host Room"]
    assert session.minutes["messages"] == 1
    await host.disconnect()
    await amina.disconnect()


# --- Limits and bad input --------------------------------------------------------------


async def test_rate_limit_answers_with_a_clear_error(room, settings):
    settings.LIVE_RATE_LIMIT = "3/minute"
    amina = await join(room.amina, room.session)
    for n in range(3):
        await amina.send_json_to({"type": "chat.send", "text": f"message {n}"})
        await next_event(amina, "chat.message")
    await amina.send_json_to({"type": "chat.send", "text": "one too many", "ref": "m4"})
    error = await next_error(amina)
    assert error["code"] == "rate_limited" and error["ref"] == "m4"
    assert 0 < error["retry_after"] <= 60
    # Another member has a budget of their own.
    kofi = await join(room.kofi, room.session)
    await kofi.send_json_to({"type": "chat.send", "text": "still fine"})
    await next_event(kofi, "chat.message")
    await amina.disconnect()
    await kofi.disconnect()


async def test_size_limits_and_malformed_messages(room, settings):
    settings.LIVE_MAX_TEXT_CHARS = 50
    settings.LIVE_MAX_FRAME_BYTES = 1000
    amina = await join(room.amina, room.session)
    await amina.send_to(text_data="x" * 1001)
    assert (await next_error(amina))["code"] == "too_large"
    await amina.send_json_to({"type": "chat.send", "text": "y" * 51})
    assert (await next_error(amina))["code"] == "too_long"
    await amina.send_to(text_data="{not json")
    assert (await next_error(amina))["code"] == "not_json"
    await amina.send_json_to({"type": "shout"})
    assert (await next_error(amina))["code"] == "unknown_type"
    await amina.send_json_to({"type": "chat.send", "text": "   "})
    assert (await next_error(amina))["code"] == "invalid"
    await amina.send_json_to({"type": "poll.vote", "id": 1, "choices": "all"})
    assert (await next_error(amina))["code"] == "wrong_type"
    await amina.send_json_to({"type": "ping", "ref": "p"})
    pong = (await receive_until(amina, lambda m: m["type"] == "pong"))[-1]
    assert pong["ref"] == "p"
    await amina.disconnect()


# --- Nothing lost, nothing doubled ---------------------------------------------------------


async def test_reconnect_replays_exactly_the_missed_events_in_order(room):
    amina = await join(room.amina, room.session)
    kofi = await join(room.kofi, room.session)
    await amina.send_json_to({"type": "chat.send", "text": "before"})
    last_seen = (await next_event(kofi, "chat.message"))["seq"]
    await kofi.disconnect()
    await next_event(amina, "presence.leave")
    for n in range(5):
        await amina.send_json_to({"type": "chat.send", "text": f"missed {n}"})
        await next_event(amina, "chat.message")

    kofi = await connect(room.kofi, room.session, after=last_seen)
    messages = await until_synced(kofi)
    events = [m for m in messages if m["type"] == "event"]
    assert messages[0]["type"] == "welcome" and messages[-1]["type"] == "synced"
    assert [m["type"] for m in messages].count("snapshot") == 0
    seqs = [e["seq"] for e in events]
    expected = await db(
        lambda: list(
            RoomEvent.objects.filter(session=room.session, seq__gt=last_seen)
            .order_by("seq")
            .values_list("seq", flat=True)
        )
    )()
    assert seqs == expected  # nothing lost, nothing doubled, in order
    chat = [e["data"]["text"] for e in events if e["kind"] == "chat.message"]
    assert chat == [f"missed {n}" for n in range(5)]
    await amina.disconnect()
    await kofi.disconnect()


async def test_client_reported_gap_is_resent_from_the_log(room):
    amina = await join(room.amina, room.session)
    for n in range(3):
        await amina.send_json_to({"type": "chat.send", "text": f"m{n}"})
        last = await next_event(amina, "chat.message")
    await amina.send_json_to({"type": "sync", "after": last["seq"] - 2})
    messages = await until_synced(amina)
    assert [m["seq"] for m in messages if m["type"] == "event"] == [
        last["seq"] - 1,
        last["seq"],
    ]
    await amina.disconnect()


async def test_a_dropped_broadcast_is_filled_from_the_log_at_the_next_event(room):
    amina = await join(room.amina, room.session)
    kofi = await join(room.kofi, room.session)

    def store_without_broadcast():
        # What a channel layer that dropped one message leaves behind: the event is
        # in the log, the socket never heard of it.
        from django.db import transaction

        with transaction.atomic():
            session = actions._begin(room.session.pk)
            RoomEvent.objects.create(
                session=session,
                seq=session.last_seq,
                kind="chat.message",
                actor=room.amina,
                data={"id": 0, "author": None, "text": "lost in transit"},
            )

    await db(store_without_broadcast)()
    await amina.send_json_to({"type": "chat.send", "text": "after the drop"})
    events = await receive_until(kofi, lambda m: m.get("data", {}).get("text") == "after the drop")
    texts = [e["data"]["text"] for e in events if e.get("kind") == "chat.message"]
    assert texts == ["lost in transit", "after the drop"]
    assert events[-1]["seq"] == events[-2]["seq"] + 1
    await amina.disconnect()
    await kofi.disconnect()


async def test_logging_out_closes_that_persons_sockets(room, client):
    amina = await join(room.amina, room.session)
    kofi = await join(room.kofi, room.session)
    await db(client.force_login)(room.amina)
    await db(client.post)("/accounts/logout/")
    closing = await receive_until(amina, lambda m: m["type"] == "closing")
    assert closing[-1]["reason"] == "logged_out"
    output = await amina.receive_output(timeout=5)
    assert output == {"type": "websocket.close", "code": 4001}
    # The others stay connected.
    await kofi.send_json_to({"type": "ping"})
    assert (await receive_until(kofi, lambda m: m["type"] == "pong"))[-1]["type"] == "pong"
    await kofi.disconnect()


async def test_leaving_the_space_closes_the_room_for_that_person_only(room, user_factory):
    from community.members.actions import do_add_member, do_leave_space
    from community.models import Membership

    staff = await db(user_factory)(email="staff.room@example.org", is_superuser=True)
    await db(do_add_member)(room.space, staff, "participant")
    amina = await join(room.amina, room.session)
    kofi = await join(room.kofi, room.session)
    watcher = await join(staff, room.session)
    for user in (room.amina, staff):
        membership = await db(Membership.objects.get)(space=room.space, user=user)
        await db(do_leave_space)(membership)
    closing = await receive_until(amina, lambda m: m["type"] == "closing")
    assert closing[-1]["reason"] == "no_access"
    assert await amina.receive_output(timeout=5) == {"type": "websocket.close", "code": 4003}
    # Kofi is still a member; staff may enter any space's room, member or not.
    await db(actions.do_send_chat)(room.session.pk, room.kofi, "Still here")
    for communicator in (kofi, watcher):
        event = await next_event(communicator, "chat.message")
        assert event["data"]["text"] == "Still here"
        await communicator.disconnect()
    # The handshake is refused from now on.
    with pytest.raises(AssertionError, match="refused"):
        await connect(room.amina, room.session)


async def test_a_process_beats_while_it_has_sockets_and_stops_with_the_last(room):
    from community.live.consumers import open_sockets

    amina = await join(room.amina, room.session)
    kofi = await join(room.kofi, room.session)
    assert len(open_sockets.sockets) == 2
    assert open_sockets.task is not None and not open_sockets.task.done()
    beat = open_sockets.task
    await amina.disconnect()
    assert open_sockets.task is beat
    await kofi.disconnect()
    assert open_sockets.sockets == {} and open_sockets.task is None
    assert await db(RoomSocket.objects.count)() == 0


async def test_staff_without_a_second_factor_are_refused_at_the_handshake(
    room, user_factory, client, settings
):
    """Staff may enter every room; where staff need two factors, a password alone does
    not open a socket (the HTTP pages send them to the set-up instead)."""
    from allauth.mfa.models import Authenticator
    from django.conf import settings as django_settings

    from learning_processes.roles import ensure_staff_group

    settings.COMMUNITY_STAFF_REQUIRE_2FA = True
    staff = await db(user_factory)(email="cc.staff.room@example.org")
    await db(lambda: staff.groups.add(ensure_staff_group()))()
    await db(client.force_login)(staff)
    name = django_settings.SESSION_COOKIE_NAME
    cookie = f"{name}={client.cookies[name].value}"

    async def handshake() -> bool:
        communicator = WebsocketCommunicator(
            application,
            f"/ws/sessions/{room.session.pk}/",
            headers=[
                (b"origin", b"http://localhost"),
                (b"host", b"localhost"),
                (b"cookie", cookie.encode()),
            ],
        )
        connected, _ = await communicator.connect(timeout=10)
        await communicator.disconnect()
        return connected

    assert not await handshake()
    await db(Authenticator.objects.create)(user=staff, type=Authenticator.Type.TOTP, data={})
    assert await handshake()
