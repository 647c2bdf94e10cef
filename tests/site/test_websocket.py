"""The authenticated WebSocket endpoint, through Channels' communicator."""

import pytest
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from community.consumers import PingConsumer
from connective_site.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)


async def test_ping_is_answered_through_the_channel_layer_for_a_signed_in_user(user_factory):
    from asgiref.sync import sync_to_async

    user = await sync_to_async(user_factory)(email="amina@example.org")
    communicator = WebsocketCommunicator(PingConsumer.as_asgi(), "/ws/ping/")
    communicator.scope["user"] = user
    connected, _ = await communicator.connect()
    assert connected
    await communicator.send_json_to({"type": "ping", "echo": "hello"})
    reply = await communicator.receive_json_from(timeout=5)
    assert reply["type"] == "pong"
    assert reply["echo"] == "hello"
    assert reply["user"] == "amina@example.org"
    await communicator.send_json_to({"type": "shout"})
    error = await communicator.receive_json_from(timeout=5)
    assert error["type"] == "error"
    await communicator.disconnect()


async def test_anonymous_visitors_are_refused_before_accept():
    communicator = WebsocketCommunicator(PingConsumer.as_asgi(), "/ws/ping/")
    communicator.scope["user"] = AnonymousUser()
    connected, _ = await communicator.connect()
    assert not connected


async def test_foreign_origins_are_refused_by_the_router():
    communicator = WebsocketCommunicator(
        application,
        "/ws/ping/",
        headers=[(b"origin", b"https://evil.example.com"), (b"host", b"localhost")],
    )
    connected, _ = await communicator.connect()
    assert not connected


async def test_the_router_resolves_the_ping_route_with_session_auth():
    # Same origin, no session: the route exists and the consumer itself refuses.
    communicator = WebsocketCommunicator(
        application,
        "/ws/ping/",
        headers=[(b"origin", b"http://localhost"), (b"host", b"localhost")],
    )
    connected, _ = await communicator.connect()
    assert not connected
    unknown = WebsocketCommunicator(
        application,
        "/ws/nowhere/",
        headers=[(b"origin", b"http://localhost"), (b"host", b"localhost")],
    )
    # A path no app serves is refused at the handshake, not raised as a server error.
    connected, code = await unknown.connect()
    assert not connected
    assert code == 4004
