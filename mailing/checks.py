"""What the outbox needs from the settings: a template engine that does not escape
HTML for subjects and text bodies (without it every plain-text e-mail would show
"&amp;" and "&#x27;"), and a real mail server to deliver with."""

from django.core import checks


@checks.register(checks.Tags.templates)
def check_text_engine(app_configs, **kwargs) -> list[checks.CheckMessage]:
    from django.template import engines
    from django.template.backends.django import DjangoTemplates
    from django.template.utils import InvalidTemplateEngineError

    from mailing.outbox import TEXT_ENGINE

    try:
        engine = engines[TEXT_ENGINE]
    except InvalidTemplateEngineError:
        engine = None
    if not isinstance(engine, DjangoTemplates) or engine.engine.autoescape:
        return [
            checks.Error(
                f"TEMPLATES has no DjangoTemplates engine named {TEXT_ENGINE!r} with "
                "autoescape off; plain-text e-mail would be HTML-escaped.",
                hint="Add one with the same DIRS and APP_DIRS and OPTIONS={'autoescape': False}.",
                id="mailing.E001",
            )
        ]
    return []


@checks.register()
def check_delivery_backend(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """The outbox delivers with EMAIL_BACKEND; were it the outbox's own backend, each
    delivery would queue its message again instead of sending it."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    from mailing.backends import OutboxBackend

    try:
        backend = import_string(settings.EMAIL_BACKEND)
    except ImportError:
        return []  # Django says so itself when mail is sent
    if isinstance(backend, type) and issubclass(backend, OutboxBackend):
        return [
            checks.Error(
                "EMAIL_BACKEND is the mail outbox's own backend; the outbox delivers with "
                "EMAIL_BACKEND, so no mail would ever leave.",
                hint="Set EMAIL_BACKEND (or EMAIL_URL) to the real mail server.",
                id="mailing.E002",
            )
        ]
    return []
