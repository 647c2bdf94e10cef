"""Settings of the live rooms, each with its default (allauth's app_settings pattern).

Override any of them in the Django settings as `LIVE_<NAME>`.
"""

from django.conf import settings

from learning_processes.app_settings_base import BaseAppSettings


class AppSettings(BaseAppSettings):
    prefix = "LIVE_"

    @property
    def RATE_LIMIT(self) -> str:
        """Commands one member may send in one room (a `limits` rate string)."""
        return self._setting("RATE_LIMIT", "20/10seconds")

    @property
    def RATE_LIMIT_STORAGE(self) -> str:
        """Where the rate-limit windows live: Redis when the site has it, so that two
        server processes count one member's commands together."""
        redis_url = getattr(settings, "REDIS_URL", "")
        return self._setting("RATE_LIMIT_STORAGE", redis_url or "memory://")

    @property
    def MAX_TEXT_CHARS(self) -> int:
        """Longest chat message, question or poll option."""
        return self._setting("MAX_TEXT_CHARS", 2000)

    @property
    def MAX_FRAME_BYTES(self) -> int:
        """Largest WebSocket frame (in UTF-8 bytes) a client may send; bigger ones are
        answered with `too_large`, unread, and the socket stays open. (daphne itself
        drops the connection above 1 MiB, before the frame reaches the room.)"""
        return self._setting("MAX_FRAME_BYTES", 16_384)

    @property
    def MAX_POLL_OPTIONS(self) -> int:
        return self._setting("MAX_POLL_OPTIONS", 10)

    @property
    def MAX_POLL_QUESTION_CHARS(self) -> int:
        return self._setting("MAX_POLL_QUESTION_CHARS", 500)

    @property
    def MAX_POLL_OPTION_CHARS(self) -> int:
        return self._setting("MAX_POLL_OPTION_CHARS", 200)

    @property
    def REPLAY_LIMIT(self) -> int:
        """A client further behind than this gets a fresh snapshot instead of a replay."""
        return self._setting("REPLAY_LIMIT", 1000)

    @property
    def SNAPSHOT_MESSAGES(self) -> int:
        """Chat messages a snapshot carries (the newest)."""
        return self._setting("SNAPSHOT_MESSAGES", 200)

    @property
    def HEARTBEAT_SECONDS(self) -> float:
        """How often each server process renews its open sockets; one not renewed for
        three beats is taken for gone (its process died) and leaves the room."""
        return self._setting("HEARTBEAT_SECONDS", 30)

    @property
    def DEFAULT_HOST_TIME_ZONE(self) -> str:
        return self._setting("DEFAULT_HOST_TIME_ZONE", "Europe/Berlin")


app_settings = AppSettings()
