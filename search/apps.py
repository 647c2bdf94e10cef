from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    # The package name is generic; a distinct label avoids clashes with other apps.
    label = "practice_search"
