from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """Threads, replies, mentions, notifications and moderation in a space."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.exchange"
    label = "exchange"
    verbose_name = _("Follow-up exchange")

    def ready(self) -> None:
        from community.exchange import checks  # noqa: F401 - registers the checks
        from community.exchange.handlers import collect_exchange_data, delete_exchange_content
        from community.signals import collect_user_data, delete_user_content

        collect_user_data.connect(collect_exchange_data, dispatch_uid="exchange_data")
        delete_user_content.connect(delete_exchange_content, dispatch_uid="exchange_delete")
