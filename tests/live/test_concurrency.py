"""Sequence numbers under concurrent writers on PostgreSQL: every event gets its own
number, with no gap, however the transactions interleave."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from community.live import actions
from community.live.models import RoomEvent, VirtualSession
from tests.live.conftest import build_room

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

WRITERS = 6
MESSAGES = 15


def test_concurrent_commands_get_gapless_unique_numbers(user_factory):
    room = build_room(user_factory)
    people = [room.host, room.amina, room.kofi] + [
        user_factory(email=f"writer{n}@example.org") for n in range(WRITERS - 3)
    ]
    from community.members.actions import do_add_member

    for person in people[3:]:
        do_add_member(room.space, person, "participant")
    start = VirtualSession.objects.get(pk=room.session.pk).last_seq

    def write(person):
        try:
            for n in range(MESSAGES):
                actions.do_send_chat(room.session.pk, person, f"{person.pk}:{n}")
                actions.do_raise_hand(room.session.pk, person)
                actions.do_lower_hand(room.session.pk, person)
        finally:
            connection.close()

    with ThreadPoolExecutor(WRITERS) as pool:
        list(pool.map(write, people))

    seqs = list(
        RoomEvent.objects.filter(session=room.session, seq__gt=start)
        .order_by("seq")
        .values_list("seq", flat=True)
    )
    total = WRITERS * MESSAGES * 3
    assert seqs == list(range(start + 1, start + total + 1))
    assert VirtualSession.objects.get(pk=room.session.pk).last_seq == start + total
    # Each writer's own messages are in the order it sent them.
    for person in people:
        texts = list(
            RoomEvent.objects.filter(session=room.session, kind="chat.message", actor=person)
            .order_by("seq")
            .values_list("data__text", flat=True)
        )
        assert texts == [f"{person.pk}:{n}" for n in range(MESSAGES)]
