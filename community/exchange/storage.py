"""Private storage for attachments: a directory outside MEDIA_ROOT, without a URL.

Files are only ever read by the download view, after it has checked that the
requester may see the thread. The location is read from the setting at each use
(a model field keeps its storage for the life of the process), and migrations
only record the callable, never a path.
"""

import os

from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    @property
    def base_location(self) -> str:
        from community.exchange.app_settings import app_settings

        return str(app_settings.ATTACHMENT_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise NotImplementedError("Attachments have no public URL; use the download view.")


_storage = PrivateStorage()


def attachment_storage() -> PrivateStorage:
    return _storage
