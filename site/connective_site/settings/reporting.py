"""Logging and error reporting, built from the environment by the settings modules.

Production logs one JSON object per line (LOG_FORMAT=json) for a log collector to
index; development logs readable text. Either way every line written while a request
is handled carries its request id (connective_site/request_log.py). Sentry is wired in
only when SENTRY_DSN is set, and never sends personal data (cookies, user, address).
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured

LOG_FORMATS = ("json", "text")


def logging_config(log_format: str, level: str = "INFO") -> dict[str, Any]:
    """The LOGGING setting: one console handler, JSON or text, with request ids."""
    if log_format not in LOG_FORMATS:
        raise ImproperlyConfigured(f"LOG_FORMAT is 'json' or 'text', not {log_format!r}.")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request": {"()": "connective_site.request_log.RequestContextFilter"}},
        "formatters": {
            "json": {"()": "connective_site.request_log.JsonLogFormatter"},
            "text": {
                "()": "logging.Formatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
                "defaults": {"request_id": "-"},
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own handlers (console when DEBUG, mail to ADMINS) would write
            # a request error a second time; its records go to the root handler only.
            "django": {"handlers": [], "level": "INFO", "propagate": True},
            "django.db.backends": {"level": "WARNING"},
            # One line per page action and per task is noise outside debugging.
            "wagtail": {"level": "WARNING"},
            "django_tasks": {"level": "WARNING"},
            "opensearch": {"level": "WARNING"},
            "opensearchpy.trace": {"level": "WARNING"},
            "elastic_transport": {"level": "WARNING"},
        },
    }


def init_sentry(environ: Mapping[str, str]) -> bool:
    """Start the Sentry SDK when SENTRY_DSN is set; returns whether it did.

    SENTRY_ENVIRONMENT names the deployment (default "production"),
    SENTRY_TRACES_SAMPLE_RATE the share of requests traced (default 0: errors only).
    """
    dsn = environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        return False
    try:
        traces_sample_rate = float(environ.get("SENTRY_TRACES_SAMPLE_RATE", "") or 0)
    except ValueError:
        traces_sample_rate = -1.0
    if not 0 <= traces_sample_rate <= 1:
        raise ImproperlyConfigured("SENTRY_TRACES_SAMPLE_RATE is a number from 0 to 1.")

    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environ.get("SENTRY_ENVIRONMENT", "").strip() or "production",
        traces_sample_rate=traces_sample_rate,
        send_default_pii=False,
        integrations=[DjangoIntegration()],
    )
    return True
