"""Profiles made before sign-up asked for a name carry the raw start of the e-mail
address ("amina.applicant"); they now read as a name ("Amina Applicant") until the
person gives their own (community.people.name_from_address)."""

import re

from django.db import migrations

_SEPARATORS = re.compile(r"[._\-]+")


def _readable(address: str) -> str:
    # A copy of community.people.name_from_address as it was when this ran.
    local = address.split("@")[0].split("+")[0]
    parts = [part for part in _SEPARATORS.split(local) if part]
    if not parts:
        return "Member"
    return " ".join(part[:1].upper() + part[1:] if part.islower() else part for part in parts)


def readable_names(apps, schema_editor) -> None:
    Profile = apps.get_model("community", "Profile")
    for profile in Profile.objects.select_related("user").iterator():
        address = profile.user.email or profile.user.username
        if address and profile.display_name == address.split("@")[0]:
            profile.display_name = _readable(address)[:80]
            profile.save(update_fields=["display_name"])


class Migration(migrations.Migration):
    dependencies = [("community", "0003_profile_country_list")]

    operations = [migrations.RunPython(readable_names, migrations.RunPython.noop)]
