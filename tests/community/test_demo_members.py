"""The demo people: enough of them, from enough countries, in all four roles, and the
demo participant free to be invited by the demo host."""

import pytest
from django.db.models import Count

from community.models import Membership, Profile, SpaceRole
from demo.members import seed_community_demo
from learning_processes.models import LearningProcessPage

pytestmark = pytest.mark.django_db


def test_demo_has_twenty_members_from_twelve_countries_in_all_roles(demo_site):
    members = Profile.objects.filter(user__memberships__isnull=False).distinct()
    assert members.count() >= 20
    assert members.values("country").distinct().count() >= 12
    assert set(Membership.objects.values_list("role", flat=True)) == set(SpaceRole.values)
    spaces = Membership.objects.values("space").annotate(n=Count("pk"))
    assert spaces.count() >= 5


def test_demo_host_hosts_the_waste_process_and_the_participant_is_not_in_it(demo_site):
    waste = LearningProcessPage.objects.get(slug="circular-waste-management")
    host = Membership.objects.get(space=waste, user__username="host@example.org")
    assert host.role == SpaceRole.HOST
    assert not Membership.objects.filter(space=waste, user__username="participant@example.org")
    assert Profile.objects.get(user__username="participant@example.org").display_name


def test_seeding_again_adds_nothing(demo_site, django_assert_max_num_queries):
    before = (Profile.objects.count(), Membership.objects.count())
    with django_assert_max_num_queries(1):
        seed_community_demo()
    assert (Profile.objects.count(), Membership.objects.count()) == before
