from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """Threads, replies, mentions, notifications and moderation in a space."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.exchange"
    label = "exchange"
    verbose_name = _("Follow-up exchange")

    def ready(self) -> None:
        # checks registers the system checks; receivers connects to the members app's signals.
        from community.exchange import checks, receivers  # noqa: F401
