"""A space with one person in each of the seven positions a visitor can be in."""

from types import SimpleNamespace

import pytest

from community.members.actions import do_add_member
from community.models import Profile, SpaceRole, Visibility
from learning_processes.roles import ensure_staff_group
from tests.factories import LearningProcessFactory

ACTORS = ("anonymous", "outsider", "observer", "participant", "host", "facilitator", "staff")


def make_profile(user, name: str, **fields) -> Profile:
    fields.setdefault("visibility", Visibility.MEMBERS)
    return Profile.objects.create(user=user, display_name=name, **fields)


@pytest.fixture
def space_with_people(user_factory):
    space = LearningProcessFactory(title="Circular waste in Kumasi")
    people = {}
    for role in (SpaceRole.OBSERVER, SpaceRole.PARTICIPANT, SpaceRole.HOST, SpaceRole.FACILITATOR):
        user = user_factory(email=f"{role}@example.org")
        make_profile(user, f"{role.label} Person", country="GH")
        do_add_member(space, user, role)
        people[str(role)] = user
    people["outsider"] = user_factory(email="outsider@example.org")
    make_profile(people["outsider"], "Outsider Person", country="BR")
    people["staff"] = user_factory(email="staffer@example.org")
    people["staff"].groups.add(ensure_staff_group())
    return SimpleNamespace(space=space, people=people)


@pytest.fixture
def client_as(client):
    def login(user):
        if user is not None:
            client.force_login(user)
        return client

    return login
