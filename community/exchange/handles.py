"""@handles of the members of a space, derived from how each is named.

A handle is the slugified display name ("Ana Souza" -> "ana-souza"). When two members
of a space would share one, the one who joined later gets "-2", "-3" ...: handles are
unique within a space and stable as long as names and memberships do not change.
"""

from django.contrib.auth.models import User
from django.utils.text import slugify

from community.members.people import display_name
from community.models import Membership
from learning_processes.models import LearningProcessPage


def base_handle(user: User) -> str:
    handle = slugify(display_name(user))[:40].strip("-")
    return handle or f"member-{user.pk}"


def member_handles(space: LearningProcessPage) -> dict[str, User]:
    """handle -> user for every member of the space, in joining order."""
    memberships = (
        Membership.objects.filter(space_id=space.pk)
        .select_related("user__profile")
        .order_by("joined_at", "pk")
    )
    handles: dict[str, User] = {}
    for membership in memberships:
        user = membership.user
        if not user.is_active:
            continue
        base = handle = base_handle(user)
        number = 2
        while handle in handles:
            handle = f"{base}-{number}"
            number += 1
        handles[handle] = user
    return handles


def handle_of(user: User, space: LearningProcessPage) -> str | None:
    for handle, member in member_handles(space).items():
        if member.pk == user.pk:
            return handle
    return None
