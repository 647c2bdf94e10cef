"""System checks for the search settings (allauth validates its app settings the same way)."""

from django.core.checks import Error, register

from search.app_settings import app_settings
from search.engine import ENGINES


@register()
def check_search_settings(app_configs, **kwargs) -> list[Error]:
    errors = []
    if app_settings.ENGINE not in ("database", *ENGINES):
        errors.append(
            Error(
                f"SEARCH_ENGINE is {app_settings.ENGINE!r}; it must be one of "
                f"{', '.join(('database', *ENGINES))}.",
                id="practice_search.E001",
            )
        )
    if not app_settings.TIMEOUT > 0:
        errors.append(
            Error(
                f"SEARCH_TIMEOUT is {app_settings.TIMEOUT}; it must be above 0 seconds.",
                id="practice_search.E002",
            )
        )
    return errors
