from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "connective_site.home"
    label = "home"

    def ready(self) -> None:
        # The apps' URL patterns use `<id:...>`; it must exist before any URLconf is
        # imported, whichever ROOT_URLCONF a process or a test uses.
        from connective_site import converters

        converters.register()
