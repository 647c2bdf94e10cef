"""Settings of the call for proposals, each with a default (allauth's app_settings pattern).

Read at use time, so `override_settings` in tests and environment-driven settings
modules both work.
"""

from pathlib import Path

from django.conf import settings

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


def text_budget() -> int:
    return int(getattr(settings, "PROPOSAL_TEXT_BUDGET", DEFAULT_TEXT_BUDGET))


def attachment_max_bytes() -> int:
    return int(getattr(settings, "PROPOSAL_ATTACHMENT_MAX_BYTES", DEFAULT_ATTACHMENT_MAX_BYTES))


def attachments_per_proposal() -> int:
    return int(
        getattr(settings, "PROPOSAL_ATTACHMENTS_PER_PROPOSAL", DEFAULT_ATTACHMENTS_PER_PROPOSAL)
    )


def autosave_seconds() -> int:
    return int(getattr(settings, "PROPOSAL_AUTOSAVE_SECONDS", DEFAULT_AUTOSAVE_SECONDS))


def public_mail_domains() -> frozenset[str]:
    return frozenset(getattr(settings, "PROPOSAL_PUBLIC_MAIL_DOMAINS", DEFAULT_PUBLIC_MAIL_DOMAINS))


def private_files_root() -> Path:
    """Where attachments live: outside MEDIA_ROOT, so no URL serves them directly."""
    default = Path(settings.MEDIA_ROOT).parent / "private"
    return Path(getattr(settings, "PROPOSAL_FILES_ROOT", default))
