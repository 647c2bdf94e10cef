"""The outbox renders subjects and text bodies with a template engine that does not
escape HTML; without it every plain-text e-mail would show "&amp;" and "&#x27;"."""

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
