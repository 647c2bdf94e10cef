"""WebSocket routes of every app, collected in one place for the ASGI router."""

from channels.generic.websocket import AsyncWebsocketConsumer
from django.urls import re_path

from community.live.routing import websocket_urlpatterns as live_websockets
from community.routing import websocket_urlpatterns as community_websockets


class UnknownRouteConsumer(AsyncWebsocketConsumer):
    """Refuses the handshake of a WebSocket path no app serves. Without a catch-all,
    Channels' URLRouter raises ValueError for such a path: a traceback in the log and
    a failed handshake for a request that is merely wrong."""

    async def connect(self) -> None:
        await self.close(code=4004)


websocket_urlpatterns = [
    *community_websockets,
    *live_websockets,
    re_path(r"", UnknownRouteConsumer.as_asgi()),
]
