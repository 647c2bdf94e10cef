"""Invitations by e-mail (single use, expiring, for one address) and requests to join."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from community.adapter import PENDING_INVITATION_KEY
from community.members.actions import CommunityError, do_invite
from community.models import Invitation, JoinRequest, Membership, MembershipChange, SpaceRole
from mailing.delivery import deliver_due

pytestmark = pytest.mark.django_db
PASSWORD = "sustainable-cities-2026"


def invite(space, host, email="kofi@example.org", role="participant"):
    return do_invite(space, email=email, role=role, actor=host)


def test_invitation_mail_carries_a_link_whose_token_is_not_stored(space_with_people):
    space, host = space_with_people.space, space_with_people.people["host"]
    invitation, token = invite(space, host)
    deliver_due()

    message = mail.outbox[-1]
    assert message.to == ["kofi@example.org"]
    assert space.title in message.subject
    assert f"http://testserver/invitations/{token}/" in message.body
    assert token not in invitation.token_hash
    assert Invitation.objects.filter(token_hash=invitation.token_hash).count() == 1


def test_invitee_signs_up_verifies_and_lands_in_the_space(client, space_with_people):
    space, host = space_with_people.space, space_with_people.people["host"]
    _, token = invite(space, host)
    url = reverse("community:invitation", args=[token])

    response = client.get(url)
    assert response.status_code == 200
    assert client.session[PENDING_INVITATION_KEY] == token
    client.post(
        reverse("account_signup") + f"?next={url}",
        {
            "display_name": "Kofi Mensah",
            "email": "kofi@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    deliver_due()
    confirm = re.search(r"http://testserver(/accounts/confirm-email/[^\s]+)", mail.outbox[-1].body)
    response = client.post(confirm.group(1))
    assert response.status_code == 302
    assert response["Location"] == url

    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == space.url
    membership = Membership.objects.get(space=space, user__email="kofi@example.org")
    assert membership.role == SpaceRole.PARTICIPANT
    change = MembershipChange.objects.get(space=space, user=membership.user)
    assert (change.action, change.actor) == ("joined", host)
    page = client.get(space.url).content.decode()
    assert "You take part as Participant" in page
    # Signing up made a profile to fill in, visible to the members of their spaces,
    # under the name typed at sign-up.
    assert membership.user.profile.visibility == "members"
    assert membership.user.profile.display_name == "Kofi Mensah"


def test_expired_invitation_is_refused(client, space_with_people, user_factory):
    space, host = space_with_people.space, space_with_people.people["host"]
    invitation, token = invite(space, host)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    client.force_login(user_factory(email="kofi@example.org"))
    response = client.post(reverse("community:invitation", args=[token]))
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not Membership.objects.filter(space=space, user__email="kofi@example.org").exists()


def test_invitation_works_once(client, space_with_people, user_factory):
    space, host = space_with_people.space, space_with_people.people["host"]
    _, token = invite(space, host)
    kofi = user_factory(email="kofi@example.org")
    client.force_login(kofi)
    assert client.post(reverse("community:invitation", args=[token])).status_code == 302
    Membership.objects.filter(user=kofi).delete()

    response = client.post(reverse("community:invitation", args=[token]))
    assert response.status_code == 410
    assert "already been used" in response.content.decode()
    assert not Membership.objects.filter(user=kofi).exists()


def test_invitation_cannot_be_used_by_another_account(client, space_with_people, user_factory):
    space, host = space_with_people.space, space_with_people.people["host"]
    invitation, token = invite(space, host)
    client.force_login(user_factory(email="someone.else@example.org"))

    response = client.post(reverse("community:invitation", args=[token]))

    assert response.status_code == 403
    assert "another e-mail address" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert not Membership.objects.filter(space=space, user__email="someone.else@example.org")


def test_unknown_token_is_a_404(client):
    response = client.get(reverse("community:invitation", args=["not-a-real-token"]))
    assert response.status_code == 404


def test_only_staff_invite_facilitators(space_with_people):
    space, people = space_with_people.space, space_with_people.people
    with pytest.raises(CommunityError) as refused:
        invite(space, people["host"], role=SpaceRole.FACILITATOR)
    assert refused.value.code == "facilitator_role"
    invitation, _ = invite(space, people["staff"], role=SpaceRole.FACILITATOR)
    assert invitation.role == SpaceRole.FACILITATOR


def test_existing_member_is_not_invited_again(space_with_people):
    space, people = space_with_people.space, space_with_people.people
    with pytest.raises(CommunityError) as refused:
        invite(space, people["host"], email="participant@example.org")
    assert refused.value.code == "already_member"


def test_join_request_approved_by_host_makes_a_member_and_tells_them(client, space_with_people):
    space, people = space_with_people.space, space_with_people.people
    outsider, host = people["outsider"], people["host"]
    client.force_login(outsider)
    client.post(reverse("community:space_join", args=[space.pk]), {"message": "From Recife"})
    join_request = JoinRequest.objects.get(space=space, user=outsider)
    assert "Your request to join is waiting" in client.get(space.url).content.decode()
    deliver_due()
    assert any("asks to join" in message.subject for message in mail.outbox)

    client.force_login(host)
    response = client.get(reverse("community:space_members", args=[space.pk]))
    assert "From Recife" in response.content.decode()
    client.post(
        reverse("community:join_request_decide", args=[space.pk, join_request.pk]),
        {"decision": "approve", "role": "observer"},
    )
    assert Membership.objects.get(space=space, user=outsider).role == SpaceRole.OBSERVER
    join_request.refresh_from_db()
    assert (join_request.status, join_request.decided_by) == ("approved", host)
    deliver_due()
    assert mail.outbox[-1].to == [outsider.email]
    assert "Welcome" in mail.outbox[-1].subject


def test_declined_request_adds_no_member_and_a_second_request_waits(client, space_with_people):
    space, people = space_with_people.space, space_with_people.people
    client.force_login(people["outsider"])
    client.post(reverse("community:space_join", args=[space.pk]))
    client.post(reverse("community:space_join", args=[space.pk]))
    assert JoinRequest.objects.filter(space=space, status="pending").count() == 1
    join_request = JoinRequest.objects.get(space=space)
    client.force_login(people["facilitator"])
    client.post(
        reverse("community:join_request_decide", args=[space.pk, join_request.pk]),
        {"decision": "decline"},
    )
    join_request.refresh_from_db()
    assert join_request.status == "declined"
    assert not Membership.objects.filter(space=space, user=people["outsider"]).exists()


def test_invitee_with_an_account_logs_in_and_comes_back_to_the_invitation(
    client, space_with_people, user_factory
):
    space, host = space_with_people.space, space_with_people.people["host"]
    user_factory(email="kofi@example.org")
    _, token = invite(space, host)
    url = reverse("community:invitation", args=[token])
    assert f'href="/accounts/login/?next={url}' in client.get(url).content.decode().replace(
        "%2F", "/"
    )
    response = client.post(
        reverse("account_login") + f"?next={url}",
        {"login": "kofi@example.org", "password": "a-long-test-password", "next": url},
    )
    assert response["Location"] == url
    assert client.post(url)["Location"] == space.url
    assert Membership.objects.get(space=space, user__email="kofi@example.org").role == "participant"


@override_settings(COMMUNITY_INVITATIONS_PER_HOUR=2)
def test_invitations_per_hour_are_limited(space_with_people):
    space, host = space_with_people.space, space_with_people.people["host"]
    invite(space, host, email="a@example.org")
    invite(space, host, email="b@example.org")
    with pytest.raises(CommunityError) as refused:
        invite(space, host, email="c@example.org")
    assert refused.value.code == "rate_limited"
    assert not Invitation.objects.filter(email="c@example.org").exists()


def test_links_in_mail_start_with_site_url_whatever_host_the_request_named(
    client, settings, space_with_people
):
    """On `make run PORT=8101` the links must point to port 8101; a Host header a
    client sends (or a proxy's inner address) must not leak into e-mail."""
    settings.SITE_URL = "http://127.0.0.1:8101"
    settings.ALLOWED_HOSTS = ["*"]
    space, host = space_with_people.space, space_with_people.people["host"]
    client.force_login(host)
    response = client.post(
        reverse("community:space_invite", args=[space.pk]),
        {"email": "kofi@example.org", "role": "participant"},
        headers={"host": "attacker.example.com"},
    )
    assert response.status_code in (200, 302)
    deliver_due()
    body = mail.outbox[-1].body
    assert "http://127.0.0.1:8101/invitations/" in body
    assert "attacker.example.com" not in body
