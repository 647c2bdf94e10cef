"""The search outbox: every change that search must see, written in the same
transaction as the change itself, so the index can lag but never lose an edit.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class IndexOutboxQuerySet(models.QuerySet):
    def due(self) -> "IndexOutboxQuerySet":
        return self.filter(processed_at__isnull=True, available_at__lte=timezone.now())

    def pending(self) -> "IndexOutboxQuerySet":
        return self.filter(processed_at__isnull=True)


class IndexOutbox(models.Model):
    """One page to re-index. What to write is read from the database when the row
    is processed, so rows are idempotent and their order does not matter."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    available_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    objects = IndexOutboxQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["available_at"],
                name="search_outbox_due",
                condition=models.Q(processed_at__isnull=True),
            )
        ]
        verbose_name = "search outbox entry"
        verbose_name_plural = "search outbox"

    def __str__(self) -> str:
        return f"{self.content_type.model}:{self.object_id}"
