"""Per-request behaviour for signed-in people: their own time zone, and two-factor
authentication for staff where it is required (on pages and on WebSockets)."""

import zoneinfo
from typing import Any
from urllib.parse import urlencode

from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from channels.security.websocket import WebsocketDenier
from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

from community.app_settings import app_settings
from community.models import Profile
from community.permissions import is_platform_staff


class UserTimezoneMiddleware:
    """Activates the signed-in user's profile time zone, so that every `{{ value|date }}`
    and form field shows times as the viewer lives them. One indexed query per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        name = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            name = (
                Profile.objects.filter(user_id=user.pk).values_list("time_zone", flat=True).first()
            )
        if name:
            try:
                timezone.activate(zoneinfo.ZoneInfo(name))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


# Where a staff member without an authenticator may still go: the two-factor pages,
# re-authentication (activating asks for it), signing out, static files, the health check.
ALLOWED_URL_NAMES = ("mfa_index", "account_reauthenticate", "account_logout")
ALLOWED_PREFIXES = ("/static/", "/media/", "/healthz", "/i18n/")


class StaffTwoFactorMiddleware:
    """With `COMMUNITY_STAFF_REQUIRE_2FA`, staff who have no authenticator are sent to
    allauth's set-up page before anything else (the admin included)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if app_settings.STAFF_REQUIRE_2FA and self._needs_setup(request):
            setup = reverse("mfa_activate_totp")
            return HttpResponseRedirect(f"{setup}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _needs_setup(self, request: HttpRequest) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        allowed = ALLOWED_PREFIXES + tuple(reverse(name) for name in ALLOWED_URL_NAMES)
        if request.path.startswith(allowed):
            return False
        return lacks_second_factor(user)


def lacks_second_factor(user: User | AnonymousUser) -> bool:
    """Staff (Django staff or platform staff) without any authenticator."""
    if not user.is_authenticated or not (user.is_staff or is_platform_staff(user)):
        return False
    from allauth.mfa.models import Authenticator

    return not Authenticator.objects.filter(user=user).exists()


class StaffTwoFactorWebSocketMiddleware(BaseMiddleware):
    """The same rule for WebSockets (inside Channels' AuthMiddleware): a staff member
    without an authenticator is refused at the handshake. Staff may enter and run every
    live room, so a stolen password alone must not open one."""

    async def __call__(self, scope: dict[str, Any], receive, send):
        user = scope.get("user")
        if (
            app_settings.STAFF_REQUIRE_2FA
            and user is not None
            and await database_sync_to_async(lacks_second_factor)(user)
        ):
            return await WebsocketDenier()(scope, receive, send)
        return await super().__call__(scope, receive, send)
