"""The search outbox: every change that search must see, written in the same
transaction as the change itself, so the index can lag but never lose an edit.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from outbox.models import OutboxRow


class IndexOutbox(OutboxRow):
    """One page to re-index. What to write is read from the database when the row
    is processed, so rows are idempotent and their order does not matter."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()

    class Meta(OutboxRow.Meta):
        verbose_name = "search outbox entry"
        verbose_name_plural = "search outbox"

    def __str__(self) -> str:
        return f"{self.content_type.model}:{self.object_id}"
