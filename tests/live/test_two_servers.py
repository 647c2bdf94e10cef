"""Two real daphne processes on the Redis layer serve one room as if they were one,
a client that reconnects to the other process misses nothing, and the people on a
process that dies leave the room for those on the other."""

import asyncio
import json
import time

import pytest
from django.conf import settings
from websockets.asyncio.client import connect as ws_connect

from tests.live.conftest import build_room
from tests.servers import daphne_process, daphne_server

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_servers():
    with daphne_server() as first, daphne_server() as second:
        yield first, second


def session_cookie(client, user) -> str:
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value

    return f"{settings.SESSION_COOKIE_NAME}={cookie}"


async def open_room(server: str, cookie: str, session_id: int, after: int | None = None):
    path = f"ws://{server}/ws/sessions/{session_id}/"
    if after is not None:
        path += f"?after={after}"
    ws = await ws_connect(
        path, origin="http://127.0.0.1", additional_headers={"Cookie": cookie}, open_timeout=20
    )
    received = []
    while True:
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout=20))
        received.append(message)
        if message["type"] == "synced":
            return ws, received


async def read_chat(ws, count: int) -> list[dict]:
    """The next `count` chat events, and every event up to them."""
    events = []
    while sum(1 for e in events if e["kind"] == "chat.message") < count:
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout=20))
        if message["type"] == "event":
            events.append(message)
    return events


def test_two_processes_serve_one_room_and_replay_across_them(two_servers, client, user_factory):
    from django.test import Client

    room = build_room(user_factory)
    first, second = two_servers
    amina_cookie = session_cookie(client, room.amina)
    kofi_cookie = session_cookie(Client(), room.kofi)
    sid = room.session.pk

    async def scenario():
        amina, _ = await open_room(first, amina_cookie, sid)
        kofi, _ = await open_room(second, kofi_cookie, sid)
        for n in range(5):
            await amina.send(json.dumps({"type": "chat.send", "text": f"live {n}"}))
        live = await read_chat(kofi, 5)
        last_seen = live[-1]["seq"]
        await kofi.close()

        for n in range(5):
            await amina.send(json.dumps({"type": "chat.send", "text": f"missed {n}"}))
        await read_chat(amina, 10)  # her own five live ones and the five missed

        # Kofi comes back through the other process.
        kofi, replayed = await open_room(first, kofi_cookie, sid, after=last_seen)
        await kofi.send(json.dumps({"type": "chat.send", "text": "back again"}))
        after_return = await read_chat(amina, 1)
        await amina.close()
        await kofi.close()
        return live, last_seen, replayed, after_return

    live, last_seen, replayed, after_return = asyncio.run(scenario())
    assert [e["data"]["text"] for e in live if e["kind"] == "chat.message"] == [
        f"live {n}" for n in range(5)
    ]
    events = [m for m in replayed if m["type"] == "event"]
    assert "snapshot" not in [m["type"] for m in replayed]
    seqs = [e["seq"] for e in events]
    assert seqs == list(range(last_seen + 1, last_seen + 1 + len(seqs)))  # none lost or doubled
    assert [e["data"]["text"] for e in events if e["kind"] == "chat.message"] == [
        f"missed {n}" for n in range(5)
    ]
    assert after_return[-1]["data"]["text"] == "back again"


async def read_until(ws, predicate, timeout: float = 20) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        message = json.loads(await asyncio.wait_for(ws.recv(), deadline - time.monotonic()))
        if predicate(message):
            return message


def test_people_on_a_process_that_dies_leave_the_room(client, user_factory):
    from django.test import Client

    room = build_room(user_factory)
    amina_cookie = session_cookie(client, room.amina)
    kofi_cookie = session_cookie(Client(), room.kofi)
    sid = room.session.pk

    def presence(kind: str, user):
        return lambda m: (
            m["type"] == "event" and m["kind"] == kind and m["data"]["user"]["id"] == user.pk
        )

    # Fast beats, so the test waits seconds rather than the production minute and a half.
    beats = {"LIVE_HEARTBEAT_SECONDS": "0.5"}
    with daphne_process(beats) as (first, _), daphne_process(beats) as (second, doomed):

        async def scenario() -> tuple[float, list[dict]]:
            amina, _ = await open_room(first, amina_cookie, sid)
            kofi, _ = await open_room(second, kofi_cookie, sid)
            await read_until(amina, presence("presence.join", room.kofi))
            doomed.kill()  # no goodbye: its sockets are never closed
            doomed.wait()
            killed = time.monotonic()
            await read_until(amina, presence("presence.leave", room.kofi))
            waited = time.monotonic() - killed
            again, snapshot = await open_room(first, amina_cookie, sid)
            await again.close()
            await amina.close()
            return waited, snapshot

        waited, received = asyncio.run(scenario())
    assert waited < 10
    snapshot = next(m for m in received if m["type"] == "snapshot")
    assert [p["id"] for p in snapshot["presence"]] == [room.amina.pk]
