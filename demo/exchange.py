"""Demo content for the follow-up exchange (`data/exchange.yaml`): threads with replies,
mentions and an attachment in "Climate-resilient public spaces", the demo participant's space.
The demo host (who hosts the waste process) takes part there too, as a facilitator, so that
on `make run` the participant can post, mention the host, and the host sees the notification.

Written through the exchange's own actions. Idempotent: nothing is added once the space
has the demo's threads.
"""

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from community.exchange.actions import (
    do_create_thread,
    do_mark_helpful,
    do_post_reply,
    do_set_pinned,
)
from community.exchange.handles import handle_of
from community.exchange.models import Notification, Post, Thread
from community.members.actions import do_add_member
from community.models import Membership, SpaceRole
from demo.loader import load
from learning_processes.models import LearningProcessPage

EXCHANGE: dict[str, Any] = load("exchange")
DEMO_SPACE: str = EXCHANGE["space"]
HOST_EMAIL: str = EXCHANGE["people"]["host"]
PARTICIPANT_EMAIL: str = EXCHANGE["people"]["participant"]
DEMO_TITLES: tuple[str, ...] = tuple(thread["title"] for thread in EXCHANGE["threads"])


def seed_exchange_demo() -> dict[str, int]:
    # A seeded demo is recognised with one query, by its own threads: other apps (the
    # live sessions' minutes) post threads in the same space.
    existing = Thread.objects.filter(space__slug=DEMO_SPACE, title__in=DEMO_TITLES).count()
    if existing:
        return {"threads": existing}
    space = LearningProcessPage.objects.filter(slug=DEMO_SPACE).first()
    if space is None:
        return {"threads": 0}
    emails = list(EXCHANGE["people"].values())
    users = {user.email: user for user in get_user_model().objects.filter(email__in=emails)}
    if HOST_EMAIL not in users or PARTICIPANT_EMAIL not in users:
        return {"threads": 0}
    with transaction.atomic():
        people = _people(space, users)
        for thread in EXCHANGE["threads"]:
            _seed_thread(space, people, thread)
    return {"threads": Thread.objects.filter(space=space, title__in=DEMO_TITLES).count()}


def _people(space: LearningProcessPage, users: dict) -> dict[str, Any]:
    """Who is who in the threads; the space's own members fall back to the demo accounts."""
    host, participant = users[HOST_EMAIL], users[PARTICIPANT_EMAIL]
    if not Membership.objects.filter(space=space, user=participant).exists():
        do_add_member(space, participant, SpaceRole.PARTICIPANT)
    if not Membership.objects.filter(space=space, user=host).exists():
        # As the live-session demo has it: the host joins as a facilitator.
        do_add_member(space, host, SpaceRole.FACILITATOR)
    emails = EXCHANGE["people"]
    return {
        "host": host,
        "participant": participant,
        "space_host": _member(space, users.get(emails["space_host"])) or host,
        "peer": _member(space, users.get(emails["peer"])) or participant,
    }


def _member(space: LearningProcessPage, user):
    if user is not None and Membership.objects.filter(space=space, user=user).exists():
        return user
    return None


def _seed_thread(space: LearningProcessPage, people: dict[str, Any], data: dict) -> None:
    handles = {role: handle_of(people[role], space) for role in ("host", "participant", "peer")}
    thread = do_create_thread(
        space=space,
        author=people[data["author"]],
        title=data["title"],
        body=data["body"].format_map(handles),
        tags=data["tags"],
        files=[
            SimpleUploadedFile(file["name"], file["text"].encode(), file["content_type"])
            for file in data.get("files", ())
        ],
        **({"visibility": data["visibility"]} if "visibility" in data else {}),
    )
    if data.get("pinned"):
        do_set_pinned(thread=thread, actor=people[data["author"]], pinned=True)
    replies: dict[str | None, Post] = {}
    for reply in data.get("replies", ()):
        post = do_post_reply(
            thread=thread,
            author=people[reply["author"]],
            body=reply["body"].format_map(handles),
            parent=replies.get(reply.get("parent")),
        )
        replies[reply.get("key")] = post
        if "helpful_for" in reply:
            do_mark_helpful(post=post, actor=people[reply["helpful_for"]], helpful=True)
    if "days_ago" in data:
        _backdate(thread, data["days_ago"])


def _backdate(thread: Thread, days: float) -> None:
    """Spread the demo over the last weeks, so the activity looks like a real exchange."""
    when = timezone.now() - dt.timedelta(days=days)
    posts = list(thread.posts.order_by("pk"))
    for number, post in enumerate(posts):
        Post.objects.filter(pk=post.pk).update(created_at=when + dt.timedelta(hours=5 * number))
        Notification.objects.filter(post=post).update(
            created_at=when + dt.timedelta(hours=5 * number)
        )
    last = when + dt.timedelta(hours=5 * (len(posts) - 1))
    Thread.objects.filter(pk=thread.pk).update(created_at=when, last_activity_at=last)
