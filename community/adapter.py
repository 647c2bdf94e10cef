"""allauth adapter: someone who opened an invitation before signing up or logging in
comes back to it afterwards, whichever way the sign-up went (including the e-mail
verification step, possibly in another tab)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse

PENDING_INVITATION_KEY = "community_pending_invitation"


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        token = request.session.get(PENDING_INVITATION_KEY)
        if token:
            return reverse("community:invitation", args=[token])
        return super().get_login_redirect_url(request)
