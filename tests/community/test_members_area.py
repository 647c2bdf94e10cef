"""The members area on a learning-process page, for each kind of visitor."""

import datetime as dt

import pytest
from django.utils import timezone

from community.members.actions import do_add_member
from community.models import JoinRequest, SpaceRole
from tests.community.conftest import make_profile
from tests.factories import DialogueEventFactory, FollowUpActivityFactory

pytestmark = pytest.mark.django_db


def area(response) -> str:
    html = response.content.decode()
    start = html.index('<section class="members-area"')
    return html[start : html.index("</section>", start)]


def test_anonymous_visitors_are_asked_to_log_in(client, space_with_people):
    html = area(client.get(space_with_people.space.url))
    assert "Log in to take part" in html
    assert "Person" not in html


def test_signed_in_outsiders_can_ask_to_join_then_see_their_request_waiting(
    client, space_with_people
):
    space, outsider = space_with_people.space, space_with_people.people["outsider"]
    client.force_login(outsider)
    html = area(client.get(space.url))
    assert "Request to join" in html
    assert 'name="csrfmiddlewaretoken"' in html
    JoinRequest.objects.create(space=space, user=outsider)
    html = area(client.get(space.url))
    assert "waiting for the hosts" in html and "Request to join" not in html


def test_members_see_who_is_in_it_with_roles_and_countries_and_whats_next(
    client, space_with_people
):
    space, people = space_with_people.space, space_with_people.people
    DialogueEventFactory(parent=space, start=timezone.now() + dt.timedelta(days=10))
    FollowUpActivityFactory(parent=space, title="Workshop in Kumasi")
    FollowUpActivityFactory(
        parent=space,
        title="Finished trip",
        start_date=timezone.localdate() - dt.timedelta(days=30),
        end_date=timezone.localdate() - dt.timedelta(days=20),
    )
    client.force_login(people["participant"])
    html = area(client.get(space.url))
    assert "You take part as Participant" in html
    assert "4 members" in html and "from 1 country" in html
    for name, role in [("Host Person", "Host"), ("Observer Person", "Observer")]:
        assert name in html and f">{role}<" in html
    assert "Ghana" in html
    assert "International dialogue event" in html and "Workshop in Kumasi" in html
    assert "Finished trip" not in html
    assert "invitations and requests" not in html


def test_hosts_see_waiting_requests_and_staff_see_the_area_without_being_members(
    client, space_with_people
):
    space, people = space_with_people.space, space_with_people.people
    JoinRequest.objects.create(space=space, user=people["outsider"])
    client.force_login(people["host"])
    assert "1 request to join is waiting" in area(client.get(space.url))
    client.force_login(people["staff"])
    html = area(client.get(space.url))
    assert "as Connective Cities staff" in html and "Host Person" in html


def test_members_area_queries_do_not_grow_with_the_members(
    client, space_with_people, user_factory, django_assert_max_num_queries
):
    space = space_with_people.space
    for number in range(30):
        user = user_factory()
        make_profile(user, f"Member {number}", country="KE")
        do_add_member(space, user, SpaceRole.PARTICIPANT)
    client.force_login(space_with_people.people["host"])
    client.get(space.url)
    # The exchange's block adds two: the viewer's role and the latest threads.
    with django_assert_max_num_queries(32):
        response = client.get(space.url)
    assert "34 members" in area(response)
