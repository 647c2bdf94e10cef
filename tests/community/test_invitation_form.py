"""The invitation form on the members page: a refused invitation keeps what was typed
and says what is wrong beside the field."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from community.models import Invitation

pytestmark = pytest.mark.django_db


def invite(client, space, viewer, **data):
    client.force_login(viewer)
    return client.post(reverse("community:space_invite", args=[space.pk]), data)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def field(response, name: str):
    return soup(response).find(id=f"id_{name}")


def selected(select) -> str:
    return select.find("option", selected=True)["value"]


@pytest.mark.parametrize("typed", ["amina.osei@", "amina osei@example", "x" * 400])
def test_an_invalid_address_is_kept_with_the_error_beside_it(client, space_with_people, typed):
    space, host = space_with_people.space, space_with_people.people["host"]
    response = invite(client, space, host, email=typed, role="observer")
    assert response.status_code == 200
    email = field(response, "email")
    assert email.get("value") == typed
    assert email.get("aria-invalid") == "true"
    assert email.get("autofocus") is not None
    error = soup(response).find(id=email["aria-describedby"])
    assert error.get_text().strip()
    assert selected(field(response, "role")) == "observer"
    assert not Invitation.objects.exists()


def test_an_address_of_a_member_is_kept_with_the_reason(client, space_with_people):
    space, people = space_with_people.space, space_with_people.people
    response = invite(client, space, people["host"], email="participant@example.org", role="host")
    assert response.status_code == 200
    email = field(response, "email")
    assert email.get("value") == "participant@example.org"
    error = soup(response).find(id=email["aria-describedby"])
    assert "already a member" in error.get_text()
    assert not Invitation.objects.exists()


def test_a_role_the_inviter_may_not_give_is_not_offered_nor_accepted(client, space_with_people):
    space, host = space_with_people.space, space_with_people.people["host"]
    client.force_login(host)
    page = client.get(reverse("community:space_members", args=[space.pk]))
    offered = [o["value"] for o in field(page, "role").find_all("option")]
    assert offered == ["host", "participant", "observer"]
    response = invite(client, space, host, email="kofi@example.org", role="facilitator")
    assert response.status_code == 200
    assert field(response, "email").get("value") == "kofi@example.org"
    assert field(response, "role").get("aria-invalid") == "true"
    assert not Invitation.objects.exists()


def test_a_valid_invitation_is_sent_and_the_form_is_empty_again(client, space_with_people):
    space, host = space_with_people.space, space_with_people.people["host"]
    response = invite(client, space, host, email="kofi@example.org", role="participant")
    assert response.status_code == 302
    assert Invitation.objects.filter(email="kofi@example.org", role="participant").exists()
    page = client.get(response["Location"])
    assert "Invitation sent to kofi@example.org." in page.content.decode()
    assert field(page, "email").get("value") is None
