from django.apps import AppConfig
from django.core.signals import setting_changed


def _reset_search(*, setting: str, **kwargs) -> None:
    """Forget the cached backend and client when tests change search settings."""
    if setting.startswith("SEARCH_"):
        from search import engine
        from search.backends import get_backend

        get_backend.cache_clear()
        engine.client.cache_clear()


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    # The package name is generic; a distinct label avoids clashes with other apps.
    label = "practice_search"

    def ready(self) -> None:
        from search import checks, receivers  # noqa: F401 - checks register themselves
        from search.panels import register_page_panels

        setting_changed.connect(_reset_search, dispatch_uid="practice_search_reset")
        receivers.connect()
        register_page_panels()
