"""A learning process is also a space of people: who belongs to it, in which role.

The space is the `LearningProcessPage` itself, so a process and its community never
drift apart. Every change of membership is written to `MembershipChange`, which is
what a host sees when asking "who made Ana an observer, and when?".
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SpaceRole(models.TextChoices):
    HOST = "host", _("Host")
    FACILITATOR = "facilitator", _("Facilitator")
    PARTICIPANT = "participant", _("Participant")
    OBSERVER = "observer", _("Observer")

    @classmethod
    def moderating(cls) -> tuple["SpaceRole", ...]:
        """Roles that run a space: invite, approve, moderate, facilitate sessions."""
        return (cls.HOST, cls.FACILITATOR)


class Membership(models.Model):
    space = models.ForeignKey(
        "learning_processes.LearningProcessPage",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("learning process"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=SpaceRole.choices)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    # The roles the viewer may change this member to, set by the members page for those
    # who moderate (`community.permissions.role_changes`); not stored.
    role_changes: tuple[SpaceRole, ...]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ("space", "joined_at")
        constraints = [
            models.UniqueConstraint(fields=("space", "user"), name="unique_membership"),
        ]
        indexes = [models.Index(fields=("user", "space"), name="membership_user_space")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.space}"

    @property
    def is_moderator(self) -> bool:
        return self.role in SpaceRole.moderating()


class MembershipChange(models.Model):
    """The log of joins, role changes and departures in a space."""

    class Action(models.TextChoices):
        JOINED = "joined", _("joined")
        ROLE_CHANGED = "role_changed", _("role changed")
        LEFT = "left", _("left")
        REMOVED = "removed", _("removed")

    space = models.ForeignKey(
        "learning_processes.LearningProcessPage",
        on_delete=models.CASCADE,
        related_name="membership_changes",
    )
    # The log outlives a deleted account: the row stays, the person becomes anonymous.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="membership_changes",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    old_role = models.CharField(max_length=20, choices=SpaceRole.choices, blank=True)
    new_role = models.CharField(max_length=20, choices=SpaceRole.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.user}"
