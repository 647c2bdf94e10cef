"""A space with a host, a participant, a second participant and an outsider, and a
live session in it; helpers to talk to the room through Channels' communicator."""

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from community.live.routing import websocket_urlpatterns
from tests.factories import LearningProcessFactory


def build_room(user_factory, *, state: str = "live") -> SimpleNamespace:
    from wagtail.models import Collection

    from community.live.actions import do_schedule_session, do_start_session
    from community.members.actions import do_add_member

    # A transactional test's flush also empties what Wagtail's migrations created.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    space = LearningProcessFactory(title="Inclusive public transport")
    host = user_factory(email="host.room@example.org")
    amina = user_factory(email="amina@example.org", first_name="Amina", last_name="Diallo")
    kofi = user_factory(email="kofi@example.org", first_name="Kofi", last_name="Mensah")
    outsider = user_factory(email="outsider@example.org")
    do_add_member(space, host, "host")
    do_add_member(space, amina, "participant")
    do_add_member(space, kofi, "participant")
    now = timezone.now()
    session = do_schedule_session(
        space=space,
        actor=host,
        title="Bus lanes and wheelchair access",
        agenda="1. Round of cities\n2. Questions",
        starts_at=now + dt.timedelta(minutes=5),
        ends_at=now + dt.timedelta(hours=1, minutes=5),
        facilitators=[host],
    )
    if state == "live":
        do_start_session(session.pk, host)
        session.refresh_from_db()
    return SimpleNamespace(
        space=space, host=host, amina=amina, kofi=kofi, outsider=outsider, session=session
    )


@pytest.fixture
def room(user_factory, django_db_setup) -> SimpleNamespace:
    return build_room(user_factory)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit windows outlive a test in Redis; start each test with none."""
    from community.live.actions import _limiter

    _limiter.cache_clear()
    _limiter().storage.reset()
    yield
    _limiter.cache_clear()


async def connect(user, session, after: int | None = None) -> WebsocketCommunicator:
    path = f"/ws/sessions/{session.pk}/"
    if after is not None:
        path += f"?after={after}"
    communicator = WebsocketCommunicator(URLRouter(websocket_urlpatterns), path)
    communicator.scope["user"] = user
    connected, _code = await communicator.connect(timeout=10)
    assert connected, f"{user} was refused"
    return communicator


async def receive_until(
    communicator: WebsocketCommunicator, predicate, timeout: float = 5
) -> list[dict[str, Any]]:
    """Everything received up to and including the first message that matches."""
    received = []
    while True:
        message = await communicator.receive_json_from(timeout=timeout)
        received.append(message)
        if predicate(message):
            return received


async def until_synced(communicator: WebsocketCommunicator) -> list[dict[str, Any]]:
    return await receive_until(communicator, lambda m: m["type"] == "synced")


async def next_event(
    communicator: WebsocketCommunicator, kind: str, nth: int = 1
) -> dict[str, Any]:
    """The nth next event of this kind (skipping everything else)."""
    seen = []
    messages = await receive_until(
        communicator,
        lambda m: (
            m["type"] == "event"
            and m["kind"] == kind
            and seen.append(m) is None
            and len(seen) == nth
        ),
    )
    return messages[-1]


async def next_error(communicator: WebsocketCommunicator) -> dict[str, Any]:
    return (await receive_until(communicator, lambda m: m["type"] == "error"))[-1]


async def join(user, session, after: int | None = None) -> WebsocketCommunicator:
    communicator = await connect(user, session, after)
    await until_synced(communicator)
    return communicator


# Like the consumers' own calls: the connection is closed after each call, so none is
# left open in the executor's thread when the test database is dropped.
db = database_sync_to_async


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    """Each async test runs in its own event loop; the Redis layer's locks and
    connections belong to the loop that created them, so each test gets its own."""
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture(autouse=True)
def _fresh_open_sockets():
    """A socket the server closed is never disconnected by the communicator (daphne
    would), so this process's registry of open sockets starts empty for each test."""
    from community.live.consumers import open_sockets

    yield
    if open_sockets.task is not None:
        open_sockets.task.cancel()
    open_sockets.sockets.clear()
    open_sockets.task = None
