"""Who may do what in a space's exchange: the exchange's `can_*` rules, each over the
person's resolved `SpaceAccess` (see `community.permissions`), so a page or an action
looks their membership up once however many rules it asks. Actions, selectors, views
and template tags import them from here."""

from community.exchange.models import Post
from community.models import SpaceRole
from community.permissions import SpaceAccess

POSTING_ROLES = (SpaceRole.HOST, SpaceRole.FACILITATOR, SpaceRole.PARTICIPANT)


def can_read_members_threads(access: SpaceAccess) -> bool:
    return access.can_enter


def can_post(access: SpaceAccess) -> bool:
    """Hosts, facilitators and participants write; observers read, react and flag."""
    return access.staff or access.role in POSTING_ROLES


def can_moderate(access: SpaceAccess) -> bool:
    return access.can_facilitate


def can_draft_practice(access: SpaceAccess) -> bool:
    return access.staff or access.role == SpaceRole.HOST


def _is_author(access: SpaceAccess, post: Post) -> bool:
    # Anonymous users have pk None, like posts of deleted accounts: never "own".
    return access.user.is_authenticated and post.author_id == access.user.pk


def can_edit_post(access: SpaceAccess, post: Post) -> bool:
    return (
        _is_author(access, post)
        and post.deleted_at is None
        and post.hidden_at is None
        and not post.thread.is_locked
        and can_post(access)
    )


def can_delete_post(access: SpaceAccess, post: Post) -> bool:
    if post.deleted_at is not None:
        return False
    return (_is_author(access, post) and can_post(access)) or can_moderate(access)


def can_mark_helpful(access: SpaceAccess, post: Post) -> bool:
    if post.is_opening or not access.user.is_authenticated:
        return False
    own_thread = post.thread.author_id == access.user.pk
    return (own_thread and can_post(access)) or can_moderate(access)


def can_react(access: SpaceAccess, post: Post) -> bool:
    return can_read_members_threads(access) and post.deleted_at is None


def can_flag(access: SpaceAccess) -> bool:
    return can_read_members_threads(access)
