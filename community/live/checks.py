from django.core import checks
from limits import parse
from limits.errors import ConfigurationError


@checks.register()
def check_live_settings(app_configs, **kwargs) -> list[checks.CheckMessage]:
    from community.live.app_settings import app_settings

    errors: list[checks.CheckMessage] = []
    try:
        parse(app_settings.RATE_LIMIT)
    except (ValueError, ConfigurationError):
        errors.append(
            checks.Error(
                f"LIVE_RATE_LIMIT {app_settings.RATE_LIMIT!r} is not a rate such as '20/10seconds'",
                id="live.E001",
            )
        )
    for name in (
        "MAX_TEXT_CHARS",
        "MAX_FRAME_BYTES",
        "MAX_POLL_OPTIONS",
        "MAX_POLL_QUESTION_CHARS",
        "MAX_POLL_OPTION_CHARS",
        "REPLAY_LIMIT",
    ):
        value = getattr(app_settings, name)
        if not isinstance(value, int) or value < 1:
            errors.append(checks.Error(f"LIVE_{name} must be a positive integer", id="live.E002"))
    return errors
