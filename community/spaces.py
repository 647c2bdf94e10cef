"""The one way into a learning-process space, and the spaces a person has.

`access_space` resolves, once per request or socket, the space, the viewer's
membership and role (a `community.permissions.SpaceAccess`), or refuses. Every page,
thread, session, socket and search filter of a space comes through here (the members
pages, the exchange, the live room and its consumer); the rules it applies live in
`community.permissions`.

The rule for unpublished spaces (a draft learning process, such as the one a selected
proposal creates with its applicant as host): it exists only for those who prepare it,
platform staff and the space's hosts and facilitators, who enter it as usual (and may
leave it), so sessions and threads can be ready before it is published. For everyone
else, visitors, participants and observers included, it does not exist: a 404, as
Decidim does with unpublished participatory processes.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from community.models import Membership, SpaceRole
from community.permissions import AnyUser, SpaceAccess, is_platform_staff, space_access
from learning_processes.database_ids import database_id
from learning_processes.models import LearningProcessPage


class SpaceAccessDenied(PermissionDenied):
    """A refusal that names its space, so the 403 page can say what the space is and
    offer to log in or ask to join (`facilitate`: the person is refused running it)."""

    def __init__(self, space: LearningProcessPage, *, facilitate: bool = False) -> None:
        super().__init__(space.title)
        self.space = space
        self.facilitate = facilitate


def check_space_access(
    access: SpaceAccess, *, facilitate: bool = False, members_only: bool = True
) -> SpaceAccess:
    """Refuse the person the space: Http404 if it does not exist for them (unpublished,
    and they do not prepare it), `SpaceAccessDenied` if they may not enter its
    members-only part (`members_only`) or run it (`facilitate`), so a member who lost
    access learns why. With `members_only=False` only existence is checked: public
    threads, asking to join, leaving."""
    if not access.can_see:
        raise Http404("No such learning process.")
    if facilitate:
        allowed = access.can_facilitate
    elif members_only:
        allowed = access.can_enter
    else:
        allowed = True
    if not allowed:
        raise SpaceAccessDenied(access.space, facilitate=facilitate and access.can_enter)
    return access


def access_space(
    user: AnyUser,
    space_id: int | str,
    *,
    facilitate: bool = False,
    members_only: bool = True,
) -> SpaceAccess:
    """The space with the person's membership and role, if they may enter it (or run
    it, with `facilitate`, or only see it, with `members_only=False`); Http404 or
    `SpaceAccessDenied` otherwise (see `check_space_access`)."""
    # A number no row can have is no space (and SQLite cannot even bind it).
    pk = database_id(space_id)
    space = LearningProcessPage.objects.filter(pk=pk).first() if pk is not None else None
    if space is None:
        raise Http404("No such learning process.")
    return check_space_access(
        space_access(user, space), facilitate=facilitate, members_only=members_only
    )


def access_space_of(
    user: AnyUser,
    space: LearningProcessPage,
    *,
    facilitate: bool = False,
    members_only: bool = True,
) -> SpaceAccess:
    """As `access_space`, for a space already loaded with what the person asked for
    (a live session's, for one)."""
    return check_space_access(
        space_access(user, space), facilitate=facilitate, members_only=members_only
    )


# --- A person's spaces -------------------------------------------------------------------


def spaces_of(user: AnyUser) -> QuerySet[LearningProcessPage]:
    if not user.is_authenticated:
        return LearningProcessPage.objects.none()
    return LearningProcessPage.objects.filter(memberships__user=user).distinct()


def enterable_spaces_of(user: AnyUser) -> QuerySet[LearningProcessPage]:
    """The user's spaces that they may enter now: the published ones, and the
    unpublished ones they prepare (as host or facilitator). Platform staff enter every
    space, but only their own are listed here (see `enterable_space_ids`)."""
    if not user.is_authenticated:
        return LearningProcessPage.objects.none()
    preparing = Q(
        pk__in=Membership.objects.filter(user=user, role__in=SpaceRole.moderating()).values(
            "space_id"
        )
    )
    return spaces_of(user).filter(Q(live=True) | preparing)


def enterable_space_ids(user: AnyUser) -> list[int]:
    """The ids of every space the person may enter now (`SpaceAccess.can_enter`):
    every space for platform staff, `enterable_spaces_of` for everyone else."""
    if is_platform_staff(user):
        spaces = LearningProcessPage.objects.all()
    else:
        spaces = enterable_spaces_of(user)
    return sorted(spaces.values_list("pk", flat=True))


def space_hosts(space: LearningProcessPage) -> QuerySet[Membership]:
    return Membership.objects.filter(space_id=space.pk, role=SpaceRole.HOST)
