"""allauth adapter: someone who opened an invitation before signing up or logging in
comes back to it afterwards, whichever way the sign-up went (including the e-mail
verification step, possibly in another tab).

allauth's e-mails speak for the site: they are signed with its name, greet the
person by the name they gave, and link to SITE_URL (mailing/links.py) rather than to
whatever host the request named. They leave through the mailing outbox like every
other message: rendered here, in the request's language, and sent by its task."""

import logging
from dataclasses import dataclass
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest
from django.urls import reverse
from django.utils.encoding import force_str

from mailing.links import on_site, site_domain, site_url
from mailing.outbox import queue_message

PENDING_INVITATION_KEY = "community_pending_invitation"

logger = logging.getLogger(__name__)

# The links allauth puts into its e-mails' contexts, built from the request's host.
MAIL_LINKS = ("activate_url", "password_reset_url", "signup_url")


@dataclass(frozen=True)
class SiteIdentity:
    """What allauth's templates read from `current_site` (the Sites framework, which
    this project does not use: allauth then falls back to the request's host)."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        token = request.session.get(PENDING_INVITATION_KEY)
        if token:
            return reverse("community:invitation", args=[token])
        return super().get_login_redirect_url(request)

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        context = {
            **context,
            "current_site": SiteIdentity(name=settings.WAGTAIL_SITE_NAME, domain=site_domain()),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "site_url": site_url(),
        }
        for key in MAIL_LINKS:
            if context.get(key):
                context[key] = on_site(context[key])
        user = context.get("user")
        if user is not None and getattr(user, "pk", None):
            from community.members.people import display_name

            context.setdefault("greeting_name", display_name(user))
        context = {"request": allauth_context.request, "email": email, **context}
        message = self.render_mail(template_prefix, email, context)
        # "account/email/password_reset_key" -> "account:password_reset_key"
        queue_message(message, purpose=template_prefix.replace("/email/", ":")[:50])

    def format_email_subject(self, subject: str) -> str:
        # The outbox puts the site's prefix (EMAIL_SUBJECT_PREFIX) before every subject.
        return force_str(subject)

    def send_notification_mail(
        self,
        template_prefix: str,
        user: AbstractBaseUser,
        context: dict[str, Any] | None = None,
        email: str | None = None,
    ) -> None:
        # allauth leaves the account holder out of a notification's context; the
        # greeting needs their name.
        super().send_notification_mail(
            template_prefix, user, {"user": user, **(context or {})}, email
        )

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
