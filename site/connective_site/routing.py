"""WebSocket routes of every app, collected in one place for the ASGI router."""

from community.live.routing import websocket_urlpatterns as live_websockets
from community.routing import websocket_urlpatterns as community_websockets

websocket_urlpatterns = [*community_websockets, *live_websockets]
