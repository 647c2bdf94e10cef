"""Presence survives a server process that dies without closing its sockets: each
process renews its sockets every heartbeat, and a socket nobody renewed for three
beats is swept away (its person leaves the room, if it was their last)."""

import datetime as dt

import pytest
from django.utils import timezone

from community.live import actions, selectors
from community.live.app_settings import app_settings
from community.live.models import Attendee, RoomEvent, RoomSocket

pytestmark = pytest.mark.django_db

BEATS = dt.timedelta(seconds=3 * app_settings.HEARTBEAT_SECONDS)


def present(room) -> list[str]:
    snapshot = selectors.room_snapshot(room.session.pk, room.host)
    return sorted(p["name"] for p in snapshot["presence"])


def last_event(room) -> RoomEvent:
    return RoomEvent.objects.filter(session=room.session).latest("seq")


def test_a_socket_nobody_renews_leaves_the_room_and_the_attendance_stays(room):
    t0 = timezone.now()
    sid = room.session.pk
    actions.do_join(sid, room.amina, "dead-process.amina", t0)
    actions.do_join(sid, room.kofi, "live-process.kofi", t0)
    assert present(room) == ["Amina Diallo", "Kofi Mensah"]

    later = t0 + BEATS + dt.timedelta(seconds=1)
    assert actions.keep_sockets_alive({"live-process.kofi": (sid, room.kofi)}, later) == 0
    assert actions.sweep_stale_sockets(later) == 1

    event = last_event(room)
    assert (event.kind, event.data["user"]["id"]) == ("presence.leave", room.amina.pk)
    assert list(RoomSocket.objects.values_list("channel_name", flat=True)) == ["live-process.kofi"]
    assert Attendee.objects.filter(session=room.session, user=room.amina).exists()
    # A second sweep, as another process would run it, finds nothing more to do.
    assert actions.sweep_stale_sockets(later) == 0
    assert last_event(room).seq == event.seq


def test_a_person_with_another_live_socket_stays(room):
    t0 = timezone.now()
    sid = room.session.pk
    actions.do_join(sid, room.amina, "dead-process.amina", t0)
    actions.do_join(sid, room.amina, "live-process.amina", t0)
    seq = last_event(room).seq
    later = t0 + BEATS + dt.timedelta(seconds=1)
    actions.keep_sockets_alive({"live-process.amina": (sid, room.amina)}, later)
    assert actions.sweep_stale_sockets(later) == 1
    assert last_event(room).seq == seq  # no event: she is still here
    assert "Amina Diallo" in present(room)


def test_a_socket_swept_while_its_process_was_slow_is_put_back(room):
    t0 = timezone.now()
    sid = room.session.pk
    actions.do_join(sid, room.amina, "slow-process.amina", t0)
    later = t0 + BEATS + dt.timedelta(seconds=1)
    actions.sweep_stale_sockets(later)
    assert last_event(room).kind == "presence.leave"
    assert actions.keep_sockets_alive({"slow-process.amina": (sid, room.amina)}, later) == 1
    event = last_event(room)
    assert (event.kind, event.data["user"]["id"]) == ("presence.join", room.amina.pk)
    assert RoomSocket.objects.get(channel_name="slow-process.amina").seen_at == later


def test_the_snapshot_leaves_out_a_stale_socket_before_any_sweep(room):
    sid = room.session.pk
    long_ago = timezone.now() - BEATS - dt.timedelta(seconds=1)
    actions.do_join(sid, room.amina, "dead-process.amina", long_ago)
    actions.do_join(sid, room.kofi, "live-process.kofi")
    assert present(room) == ["Kofi Mensah"]


def test_closing_a_socket_twice_emits_one_leave(room):
    sid = room.session.pk
    actions.do_join(sid, room.amina, "a")
    assert actions.do_leave(sid, room.amina, "a").kind == "presence.leave"
    assert actions.do_leave(sid, room.amina, "a") is None
    assert present(room) == []
