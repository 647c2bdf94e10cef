"""What a viewer may find: every query is filtered by these visibility values."""

from community.spaces import enterable_spaces_of, is_platform_staff
from learning_processes.models import LearningProcessPage
from search.serializers import PUBLIC, space_visibility


def viewer_visibility(user) -> tuple[str, ...]:
    """ "public" for everyone; members-only content adds "space:<id>" for each space the
    viewer may enter: their own (published, or unpublished ones they prepare), or every
    space for platform staff (as in `community.spaces.can_enter_space`)."""
    if user is None or not user.is_authenticated:
        return (PUBLIC,)
    if is_platform_staff(user):
        spaces = LearningProcessPage.objects.all()
    else:
        spaces = enterable_spaces_of(user)
    ids = sorted(spaces.values_list("pk", flat=True))
    return (PUBLIC, *(space_visibility(pk) for pk in ids))
