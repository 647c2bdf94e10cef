"""An e-mail backend that sends nothing itself: what is handed to it goes into the
outbox and leaves with the outbox's delivery, retried with its back-off.

Libraries that send through Django's mail connection get it where we cannot change
their code. Wagtail's admin mail is one: its moderation and workflow-task
notifications, comment notifications and form-submission mails all take their
connection from `wagtail.admin.mail.get_connection`, which `route_wagtail_mail`
points here. Django's EMAIL_BACKEND stays the real mail server, the one the outbox
delivers with: set to this backend, every delivery would queue its message again
(mailing.E002 refuses that).
"""

from collections.abc import Sequence
from typing import Any

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

from mailing.outbox import queue_message

WAGTAIL_PURPOSE = "wagtail"


class OutboxBackend(BaseEmailBackend):
    """Queues each message (one row per recipient) in the caller's transaction.
    Opening and closing are free: no mail server is contacted here, so one that is
    down cannot make a sender skip its mail."""

    def __init__(self, fail_silently: bool = False, *, purpose: str = "", **kwargs: Any) -> None:
        # kwargs: a mail server's username, password, ... (get_connection's); unused.
        super().__init__(fail_silently=fail_silently)
        self.purpose = purpose

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        queued = 0
        for message in email_messages:
            if queue_message(message, purpose=self.purpose):
                queued += 1
        return queued


def wagtail_connection(*args: Any, **kwargs: Any) -> OutboxBackend:
    """What Wagtail's admin mail gets instead of a connection to the mail server."""
    return OutboxBackend(*args, purpose=WAGTAIL_PURPOSE, **kwargs)


def route_wagtail_mail() -> None:
    """Send Wagtail's admin mail through the outbox. Wagtail has no setting for its
    mail connection; its mail module looks `get_connection` up at each send, so the
    module's name is the one place to change (tests pin it)."""
    from wagtail.admin import mail

    mail.get_connection = wagtail_connection
