"""allauth adapter: someone who opened an invitation before signing up or logging in
comes back to it afterwards, whichever way the sign-up went (including the e-mail
verification step, possibly in another tab)."""

import logging

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest
from django.urls import reverse

PENDING_INVITATION_KEY = "community_pending_invitation"

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        token = request.session.get(PENDING_INVITATION_KEY)
        if token:
            return reverse("community:invitation", args=[token])
        return super().get_login_redirect_url(request)

    def get_client_ip(self, request: HttpRequest) -> str:
        """The client's address as every limit "per ip" counts it (the settings'
        ALLAUTH_TRUSTED_PROXY_COUNT and ALLAUTH_TRUSTED_CLIENT_IP_HEADER say how)."""
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            # Fewer X-Forwarded-For entries than trusted proxies: the request skipped
            # part of the chain, or the count is set too high. Counted under the
            # connecting address rather than failing the login with a server error.
            logger.warning(
                "X-Forwarded-For has %d entries, fewer than TRUSTED_PROXY_COUNT; "
                "counting the connecting address",
                len(request.headers.get("x-forwarded-for", "").split(",")),
            )
            address = request.META.get("REMOTE_ADDR")
            if not address:
                raise PermissionDenied("Unable to determine client IP address") from None
            return address
