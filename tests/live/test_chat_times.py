"""Chat messages carry their time, in the viewer's zone, on the page before any script
runs and for the script (the zone it formats in)."""

import datetime as dt
import re

import pytest

from community.live import actions
from community.live.models import ChatMessage
from community.models import Profile

pytestmark = pytest.mark.django_db

WRITTEN = dt.datetime(2026, 1, 15, 13, 5, tzinfo=dt.UTC)


def room_page(client, room, viewer) -> str:
    client.force_login(viewer)
    response = client.get(room.session.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_each_message_shows_its_time_in_the_viewers_zone(room, client):
    said = actions.do_send_chat(room.session.pk, room.amina, "Accessible stops: our checklist")
    ChatMessage.objects.filter(pk=said.data["id"]).update(created_at=WRITTEN)
    Profile.objects.create(user=room.kofi, display_name="Kofi Mensah", time_zone="Africa/Nairobi")
    html = room_page(client, room, room.kofi)
    assert (
        '<time datetime="2026-01-15T13:05:00Z">16:05</time>'
        " <span>Accessible stops: our checklist</span>"
    ) in html
    assert 'data-time-zone="Africa/Nairobi"' in html
    assert "Times in EAT" in html


def test_without_a_zone_of_their_own_viewers_see_the_sites(room, client):
    said = actions.do_send_chat(room.session.pk, room.amina, "Hello")
    ChatMessage.objects.filter(pk=said.data["id"]).update(created_at=WRITTEN)
    html = room_page(client, room, room.kofi)
    assert '<time datetime="2026-01-15T13:05:00Z">14:05</time>' in html
    assert re.search(r"Times in CES?T<", html)  # the zone's name now, summer or winter
    assert 'data-time-zone="Europe/Berlin"' in html


def test_the_script_gets_its_words_for_the_menu_and_the_undo(room, client):
    import json

    html = room_page(client, room, room.host)
    strings = json.loads(
        re.search(r'<script id="live-strings" type="application/json">(.*?)</script>', html).group(
            1
        )
    )
    assert strings["actionsFor"] == "Actions for the message of %(name)s"
    assert strings["removedMessage"] == "Message of %(name)s removed for everyone."
    assert 'id="live-undo-text" role="status"' in html
    assert ">Undo</button>" in html
