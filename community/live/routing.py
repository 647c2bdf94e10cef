from django.urls import path

from community.live.consumers import LiveRoomConsumer

websocket_urlpatterns = [
    path("ws/sessions/<str:session_id>/", LiveRoomConsumer.as_asgi()),
]
