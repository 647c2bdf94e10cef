from django.db import models
from django.utils import timezone


class OutgoingEmailQuerySet(models.QuerySet):
    def due(self) -> "OutgoingEmailQuerySet":
        return self.filter(sent_at__isnull=True, available_at__lte=timezone.now())

    def pending(self) -> "OutgoingEmailQuerySet":
        return self.filter(sent_at__isnull=True)


class OutgoingEmail(models.Model):
    """One message to one recipient, written in the same transaction as the change
    that caused it and delivered later by a background task: a mail server that is
    down delays the message, it never loses it."""

    to = models.EmailField()
    subject = models.CharField(max_length=255)
    text = models.TextField()
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    # Small text attachments (a calendar entry): [{"filename", "content", "mimetype"}].
    attachments = models.JSONField(default=list, blank=True)
    # What kind of message this is ("invitation", "digest", ...): for logs and tests.
    purpose = models.CharField(max_length=50, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    available_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["available_at"],
                name="mailing_outbox_due",
                condition=models.Q(sent_at__isnull=True),
            )
        ]
        verbose_name = "outgoing e-mail"
        verbose_name_plural = "outgoing e-mail"

    def __str__(self) -> str:
        return f"{self.purpose or 'mail'} → {self.to}: {self.subject}"
