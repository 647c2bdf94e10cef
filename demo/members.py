"""Demo people (`data/people.yaml`): practitioners from the host municipalities and their
partners, with profiles, spread over five demo spaces in all four roles. Looked up before
created, so seeding twice changes nothing; a seeded site is recognised with one query.

The demo participant is deliberately not a member of the demo host's space, so that
the host can try inviting them.
"""

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

from community.members.actions import do_add_member, do_sync_hosts_from_group
from community.models import Profile, SpokenLanguage
from demo.loader import load
from learning_processes.models import LearningProcessPage

PEOPLE: list[dict[str, Any]] = load("people")["people"]


def _is_seeded() -> bool:
    emails = [person["email"] for person in PEOPLE]
    return Profile.objects.filter(user__username__in=emails).count() == len(emails)


def seed_community_demo() -> None:
    """Add the demo people unless they are there (one query when they are)."""
    if _is_seeded():
        return
    slugs = {slug for person in PEOPLE for slug in person["memberships"]}
    spaces = {space.slug: space for space in LearningProcessPage.objects.filter(slug__in=slugs)}
    _seed_people(spaces)


@transaction.atomic
def _seed_people(spaces: dict[str, LearningProcessPage]) -> None:
    User = get_user_model()
    existing = {
        user.username: user
        for user in User.objects.filter(username__in=[person["email"] for person in PEOPLE])
    }
    for person in PEOPLE:
        email = person["email"]
        user = existing.get(email)
        if user is None:
            # Peers never log in: no password, so no slow hashing either.
            user = User.objects.create_user(username=email, email=email, password=None)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        _seed_profile(user, person)
        for slug, role in person["memberships"].items():
            if slug in spaces:
                do_add_member(spaces[slug], user, role)
    # Demo databases from before the community app existed have host groups but no
    # host memberships; this brings them in step.
    for space in spaces.values():
        do_sync_hosts_from_group(space)


def _seed_profile(user, person: dict[str, Any]) -> None:
    fields = ("country", "city", "organisation_type", "organisation", "position", "time_zone")
    profile, created = Profile.objects.get_or_create(
        user=user,
        defaults={
            "display_name": person["name"],
            "name_chosen": True,
            **{field: person[field] for field in fields},
            "visibility": person["visibility"],
            "bio": person["bio"],
        },
    )
    if created:
        SpokenLanguage.objects.bulk_create(
            SpokenLanguage(profile=profile, code=code) for code in person["languages"]
        )
        if person["expertise"]:
            profile.expertise.add(*person["expertise"])
