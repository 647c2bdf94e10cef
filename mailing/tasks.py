from django_tasks import task

from mailing.delivery import deliver_due
from mailing.models import OutgoingEmail
from outbox.tasks import drain_and_reschedule


@task()
def deliver_outgoing_email() -> int:
    """Send what is due, then schedule the next retry where the task backend can
    defer; `manage.py send_queued_email` does the same by hand or from cron."""
    sent, _ = drain_and_reschedule(
        deliver_outgoing_email, OutgoingEmail.objects.all(), lambda: deliver_due(limit=None)
    )
    return sent
