"""The one place that sends e-mail. Callers queue a message with `queue_email` (or
render one with `queue_templated_email`, or hand over one that Django's mail classes
built with `queue_message`); delivery (delivery.py) happens after the transaction
commits, in a background task, with the outbox's back-off retries when the mail
server fails.
"""

from collections.abc import Mapping, Sequence
from typing import Any, TypedDict

from django.conf import settings
from django.core.mail import EmailMessage
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from mailing.models import OutgoingEmail
from mailing.tasks import deliver_outgoing_email
from outbox.tasks import enqueue_on_commit

# Template engines (settings.TEMPLATES): plain text without HTML escaping, and the
# page engine for an HTML part.
TEXT_ENGINE = "text"
HTML_ENGINE = "django"


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
    enqueue_on_commit(deliver_outgoing_email)
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
            html: str = render_to_string(f"{template}.html", context, using=HTML_ENGINE)
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


def queue_message(message: EmailMessage, *, purpose: str = "") -> list[OutgoingEmail]:
    """Queue a message that a library built with Django's mail classes (allauth's
    adapter, Wagtail's notifications): one row for each recipient, To, Cc and Bcc
    alike, so nobody sees another's address. Every message leaves from
    DEFAULT_FROM_EMAIL, whatever sender the library named; a Reply-To is kept."""
    headers = dict(message.extra_headers)
    if message.reply_to:
        headers.setdefault("Reply-To", ", ".join(message.reply_to))
    text = str(message.body) if message.content_subtype == "plain" else ""
    attachments = [_text_attachment(attachment) for attachment in message.attachments]
    return [
        queue_email(
            to=recipient,
            subject=str(message.subject),
            text=text,
            html=_html_part(message),
            headers=headers,
            purpose=purpose,
            attachments=attachments,
        )
        for recipient in message.recipients()
    ]


def _html_part(message: EmailMessage) -> str:
    if message.content_subtype == "html":
        return str(message.body)
    alternatives = getattr(message, "alternatives", [])
    return next((content for content, mimetype in alternatives if mimetype == "text/html"), "")


def _text_attachment(attachment: Any) -> TextAttachment:
    # The outbox stores text attachments (a calendar entry) in its row; anything else
    # is refused here, in the sender's transaction, rather than dropped at delivery.
    if isinstance(attachment, tuple) and isinstance(attachment[1], str):
        filename, content, mimetype = attachment
        return {"filename": filename, "content": content, "mimetype": mimetype or "text/plain"}
    raise ValueError("the mail outbox keeps text attachments only")
