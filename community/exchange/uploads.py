"""Checks on uploaded attachments: size, and a type told by the content itself.

The extension alone proves nothing (a renamed HTML page is still HTML), so the first
bytes are matched with `filetype` and must agree with the extension's type; text
types, which have no magic number, must decode as UTF-8 and contain no NUL bytes.
"""

import unicodedata
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from community.exchange.app_settings import TEXT_TYPES, app_settings

SNIFF_BYTES = 8192


def safe_filename(name: str) -> str:
    """A download name that cannot traverse paths, inject headers or carry markup."""
    name = unicodedata.normalize("NFKC", PurePath(name.replace("\\", "/")).name)
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '<>:"/\\|?*;')
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    try:
        stem = get_valid_filename(stem[:120]) if stem.strip(" .") else "attachment"
    except Exception:  # noqa: BLE001 - get_valid_filename refuses names like ".."
        stem = "attachment"
    extension = get_valid_filename(extension[:10]).lower() if extension.strip() else ""
    return f"{stem}.{extension}" if extension else stem


def _head(upload: UploadedFile) -> bytes:
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    return head


def _is_text(upload: UploadedFile) -> bool:
    upload.seek(0)
    try:
        for chunk in upload.chunks():
            if b"\x00" in chunk:
                return False
        upload.seek(0)
        upload.read().decode("utf-8")
    except UnicodeDecodeError:
        return False
    finally:
        upload.seek(0)
    return True


def check_attachment(upload: UploadedFile) -> tuple[str, str]:
    """Returns (safe file name, content type) or raises ValidationError."""
    name = safe_filename(upload.name or "")
    limit = app_settings.ATTACHMENT_MAX_BYTES
    size = upload.size or 0  # an upload from a request always has its size
    if size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(limit)s.")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name})
    allowed = app_settings.ATTACHMENT_TYPES
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    expected = allowed.get(extension)
    if expected is None:
        raise ValidationError(
            _("“%(name)s”: this type of file cannot be attached. Allowed: %(types)s.")
            % {"name": name, "types": ", ".join(sorted(allowed))}
        )
    if expected in TEXT_TYPES:
        ok = filetype.guess(_head(upload)) is None and _is_text(upload)
    else:
        kind = filetype.guess(_head(upload))
        ok = kind is not None and kind.mime == expected
    if not ok:
        raise ValidationError(
            _("“%(name)s” is not the kind of file its name says (.%(extension)s).")
            % {"name": name, "extension": extension}
        )
    return name, expected
