"""WebSockets over a real socket, against a real daphne process on the Redis layer."""

import asyncio
import json

import pytest
import websockets
from django.conf import settings
from websockets.exceptions import InvalidStatus

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def test_signed_in_member_gets_pong_over_a_real_socket(asgi_server, client, user_factory):
    user = user_factory(email="kofi@example.org")
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value

    async def talk():
        async with websockets.connect(
            f"ws://{asgi_server}/ws/ping/",
            origin=f"http://{asgi_server.split(':')[0]}",
            additional_headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"},
            open_timeout=10,
        ) as ws:
            await ws.send(json.dumps({"type": "ping", "echo": "from Kumasi"}))
            return json.loads(await asyncio.wait_for(ws.recv(), timeout=10))

    reply = asyncio.run(talk())
    assert reply == {**reply, "type": "pong", "echo": "from Kumasi", "user": "kofi@example.org"}


def test_anonymous_socket_is_refused_with_403(asgi_server):
    async def talk():
        async with websockets.connect(
            f"ws://{asgi_server}/ws/ping/", origin="http://127.0.0.1", open_timeout=10
        ):
            pass

    with pytest.raises(InvalidStatus) as excinfo:
        asyncio.run(talk())
    assert excinfo.value.response.status_code == 403


def test_healthz_over_the_real_server_sees_redis_and_postgres(asgi_server):
    import urllib.request

    with urllib.request.urlopen(f"http://{asgi_server}/healthz", timeout=10) as response:
        body = json.loads(response.read())
    assert response.status == 200
    assert body["services"]["database"]["backend"] == "postgresql"
    assert body["services"]["channel_layer"]["backend"] == "RedisChannelLayer"
    assert body["services"]["cache"]["backend"] == "RedisCache"
