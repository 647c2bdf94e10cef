"""Wagtail's own mail (moderation and workflow tasks, comments, form submissions)
leaves through the outbox like every other message: stored in the transaction of
the change, delivered by the outbox's task, retried when the mail server fails."""

import datetime as dt
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from django.utils import timezone
from wagtail.admin import mail as wagtail_mail

from learning_processes.roles import do_add_host, ensure_staff_group
from mailing.backends import WAGTAIL_PURPOSE
from mailing.delivery import deliver_due
from mailing.models import OutgoingEmail
from tests.factories import LearningProcessFactory, OutcomeFactory

pytestmark = pytest.mark.django_db


class DownMailServer:
    """A mail server nobody can connect to."""

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        raise ConnectionRefusedError("connection refused")

    def close(self):
        pass

    def send_messages(self, messages):
        raise SMTPServerDisconnected("connection refused")


@pytest.fixture
def moderation(user_factory):
    """An outcome a host wrote, waiting to be submitted to the staff's approval."""
    process = LearningProcessFactory(title="Circular waste")
    host = user_factory(email="host@example.org")
    staff = user_factory(email="staff@example.org")
    do_add_host(process, host)
    staff.groups.add(ensure_staff_group())
    outcome = OutcomeFactory(parent=process, publish=False, owner=host, title="Pilot results")
    outcome.save_revision(user=host)
    return outcome, host, staff


def test_page_submitted_for_moderation_is_queued_then_sent_by_the_drain(
    moderation, django_capture_on_commit_callbacks
):
    outcome, host, staff = moderation
    with django_capture_on_commit_callbacks(execute=True):
        outcome.get_workflow().start(outcome, user=host)
        # Stored with the submission; nothing has left before the commit.
        (queued,) = OutgoingEmail.objects.filter(to="staff@example.org")
        assert queued.purpose == WAGTAIL_PURPOSE and queued.processed_at is None
        assert mail.outbox == []

    queued.refresh_from_db()
    assert queued.processed_at is not None
    (message,) = [m for m in mail.outbox if m.to == ["staff@example.org"]]
    assert "Pilot results" in message.subject
    assert message.subject.startswith("[Connective Cities] ")
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    # The submitter is not told about their own submission.
    assert not OutgoingEmail.objects.filter(to="host@example.org").exists()


def test_moderation_mail_waits_for_a_failing_mail_server_and_is_sent_later(
    moderation, django_capture_on_commit_callbacks
):
    outcome, host, _staff = moderation
    with override_settings(EMAIL_BACKEND=f"{__name__}.DownMailServer"):
        with django_capture_on_commit_callbacks(execute=True):
            outcome.get_workflow().start(outcome, user=host)
        queued = OutgoingEmail.objects.get(to="staff@example.org")
        assert queued.attempts == 1 and "connection refused" in queued.last_error
        assert queued.available_at > timezone.now() and queued.processed_at is None
        assert deliver_due() == (0, 0)  # not due before its back-off
    assert mail.outbox == []

    OutgoingEmail.objects.update(available_at=timezone.now() - dt.timedelta(seconds=1))
    assert deliver_due() == (1, 0)
    assert mail.outbox[0].to == ["staff@example.org"]


def test_approval_tells_the_submitter_through_the_outbox(
    moderation, django_capture_on_commit_callbacks
):
    outcome, host, staff = moderation
    outcome.get_workflow().start(outcome, user=host)
    outcome.refresh_from_db()
    state = outcome.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        state.task.specific.on_action(state, user=staff, action_name="approve")
    approved = OutgoingEmail.objects.get(to="host@example.org")
    assert approved.purpose == WAGTAIL_PURPOSE and "Pilot results" in approved.subject
    assert approved.processed_at is not None


def test_comment_notifications_are_queued(moderation):
    outcome, host, staff = moderation
    context = {
        "page": outcome,
        "editor": host,
        "new_comments": [],
        "resolved_comments": [],
        "deleted_comments": [],
        "replied_comments": [],
    }
    assert wagtail_mail.send_notification([staff], "updated_comments", context)
    (queued,) = OutgoingEmail.objects.all()
    assert queued.to == "staff@example.org" and "Pilot results" in queued.subject


def test_wagtail_send_mail_queues_one_row_per_recipient():
    sent = wagtail_mail.send_mail(
        "Form submission",
        "Someone wrote in.",
        ["editor@example.org"],
        cc=["copy@example.org"],
        bcc=["hidden@example.org"],
        reply_to=["visitor@example.org"],
        html_message="<p>Someone wrote in.</p>",
    )
    assert sent == 1
    rows = {row.to: row for row in OutgoingEmail.objects.all()}
    assert set(rows) == {"editor@example.org", "copy@example.org", "hidden@example.org"}
    for row in rows.values():
        assert row.text == "Someone wrote in." and row.html == "<p>Someone wrote in.</p>"
        assert row.headers["Reply-To"] == "visitor@example.org"


def test_the_outbox_backend_as_delivery_backend_is_refused():
    with (
        override_settings(EMAIL_BACKEND="mailing.backends.OutboxBackend"),
        pytest.raises(SystemCheckError, match=r"mailing\.E002"),
    ):
        call_command("check")
