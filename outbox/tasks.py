"""The background task side of an outbox: the kick after a commit and the task
that drains and, where the backend can defer, schedules its own next run."""

import logging
from collections.abc import Callable
from typing import TypeVar

from django.db import transaction
from django_tasks.base import Task

from outbox.models import OutboxQuerySet

logger = logging.getLogger(__name__)

T = TypeVar("T")


def enqueue_on_commit(task: Task) -> None:
    """Run `task` once the caller's transaction commits (at once outside one)."""
    transaction.on_commit(lambda: _enqueue(task))


def _enqueue(task: Task) -> None:
    try:
        task.enqueue()
    except Exception:  # noqa: BLE001 - the next kick, the worker or cron drains it anyway
        logger.exception("could not enqueue %s", task.module_path)


def drain_and_reschedule(task: Task, rows: OutboxQuerySet, drain: Callable[[], T]) -> T:
    """The body of an outbox task: drain what is due; if rows still wait (a failure
    backed them off) and the task backend can defer (the database worker in
    production), enqueue `task` again for when the first of them is due, so a
    recovered service is caught up with without anyone re-running it. Elsewhere
    the next kick, `--worker` or cron does that."""
    result = drain()
    retry_at = rows.next_due_at()
    if retry_at is not None and task.get_backend().supports_defer:
        task.using(run_after=retry_at).enqueue()
    return result
