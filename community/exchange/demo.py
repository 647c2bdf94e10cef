"""Demo content for the follow-up exchange: threads with replies, mentions and an
attachment in "Climate-resilient public spaces", the demo participant's space. The demo
host (who hosts the waste process) takes part there too, as a facilitator, so that on `make run` the
participant can post, mention the host, and the host sees the notification.

Idempotent: nothing is added once the space has threads.
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
from community.models import Membership, SpaceRole
from learning_processes.models import LearningProcessPage

DEMO_SPACE = "climate-resilient-public-spaces"
HOST_EMAIL = "host@example.org"
PARTICIPANT_EMAIL = "participant@example.org"
# Members of the space that the community demo seeds; the demo falls back to the
# host and the participant if they are missing.
SPACE_HOST_EMAIL = "lukas.hartmann@example.org"
PEER_EMAIL = "ana.ribeiro@example.org"

WELCOME = "Welcome to the follow-up exchange"
SHADE = "Shade for our market streets: what we tried after the dialogue event"
TOPICS = "Virtual exchange on heat and green space: topics?"
DEMO_TITLES = (WELCOME, SHADE, TOPICS)

CHECKLIST = (
    "Shade and cooling checklist, Kumasi follow-up\n"
    "1. Map the hottest market streets with surface temperatures\n"
    "2. Shade sails or trees: cost per square metre, maintenance owner\n"
    "3. Drinking water points at every market entrance\n"
)


def seed_exchange_demo() -> dict[str, int]:
    # A seeded demo is recognised with one query, by its own threads: other apps (the
    # live sessions' minutes) post threads in the same space.
    existing = Thread.objects.filter(space__slug=DEMO_SPACE, title__in=DEMO_TITLES).count()
    if existing:
        return {"threads": existing}
    space = LearningProcessPage.objects.filter(slug=DEMO_SPACE).first()
    if space is None:
        return {"threads": 0}
    emails = [HOST_EMAIL, PARTICIPANT_EMAIL, SPACE_HOST_EMAIL, PEER_EMAIL]
    users = {user.email: user for user in get_user_model().objects.filter(email__in=emails)}
    if HOST_EMAIL not in users or PARTICIPANT_EMAIL not in users:
        return {"threads": 0}
    host, participant = users[HOST_EMAIL], users[PARTICIPANT_EMAIL]
    with transaction.atomic():
        if not Membership.objects.filter(space=space, user=participant).exists():
            do_add_member(space, participant, SpaceRole.PARTICIPANT)
        if not Membership.objects.filter(space=space, user=host).exists():
            # As the live-session demo has it: the host joins as a facilitator.
            do_add_member(space, host, SpaceRole.FACILITATOR)
        space_host = _member(space, users.get(SPACE_HOST_EMAIL)) or host
        peer = _member(space, users.get(PEER_EMAIL)) or participant
        _seed_threads(space, host, participant, space_host, peer)
    return {"threads": Thread.objects.filter(space=space, title__in=DEMO_TITLES).count()}


def _member(space: LearningProcessPage, user):
    if user is not None and Membership.objects.filter(space=space, user=user).exists():
        return user
    return None


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


def _seed_threads(space: LearningProcessPage, host, participant, space_host, peer) -> None:
    host_handle = handle_of(host, space)
    participant_handle = handle_of(participant, space)
    peer_handle = handle_of(peer, space)

    welcome = do_create_thread(
        space=space,
        author=space_host,
        title=WELCOME,
        body=(
            "Dear colleagues,\n\nthank you again for three intense days at the dialogue "
            "event. This is where we continue: share what you tried at home, ask the group, "
            "attach documents.\n\n"
            "* One thread per topic, please\n"
            "* Mark replies that helped you as **helpful**\n"
            "* Threads marked *public* can be read by anyone\n\n"
            f"@{participant_handle}, would you start with the market streets?"
        ),
        visibility=Visibility.PUBLIC,
        tags=["welcome"],
    )
    do_set_pinned(thread=welcome, actor=space_host, pinned=True)
    do_post_reply(
        thread=welcome,
        author=participant,
        body="Thank you! Happy to start, see my thread on shade for market streets.",
    )
    _backdate(welcome, 20)

    checklist = do_create_thread(
        space=space,
        author=participant,
        title=SHADE,
        body=(
            "Back home we turned the workshop results into a checklist for the city "
            "council (attached). Shade sails were cheap to put up, but nobody wanted to "
            "own their maintenance.\n\n"
            f"@{host_handle}, Leipzig's markets have the same problem with waste bins: "
            "who maintains them, the market office or the city cleaning company?"
        ),
        tags=["shade", "markets", "maintenance"],
        files=[
            SimpleUploadedFile(
                "shade-and-cooling-checklist.txt", CHECKLIST.encode(), content_type="text/plain"
            )
        ],
    )
    answer = do_post_reply(
        thread=checklist,
        author=host,
        body=(
            "In Leipzig the market office owns everything that stands on the square and "
            "pays us for emptying the bins. The key was one written agreement per market, "
            "renewed every year.\n\n"
            "> nobody wanted to own their maintenance\n\n"
            "Start with the owner, then the budget follows."
        ),
    )
    do_mark_helpful(post=answer, actor=participant, helpful=True)
    do_post_reply(
        thread=checklist,
        author=peer,
        parent=answer,
        body=(
            f"Same in Belo Horizonte. @{participant_handle}, our maintenance agreement "
            "template is in the library, happy to share it."
        ),
    )
    _backdate(checklist, 9)

    do_create_thread(
        space=space,
        author=space_host,
        title=TOPICS,
        body=(
            "Our next virtual exchange is in three weeks. Which questions should the "
            f"experts answer? Reply here, one question per reply. @{peer_handle}, could "
            "you present the reopened streams?"
        ),
        tags=["virtual exchange"],
    )
