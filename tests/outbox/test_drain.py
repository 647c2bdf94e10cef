"""The drain loop, back-off and self-deferring task that the mail and search
outboxes share, exercised through the mail outbox's rows."""

import datetime as dt

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from mailing.models import OutgoingEmail
from mailing.tasks import deliver_outgoing_email
from outbox.drain import drain, process_due, retry_delay

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def rows(count: int) -> list[OutgoingEmail]:
    return [
        OutgoingEmail.objects.create(to=f"p{n}@example.org", subject=str(n), text="")
        for n in range(count)
    ]


def test_back_off_doubles_from_two_seconds_up_to_ten_minutes():
    seconds = [retry_delay(attempts).total_seconds() for attempts in range(1, 12)]
    assert seconds == [2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600]
    assert retry_delay(10_000) == dt.timedelta(minutes=10)


def test_a_processed_batch_is_marked_done_with_its_attempt_counted():
    rows(3)
    handled = []
    result = process_due(OutgoingEmail.objects.all(), handled.extend, batch_size=2)
    assert result.processed == 2 and len(handled) == 2
    assert OutgoingEmail.objects.pending().count() == 1
    done = OutgoingEmail.objects.filter(processed_at__isnull=False)
    assert {email.attempts for email in done} == {1}


def test_a_failing_batch_keeps_every_row_with_the_error_and_the_first_back_off():
    rows(2)

    def fail(batch):
        raise ConnectionError("service down")

    before = timezone.now()
    result = process_due(OutgoingEmail.objects.all(), fail, batch_size=10)
    assert (result.processed, result.failed) == (0, 2)
    assert result.errors == ["ConnectionError: service down"]
    for email in OutgoingEmail.objects.all():
        assert email.attempts == 1 and email.processed_at is None
        assert email.last_error == "ConnectionError: service down"
        assert email.available_at >= before + dt.timedelta(seconds=2)
    # Not due again before the back-off has passed.
    assert drain(OutgoingEmail.objects.all(), fail, batch_size=10).failed == 0


def test_a_handler_whose_query_fails_still_gets_its_rows_backed_off():
    rows(1)

    def broken_query(batch):
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_table")

    assert process_due(OutgoingEmail.objects.all(), broken_query, batch_size=1).failed == 1
    assert OutgoingEmail.objects.get().attempts == 1


def test_drain_goes_batch_by_batch_and_stops_at_its_limit():
    rows(5)
    batches = []
    result = drain(OutgoingEmail.objects.all(), batches.append, batch_size=2, limit=3)
    assert result.processed == 3 and [len(batch) for batch in batches] == [2, 1]
    assert drain(OutgoingEmail.objects.all(), batches.append, batch_size=2).processed == 2


def test_the_task_schedules_its_own_retry_when_rows_wait_for_their_back_off():
    from django_tasks_db.models import DBTaskResult

    (email,) = rows(1)
    OutgoingEmail.objects.update(available_at=timezone.now() + dt.timedelta(minutes=3))
    with override_settings(TASKS=DB_TASKS):
        assert deliver_outgoing_email.call() == 0
        retry = DBTaskResult.objects.get(task_path="mailing.tasks.deliver_outgoing_email")
    email.refresh_from_db()
    assert retry.run_after == email.available_at
