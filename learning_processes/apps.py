from django.apps import AppConfig


class LearningProcessesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "learning_processes"
