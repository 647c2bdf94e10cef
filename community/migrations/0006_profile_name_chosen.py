"""Whether a person gave their display name is stored, not guessed from the address.

Existing profiles count as named by their person unless the name is the one read from
the address (what migration 0004 left), the rule the account page used until now."""

import re

from django.db import migrations, models

_SEPARATORS = re.compile(r"[._\-]+")


def _readable(address: str) -> str:
    # A copy of community.people.name_from_address as it was when this ran.
    local = address.split("@")[0].split("+")[0]
    parts = [part for part in _SEPARATORS.split(local) if part]
    if not parts:
        return "Member"
    return " ".join(part[:1].upper() + part[1:] if part.islower() else part for part in parts)


def mark_chosen_names(apps, schema_editor) -> None:
    Profile = apps.get_model("community", "Profile")
    chosen = []
    for profile in Profile.objects.select_related("user").only(
        "pk", "display_name", "user__email", "user__username"
    ):
        address = profile.user.email or profile.user.username
        if profile.display_name and profile.display_name not in {
            address.split("@")[0],
            _readable(address),
        }:
            chosen.append(profile.pk)
    Profile.objects.filter(pk__in=chosen).update(name_chosen=True)


class Migration(migrations.Migration):
    dependencies = [("community", "0005_profile_visibility_wording")]

    operations = [
        migrations.AddField(
            model_name="profile",
            name="name_chosen",
            field=models.BooleanField(default=False, verbose_name="name chosen by the person"),
        ),
        migrations.RunPython(mark_chosen_names, migrations.RunPython.noop),
    ]
