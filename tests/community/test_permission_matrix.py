"""Every view of the members work, for each of the seven kinds of visitor: the expected
status code, and no members-only data in a response its visitor may not see."""

import pytest
from django.urls import reverse

from community.members.actions import do_invite
from community.models import Invitation, JoinRequest, Membership, Profile
from tests.community.conftest import ACTORS

pytestmark = pytest.mark.django_db

LOGIN = 302  # anonymous visitors are sent to the login page
SECRET_NAME = "Participant Person"  # a members-only profile in the space
SECRET_BIO = "Runs the Kumasi compost pilot"  # its bio
SECRET_INVITEE = "invitee-secret@example.org"  # an open invitation: hosts only
SECRET_REQUEST = "Please let me join, I run recycling in Accra"  # a join request: hosts only


def _setup(space_with_people, user_factory, rf_base="http://testserver/"):
    space, people = space_with_people.space, space_with_people.people
    Profile.objects.filter(user=people["participant"]).update(bio=SECRET_BIO)
    do_invite(space, email=SECRET_INVITEE, role="participant", actor=people["host"])
    requester = user_factory(email="requester@example.org")
    join_request = JoinRequest.objects.create(space=space, user=requester, message=SECRET_REQUEST)
    return space, people, join_request


# (name, method, url, {actor: expected status}, data)
def _cases(space, people, join_request):
    participant = people["participant"]
    observer_membership = Membership.objects.get(space=space, user=people["observer"])
    everyone = dict.fromkeys(ACTORS, 200)
    signed_in = {**everyone, "anonymous": LOGIN}
    members_only = {
        "anonymous": LOGIN,
        "outsider": 403,
        "observer": 200,
        "participant": 200,
        "host": 200,
        "facilitator": 200,
        "staff": 200,
    }
    moderators_only = {
        "anonymous": LOGIN,
        "outsider": 403,
        "observer": 403,
        "participant": 403,
        "host": 302,
        "facilitator": 302,
        "staff": 302,
    }
    return [
        ("directory", "get", reverse("community:directory"), everyone, None),
        (
            "members-only profile",
            "get",
            reverse("community:profile", args=[participant.pk]),
            {**members_only, "anonymous": 404, "outsider": 404},
            None,
        ),
        ("edit own profile", "get", reverse("community:profile_edit"), signed_in, None),
        ("my data page", "get", reverse("community:my_data"), signed_in, None),
        ("data export", "get", reverse("community:data_export"), signed_in, None),
        ("delete account page", "get", reverse("community:account_delete"), signed_in, None),
        ("process page", "get", space.url, everyone, None),
        (
            "space members",
            "get",
            reverse("community:space_members", args=[space.pk]),
            members_only,
            None,
        ),
        (
            "invite",
            "post",
            reverse("community:space_invite", args=[space.pk]),
            moderators_only,
            {"email": "new.person@example.org", "role": "participant"},
        ),
        (
            "decide a request",
            "post",
            reverse("community:join_request_decide", args=[space.pk, join_request.pk]),
            moderators_only,
            {"decision": "approve", "role": "participant"},
        ),
        (
            "change a role",
            "post",
            reverse("community:member_role", args=[space.pk, observer_membership.pk]),
            moderators_only,
            {"role": "participant"},
        ),
        (
            "request to join",
            "post",
            reverse("community:space_join", args=[space.pk]),
            {**dict.fromkeys(ACTORS, 302)},
            {"message": "hello"},
        ),
        (
            "leave page",
            "get",
            reverse("community:space_leave", args=[space.pk]),
            {**members_only, "staff": 403},
            None,
        ),
    ]


CASE_NAMES = [
    "directory",
    "members-only profile",
    "edit own profile",
    "my data page",
    "data export",
    "delete account page",
    "process page",
    "space members",
    "invite",
    "decide a request",
    "change a role",
    "request to join",
    "leave page",
]

# What each actor may see: members see members' names and bios; only hosts,
# facilitators and staff see open invitations and join requests.
SEES_MEMBERS = {"observer", "participant", "host", "facilitator", "staff"}
SEES_MODERATION = {"host", "facilitator", "staff"}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("case_name", CASE_NAMES)
def test_permission_matrix(case_name, actor, space_with_people, client_as, user_factory):
    space, people, join_request = _setup(space_with_people, user_factory)
    cases = {case[0]: case for case in _cases(space, people, join_request)}
    _, method, url, expected, data = cases[case_name]
    client = client_as(people.get(actor))

    response = getattr(client, method)(url, data or {})

    assert response.status_code == expected[actor], (case_name, actor, response.status_code)
    if expected[actor] == LOGIN and actor == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))
    body = response.content.decode(errors="replace")
    if actor not in SEES_MEMBERS and case_name != "edit own profile":
        assert SECRET_NAME not in body, (case_name, actor)
        assert SECRET_BIO not in body, (case_name, actor)
    if actor not in SEES_MODERATION:
        assert SECRET_INVITEE not in body, (case_name, actor)
        assert SECRET_REQUEST not in body, (case_name, actor)


def test_refused_moderation_changes_nothing(space_with_people, client_as, user_factory):
    space, people, join_request = _setup(space_with_people, user_factory)
    client = client_as(people["participant"])
    client.post(
        reverse("community:space_invite", args=[space.pk]),
        {"email": "sneaky@example.org", "role": "host"},
    )
    client.post(
        reverse("community:join_request_decide", args=[space.pk, join_request.pk]),
        {"decision": "approve"},
    )
    assert not Invitation.objects.filter(email="sneaky@example.org").exists()
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING
    assert not Membership.objects.filter(space=space, user=join_request.user).exists()
