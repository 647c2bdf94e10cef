"""Background tasks of the live sessions: the reminder e-mails, at the moments they fall due."""

import datetime as dt
from functools import partial

from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from community.live.models import VirtualSession
from community.live.reminders import WINDOWS, send_due_reminders


@task()
def send_session_reminders() -> int:
    return send_due_reminders()


def schedule_reminders(session: VirtualSession) -> None:
    """Enqueue the reminder task for the moments it will be due (when the task
    backend can run tasks later; otherwise the cron command covers it)."""
    if not default_task_backend.supports_defer:
        return
    now = timezone.now()
    for window in WINDOWS.values():
        run_after = max(session.starts_at - window, now)
        if session.starts_at > now:
            transaction.on_commit(partial(_enqueue_reminders, run_after))


def _enqueue_reminders(run_after: dt.datetime) -> None:
    send_session_reminders.using(run_after=run_after).enqueue()
