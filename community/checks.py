"""Deployment checks (`manage.py check --deploy`): account safety needs rate limits and
two-factor authentication for staff. (With more than one server process the rate limits
need a shared cache: REDIS_URL.)"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from community.app_settings import app_settings


@register(Tags.security, deploy=True)
def check_account_safety(app_configs, **kwargs) -> list[Warning]:
    problems = []
    if getattr(settings, "ACCOUNT_RATE_LIMITS", None) is False:
        problems.append(Warning("Account rate limits are switched off.", id="community.W001"))
    if not app_settings.STAFF_REQUIRE_2FA:
        problems.append(
            Warning(
                "Staff accounts are not required to use two-factor authentication "
                "(COMMUNITY_STAFF_REQUIRE_2FA).",
                id="community.W003",
            )
        )
    return problems


@register()
def check_community_settings(app_configs, **kwargs) -> list[Error]:
    """The community's limits as allauth validates its app settings: a value below
    its floor would refuse every invitation or avatar."""
    errors = []
    for name, low in (
        ("INVITATION_DAYS", 1),
        ("INVITATIONS_PER_HOUR", 1),
        ("AVATAR_MAX_BYTES", 1024),
        ("AVATAR_MIN_SIDE", 1),
        ("AVATAR_SIZE", 16),
        ("DIRECTORY_PAGE_SIZE", 1),
    ):
        value = getattr(app_settings, name)
        if value < low:
            errors.append(
                Error(
                    f"COMMUNITY_{name} is {value}; it must be at least {low}.",
                    id="community.E001",
                )
            )
    if app_settings.AVATAR_MAX_SIDE < app_settings.AVATAR_MIN_SIDE:
        errors.append(
            Error(
                "COMMUNITY_AVATAR_MAX_SIDE is below COMMUNITY_AVATAR_MIN_SIDE.",
                id="community.E002",
            )
        )
    return errors
