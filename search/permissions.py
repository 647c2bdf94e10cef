"""What a viewer may find: every query is filtered by these visibility values."""

from search.serializers import PUBLIC


def viewer_visibility(user) -> tuple[str, ...]:
    """ "public" for everyone; members-only content adds "space:<id>" per space."""
    return (PUBLIC,)
