"""Who may do what in a learning-process space. Views, consumers and templates ask
these functions; none of them compares roles by hand.

Connective Cities staff (the staff group, or a superuser) may enter every space and
act as facilitators there without being members.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from community.models import Membership, SpaceRole
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


def can_enter_space(user: AnyUser, space: LearningProcessPage) -> bool:
    """Members-only areas, threads and live rooms of the space."""
    return is_member(user, space) or is_platform_staff(user)


def can_facilitate(user: AnyUser, space: LearningProcessPage) -> bool:
    """Invite, approve requests, moderate, run live sessions."""
    role = space_role(user, space)
    return role in SpaceRole.moderating() or is_platform_staff(user)


def spaces_of(user: AnyUser) -> QuerySet[LearningProcessPage]:
    if not user.is_authenticated:
        return LearningProcessPage.objects.none()
    return LearningProcessPage.objects.filter(memberships__user=user).distinct()


def space_hosts(space: LearningProcessPage) -> QuerySet[Membership]:
    return Membership.objects.filter(space_id=space.pk, role=SpaceRole.HOST)


def access_space(user: AnyUser, space_id: int, *, facilitate: bool = False) -> LearningProcessPage:
    """The space, if the user may enter it (or run it, with `facilitate`).

    A space that does not exist or is not published is a 404; one the user may not
    enter is a 403, so a member who lost access learns why.
    """
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    space = LearningProcessPage.objects.live().filter(pk=space_id).first()
    if space is None:
        raise Http404("No such learning process.")
    allowed = can_facilitate(user, space) if facilitate else can_enter_space(user, space)
    if not allowed:
        raise PermissionDenied
    return space
