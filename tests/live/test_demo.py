"""The demo's live sessions: a scheduled, a live and an ended one with minutes."""

import pytest
from django.contrib.auth import get_user_model

from community.live.models import RoomEvent, VirtualSession
from community.live.permissions import can_run_session
from community.models import Membership
from community.permissions import can_enter_space, space_access
from demo.live import ENDED, LIVE, SCHEDULED, seed_live_demo

pytestmark = pytest.mark.django_db


def test_demo_has_a_scheduled_a_live_and_an_ended_session_with_minutes(demo_site, client):
    sessions = {s.title: s for s in VirtualSession.objects.all()}
    assert {sessions[t].state for t in (SCHEDULED, LIVE, ENDED)} == {"scheduled", "live", "ended"}
    ended = sessions[ENDED]
    assert ended.minutes["pinned"][0]["text"].startswith("Our heat audit")
    assert ended.minutes["polls"][0]["results"][1] == {"option": "Drinking fountains", "votes": 2}
    assert ended.started_at < ended.ended_at
    users = get_user_model().objects
    host = users.get(email="host@example.org")
    participant = users.get(email="participant@example.org")
    space = ended.space
    assert space.slug != "circular-waste-management"
    assert can_enter_space(participant, space)
    assert not can_run_session(space_access(participant, ended.space))
    assert can_run_session(space_access(host, ended.space))

    client.force_login(participant)
    html = client.get(ended.get_absolute_url()).content.decode()
    assert 'id="minutes"' in html and "Drinking fountains: 2" in html
    live = client.get(sessions[LIVE].get_absolute_url()).content.decode()
    assert "Hello from Kumasi" in live
    # The members demo's roles stand: the participant is still a participant there.
    assert Membership.objects.get(space=space, user=participant).role == "participant"


def test_seeding_the_live_demo_again_changes_nothing(demo_site, django_assert_max_num_queries):
    before = (VirtualSession.objects.count(), RoomEvent.objects.count())
    with django_assert_max_num_queries(1):
        seed_live_demo()
    assert (VirtualSession.objects.count(), RoomEvent.objects.count()) == before
