"""Demo live sessions: one scheduled, one live and one ended (with its minutes), in
"Climate-resilient public spaces", where the demo participant takes part and the
demo host (who hosts the waste process) joins as a facilitator.

Everything goes through the actions, as it would in a real room, so the log, the
state and the minutes agree. Sessions are looked up by title before they are made:
seeding twice changes nothing.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from community.actions import do_add_member
from community.live import actions
from community.live.models import VirtualSession
from community.models import Membership, SpaceRole
from learning_processes.models import LearningProcessPage

SPACE_SLUG = "climate-resilient-public-spaces"
HOST_EMAIL = "host@example.org"
PARTICIPANT_EMAIL = "participant@example.org"
SCHEDULED = "Follow-up clinic: shade and water in public squares"
LIVE = "Online exchange: reopening buried streams"
ENDED = "Kick-off: climate-resilient public spaces"


def seed_live_demo() -> None:
    """Add the demo sessions that are missing (one query when none is)."""
    titles = (SCHEDULED, LIVE, ENDED)
    if VirtualSession.objects.filter(space__slug=SPACE_SLUG, title__in=titles).count() == 3:
        return
    with transaction.atomic():
        _seed()


def _seed() -> None:
    space = LearningProcessPage.objects.filter(slug=SPACE_SLUG).first()
    users = {
        user.email: user
        for user in get_user_model().objects.filter(email__in=[HOST_EMAIL, PARTICIPANT_EMAIL])
    }
    if space is None or len(users) != 2:
        return
    host, participant = users[HOST_EMAIL], users[PARTICIPANT_EMAIL]
    existing = {s.title: s for s in VirtualSession.objects.filter(space=space)}
    # Roles the people already have (from the members demo) are left as they are.
    roles = dict(Membership.objects.filter(space=space).values_list("user_id", "role"))
    if host.pk not in roles:
        do_add_member(space, host, SpaceRole.FACILITATOR)
    if participant.pk not in roles:
        do_add_member(space, participant, SpaceRole.PARTICIPANT)
    now = timezone.now().replace(second=0, microsecond=0)

    def schedule(title: str, starts_at: dt.datetime, agenda: str) -> VirtualSession:
        return actions.do_schedule_session(
            space=space,
            actor=host,
            title=title,
            agenda=agenda,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(minutes=90),
            facilitators=[host],
            video_url="https://meet.jit.si/connective-cities-demo",
        )

    if SCHEDULED not in existing:
        schedule(
            SCHEDULED,
            (now + dt.timedelta(days=2)).replace(hour=13, minute=0),
            "1. What changed since the dialogue event\n2. Shade and drinking water: two "
            "squares compared\n3. Next steps",
        )
    if ENDED not in existing:
        ended = schedule(
            ENDED,
            (now - dt.timedelta(days=7)).replace(hour=12, minute=0),
            "1. Round of cities\n2. The hottest public spaces in each city\n3. Choosing pilots",
        )
        _hold_kick_off(ended, host, participant)
    if LIVE not in existing:
        live = schedule(
            LIVE,
            now - dt.timedelta(minutes=20),
            "1. Belo Horizonte's stream parks\n2. Questions\n3. Which streams could reopen?",
        )
        sid = live.pk
        actions.do_start_session(sid, host)
        actions.do_send_chat(sid, host, "Welcome! Slides are in the video room; ask here.")
        actions.do_send_chat(
            sid, participant, "Hello from Kumasi. How long did the first stream take?"
        )
        actions.do_ask_question(sid, participant, "Who maintains the banks after reopening?")


def _hold_kick_off(session: VirtualSession, host, participant) -> None:
    sid = session.pk
    actions.do_start_session(sid, host)
    for user in (host, participant):
        actions.do_join(sid, user, f"{sid}-{user.pk}")
    actions.do_send_chat(sid, host, "Welcome to the kick-off. Pinned: the heat map checklist.")
    pinned = actions.do_send_chat(
        sid, participant, "Our heat audit: 14 squares, 5 without any shade."
    )
    actions.do_pin_message(sid, host, pinned.data["id"])
    question = actions.do_ask_question(sid, participant, "Who measures surface temperatures?")
    actions.do_answer_question(sid, host, question.data["id"])
    poll = actions.do_open_poll(
        sid, host, "Which pilot first?", ["Shade sails", "Drinking fountains"]
    )
    actions.do_vote_poll(sid, participant, poll.data["id"], [1])
    actions.do_vote_poll(sid, host, poll.data["id"], [1])
    for user in (host, participant):
        actions.do_leave(sid, user, f"{sid}-{user.pk}")
    actions.do_end_session(sid, host)
    # The kick-off happened last week: its record says so.
    session.refresh_from_db()
    started, ended = session.starts_at, session.starts_at + dt.timedelta(minutes=85)
    session.started_at, session.ended_at = started, ended
    session.minutes = {
        **session.minutes,
        "started_at": started.isoformat(),
        "ended_at": ended.isoformat(),
    }
    session.save(update_fields=["started_at", "ended_at", "minutes"])
