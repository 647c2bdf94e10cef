"""Live virtual sessions of a space and everything that happens in their rooms.

`RoomEvent` is the room's log: every change (a chat message, a raised hand, a vote)
is written there with the next number of the session's sequence, in the same
transaction as the change itself, before it is broadcast. A client that was away
asks for the events after the last number it saw, so nothing is lost or doubled.
The other models hold the room's current state (what the log adds up to), so the
rules ("one vote per member") are database constraints and the snapshot is a query.
"""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.live.app_settings import app_settings


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(zone)s is not a known time zone."), params={"zone": value})


def default_host_time_zone() -> str:
    return app_settings.DEFAULT_HOST_TIME_ZONE


class SessionState(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live")
    ENDED = "ended", _("Ended")


class VirtualSession(models.Model):
    """A virtual exchange format of a learning process: text-first, with an optional
    link to an external video room."""

    space = models.ForeignKey(
        "learning_processes.LearningProcessPage",
        on_delete=models.CASCADE,
        related_name="virtual_sessions",
        verbose_name=_("learning process"),
    )
    title = models.CharField(_("title"), max_length=200)
    agenda = models.TextField(_("agenda"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    host_time_zone = models.CharField(
        _("host's time zone"),
        max_length=64,
        default=default_host_time_zone,
        validators=[validate_time_zone],
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="facilitated_sessions",
        blank=True,
        verbose_name=_("facilitators"),
    )
    video_url = models.URLField(
        _("video room link"),
        blank=True,
        help_text=_("Optional: a Jitsi or BigBlueButton room. The live room itself is text."),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=SessionState.choices, default=SessionState.SCHEDULED
    )
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The last number handed out in this session's event sequence (see RoomEvent).
    last_seq = models.PositiveBigIntegerField(default=0)
    minutes = models.JSONField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("virtual session")
        verbose_name_plural = _("virtual sessions")
        ordering = ("starts_at", "pk")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="live_session_ends_after_start",
            )
        ]
        indexes = [models.Index(fields=("state", "starts_at"), name="live_session_state_start")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("live:room", kwargs={"space_id": self.space_id, "pk": self.pk})

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The session must end after it starts.")})

    @property
    def group_name(self) -> str:
        return room_group(self.pk)


def room_group(session_id: int) -> str:
    return f"live-session-{session_id}"


def user_group(user_id: int) -> str:
    return f"live-user-{user_id}"


class RoomEvent(models.Model):
    """One entry of a session's log, numbered 1, 2, 3, ... without gaps."""

    session = models.ForeignKey(VirtualSession, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    data = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("session", "seq")
        constraints = [
            models.UniqueConstraint(fields=("session", "seq"), name="live_event_unique_seq")
        ]

    def __str__(self) -> str:
        return f"{self.session_id}#{self.seq} {self.kind}"


class Attendee(models.Model):
    """Someone who entered the room at least once: attendance for the minutes and the
    mute flag. They are present while they have an open `RoomSocket`."""

    session = models.ForeignKey(VirtualSession, on_delete=models.CASCADE, related_name="attendees")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_attendance"
    )
    first_joined_at = models.DateTimeField(default=timezone.now)
    muted = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("session", "user"), name="live_attendee_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.session_id}"


class RoomSocket(models.Model):
    """One open WebSocket of an attendee. The server process holding it renews
    `seen_at` every `LIVE_HEARTBEAT_SECONDS`; a socket not renewed for three beats
    belonged to a process that died without closing it, and is swept away (the person
    leaves the room if it was their last)."""

    attendee = models.ForeignKey(Attendee, on_delete=models.CASCADE, related_name="sockets")
    channel_name = models.CharField(max_length=255, unique=True)
    opened_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return self.channel_name


class ChatMessage(models.Model):
    session = models.ForeignKey(VirtualSession, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField()
    pinned = models.BooleanField(default=False)
    removed = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return self.text[:60]


class RaisedHand(models.Model):
    """A place in the hand-raising queue; gone when lowered or called."""

    session = models.ForeignKey(VirtualSession, on_delete=models.CASCADE, related_name="hands")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    raised_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("raised_at", "pk")
        constraints = [models.UniqueConstraint(fields=("session", "user"), name="live_hand_once")]

    def __str__(self) -> str:
        return f"{self.user} in {self.session_id}"


class Question(models.Model):
    session = models.ForeignKey(VirtualSession, on_delete=models.CASCADE, related_name="questions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField()
    votes = models.PositiveIntegerField(default=0)
    answered = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("answered", "-votes", "created_at", "pk")

    def __str__(self) -> str:
        return self.text[:60]


class QuestionVote(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="upvotes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("question", "user"), name="live_question_vote_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} on {self.question_id}"


class Poll(models.Model):
    session = models.ForeignKey(VirtualSession, on_delete=models.CASCADE, related_name="polls")
    question = models.CharField(max_length=500)
    options = models.JSONField()
    multiple = models.BooleanField(default=False)
    is_open = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return self.question

    def counts(self) -> list[int]:
        counts = [0] * len(self.options)
        for choices in self.votes.values_list("choices", flat=True):
            for index in choices:
                counts[index] += 1
        return counts


class PollVote(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    choices = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=("poll", "user"), name="live_poll_vote_once")]

    def __str__(self) -> str:
        return f"{self.user} on {self.poll_id}"


class ReminderKind(models.TextChoices):
    DAY = "day", _("a day before")
    HOUR = "hour", _("an hour before")


class SessionReminder(models.Model):
    """That the reminder of one kind went out for a session: at most once."""

    session = models.ForeignKey(VirtualSession, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=8, choices=ReminderKind.choices)
    recipients = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("session", "kind"), name="live_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.session_id} {self.kind}"
