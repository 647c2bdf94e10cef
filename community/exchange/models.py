"""The follow-up exchange of a space: threads, their posts, and what happens around them.

A `Thread` carries what belongs to the conversation as a whole (title, tags,
visibility, pinned, locked); everything that is written, the opening post included,
is a `Post`, so edits, reactions, flags, attachments and mentions work the same for
both. Replies nest one level: a post's `parent` is always a top-level post.

Nothing is deleted for real from the interface: authors and moderators delete softly
(`deleted_at`) and moderators hide (`hidden_at`); both can be undone, and every
moderation step is written to `ModerationLog`.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from community.exchange.storage import attachment_storage


class Visibility(models.TextChoices):
    MEMBERS = "members", _("Members of the space")
    PUBLIC = "public", _("Public")


class ThreadTag(TaggedItemBase):
    content_object = models.ForeignKey(
        "exchange.Thread", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ThreadQuerySet(models.QuerySet):
    def listed(self) -> "ThreadQuerySet":
        """Threads anyone who may see the space sees: not deleted, not hidden."""
        return self.filter(deleted_at__isnull=True, hidden_at__isnull=True)

    def public(self) -> "ThreadQuerySet":
        return self.filter(visibility=Visibility.PUBLIC)


# django-stubs cannot resolve the reverse manager of ThreadTag's relation: its base,
# taggit's TaggedItemBase, ships no types (a stub gap).
class Thread(models.Model):  # type: ignore[django-manager-missing]
    space = models.ForeignKey(
        "learning_processes.LearningProcessPage",
        on_delete=models.CASCADE,
        related_name="exchange_threads",
        verbose_name=_("learning process"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    visibility = models.CharField(
        _("who can read it"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    tags = TaggableManager(through=ThreadTag, blank=True, verbose_name=_("tags"))
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Moves with every new reply: the listing sorts by it.
    last_activity_at = models.DateTimeField(default=timezone.now)
    reply_count = models.PositiveIntegerField(default=0)
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    practice = models.ForeignKey(
        "learning_processes.PracticePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_threads",
        verbose_name=_("practice drafted from this thread"),
    )

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [
            models.Index(
                fields=["space", "-is_pinned", "-last_activity_at"], name="exchange_thread_listing"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("exchange:thread", args=[self.space_id, self.pk])

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC


class PostQuerySet(models.QuerySet):
    def visible(self) -> "PostQuerySet":
        return self.filter(deleted_at__isnull=True, hidden_at__isnull=True)


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    # Replies to a reply hang below the same top-level post: one level of nesting.
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    quoted = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_opening = models.BooleanField(default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("text"), max_length=20_000)
    # The body rendered from Markdown and sanitised, kept so listings never re-render.
    body_html = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    is_helpful = models.BooleanField(_("helpful"), default=False)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)

    objects = PostQuerySet.as_manager()

    # What the thread page shows of each post, set by `selectors.thread_posts` from the
    # viewer's role looked up once for the page; not stored.
    removed: bool
    show_body: bool
    may_edit: bool
    may_delete: bool
    may_restore: bool
    may_hide: bool
    may_unhide: bool
    may_helpful: bool
    may_react: bool
    may_flag: bool
    may_reply: bool
    reaction_list: list[dict[str, Any]]
    open_flags: int
    replies: list["Post"]
    quoted_here: bool

    class Meta:
        ordering = ("created_at", "pk")
        indexes = [models.Index(fields=["thread", "created_at"], name="exchange_post_thread")]
        constraints = [
            models.UniqueConstraint(
                fields=["thread"], condition=Q(is_opening=True), name="exchange_one_opening_post"
            )
        ]

    def __str__(self) -> str:
        return f"{self.thread} #{self.pk}"

    def get_absolute_url(self) -> str:
        """The permalink, which finds the page of the thread the post is on."""
        from django.urls import reverse

        return reverse("exchange:post", args=[self.thread.space_id, self.thread_id, self.pk])


class PostRevision(models.Model):
    """What a post said before an edit; the history everyone who reads the post sees."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    body_html = models.TextField(blank=True)
    written_at = models.DateTimeField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-edited_at", "-pk")

    def __str__(self) -> str:
        return f"{self.post_id} before {self.edited_at:%Y-%m-%d %H:%M}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name never comes from the user: a random token plus the checked extension.
    import secrets

    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{timezone.now():%Y/%m}/{secrets.token_urlsafe(16)}.{extension}"


class Attachment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=attachment_storage, max_length=200)
    # Shown and offered as the download name, after cleaning (see uploads.safe_filename).
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return self.filename


class Reaction(models.Model):
    class Kind(models.TextChoices):
        THUMBS_UP = "thumbs_up", _("Agree")
        THANKS = "thanks", _("Thanks")
        IDEA = "idea", _("Good idea")
        CELEBRATE = "celebrate", _("Celebrate")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="exchange_one_reaction")
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.post_id}"


class Mention(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="exchange_one_mention")
        ]

    def __str__(self) -> str:
        return f"@{self.user_id} in {self.post_id}"


class Flag(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Abusive or disrespectful")
        OFF_TOPIC = "off_topic", _("Off topic")
        PRIVACY = "privacy", _("Shares private information")
        OTHER = "other", _("Something else")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.CharField(_("what is wrong"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ("-created_at", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=Q(resolved_at__isnull=True),
                name="exchange_one_open_flag",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reason} on {self.post_id}"


class ModerationLog(models.Model):
    """Every moderation step in a space: who did what to which post or thread, and why."""

    class Action(models.TextChoices):
        HIDE = "hide", _("hid a post")
        UNHIDE = "unhide", _("restored a hidden post")
        DELETE = "delete", _("deleted a post")
        RESTORE = "restore", _("restored a deleted post")
        LOCK = "lock", _("locked a thread")
        UNLOCK = "unlock", _("unlocked a thread")
        PIN = "pin", _("pinned a thread")
        UNPIN = "unpin", _("unpinned a thread")
        RESOLVE_FLAGS = "resolve_flags", _("dismissed flags")
        PRACTICE = "practice", _("drafted a practice from a thread")

    space = models.ForeignKey(
        "learning_processes.LearningProcessPage",
        on_delete=models.CASCADE,
        related_name="exchange_moderation_log",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    thread = models.ForeignKey(Thread, on_delete=models.SET_NULL, null=True, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"


class EmailFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    OFF = "off", _("Off")


class NotificationPreference(models.Model):
    """How a member hears about a space by e-mail; no row means the defaults.

    A mention is mailed at once even to members who chose a digest (someone asked
    them something), unless they turned `mentions_at_once` off; "Off" is off for
    mentions too."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    space = models.ForeignKey(
        "learning_processes.LearningProcessPage", on_delete=models.CASCADE, related_name="+"
    )
    email = models.CharField(max_length=12, choices=EmailFrequency.choices)
    mentions_at_once = models.BooleanField(_("e-mail me at once when I am mentioned"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "space"], name="exchange_one_preference")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.space_id}: {self.email}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        MENTION = "mention", _("mentioned you")
        REPLY = "reply", _("replied")
        NEW_THREAD = "new_thread", _("started a thread")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exchange_notifications"
    )
    space = models.ForeignKey(
        "learning_processes.LearningProcessPage", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when the notification was mailed on its own; digests leave it out then.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        indexes = [
            models.Index(
                fields=["recipient"],
                name="exchange_unread",
                condition=Q(read_at__isnull=True),
            ),
            models.Index(fields=["recipient", "created_at"], name="exchange_notif_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"


class DigestState(models.Model):
    """When a user's last digest of a frequency went out: the next lists only what came after."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField(max_length=12, choices=EmailFrequency.choices)
    last_sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "frequency"], name="exchange_one_digest_state")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.frequency}: {self.last_sent_at:%Y-%m-%d %H:%M}"


class ActivityVisit(models.Model):
    """When a user last looked at their dashboard: "new" means after `previous_at`.
    Views within SAME_VISIT of the last one belong to the same visit, so reloading the
    dashboard does not empty it."""

    SAME_VISIT = dt.timedelta(minutes=30)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    previous_at = models.DateTimeField(null=True, blank=True)
    last_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.user_id}: {self.last_at:%Y-%m-%d %H:%M}"
