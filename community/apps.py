from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "community"
    verbose_name = _("Community")

    def ready(self) -> None:
        from community import checks, receivers  # noqa: F401
        from community.members.panels import register_page_panels

        register_page_panels()
