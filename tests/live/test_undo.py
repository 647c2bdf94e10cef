"""A facilitator removes a chat message and puts it back: `chat.remove` then
`chat.restore` over the socket, both numbered events; only facilitators may, and the
message returns as it was (pinned if it was)."""

import pytest

from community.live import actions, selectors
from community.live.models import ChatMessage, RoomEvent
from community.members.actions import do_delete_account
from tests.live.conftest import db, join, next_error, next_event

pytestmark = pytest.mark.django_db(transaction=True)


async def test_a_removed_message_is_put_back_for_everyone_pinned_as_it_was(room):
    host = await join(room.host, room.session)
    amina = await join(room.amina, room.session)
    await amina.send_json_to({"type": "chat.send", "text": "Our ramp guideline, page 4"})
    sent = await next_event(host, "chat.message")
    message = sent["data"]["id"]
    await host.send_json_to({"type": "chat.pin", "id": message})
    await next_event(amina, "chat.pinned")

    await host.send_json_to({"type": "chat.remove", "id": message})
    assert (await next_event(amina, "chat.removed"))["data"]["id"] == message
    snapshot = await db(selectors.room_snapshot)(room.session.pk, room.amina)
    assert snapshot["messages"] == [] and snapshot["pinned"] == []

    await host.send_json_to({"type": "chat.restore", "id": message, "ref": "undo"})
    restored = await next_event(amina, "chat.restored")
    assert restored["data"] == {
        "id": message,
        "author": {"id": room.amina.pk, "name": "Amina Diallo"},
        "text": "Our ramp guideline, page 4",
        "pinned": True,
        "at": restored["data"]["at"],
    }
    written = await db(lambda: ChatMessage.objects.get(pk=message).created_at)()
    assert restored["data"]["at"] == written.isoformat()  # when it was written
    await next_event(host, "chat.restored")
    snapshot = await db(selectors.room_snapshot)(room.session.pk, room.amina)
    assert [m["id"] for m in snapshot["messages"]] == [message]
    assert [m["id"] for m in snapshot["pinned"]] == [message]

    # A second undo (another facilitator was quicker) is refused and changes nothing.
    await host.send_json_to({"type": "chat.restore", "id": message, "ref": "again"})
    error = await next_error(host)
    assert (error["code"], error["ref"]) == ("already", "again")
    kinds = await db(
        lambda: list(
            RoomEvent.objects.filter(session=room.session)
            .order_by("seq")
            .values_list("kind", flat=True)
        )
    )()
    assert kinds[-3:] == ["chat.pinned", "chat.removed", "chat.restored"]
    await host.disconnect()
    await amina.disconnect()


async def test_participants_cannot_put_messages_back(room):
    host = await join(room.host, room.session)
    amina = await join(room.amina, room.session)
    await amina.send_json_to({"type": "chat.send", "text": "Off topic"})
    message = (await next_event(host, "chat.message"))["data"]["id"]
    await host.send_json_to({"type": "chat.remove", "id": message})
    await next_event(amina, "chat.removed")
    await amina.send_json_to({"type": "chat.restore", "id": message, "ref": "r"})
    error = await next_error(amina)
    assert (error["code"], error["ref"]) == ("forbidden", "r")
    assert await db(ChatMessage.objects.filter(pk=message, removed=True).exists)()
    await host.disconnect()
    await amina.disconnect()


def _removed_elsewhere(room) -> int:
    """A message removed in another live session of the same space."""
    import datetime as dt

    from django.utils import timezone

    now = timezone.now()
    other = actions.do_schedule_session(
        space=room.space,
        actor=room.host,
        title="Another session",
        starts_at=now + dt.timedelta(minutes=5),
        ends_at=now + dt.timedelta(hours=1),
        facilitators=[room.host],
    )
    actions.do_start_session(other.pk, room.host)
    said = actions.do_send_chat(other.pk, room.amina, "Elsewhere")
    actions.do_remove_message(other.pk, room.host, said.data["id"])
    return said.data["id"]


async def test_restoring_a_message_of_another_session_or_none_is_not_found(room):
    elsewhere = await db(_removed_elsewhere)(room)
    host = await join(room.host, room.session)
    for message in (elsewhere, 2_147_483_647):
        await host.send_json_to({"type": "chat.restore", "id": message})
        assert (await next_error(host))["code"] == "not_found"
    assert await db(ChatMessage.objects.filter(pk=elsewhere, removed=True).exists)()
    await host.disconnect()


@pytest.mark.django_db
def test_a_deleted_account_takes_the_text_of_its_restored_messages_along(room):
    sid = room.session.pk
    said = actions.do_send_chat(sid, room.kofi, "Kumasi's ramps cost 40 % less")
    actions.do_remove_message(sid, room.host, said.data["id"])
    actions.do_restore_message(sid, room.host, said.data["id"])
    do_delete_account(room.kofi, keep_anonymised=False)
    restored = RoomEvent.objects.get(session=room.session, kind="chat.restored")
    assert restored.data["author"] is None and restored.data["text"] == ""
