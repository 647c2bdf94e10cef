"""The row every outbox stores: when it is due, how often it was tried, why the
last try failed, and when it was done."""

import datetime as dt
from typing import Self

from django.db import models
from django.utils import timezone


class OutboxQuerySet(models.QuerySet):
    def due(self) -> Self:
        """Rows not yet done whose back-off has passed."""
        return self.filter(processed_at__isnull=True, available_at__lte=timezone.now())

    def pending(self) -> Self:
        """Rows not yet done, due or waiting for their back-off."""
        return self.filter(processed_at__isnull=True)

    def next_due_at(self) -> dt.datetime | None:
        """When the earliest pending row is due, or None when nothing waits."""
        return (
            self.pending().order_by("available_at").values_list("available_at", flat=True).first()
        )


class OutboxRow(models.Model):
    """One piece of work to do later. A row is claimed by a row lock while its
    handler runs (drain.py), so several workers never do the same row twice."""

    created_at = models.DateTimeField(default=timezone.now)
    available_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    objects = OutboxQuerySet.as_manager()

    class Meta:
        abstract = True
        # The drain's query: pending rows by due time. One outbox per app.
        indexes = [
            models.Index(
                fields=["available_at"],
                name="%(app_label)s_outbox_due",
                condition=models.Q(processed_at__isnull=True),
            )
        ]
