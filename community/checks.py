"""Deployment checks (`manage.py check --deploy`): account safety needs real rate limits
on a cache that all server processes share."""

from django.conf import settings
from django.core.checks import Info, Tags, Warning, register

from community import app_settings


@register(Tags.security, deploy=True)
def check_account_safety(app_configs, **kwargs) -> list[Info | Warning]:
    problems = []
    if getattr(settings, "ACCOUNT_RATE_LIMITS", None) is False:
        problems.append(Warning("Account rate limits are switched off.", id="community.W001"))
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("LocMemCache", "DummyCache")):
        # A note, not a warning: one server process with its own cache still counts right.
        problems.append(
            Info(
                "Rate limits count in a per-process cache; with more than one server "
                "process, set REDIS_URL so that they share one.",
                id="community.I002",
            )
        )
    if not app_settings.get("STAFF_REQUIRE_2FA"):
        problems.append(
            Warning(
                "Staff accounts are not required to use two-factor authentication "
                "(COMMUNITY_STAFF_REQUIRE_2FA).",
                id="community.W003",
            )
        )
    return problems
