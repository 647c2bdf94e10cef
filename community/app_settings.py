"""Settings of the community app, each with its default, read at call time so tests can
override them. Set them in the Django settings as `COMMUNITY_<NAME>`."""

from django.conf import settings

DEFAULTS = {
    # Days an invitation link stays valid.
    "INVITATION_DAYS": 14,
    # Avatars: what an upload may be, and what is stored (a re-encoded square).
    "AVATAR_MAX_BYTES": 3 * 1024 * 1024,
    "AVATAR_MIN_SIDE": 64,
    "AVATAR_MAX_SIDE": 6000,
    "AVATAR_SIZE": 400,
    "AVATAR_FORMATS": ("JPEG", "PNG", "WEBP", "GIF"),
    # Staff (superusers, the staff group) must set up two-factor authentication first.
    "STAFF_REQUIRE_2FA": False,
    "DIRECTORY_PAGE_SIZE": 24,
    # Invitations one person may send per hour (the rate limit uses the cache).
    "INVITATIONS_PER_HOUR": 60,
}


def get(name: str):
    return getattr(settings, f"COMMUNITY_{name}", DEFAULTS[name])
