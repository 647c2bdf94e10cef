"""The Redis channel layer and cache, against a real Redis server."""

import asyncio
import uuid

import pytest
from channels_redis.core import RedisChannelLayer
from django.conf import settings
from django.core.cache import cache

pytestmark = pytest.mark.redis


async def test_message_sent_through_one_layer_is_received_through_another():
    sender = RedisChannelLayer(hosts=[settings.REDIS_URL], prefix="cctest")
    receiver = RedisChannelLayer(hosts=[settings.REDIS_URL], prefix="cctest")
    channel = await receiver.new_channel()
    await sender.send(channel, {"type": "chat.message", "text": "Grüße aus Bonn"})
    message = await asyncio.wait_for(receiver.receive(channel), timeout=5)
    assert message == {"type": "chat.message", "text": "Grüße aus Bonn"}
    await sender.close_pools()
    await receiver.close_pools()


async def test_group_messages_reach_every_member_channel():
    layer_a = RedisChannelLayer(hosts=[settings.REDIS_URL], prefix="cctest")
    layer_b = RedisChannelLayer(hosts=[settings.REDIS_URL], prefix="cctest")
    group = f"space-{uuid.uuid4().hex[:8]}"
    first = await layer_a.new_channel()
    second = await layer_b.new_channel()
    await layer_a.group_add(group, first)
    await layer_b.group_add(group, second)
    await layer_a.group_send(group, {"type": "session.started"})
    assert (await asyncio.wait_for(layer_a.receive(first), 5))["type"] == "session.started"
    assert (await asyncio.wait_for(layer_b.receive(second), 5))["type"] == "session.started"
    await layer_a.flush()
    await layer_a.close_pools()
    await layer_b.close_pools()


def test_cache_round_trips_through_redis():
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    key = f"test:{uuid.uuid4().hex}"
    cache.set(key, {"city": "Kumasi"}, timeout=30)
    assert cache.get(key) == {"city": "Kumasi"}
    cache.delete(key)
    assert cache.get(key) is None
