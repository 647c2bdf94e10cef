"""System checks for the call settings (allauth validates its app settings the same way)."""

from django.core.checks import Error, register

from learning_processes.app_settings import app_settings


@register()
def check_call_settings(app_configs, **kwargs) -> list[Error]:
    errors = []
    for name, value, low in (
        ("PROPOSAL_TEXT_BUDGET", app_settings.TEXT_BUDGET, 500),
        ("PROPOSAL_ATTACHMENT_MAX_BYTES", app_settings.ATTACHMENT_MAX_BYTES, 1024),
        ("PROPOSAL_ATTACHMENTS_PER_PROPOSAL", app_settings.ATTACHMENTS_PER_PROPOSAL, 0),
        ("PROPOSAL_AUTOSAVE_SECONDS", app_settings.AUTOSAVE_SECONDS, 5),
    ):
        if value < low:
            errors.append(
                Error(
                    f"{name} is {value}; it must be at least {low}.",
                    id="learning_processes.E001",
                )
            )
    return errors
