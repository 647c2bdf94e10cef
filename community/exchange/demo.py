"""Demo content for the follow-up exchange: a few threads with replies, mentions and an
attachment in one space where both the demo host (as a facilitator) and the demo
participant are members, so that on `make run` the participant can post and mention
the host at once.

Idempotent: threads are looked up by title before anything is created.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from community.actions import do_add_member
from community.exchange.actions import (
    do_create_thread,
    do_mark_helpful,
    do_post_reply,
    do_set_pinned,
)
from community.exchange.handles import handle_of
from community.exchange.models import Notification, Post, Thread, Visibility
from community.models import SpaceRole
from learning_processes.models import LearningProcessPage

# Not the host's own "circular-waste-management": that one the host invites people to.
DEMO_SPACE = "urban-heat-action-plans"
HOST_EMAIL = "host@example.org"
PARTICIPANT_EMAIL = "participant@example.org"
STAFF_EMAIL = "staff@example.org"

CHECKLIST = (
    "Heat action plan checklist, Ahmedabad follow-up\n"
    "1. Early warning thresholds agreed with the health department\n"
    "2. Cooling centres listed with opening hours\n"
    "3. Outreach to outdoor workers and street vendors\n"
)


def seed_exchange_demo() -> dict[str, int]:
    User = get_user_model()
    space = LearningProcessPage.objects.filter(slug=DEMO_SPACE).first()
    users = {
        user.email: user for user in User.objects.filter(email__in=[HOST_EMAIL, PARTICIPANT_EMAIL])
    }
    if space is None or len(users) < 2:
        return {"threads": 0}
    host, participant = users[HOST_EMAIL], users[PARTICIPANT_EMAIL]
    with transaction.atomic():
        do_add_member(space, host, SpaceRole.FACILITATOR)
        do_add_member(space, participant, SpaceRole.PARTICIPANT)
        if Thread.objects.filter(space=space).exists():
            return {"threads": Thread.objects.filter(space=space).count()}
        _seed_threads(space, host, participant)
    return {"threads": Thread.objects.filter(space=space).count()}


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


def _seed_threads(space: LearningProcessPage, host, participant) -> None:
    host_handle = handle_of(host, space)
    participant_handle = handle_of(participant, space)

    welcome = do_create_thread(
        space=space,
        author=host,
        title="Welcome to the follow-up exchange",
        body=(
            "Dear colleagues,\n\nthank you again for three intense days at the dialogue event. "
            "This is where we continue: share what you tried at home, ask the group, "
            "attach documents.\n\n"
            "* One thread per topic, please\n"
            "* Mark replies that helped you as **helpful**\n"
            "* Threads marked *public* can be read by anyone\n\n"
            f"@{participant_handle}, would you start with the cooling centres?"
        ),
        visibility=Visibility.PUBLIC,
        tags=["welcome"],
    )
    do_set_pinned(thread=welcome, actor=host, pinned=True)
    do_post_reply(
        thread=welcome,
        author=participant,
        body="Thank you! Happy to start, see my thread on the checklist.",
    )
    _backdate(welcome, 20)

    checklist = do_create_thread(
        space=space,
        author=participant,
        title="Our heat action plan checklist after the dialogue event",
        body=(
            "Back home we turned the workshop results into a checklist for the city "
            "council (attached). The early-warning thresholds were the hardest part: "
            "the health department wanted 41 °C, the disaster office 43 °C.\n\n"
            f"@{host_handle}, how did Freiburg agree on its thresholds?"
        ),
        tags=["heat warnings", "checklist"],
        files=[
            SimpleUploadedFile(
                "heat-action-checklist.txt", CHECKLIST.encode(), content_type="text/plain"
            )
        ],
    )
    answer = do_post_reply(
        thread=checklist,
        author=host,
        body=(
            "We started from the German Weather Service's two warning levels and added a "
            "local level for nights above 25 °C. The key was a joint table with both "
            "departments, agreed once a year before the summer.\n\n"
            "> the health department wanted 41 °C\n\n"
            "Health usually wins in our experience: start with their number and review "
            "it after the first season."
        ),
    )
    do_mark_helpful(post=answer, actor=participant, helpful=True)
    do_post_reply(
        thread=checklist,
        author=participant,
        parent=answer,
        body="Very helpful, we will propose exactly that to the council next month.",
    )
    _backdate(checklist, 9)

    do_create_thread(
        space=space,
        author=host,
        title="Virtual session on heat and health: topics?",
        body=(
            "Our next virtual exchange is in three weeks. Which questions should the "
            "health experts answer? Reply here, one question per reply."
        ),
        tags=["virtual exchange"],
    )
