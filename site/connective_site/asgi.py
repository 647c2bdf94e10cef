"""ASGI entry point: HTTP through Django, WebSockets through Channels.

WebSocket connections are checked against ALLOWED_HOSTS (Origin header) and
carry the Django session, so consumers see the signed-in user.
"""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "connective_site.settings.production")

# Django must be set up before anything imports models (consumers, routing).
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from community.middleware import StaffTwoFactorWebSocketMiddleware  # noqa: E402
from connective_site.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(StaffTwoFactorWebSocketMiddleware(URLRouter(websocket_urlpatterns)))
        ),
    }
)

# Everything loaded so far (Django, Wagtail, every app's models, the consumers) lives as long as
# the process. Freezing it keeps the collector from walking it on every full
# collection: with a few hundred sockets open those walks paused a process for
# 120-200 ms, long enough to hold up a live room's events for everyone in it.
gc.freeze()
