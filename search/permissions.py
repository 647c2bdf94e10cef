"""What a viewer may find: every query is filtered by these visibility values."""

from community.spaces import enterable_space_ids
from search.serializers import PUBLIC, space_visibility


def viewer_visibility(user) -> tuple[str, ...]:
    """ "public" for everyone; members-only content adds "space:<id>" for each space the
    viewer may enter (`community.spaces.enterable_space_ids`)."""
    if user is None or not user.is_authenticated:
        return (PUBLIC,)
    return (PUBLIC, *(space_visibility(pk) for pk in enterable_space_ids(user)))
