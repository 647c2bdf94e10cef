from django_tasks import default_task_backend, task

from mailing.models import OutgoingEmail
from mailing.outbox import deliver_due


@task()
def deliver_outgoing_email() -> int:
    """Send what is due. Where the task backend can defer (the database worker in
    production), a failed run schedules its own retry for when the next message is
    due; `manage.py send_queued_email` does the same by hand or from cron."""
    total = 0
    while True:
        sent, failed = deliver_due()
        total += sent
        if failed or not sent:
            break
    retry_at = (
        OutgoingEmail.objects.pending()
        .order_by("available_at")
        .values_list("available_at", flat=True)
        .first()
    )
    if retry_at is not None and default_task_backend.supports_defer:
        deliver_outgoing_email.using(run_after=retry_at).enqueue()
    return total
