"""How a person is named on the platform. The members work gives people profiles;
everything that shows a name (threads, live rooms, directory) asks here."""

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext


def display_name(user: AbstractBaseUser | None) -> str:
    if user is None:
        return gettext("Former member")
    profile = getattr(user, "profile", None)
    name = getattr(profile, "display_name", "") if profile is not None else ""
    if name:
        return name
    full_name = user.get_full_name().strip() if hasattr(user, "get_full_name") else ""
    return full_name or (user.email or user.get_username()).split("@")[0]
