from django.apps import AppConfig


class MailingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "mailing"
    verbose_name = "Outgoing e-mail"

    def ready(self) -> None:
        from mailing import checks  # noqa: F401
        from mailing.backends import route_wagtail_mail

        route_wagtail_mail()
