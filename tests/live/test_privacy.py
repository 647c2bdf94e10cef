"""A person's live-session data in their export, and after their account is deleted;
the live block of the members area."""

import pytest

from community.live import actions
from community.live.models import ChatMessage, Question, RoomEvent, VirtualSession
from community.members.actions import build_user_data_export, do_delete_account
from tests.live.conftest import build_room

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(user_factory):
    """A session Kofi took part in, ended with minutes."""
    room = build_room(user_factory)
    sid = room.session.pk
    for user in (room.host, room.amina, room.kofi):
        actions.do_join(sid, user, f"{sid}-{user.pk}")
    said = actions.do_send_chat(sid, room.kofi, "Kumasi's ramps cost 40 % less")
    actions.do_pin_message(sid, room.host, said.data["id"])
    actions.do_ask_question(sid, room.kofi, "Who inspects them?")
    actions.do_send_chat(sid, room.amina, "Thanks, Kofi")
    poll = actions.do_open_poll(sid, room.host, "Next topic?", ["Buses", "Stops"])
    actions.do_vote_poll(sid, room.kofi, poll.data["id"], [1])
    actions.do_end_session(sid, room.host)
    return room


def test_export_holds_attendance_messages_questions_and_votes(held):
    section = build_user_data_export(held.kofi)["live_sessions"]
    assert [a["session"] for a in section["attended"]] == ["Bus lanes and wheelchair access"]
    assert [m["text"] for m in section["chat_messages"]] == ["Kumasi's ramps cost 40 % less"]
    assert [q["text"] for q in section["questions"]] == ["Who inspects them?"]
    assert section["poll_votes"] == [
        {"session": "Bus lanes and wheelchair access", "poll": "Next topic?", "choices": ["Stops"]}
    ]


def kofi_in_log(room) -> list[RoomEvent]:
    events = RoomEvent.objects.filter(session=room.session)
    return [event for event in events if "Kofi Mensah" in str(event.data)]


def test_deleting_the_account_keeping_posts_anonymises_log_and_minutes(held):
    assert kofi_in_log(held)
    do_delete_account(held.kofi, keep_anonymised=True)
    assert kofi_in_log(held) == []
    message = ChatMessage.objects.get(text="Kumasi's ramps cost 40 % less")
    assert message.author is None
    assert Question.objects.get(text="Who inspects them?").author is None
    minutes = VirtualSession.objects.get(pk=held.session.pk).minutes
    assert "Kofi Mensah" not in minutes["attendance"]
    assert minutes["pinned"] == [{"author": None, "text": "Kumasi's ramps cost 40 % less"}]
    assert "Kofi Mensah" not in str(minutes)


def test_deleting_the_account_without_keeping_posts_erases_their_text(held):
    do_delete_account(held.kofi, keep_anonymised=False)
    assert kofi_in_log(held) == []
    assert not ChatMessage.objects.filter(text__contains="ramps").exists()
    assert not Question.objects.filter(text="Who inspects them?").exists()
    assert "ramps" not in str(list(RoomEvent.objects.values_list("data", flat=True)))
    minutes = VirtualSession.objects.get(pk=held.session.pk).minutes
    assert minutes["pinned"] == [] and "Who inspects them?" not in str(minutes)
    assert ChatMessage.objects.filter(text="Thanks, Kofi").exists()  # others' words stay


def test_members_area_lists_the_spaces_live_sessions(user_factory, client):
    room = build_room(user_factory, state="scheduled")
    client.force_login(room.amina)
    html = client.get(room.space.url).content.decode()
    assert "Bus lanes and wheelchair access" in html
    assert f"/spaces/{room.space.pk}/sessions/" in html
    assert "Schedule a session" not in html
    client.force_login(room.host)
    assert "Schedule a session" in client.get(room.space.url).content.decode()
    client.force_login(room.outsider)
    assert "Bus lanes and wheelchair access" not in client.get(room.space.url).content.decode()
