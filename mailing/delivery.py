"""Sending what the outbox holds: one message per claimed row, over one connection
to the mail server per run."""

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from mailing.models import OutgoingEmail
from outbox.drain import drain


def deliver_due(limit: int | None = 100) -> tuple[int, int]:
    """Send what is due; returns (sent, failed). Safe to run from several workers:
    each message is claimed under a row lock that others skip. A failure stops the
    run (the server is probably down); that message waits for its back-off.
    `limit=None`: until nothing is due."""
    connection = get_connection()

    def send(emails: Sequence[OutgoingEmail]) -> None:
        for email in emails:
            _message(email, connection).send()

    # One message per batch: a failure backs off that message alone.
    result = drain(OutgoingEmail.objects.all(), send, batch_size=1, limit=limit)
    return result.processed, result.failed


def _message(email: OutgoingEmail, connection) -> EmailMultiAlternatives:  # noqa: ANN001
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
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message
