from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningProcessesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "learning_processes"
    verbose_name = _("Learning processes")

    def ready(self) -> None:
        # listings: registers the index pages' listings (see models.base.LISTINGS).
        from learning_processes import checks, listings, receivers  # noqa: F401
        from learning_processes.calls import receivers as call_receivers  # noqa: F401
        from learning_processes.network_map import receivers as map_receivers  # noqa: F401
