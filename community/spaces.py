"""Who may do what in a learning-process space. Views, consumers and templates ask
these functions; none of them compares roles by hand.

Connective Cities staff (the staff group, or a superuser) may enter every space and
act as facilitators there without being members.

An unpublished space (a draft learning process, such as the one a selected proposal
creates with its applicant as host) exists only for those who prepare it: platform
staff and the space's hosts and facilitators enter it as usual, so sessions and
threads can be ready before it is published. For everyone else, visitors, participants
and observers included, it does not exist: a 404, as Decidim does with unpublished
participatory processes. `check_space_access` is the one place that says so.
"""

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from community.models import Membership, SpaceRole
from learning_processes.database_ids import database_id
from learning_processes.models import LearningProcessPage
from learning_processes.roles import STAFF_GROUP

AnyUser = AbstractBaseUser | AnonymousUser


def is_platform_staff(user: AnyUser) -> bool:
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_cc_is_platform_staff", None)
    if cached is None:
        cached = user.is_superuser or user.groups.filter(name=STAFF_GROUP).exists()
        user._cc_is_platform_staff = cached
    return cached


def get_membership(user: AnyUser, space: LearningProcessPage) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, space_id=space.pk).first()


def space_role(user: AnyUser, space: LearningProcessPage) -> SpaceRole | None:
    membership = get_membership(user, space)
    return SpaceRole(membership.role) if membership else None


def is_member(user: AnyUser, space: LearningProcessPage) -> bool:
    return (
        user.is_authenticated and Membership.objects.filter(user=user, space_id=space.pk).exists()
    )


def can_prepare_space(user: AnyUser, space: LearningProcessPage) -> bool:
    """Who may enter the space while it is unpublished: staff, its hosts and facilitators."""
    return can_facilitate(user, space)


def can_see_space(user: AnyUser, space: LearningProcessPage) -> bool:
    """Whether the space exists for the user at all (its public threads, for one)."""
    return space.live or can_prepare_space(user, space)


def can_enter_space(user: AnyUser, space: LearningProcessPage) -> bool:
    """Members-only areas, threads and live rooms of the space."""
    if not space.live:
        return can_prepare_space(user, space)
    return is_member(user, space) or is_platform_staff(user)


def can_facilitate(user: AnyUser, space: LearningProcessPage) -> bool:
    """Invite, approve requests, moderate, run live sessions."""
    role = space_role(user, space)
    return role in SpaceRole.moderating() or is_platform_staff(user)


def roles_to_give(user: AnyUser, space: LearningProcessPage) -> tuple[SpaceRole, ...]:
    """The roles `user` may give in `space`, to someone invited or admitted, or to a
    member instead of theirs. Hosts and facilitators give any role but facilitator:
    facilitators are Connective Cities staff, so only staff make someone one."""
    if not can_facilitate(user, space):
        return ()
    staff = is_platform_staff(user)
    return tuple(role for role in SpaceRole if staff or role != SpaceRole.FACILITATOR)


def role_changes(
    giveable: Sequence[str], membership: Membership, *, last_host: bool
) -> tuple[SpaceRole, ...]:
    """The roles a member may be changed to by someone who may give `giveable` (see
    `roles_to_give`): a role one may not give, one may not take away either (only staff
    change a facilitator's role), and the last host stays host until another member is
    one. Empty when the member's role cannot be changed at all."""
    if membership.role not in giveable or last_host:
        return ()
    return tuple(SpaceRole(role) for role in giveable if role != membership.role)


def spaces_of(user: AnyUser) -> QuerySet[LearningProcessPage]:
    if not user.is_authenticated:
        return LearningProcessPage.objects.none()
    return LearningProcessPage.objects.filter(memberships__user=user).distinct()


def enterable_spaces_of(user: AnyUser) -> QuerySet[LearningProcessPage]:
    """The user's spaces that they may enter now: the published ones, and the
    unpublished ones they prepare (as host or facilitator)."""
    if not user.is_authenticated:
        return LearningProcessPage.objects.none()
    preparing = Q(
        pk__in=Membership.objects.filter(user=user, role__in=SpaceRole.moderating()).values(
            "space_id"
        )
    )
    return spaces_of(user).filter(Q(live=True) | preparing)


def space_hosts(space: LearningProcessPage) -> QuerySet[Membership]:
    return Membership.objects.filter(space_id=space.pk, role=SpaceRole.HOST)


class SpaceAccessDenied(PermissionDenied):
    """A refusal that names its space, so the 403 page can say what the space is and
    offer to log in or ask to join (`facilitate`: the person is refused running it)."""

    def __init__(self, space: LearningProcessPage, *, facilitate: bool = False) -> None:
        super().__init__(space.title)
        self.space = space
        self.facilitate = facilitate


def check_space_access(
    user: AnyUser,
    space: LearningProcessPage,
    *,
    facilitate: bool = False,
    members_only: bool = True,
) -> None:
    """Refuse the user the space: Http404 if it does not exist for them (unpublished,
    and they do not prepare it), PermissionDenied if they may not enter its members-only
    part (`members_only`) or run it (`facilitate`), so a member who lost access learns
    why. With `members_only=False` only existence is checked: public threads."""
    if not can_see_space(user, space):
        raise Http404("No such learning process.")
    if facilitate:
        allowed = can_facilitate(user, space)
    elif members_only:
        allowed = can_enter_space(user, space)
    else:
        allowed = True
    if not allowed:
        raise SpaceAccessDenied(space, facilitate=facilitate and can_enter_space(user, space))


def access_space(
    user: AnyUser,
    space_id: int,
    *,
    facilitate: bool = False,
    members_only: bool = True,
) -> LearningProcessPage:
    """The space, if the user may enter it (or run it, with `facilitate`, or only see it,
    with `members_only=False`); Http404 or PermissionDenied otherwise (see
    `check_space_access`). Every page, thread, session and socket of a space comes
    through here."""
    # A number no row can have is no space (and SQLite cannot even bind it).
    if database_id(space_id) is None:
        raise Http404("No such learning process.")
    space = LearningProcessPage.objects.filter(pk=space_id).first()
    if space is None:
        raise Http404("No such learning process.")
    check_space_access(user, space, facilitate=facilitate, members_only=members_only)
    return space
