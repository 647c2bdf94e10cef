"""The one drain loop and the one back-off rule of every outbox.

`process_due` claims a batch of due rows under a row lock that other workers skip
(`SELECT ... FOR UPDATE SKIP LOCKED` where the database has it; SQLite has one
writer anyway), hands them to a handler and records the outcome: done, or tried
once more with the next back-off and the error. `drain` repeats that until nothing
is due, a batch fails (the service is probably down: the rest waits for the next
run) or a limit is reached.
"""

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from outbox.models import OutboxQuerySet, OutboxRow

logger = logging.getLogger(__name__)

# Back-off: 2 s after the first failure, doubling, at most 10 minutes. Short at
# first, so a blip delays an index update or a message by seconds; capped, so a
# service that comes back after an outage is caught up with within minutes.
FIRST_RETRY = dt.timedelta(seconds=2)
MAX_RETRY = dt.timedelta(minutes=10)

RowT = TypeVar("RowT", bound=OutboxRow)
# A handler takes rows of its own outbox's model (mail's, search's).
Handler = Callable[[Sequence[RowT]], None]


def retry_delay(attempts: int) -> dt.timedelta:
    """How long a row waits after its `attempts`-th failed try."""
    doublings = min(max(attempts - 1, 0), 16)  # 16: far beyond the cap already
    return min(FIRST_RETRY * 2**doublings, MAX_RETRY)


@dataclass
class OutboxResult:
    processed: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: "OutboxResult") -> None:
        self.processed += other.processed
        self.failed += other.failed
        self.errors += other.errors


def process_due(rows: OutboxQuerySet, handler: Handler[RowT], *, batch_size: int) -> OutboxResult:
    """Claim up to `batch_size` due rows of `rows` and hand them to `handler` in one
    go. A handler that raises fails the whole batch: each row is kept with one
    more attempt, the error and its back-off."""
    result = OutboxResult()
    with transaction.atomic():
        batch = list(
            rows.due()
            # of=self: lock the outbox rows only, not what select_related joins.
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("available_at", "pk")[:batch_size]
        )
        if not batch:
            return result
        model = type(batch[0])
        try:
            # A savepoint: a handler's failed query must not break the bookkeeping.
            with transaction.atomic():
                handler(batch)
        except Exception as error:  # noqa: BLE001 - any failure means "try again later"
            _record_failure(model, batch, error)
            result.failed = len(batch)
            result.errors.append(batch[0].last_error)
            logger.warning("%s: %d rows kept for retry: %s", model._meta.label, len(batch), error)
            return result
        model._default_manager.filter(pk__in=[row.pk for row in batch]).update(
            processed_at=timezone.now(), attempts=F("attempts") + 1
        )
        result.processed = len(batch)
    return result


def _record_failure(model: type[OutboxRow], batch: list[OutboxRow], error: Exception) -> None:
    now = timezone.now()
    for row in batch:
        row.attempts += 1
        row.available_at = now + retry_delay(row.attempts)
        row.last_error = f"{type(error).__name__}: {error}"[:2000]
    model._default_manager.bulk_update(batch, ["attempts", "available_at", "last_error"])


def drain(
    rows: OutboxQuerySet, handler: Handler[RowT], *, batch_size: int, limit: int | None = None
) -> OutboxResult:
    """Process due rows batch by batch until none is due, a batch fails, or about
    `limit` rows were processed."""
    total = OutboxResult()
    while limit is None or total.processed < limit:
        size = batch_size if limit is None else min(batch_size, limit - total.processed)
        step = process_due(rows, handler, batch_size=size)
        total.add(step)
        if step.failed or not step.processed:
            break
    return total
