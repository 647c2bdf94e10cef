"""Settings of the community app, each with its default (allauth's app_settings
pattern), read at use time so tests can override them. Set them in the Django
settings as `COMMUNITY_<NAME>`."""

from learning_processes.app_settings_base import BaseAppSettings


class AppSettings(BaseAppSettings):
    prefix = "COMMUNITY_"

    @property
    def INVITATION_DAYS(self) -> int:
        """Days an invitation link stays valid."""
        return self._setting("INVITATION_DAYS", 14)

    @property
    def INVITATIONS_PER_HOUR(self) -> int:
        """Invitations one person may send per hour (the rate limit uses the cache)."""
        return self._setting("INVITATIONS_PER_HOUR", 60)

    # Avatars: what an upload may be, and what is stored (a re-encoded square).
    @property
    def AVATAR_MAX_BYTES(self) -> int:
        return self._setting("AVATAR_MAX_BYTES", 3 * 1024 * 1024)

    @property
    def AVATAR_MIN_SIDE(self) -> int:
        return self._setting("AVATAR_MIN_SIDE", 64)

    @property
    def AVATAR_MAX_SIDE(self) -> int:
        return self._setting("AVATAR_MAX_SIDE", 6000)

    @property
    def AVATAR_SIZE(self) -> int:
        return self._setting("AVATAR_SIZE", 400)

    @property
    def AVATAR_FORMATS(self) -> tuple[str, ...]:
        return self._setting("AVATAR_FORMATS", ("JPEG", "PNG", "WEBP", "GIF"))

    @property
    def STAFF_REQUIRE_2FA(self) -> bool:
        """Staff (superusers, the staff group) must set up two-factor authentication first."""
        return self._setting("STAFF_REQUIRE_2FA", False)

    @property
    def DIRECTORY_PAGE_SIZE(self) -> int:
        return self._setting("DIRECTORY_PAGE_SIZE", 24)


app_settings = AppSettings()
