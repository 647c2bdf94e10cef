from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningProcessesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "learning_processes"
    verbose_name = _("Learning processes")

    def ready(self) -> None:
        from learning_processes import checks, signals  # noqa: F401
