"""Private storage for attachments: a directory outside MEDIA_ROOT, without a URL.

Files are only ever read by the download view, after it has checked that the
requester may see the thread. The storage is a callable, so the location follows
the setting at run time and migrations never record a path.
"""

from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    def url(self, name: str | None) -> str:
        raise NotImplementedError("Attachments have no public URL; use the download view.")


def attachment_storage() -> PrivateStorage:
    from community.exchange.conf import app_settings

    return PrivateStorage(location=app_settings.ATTACHMENT_ROOT, base_url=None)
