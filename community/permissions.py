"""Who may do what in a learning-process space: the community's `can_*` rules.

A person's standing in one space is resolved once into a `SpaceAccess` (their
membership, its role, whether they are platform staff); every rule below is a property
of it, written once. Views and consumers get their `SpaceAccess` from the boundary,
`community.spaces.access_space`; the `(user, space)` functions at the end answer one
question for callers that hold no resolved access (template tags, signal receivers).
Selectors, template tags and actions import their rules from here, never from each
other.

Connective Cities staff (the staff group, or a superuser) may enter every space and act
as facilitators there without being members. An unpublished space (a draft learning
process) exists only for those who prepare it: staff and the space's hosts and
facilitators (see `community.spaces.access_space`).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied

# The module, not the package: the profile model imports this module (for
# `is_platform_staff`), and the package imports the profile model.
from community.models.membership import Membership, SpaceRole
from learning_processes.models import LearningProcessPage
from learning_processes.roles import STAFF_GROUP

AnyUser = User | AnonymousUser

# Set on a user object the first time `is_platform_staff` asks the database about it.
_STAFF_CACHE = "_cc_is_platform_staff"


def is_platform_staff(user: AnyUser) -> bool:
    """Connective Cities staff: the staff group, or a superuser (asked once per user
    object)."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, _STAFF_CACHE, None)
    if cached is None:
        cached = user.is_superuser or user.groups.filter(name=STAFF_GROUP).exists()
        # A per-object cache, not a field of User: set by name.
        setattr(user, _STAFF_CACHE, cached)
    return cached


@dataclass(frozen=True)
class SpaceAccess:
    """One person in one space: their membership (None for visitors and outsiders) and
    whether they are platform staff. Resolved by `space_access`; its properties are the
    space rules, so a request asks the database once however many rules it checks."""

    space: LearningProcessPage
    user: AnyUser
    membership: Membership | None
    staff: bool

    @property
    def role(self) -> SpaceRole | None:
        return SpaceRole(self.membership.role) if self.membership else None

    @property
    def actor(self) -> User:
        """The person's account, for what only a signed-in person does: a visitor is
        refused (the exchange's space views send them to log in). Every action a visitor
        could reach refuses them anyway; this says so to the type checker too."""
        if not self.user.is_authenticated:
            raise PermissionDenied
        return self.user

    @property
    def is_member(self) -> bool:
        return self.membership is not None

    @property
    def can_facilitate(self) -> bool:
        """Invite, approve requests, moderate, run live sessions."""
        return self.staff or self.role in SpaceRole.moderating()

    @property
    def can_prepare(self) -> bool:
        """Who may enter the space while it is unpublished: staff, its hosts and
        facilitators."""
        return self.can_facilitate

    @property
    def can_see(self) -> bool:
        """Whether the space exists for the person at all (its public threads, for one)."""
        return self.space.live or self.can_prepare

    @property
    def can_enter(self) -> bool:
        """Members-only areas, threads and live rooms of the space."""
        if not self.space.live:
            return self.can_prepare
        return self.is_member or self.staff

    @cached_property
    def giveable_roles(self) -> tuple[SpaceRole, ...]:
        """The roles the person may give in the space, to someone invited or admitted,
        or to a member instead of theirs. Hosts and facilitators give any role but
        facilitator: facilitators are Connective Cities staff, so only staff make
        someone one."""
        if not self.can_facilitate:
            return ()
        return tuple(role for role in SpaceRole if self.staff or role != SpaceRole.FACILITATOR)


def space_access(user: AnyUser, space: LearningProcessPage) -> SpaceAccess:
    """The person's standing in the space, without refusing anything: one query for the
    membership (none for visitors), one for the staff check (once per user object)."""
    membership = None
    if user.is_authenticated:
        membership = Membership.objects.filter(user=user, space_id=space.pk).first()
    return SpaceAccess(space=space, user=user, membership=membership, staff=is_platform_staff(user))


def role_changes(
    giveable: Sequence[str], membership: Membership, *, last_host: bool
) -> tuple[SpaceRole, ...]:
    """The roles a member may be changed to by someone who may give `giveable` (see
    `SpaceAccess.giveable_roles`): a role one may not give, one may not take away either
    (only staff change a facilitator's role), and the last host stays host until another
    member is one. Empty when the member's role cannot be changed at all."""
    if membership.role not in giveable or last_host:
        return ()
    return tuple(SpaceRole(role) for role in giveable if role != membership.role)


# --- One question about a (user, space) pair -------------------------------------------


def get_membership(user: AnyUser, space: LearningProcessPage) -> Membership | None:
    return space_access(user, space).membership


def space_role(user: AnyUser, space: LearningProcessPage) -> SpaceRole | None:
    return space_access(user, space).role


def can_see_space(user: AnyUser, space: LearningProcessPage) -> bool:
    return space_access(user, space).can_see


def can_enter_space(user: AnyUser, space: LearningProcessPage) -> bool:
    return space_access(user, space).can_enter


def can_facilitate(user: AnyUser, space: LearningProcessPage) -> bool:
    return space_access(user, space).can_facilitate


def roles_to_give(user: AnyUser, space: LearningProcessPage) -> tuple[SpaceRole, ...]:
    return space_access(user, space).giveable_roles
