"""A small authenticated WebSocket endpoint that proves the ASGI wiring.

A "ping" is answered by way of the channel layer (the consumer sends the reply
to its own channel), so a pong shows that the socket, the session and the
channel layer all work.
"""

from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils import timezone


class PingConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            # Refuse before accept: the handshake fails with HTTP 403.
            await self.close()
            return
        await self.accept()

    async def receive_json(self, content, **kwargs) -> None:
        if not isinstance(content, dict) or content.get("type") != "ping":
            await self.send_json({"type": "error", "error": 'expected {"type": "ping"}'})
            return
        await self.channel_layer.send(
            self.channel_name,
            {"type": "pong.message", "echo": str(content.get("echo", ""))[:200]},
        )

    async def pong_message(self, event) -> None:
        user = self.scope["user"]
        await self.send_json(
            {
                "type": "pong",
                "echo": event["echo"],
                "user": user.get_username(),
                "server_time": timezone.now().isoformat(),
            }
        )
