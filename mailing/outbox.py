"""The one place that sends e-mail. Callers queue a message with `queue_email` (or
render one with `queue_templated_email`); delivery happens after the transaction
commits, in a background task, with back-off retries when the mail server fails.
"""

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from typing import Any, TypedDict

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from mailing.models import OutgoingEmail

logger = logging.getLogger(__name__)

# Template engines (settings.TEMPLATES): plain text without HTML escaping, and the
# page engine for an HTML part.
TEXT_ENGINE = "text"
HTML_ENGINE = "django"

# Seconds to wait after the n-th failure; the last value repeats.
RETRY_DELAYS = (30, 120, 600, 1800, 3600)


class TextAttachment(TypedDict):
    filename: str
    content: str
    mimetype: str


def queue_email(
    *,
    to: str,
    subject: str,
    text: str,
    html: str = "",
    headers: Mapping[str, str] | None = None,
    purpose: str = "",
    attachments: Sequence[TextAttachment] = (),
) -> OutgoingEmail:
    """Store the message now; send it once the surrounding transaction commits."""
    from mailing.tasks import deliver_outgoing_email

    # One line: a subject template may span lines, and a line break in a header is
    # refused by Django at send time (header injection); folded here instead, where
    # the caller's transaction still stands.
    subject = " ".join(line.strip() for line in subject.splitlines() if line.strip())
    email = OutgoingEmail.objects.create(
        to=to,
        subject=f"{settings.EMAIL_SUBJECT_PREFIX}{subject}"[:255],
        text=text,
        html=html,
        headers=dict(headers or {}),
        purpose=purpose,
        attachments=[dict(attachment) for attachment in attachments],
    )
    transaction.on_commit(lambda: deliver_outgoing_email.enqueue())
    return email


def queue_templated_email(
    *,
    to: str,
    template: str,
    context: Mapping[str, Any],
    headers: Mapping[str, str] | None = None,
    purpose: str = "",
    language: str | None = None,
    attachments: Sequence[TextAttachment] = (),
) -> OutgoingEmail:
    """Render `<template>_subject.txt`, `<template>.txt` and, if it exists,
    `<template>.html`, in the recipient's language, and queue the message.

    Subject and text are plain text, rendered without HTML escaping (the "text"
    template engine), so names such as "O'Brien & <Partners>" arrive as typed; the
    HTML part is rendered by the page engine and stays escaped."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context, using=TEXT_ENGINE)
        text = render_to_string(f"{template}.txt", context, using=TEXT_ENGINE)
        try:
            html = render_to_string(f"{template}.html", context, using=HTML_ENGINE)
        except TemplateDoesNotExist:  # a text-only message
            html = ""
    return queue_email(
        to=to,
        subject=subject,
        text=text,
        html=html,
        headers=headers,
        purpose=purpose,
        attachments=attachments,
    )


def _retry_delay(attempts: int) -> dt.timedelta:
    return dt.timedelta(seconds=RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1])


def deliver_due(limit: int = 100) -> tuple[int, int]:
    """Send what is due; returns (sent, failed). Safe to run from several workers:
    each row is claimed under a row lock that others skip."""
    sent = failed = 0
    connection = get_connection()
    for _ in range(limit):
        with transaction.atomic():
            email = (
                OutgoingEmail.objects.due()
                .select_for_update(skip_locked=True)
                .order_by("available_at", "pk")
                .first()
            )
            if email is None:
                break
            message = EmailMultiAlternatives(
                subject=email.subject,
                body=email.text,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[email.to],
                headers=email.headers,
                connection=connection,
            )
            if email.html:
                message.attach_alternative(email.html, "text/html")
            for attachment in email.attachments:
                message.attach(
                    attachment["filename"], attachment["content"], attachment["mimetype"]
                )
            try:
                message.send()
            except Exception as error:  # noqa: BLE001 - any failure means "try again later"
                email.attempts += 1
                email.last_error = f"{type(error).__name__}: {error}"[:2000]
                email.available_at = timezone.now() + _retry_delay(email.attempts)
                email.save(update_fields=["attempts", "last_error", "available_at"])
                logger.warning("e-mail %s to %s failed: %s", email.pk, email.to, error)
                failed += 1
                # The server is probably down; the rest waits for the next run.
                break
            email.attempts += 1
            email.sent_at = timezone.now()
            email.save(update_fields=["attempts", "sent_at"])
            sent += 1
    return sent, failed
