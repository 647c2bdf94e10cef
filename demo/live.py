"""Demo live sessions (`data/live.yaml`): one scheduled, one live and one ended (with its
minutes), in "Climate-resilient public spaces", where the demo participant takes part and
the demo host (who hosts the waste process) joins as a facilitator.

Everything goes through the room's actions, as it would in a real room, so the log, the
state and the minutes agree. Sessions are looked up by title before they are made:
seeding twice changes nothing.
"""

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from community.live import actions
from community.live.models import VirtualSession
from community.members.actions import do_add_member
from community.models import Membership, SpaceRole
from demo.loader import load
from learning_processes.models import LearningProcessPage

LIVE_DEMO: dict[str, Any] = load("live")
SPACE_SLUG: str = LIVE_DEMO["space"]
SCHEDULED, ENDED, LIVE = (session["title"] for session in LIVE_DEMO["sessions"])


def seed_live_demo() -> None:
    """Add the demo sessions that are missing (one query when none is)."""
    titles = [session["title"] for session in LIVE_DEMO["sessions"]]
    existing = VirtualSession.objects.filter(space__slug=SPACE_SLUG, title__in=titles).count()
    if existing == len(titles):
        return
    with transaction.atomic():
        _seed()


def _seed() -> None:
    space = LearningProcessPage.objects.filter(slug=SPACE_SLUG).first()
    emails = {"host": LIVE_DEMO["host"], "participant": LIVE_DEMO["participant"]}
    by_email = {
        user.email: user
        for user in get_user_model().objects.filter(email__in=list(emails.values()))
    }
    if space is None or len(by_email) != 2:
        return
    people = {role: by_email[email] for role, email in emails.items()}
    existing = {s.title for s in VirtualSession.objects.filter(space=space)}
    # Roles the people already have (from the members demo) are left as they are.
    roles = dict(Membership.objects.filter(space=space).values_list("user_id", "role"))
    if people["host"].pk not in roles:
        do_add_member(space, people["host"], SpaceRole.FACILITATOR)
    if people["participant"].pk not in roles:
        do_add_member(space, people["participant"], SpaceRole.PARTICIPANT)
    now = timezone.now().replace(second=0, microsecond=0)
    for data in LIVE_DEMO["sessions"]:
        if data["title"] not in existing:
            session = _schedule(space, people["host"], data, now)
            _play(session.pk, people, data.get("script", ()))
            if "lasted_minutes" in data:
                _date_record(session, data["lasted_minutes"])


def _schedule(space, host, data: dict, now: dt.datetime) -> VirtualSession:
    starts = data["starts"]
    starts_at = now + dt.timedelta(days=starts.get("days", 0), minutes=starts.get("minutes", 0))
    if "at" in starts:
        hour, minute = (int(part) for part in starts["at"].split(":"))
        starts_at = starts_at.replace(hour=hour, minute=minute)
    return actions.do_schedule_session(
        space=space,
        actor=host,
        title=data["title"],
        agenda=data["agenda"],
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=LIVE_DEMO["minutes"]),
        facilitators=[host],
        video_url=LIVE_DEMO["video_url"],
    )


def _play(sid: int, people: dict[str, Any], script: list[dict]) -> None:
    """Each step through the action a person's click in the room calls."""
    for step in script:
        user = people[step["by"]]
        match step["do"]:
            case "start":
                actions.do_start_session(sid, user)
            case "end":
                actions.do_end_session(sid, user)
            case "join":
                actions.do_join(sid, user, f"{sid}-{user.pk}")
            case "leave":
                actions.do_leave(sid, user, f"{sid}-{user.pk}")
            case "chat":
                message = actions.do_send_chat(sid, user, step["text"])
                if "pinned_by" in step:
                    actions.do_pin_message(sid, people[step["pinned_by"]], message.data["id"])
            case "ask":
                question = actions.do_ask_question(sid, user, step["text"])
                if "answered_by" in step:
                    actions.do_answer_question(
                        sid, people[step["answered_by"]], question.data["id"]
                    )
            case "poll":
                poll = actions.do_open_poll(sid, user, step["question"], step["options"])
                for voter, choices in step["votes"].items():
                    actions.do_vote_poll(sid, people[voter], poll.data["id"], choices)
            case other:
                raise ValueError(f"unknown step in the live demo: {other}")


def _date_record(session: VirtualSession, minutes: int) -> None:
    """The session happened on its scheduled day: its record says so."""
    session.refresh_from_db()
    started, ended = session.starts_at, session.starts_at + dt.timedelta(minutes=minutes)
    session.started_at, session.ended_at = started, ended
    session.minutes = {
        **(session.minutes or {}),
        "started_at": started.isoformat(),
        "ended_at": ended.isoformat(),
    }
    session.save(update_fields=["started_at", "ended_at", "minutes"])
