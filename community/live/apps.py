from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "community.live"
    label = "live"
    verbose_name = _("Live sessions")

    def ready(self) -> None:
        from community.live import checks, receivers  # noqa: F401
