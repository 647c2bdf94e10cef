from django.db import models

from outbox.models import OutboxRow


class OutgoingEmail(OutboxRow):
    """One message to one recipient, written in the same transaction as the change
    that caused it and delivered later by a background task: a mail server that is
    down delays the message, it never loses it. `processed_at` is when it was sent."""

    to = models.EmailField()
    subject = models.CharField(max_length=255)
    text = models.TextField()
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    # Small text attachments (a calendar entry): [{"filename", "content", "mimetype"}].
    attachments = models.JSONField(default=list, blank=True)
    # What kind of message this is ("invitation", "digest", ...): for logs and tests.
    purpose = models.CharField(max_length=50, blank=True, db_index=True)

    class Meta(OutboxRow.Meta):
        verbose_name = "outgoing e-mail"
        verbose_name_plural = "outgoing e-mail"

    def __str__(self) -> str:
        return f"{self.purpose or 'mail'} → {self.to}: {self.subject}"
