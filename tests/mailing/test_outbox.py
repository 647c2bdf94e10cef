import datetime as dt
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.test import override_settings
from django.utils import timezone

from mailing.delivery import deliver_due
from mailing.models import OutgoingEmail
from mailing.outbox import queue_email, queue_message

pytestmark = pytest.mark.django_db


class FailingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise SMTPServerDisconnected("connection refused")


def test_queued_mail_is_sent_after_commit_with_prefix_and_headers(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(
            to="ana@example.org",
            subject="Welcome\nBcc: evil@example.org",
            text="Hello",
            headers={"List-Unsubscribe": "<https://example.org/u/1>"},
            purpose="test",
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    assert message.subject == "[Connective Cities] Welcome Bcc: evil@example.org"
    assert message.extra_headers["List-Unsubscribe"] == "<https://example.org/u/1>"
    assert OutgoingEmail.objects.get().processed_at is not None


def test_text_attachments_are_stored_with_the_mail_and_sent(django_capture_on_commit_callbacks):
    entry = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(
            to="ana@example.org",
            subject="Your session",
            text="See the calendar entry.",
            attachments=[{"filename": "s.ics", "content": entry, "mimetype": "text/calendar"}],
        )
    (message,) = mail.outbox
    assert message.attachments == [("s.ics", entry, "text/calendar")]
    assert OutgoingEmail.objects.get().attachments[0]["filename"] == "s.ics"


def test_a_failing_mail_server_delays_mail_and_loses_none(django_capture_on_commit_callbacks):
    with override_settings(EMAIL_BACKEND=f"{__name__}.FailingBackend"):
        with django_capture_on_commit_callbacks(execute=True):
            queue_email(to="a@example.org", subject="One", text="1")
            queue_email(to="b@example.org", subject="Two", text="2")
        # The task ran after the commit and failed on each message; both wait.
        assert deliver_due() == (0, 0)
    for email in OutgoingEmail.objects.all():
        assert email.attempts == 1 and "connection refused" in email.last_error
        assert email.available_at > timezone.now() and email.processed_at is None
    assert mail.outbox == []

    # Not due yet: nothing is sent before the back-off has passed.
    assert deliver_due() == (0, 0)
    OutgoingEmail.objects.update(available_at=timezone.now() - dt.timedelta(seconds=1))
    assert deliver_due() == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert deliver_due() == (0, 0)


def test_a_message_with_a_binary_attachment_is_refused_rather_than_sent_without_it():
    message = EmailMessage("Report", "See attached.", to=["ana@example.org"])
    message.attach("report.pdf", b"%PDF-1.7", "application/pdf")
    with pytest.raises(ValueError, match="text attachments only"):
        queue_message(message)
    assert not OutgoingEmail.objects.exists()


def test_a_text_attachment_of_a_message_is_kept(django_capture_on_commit_callbacks):
    message = EmailMessage("Your session", "See the entry.", to=["ana@example.org"])
    message.attach("s.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    with django_capture_on_commit_callbacks(execute=True):
        queue_message(message, purpose="test")
    (sent,) = mail.outbox
    assert sent.attachments[0][0] == "s.ics" and sent.subject == "[Connective Cities] Your session"
