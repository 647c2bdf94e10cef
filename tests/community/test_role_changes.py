"""Which role changes the members page offers, per viewer and member, and that the
server refuses the same ones the page leaves out."""

import re

import pytest
from django.urls import reverse

from community.members.actions import CommunityError, check_can_change_role, do_add_member
from community.models import Membership, SpaceRole
from community.permissions import role_changes, roles_to_give

pytestmark = pytest.mark.django_db

ALL = {"host", "facilitator", "participant", "observer"}


def role_select(page: str, membership: Membership) -> tuple[str | None, list[str]] | None:
    """(selected value, every option value) of the member's role control, or None."""
    match = re.search(
        rf'<select id="role-{membership.pk}" name="role">(.*?)</select>', page, re.DOTALL
    )
    if match is None:
        return None
    options = re.findall(r'<option value="(\w+)"( selected)?>', match.group(1))
    selected = [value for value, chosen in options if chosen]
    assert len(selected) == 1, match.group(1)
    return selected[0], [value for value, _ in options]


def members_page(client, space, viewer) -> str:
    client.force_login(viewer)
    response = client.get(reverse("community:space_members", args=[space.pk]))
    assert response.status_code == 200
    return response.content.decode()


def memberships(space) -> dict[str, Membership]:
    return {m.role: m for m in Membership.objects.filter(space=space)}


def test_hosts_and_facilitators_give_every_role_but_facilitator_staff_every_role(
    space_with_people,
):
    space, people = space_with_people.space, space_with_people.people
    assert set(roles_to_give(people["host"], space)) == ALL - {"facilitator"}
    assert set(roles_to_give(people["facilitator"], space)) == ALL - {"facilitator"}
    assert set(roles_to_give(people["staff"], space)) == ALL
    for role in ("participant", "observer", "outsider"):
        assert roles_to_give(people[role], space) == ()


@pytest.mark.parametrize(
    ("viewer", "member", "why"),
    [
        ("host", "facilitator", "Only Connective Cities staff can change this role."),
        ("staff", "host", "Last host: make another member host first."),
    ],
)
def test_a_role_the_viewer_may_not_change_shows_why_and_no_control(
    client, space_with_people, viewer, member, why
):
    space, people = space_with_people.space, space_with_people.people
    membership = memberships(space)[member]
    page = members_page(client, space, people[viewer])
    assert role_select(page, membership) is None
    assert why in page
    last_host = member == "host"
    assert role_changes(roles_to_give(people[viewer], space), membership, last_host=last_host) == ()


def test_each_control_shows_the_current_role_selected_and_only_the_changes_offered(
    client, space_with_people, user_factory
):
    space, people = space_with_people.space, space_with_people.people
    second_host = user_factory(email="second.host@example.org")
    do_add_member(space, second_host, SpaceRole.HOST)
    by_role = memberships(space)
    page = members_page(client, space, people["host"])
    for role in ("host", "participant", "observer"):
        selected, options = role_select(page, by_role[role])
        assert selected == role
        assert set(options) == ALL - {"facilitator"}, role
    # Staff may also make someone a facilitator, and change a facilitator's role.
    page = members_page(client, space, people["staff"])
    assert role_select(page, by_role["participant"]) == (
        "participant",
        ["participant", "host", "facilitator", "observer"],
    )
    assert role_select(page, by_role["facilitator"])[0] == "facilitator"


def test_the_members_page_asks_a_fixed_number_of_queries(
    client, space_with_people, user_factory, django_assert_max_num_queries
):
    space, people = space_with_people.space, space_with_people.people
    client.force_login(people["host"])
    url = reverse("community:space_members", args=[space.pk])
    client.get(url)
    with django_assert_max_num_queries(25) as few:
        client.get(url)
    for number in range(10):
        do_add_member(space, user_factory(email=f"p{number}@example.org"), "participant")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


@pytest.mark.parametrize(
    ("viewer", "member", "role", "code"),
    [
        ("host", "facilitator", "participant", "facilitator_role"),
        ("facilitator", "facilitator", "observer", "facilitator_role"),
        ("host", "participant", "facilitator", "facilitator_role"),
        ("staff", "host", "participant", "last_host"),
        ("participant", "observer", "participant", "not_allowed"),
    ],
)
def test_the_server_refuses_what_the_page_does_not_offer(
    client, space_with_people, viewer, member, role, code
):
    space, people = space_with_people.space, space_with_people.people
    membership = memberships(space)[member]
    with pytest.raises(CommunityError) as refused:
        check_can_change_role(people[viewer], space, membership, role)
    assert refused.value.code == code
    client.force_login(people[viewer])
    client.post(reverse("community:member_role", args=[space.pk, membership.pk]), {"role": role})
    membership.refresh_from_db()
    assert membership.role == member


def test_a_host_changes_a_participant_to_observer_and_keeping_the_role_changes_nothing(
    client, space_with_people
):
    space, people = space_with_people.space, space_with_people.people
    participant = memberships(space)["participant"]
    client.force_login(people["host"])
    url = reverse("community:member_role", args=[space.pk, participant.pk])
    response = client.post(url, {"role": "participant"}, follow=True)
    assert "The role was changed." not in response.content.decode()
    response = client.post(url, {"role": "observer"}, follow=True)
    assert "The role was changed." in response.content.decode()
    participant.refresh_from_db()
    assert participant.role == "observer"
