"""Deployment checks (`manage.py check --deploy`): account safety needs rate limits and
two-factor authentication for staff. (With more than one server process the rate limits
need a shared cache: REDIS_URL.)"""

from django.conf import settings
from django.core.checks import Tags, Warning, register

from community import app_settings


@register(Tags.security, deploy=True)
def check_account_safety(app_configs, **kwargs) -> list[Warning]:
    problems = []
    if getattr(settings, "ACCOUNT_RATE_LIMITS", None) is False:
        problems.append(Warning("Account rate limits are switched off.", id="community.W001"))
    if not app_settings.get("STAFF_REQUIRE_2FA"):
        problems.append(
            Warning(
                "Staff accounts are not required to use two-factor authentication "
                "(COMMUNITY_STAFF_REQUIRE_2FA).",
                id="community.W003",
            )
        )
    return problems
