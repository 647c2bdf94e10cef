"""Fail early on exchange settings that cannot work."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register

from community.exchange.app_settings import app_settings


@register()
def check_exchange_settings(app_configs, **kwargs) -> list[Error]:
    errors = []
    media_root = getattr(settings, "MEDIA_ROOT", "")
    root = app_settings.ATTACHMENT_ROOT.resolve()
    if media_root and root.is_relative_to(Path(media_root).resolve()):
        errors.append(
            Error(
                "EXCHANGE_ATTACHMENT_ROOT is inside MEDIA_ROOT, so attachments would be "
                "served to anyone who guesses their URL.",
                id="exchange.E001",
            )
        )
    for name in (
        "ATTACHMENT_MAX_BYTES",
        "ATTACHMENT_MAX_FILES",
        "NEW_MEMBER_THREADS_PER_HOUR",
        "NEW_MEMBER_MAX_LINKS",
        "MAX_LINKS",
    ):
        value = getattr(app_settings, name)
        if not isinstance(value, int) or value < 0:
            errors.append(
                Error(f"EXCHANGE_{name} must be a whole number >= 0.", id="exchange.E002")
            )
    if app_settings.DEFAULT_EMAIL_FREQUENCY not in ("immediately", "daily", "weekly", "off"):
        errors.append(
            Error(
                "EXCHANGE_DEFAULT_EMAIL_FREQUENCY must be immediately, daily, weekly or off.",
                id="exchange.E003",
            )
        )
    return errors
