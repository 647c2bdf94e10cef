"""Who may do what in a space's live rooms, over the person's resolved `SpaceAccess`
(see `community.permissions`). Actions, selectors, views and template tags import
these; the room's consumer asks them through the actions on every command."""

from community.permissions import SpaceAccess


def can_enter_room(access: SpaceAccess) -> bool:
    """A session's room is part of its space's members-only area."""
    return access.can_enter


def can_run_session(access: SpaceAccess) -> bool:
    """Facilitator controls: the space's hosts and facilitators and platform staff (a
    session's named facilitators are chosen among them)."""
    return access.can_facilitate


def can_schedule_sessions(access: SpaceAccess) -> bool:
    return access.can_facilitate
