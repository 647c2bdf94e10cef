"""How a person is named on the platform. The members work gives people profiles;
everything that shows a name (threads, live rooms, directory) asks here."""

import re

from django.contrib.auth.models import User
from django.utils.translation import gettext

_ADDRESS_SEPARATORS = re.compile(r"[._\-]+")


def display_name(user: User | None) -> str:
    if user is None:
        return gettext("Former member")
    profile = getattr(user, "profile", None)
    name = getattr(profile, "display_name", "") if profile is not None else ""
    if name:
        return name
    full_name = user.get_full_name().strip() if hasattr(user, "get_full_name") else ""
    return full_name or name_from_address(user.email or user.get_username())


def name_from_address(address: str) -> str:
    """A readable stand-in for someone who has not given a name yet, from their
    e-mail address: "amina.applicant@example.org" reads "Amina Applicant", not the
    raw "amina.applicant"."""
    local = address.split("@")[0].split("+")[0]  # without a "+tag" of the mailbox
    parts = [part for part in _ADDRESS_SEPARATORS.split(local) if part]
    if not parts:
        return gettext("Member")
    return " ".join(part[:1].upper() + part[1:] if part.islower() else part for part in parts)


def has_chosen_name(user: User) -> bool:
    """Whether the person named themselves; accounts made before sign-up asked for a
    name carry one made from their address until they save their profile. (A stored
    fact, not a comparison with the address: Katrin Vogel may well sign up as
    katrin.vogel@….)"""
    profile = getattr(user, "profile", None)
    return bool(profile is not None and profile.display_name and profile.name_chosen)
