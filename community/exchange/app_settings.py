"""The exchange's settings, each with a default, read through `app_settings`.

Every value may be overridden in the Django settings with an `EXCHANGE_` prefix,
for example `EXCHANGE_NEW_MEMBER_THREADS_PER_HOUR = 5`.
"""

from pathlib import Path

from django.conf import settings

from learning_processes.app_settings_base import BaseAppSettings

# Extension -> the MIME type the content must be detected as. Plain-text types have
# no magic number; they are accepted when the content is UTF-8 text without NUL bytes.
DEFAULT_ATTACHMENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "txt": "text/plain",
    "csv": "text/csv",
    "md": "text/markdown",
}
TEXT_TYPES = frozenset({"text/plain", "text/csv", "text/markdown"})


class AppSettings(BaseAppSettings):
    prefix = "EXCHANGE_"

    @property
    def ATTACHMENT_ROOT(self) -> Path:
        """Where attachments are stored: outside MEDIA_ROOT, never served directly."""
        default = Path(settings.BASE_DIR) / "var" / "private" / "exchange"
        return Path(self._setting("ATTACHMENT_ROOT", default))

    @property
    def ATTACHMENT_MAX_BYTES(self) -> int:
        return self._setting("ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)

    @property
    def ATTACHMENT_MAX_FILES(self) -> int:
        return self._setting("ATTACHMENT_MAX_FILES", 5)

    @property
    def ATTACHMENT_TYPES(self) -> dict[str, str]:
        return self._setting("ATTACHMENT_TYPES", DEFAULT_ATTACHMENT_TYPES)

    @property
    def NEW_MEMBER_DAYS(self) -> int:
        """A member is new until this many days after joining ..."""
        return self._setting("NEW_MEMBER_DAYS", 7)

    @property
    def NEW_MEMBER_POSTS(self) -> int:
        """... or until they have written this many posts in the space."""
        return self._setting("NEW_MEMBER_POSTS", 5)

    @property
    def NEW_MEMBER_THREADS_PER_HOUR(self) -> int:
        return self._setting("NEW_MEMBER_THREADS_PER_HOUR", 3)

    @property
    def NEW_MEMBER_MAX_LINKS(self) -> int:
        return self._setting("NEW_MEMBER_MAX_LINKS", 2)

    @property
    def MAX_LINKS(self) -> int:
        """Links per post for everyone else: a ceiling against spam from a taken account."""
        return self._setting("MAX_LINKS", 30)

    @property
    def DEFAULT_EMAIL_FREQUENCY(self) -> str:
        return self._setting("DEFAULT_EMAIL_FREQUENCY", "daily")

    @property
    def THREADS_PER_PAGE(self) -> int:
        return self._setting("THREADS_PER_PAGE", 20)

    @property
    def REPLIES_PER_PAGE(self) -> int:
        """Top-level replies on one page of a thread, each with its answers."""
        return self._setting("REPLIES_PER_PAGE", 30)


app_settings = AppSettings()
