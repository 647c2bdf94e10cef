"""Settings of the call for proposals, each with a default (allauth's app_settings pattern).

Read at use time, so `override_settings` in tests and environment-driven settings
modules both work.
"""

from pathlib import Path

from django.conf import settings

from learning_processes.app_settings_base import BaseAppSettings

# "At most two pages" as characters: an A4 page of running text at 11 pt with
# 2 cm margins holds about 3,500 characters with spaces, so two pages hold 7,000;
# the form's header block (organisation, contact, partners) takes about 1,000 of
# them, which leaves 6,000 for the four text sections.
DEFAULT_TEXT_BUDGET = 6000
DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_ATTACHMENTS_PER_PROPOSAL = 3
DEFAULT_AUTOSAVE_SECONDS = 30
# Addresses at these providers say nothing about the organisation someone works for;
# nor do the reserved example domains (RFC 2606) that demo and test accounts share.
DEFAULT_PUBLIC_MAIL_DOMAINS = (
    "example.org",
    "example.com",
    "example.net",
    "gmail.com",
    "googlemail.com",
    "gmx.de",
    "gmx.net",
    "web.de",
    "t-online.de",
    "outlook.com",
    "hotmail.com",
    "yahoo.com",
    "yahoo.de",
    "icloud.com",
    "posteo.de",
    "mailbox.org",
    "proton.me",
    "protonmail.com",
)


class AppSettings(BaseAppSettings):
    prefix = "PROPOSAL_"

    @property
    def TEXT_BUDGET(self) -> int:
        """Characters the four text sections of a proposal may hold together."""
        return int(self._setting("TEXT_BUDGET", DEFAULT_TEXT_BUDGET))

    @property
    def ATTACHMENT_MAX_BYTES(self) -> int:
        return int(self._setting("ATTACHMENT_MAX_BYTES", DEFAULT_ATTACHMENT_MAX_BYTES))

    @property
    def ATTACHMENTS_PER_PROPOSAL(self) -> int:
        return int(self._setting("ATTACHMENTS_PER_PROPOSAL", DEFAULT_ATTACHMENTS_PER_PROPOSAL))

    @property
    def AUTOSAVE_SECONDS(self) -> int:
        return int(self._setting("AUTOSAVE_SECONDS", DEFAULT_AUTOSAVE_SECONDS))

    @property
    def PUBLIC_MAIL_DOMAINS(self) -> frozenset[str]:
        return frozenset(self._setting("PUBLIC_MAIL_DOMAINS", DEFAULT_PUBLIC_MAIL_DOMAINS))

    @property
    def FILES_ROOT(self) -> Path:
        """Where attachments live: outside MEDIA_ROOT, so no URL serves them directly."""
        default = Path(settings.MEDIA_ROOT).parent / "private"
        return Path(self._setting("FILES_ROOT", default))


app_settings = AppSettings()
