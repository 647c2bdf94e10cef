"""Download of one's data, deletion of one's account, leaving a space, and the host
groups of learning processes making their users hosts."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from community.members.actions import CommunityError, do_add_member, do_invite, do_leave_space
from community.models import Invitation, Membership, MembershipChange, Profile, SpaceRole
from community.signals import collect_user_data, delete_user_content
from learning_processes.roles import do_add_host, host_group_of
from tests.factories import LearningProcessFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts_app():
    """Stands in for an app with posts: it answers both signals, as exchange will."""
    calls = []

    def collect(sender, user, **kwargs):
        return {"posts": [{"text": f"post by {user.email}"}]}

    def delete(sender, user, keep_anonymised, **kwargs):
        calls.append((user.email, keep_anonymised))

    collect_user_data.connect(collect, dispatch_uid="test-posts-collect")
    delete_user_content.connect(delete, dispatch_uid="test-posts-delete")
    yield calls
    collect_user_data.disconnect(dispatch_uid="test-posts-collect")
    delete_user_content.disconnect(dispatch_uid="test-posts-delete")


def test_export_holds_account_profile_memberships_and_other_apps_sections(
    client, space_with_people, posts_app
):
    participant = space_with_people.people["participant"]
    Profile.objects.filter(user=participant).update(bio="I compost.")
    client.force_login(participant)

    response = client.get(reverse("community:data_export"))

    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "participant@example.org"
    assert data["account"]["email_addresses"][0]["verified"] is True
    assert data["profile"]["display_name"] == "Participant Person"
    assert data["profile"]["bio"] == "I compost."
    assert data["memberships"] == [
        {
            "space": space_with_people.space.title,
            "space_id": space_with_people.space.pk,
            "role": "participant",
            "joined_at": data["memberships"][0]["joined_at"],
        }
    ]
    assert data["membership_log"][0]["action"] == "joined"
    assert data["posts"] == [{"text": "post by participant@example.org"}]


@pytest.mark.parametrize(("choice", "keep"), [("anonymise", True), ("delete", False)])
def test_account_deletion_in_both_modes(client, space_with_people, posts_app, choice, keep):
    space, participant = space_with_people.space, space_with_people.people["participant"]
    do_invite(
        LearningProcessFactory(),
        email=participant.email.upper(),
        role="observer",
        actor=space_with_people.people["staff"],
    )
    client.force_login(participant)

    wrong = client.post(reverse("community:account_delete"), {"posts": choice, "password": "wrong"})
    assert wrong.status_code == 200 and get_user_model().objects.filter(pk=participant.pk)
    response = client.post(
        reverse("community:account_delete"),
        {"posts": choice, "password": "a-long-test-password"},
    )

    assert response.status_code == 302
    assert posts_app == [("participant@example.org", keep)]
    assert not get_user_model().objects.filter(pk=participant.pk).exists()
    assert not Profile.objects.filter(display_name="Participant Person").exists()
    assert not Invitation.objects.filter(email=participant.email).exists()
    # The log keeps its rows; the person is gone from them.
    log = MembershipChange.objects.filter(space=space, user=None)
    assert sorted(log.values_list("action", flat=True)) == ["joined", "left"]
    assert "_auth_user_id" not in client.session


def test_last_host_cannot_delete_the_account_or_leave_without_a_successor(
    client, space_with_people
):
    space, people = space_with_people.space, space_with_people.people
    host = people["host"]
    client.force_login(host)
    response = client.post(
        reverse("community:account_delete"),
        {"posts": "delete", "password": "a-long-test-password"},
    )
    assert "last host" in response.content.decode()
    assert get_user_model().objects.filter(pk=host.pk).exists()

    membership = Membership.objects.get(space=space, user=host)
    with pytest.raises(CommunityError):
        do_leave_space(membership)
    response = client.post(reverse("community:space_leave", args=[space.pk]), {})
    assert response.status_code == 200
    assert Membership.objects.filter(pk=membership.pk).exists()

    successor = Membership.objects.get(space=space, user=people["participant"])
    response = client.post(
        reverse("community:space_leave", args=[space.pk]), {"successor": successor.pk}
    )
    assert response.status_code == 302
    successor.refresh_from_db()
    assert successor.role == SpaceRole.HOST
    assert not Membership.objects.filter(pk=membership.pk).exists()
    left = MembershipChange.objects.filter(space=space, user=host).first()
    assert (left.action, left.old_role) == ("left", "host")


def test_members_leave_and_hosts_cannot_demote_the_last_host(client, space_with_people):
    space, people = space_with_people.space, space_with_people.people
    client.force_login(people["observer"])
    client.post(reverse("community:space_leave", args=[space.pk]))
    assert not Membership.objects.filter(space=space, user=people["observer"]).exists()

    client.force_login(people["host"])
    host_membership = Membership.objects.get(space=space, user=people["host"])
    client.post(
        reverse("community:member_role", args=[space.pk, host_membership.pk]),
        {"role": "participant"},
    )
    host_membership.refresh_from_db()
    assert host_membership.role == SpaceRole.HOST


def test_leaving_the_host_group_ends_hosting_but_not_membership(user_factory, caplog):
    from community.models import MembershipChange

    space = LearningProcessFactory()
    anna, ben, cleo = user_factory(), user_factory(), user_factory()
    for user in (anna, ben, cleo):
        do_add_host(space, user)
    group = host_group_of(space)

    anna.groups.remove(group)  # user.groups.remove(group)
    group.user_set.remove(ben)  # group.user_set.remove(user)
    roles = dict(Membership.objects.filter(space=space).values_list("user_id", "role"))
    assert roles == {anna.pk: "participant", ben.pk: "participant", cleo.pk: "host"}
    change = MembershipChange.objects.filter(user=anna, space=space).latest("pk")
    assert (change.old_role, change.new_role, change.actor) == ("host", "participant", None)

    # The last host stays host until another is named, whatever the group says.
    group.user_set.clear()
    assert Membership.objects.get(space=space, user=cleo).role == "host"
    assert "last host" in caplog.text
    # Another group's removal touches nothing.
    readers = Group.objects.create(name="Readers")
    anna.groups.add(readers)
    anna.groups.clear()
    assert Membership.objects.get(space=space, user=anna).role == "participant"


def test_host_group_users_become_hosts_of_the_space(user_factory):
    space = LearningProcessFactory()
    anna, ben = user_factory(), user_factory()
    do_add_member(space, ben, SpaceRole.PARTICIPANT)

    do_add_host(space, anna)  # user.groups.add(group)
    host_group_of(space).user_set.add(ben)  # group.user_set.add(user)

    roles = dict(Membership.objects.filter(space=space).values_list("user_id", "role"))
    assert roles == {anna.pk: "host", ben.pk: "host"}
    other_group = Group.objects.create(name="Readers")
    anna.groups.add(other_group)
    assert Membership.objects.filter(user=anna).count() == 1
