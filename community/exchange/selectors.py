"""Read-only queries behind the exchange's pages, with a fixed number of queries each."""

from collections import defaultdict
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet

from community.exchange.app_settings import app_settings
from community.exchange.mentions import mentioned_people
from community.exchange.models import Attachment, Flag, Post, Reaction, Thread, Visibility
from community.exchange.permissions import (
    can_draft_practice,
    can_moderate,
    can_post,
    can_read_members_threads,
)
from community.permissions import AnyUser, SpaceAccess
from learning_processes.models import LearningProcessPage


def threads_for(access: SpaceAccess, *, tag: str = "") -> QuerySet[Thread]:
    threads = Thread.objects.listed().filter(space=access.space)
    if not can_read_members_threads(access):
        threads = threads.filter(visibility=Visibility.PUBLIC)
    if tag:
        threads = threads.filter(tags__slug=tag)
    return (
        threads.select_related("author__profile")
        .prefetch_related("tags")
        .order_by("-is_pinned", "-last_activity_at", "-pk")
    )


def thread_page(access: SpaceAccess, *, tag: str = "", page: str | int = 1) -> Page:
    return Paginator(threads_for(access, tag=tag), app_settings.THREADS_PER_PAGE).get_page(page)


def latest_posts(access: SpaceAccess, limit: int = 8) -> QuerySet[Post]:
    """The newest visible posts of the space that the person may read."""
    posts = Post.objects.visible().filter(
        thread__space=access.space,
        thread__deleted_at__isnull=True,
        thread__hidden_at__isnull=True,
    )
    if not can_read_members_threads(access):
        posts = posts.filter(thread__visibility=Visibility.PUBLIC)
    return posts.select_related("thread", "author__profile").order_by("-created_at", "-pk")[:limit]


def top_level_replies(thread: Thread) -> QuerySet[Post]:
    """The replies to the thread itself, in the order a thread's pages show them."""
    return thread.posts.filter(is_opening=False, parent__isnull=True).order_by("created_at", "pk")


def page_of(post: Post) -> int:
    """The page of its thread a post is on: that of its top-level reply."""
    if post.is_opening:
        return 1
    top = post.parent or post
    before = (
        top_level_replies(post.thread)
        .filter(Q(created_at__lt=top.created_at) | Q(created_at=top.created_at, pk__lt=top.pk))
        .count()
    )
    return before // app_settings.REPLIES_PER_PAGE + 1


def _page_posts(thread: Thread, page: str | int) -> tuple[Paginator, Page, list[Post]]:
    """One page of the thread's top-level replies (`page` a number or "last"), with the
    opening post and the answers to those replies; only that page's posts are loaded."""
    paginator = Paginator(
        top_level_replies(thread).values_list("pk", flat=True), app_settings.REPLIES_PER_PAGE
    )
    page_obj = paginator.get_page(paginator.num_pages if page == "last" else page)
    top_ids = list(page_obj.object_list)
    posts = list(
        thread.posts.filter(Q(is_opening=True) | Q(pk__in=top_ids) | Q(parent_id__in=top_ids))
        .select_related("author__profile", "quoted", "quoted__author__profile")
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.order_by("pk")))
    )
    return paginator, page_obj, posts


def _reaction_lists(post_ids: list[int], user: AnyUser) -> dict[int, list[dict[str, Any]]]:
    """Each post's reactions: every kind with its count and whether the user gave it."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for row in (
        Reaction.objects.filter(post_id__in=post_ids)
        .values("post_id", "kind")
        .annotate(n=Count("pk"))
    ):
        counts[row["post_id"]][row["kind"]] = row["n"]
    mine: set[tuple[int, str]] = set()
    if user.is_authenticated:
        mine = set(
            Reaction.objects.filter(post_id__in=post_ids, user=user).values_list("post_id", "kind")
        )
    return {
        pk: [
            {
                "kind": kind,
                "label": label,
                "count": counts[pk].get(kind, 0),
                "mine": (pk, kind) in mine,
            }
            for kind, label in Reaction.Kind.choices
        ]
        for pk in post_ids
    }


def _open_flag_counts(post_ids: list[int]) -> dict[int, int]:
    return dict(
        Flag.objects.filter(post_id__in=post_ids, resolved_at__isnull=True)
        .values("post_id")
        .annotate(n=Count("pk"))
        .values_list("post_id", "n")
    )


def _mark_what_may_be_done(post: Post, thread: Thread, access: SpaceAccess) -> None:
    """The same rules as `can_edit_post` & co. in `community.exchange.permissions`,
    from the role looked up once for the whole page."""
    moderator, poster = can_moderate(access), can_post(access)
    member = can_read_members_threads(access)
    # Anonymous users have pk None, like posts of deleted accounts: never "own".
    user_pk = access.user.pk if access.user.is_authenticated else -1
    own = post.author_id == user_pk
    post.removed = bool(post.deleted_at or post.hidden_at)
    post.show_body = not post.removed or moderator
    post.may_edit = own and poster and not post.removed and not thread.is_locked
    post.may_delete = post.deleted_at is None and ((own and poster) or moderator)
    post.may_restore = moderator and post.deleted_at is not None
    post.may_hide = moderator and post.hidden_at is None and post.deleted_at is None
    post.may_unhide = moderator and post.hidden_at is not None
    post.may_helpful = (
        not post.is_opening
        and not post.removed
        and ((thread.author_id == user_pk and poster) or moderator)
    )
    post.may_react = member and not post.removed
    post.may_flag = member and not post.removed and not own
    post.may_reply = poster and not thread.is_locked and not post.removed


def thread_posts(thread: Thread, access: SpaceAccess, *, page: str | int = 1) -> dict[str, Any]:
    """The opening post, one page of top-level replies with their answers, and what the
    person may do with each, computed once for the page. `page` is a number or "last"
    (where a new reply lands). Only that page's posts are loaded: a long thread stays
    light on a slow connection."""
    moderator = can_moderate(access)
    paginator, page_obj, posts = _page_posts(thread, page)
    post_ids = [p.pk for p in posts]
    reactions = _reaction_lists(post_ids, access.user)
    open_flags = _open_flag_counts(post_ids) if moderator else {}
    for post in posts:
        post.thread = thread
        post.reaction_list = reactions[post.pk]
        post.open_flags = open_flags.get(post.pk, 0)
        _mark_what_may_be_done(post, thread, access)
        post.replies = []
    by_id = {p.pk: p for p in posts}
    for post in posts:
        if post.parent_id and post.parent_id in by_id:
            by_id[post.parent_id].replies.append(post)
        # A quoted post on another page is reached through its permalink.
        post.quoted_here = post.quoted_id in by_id
    return {
        "opening": next((p for p in posts if p.is_opening), None),
        "replies": [p for p in posts if not p.is_opening and p.parent_id is None],
        "mentioned_people": mentioned_people(
            (p.body_html for p in posts if p.show_body), access.user
        ),
        "page_obj": page_obj,
        "page_numbers": list(paginator.get_elided_page_range(page_obj.number, on_ends=1)),
        "moderator": moderator,
        "may_reply": can_post(access) and not thread.is_locked,
        "may_draft_practice": can_draft_practice(access),
    }


def post_versions(post: Post, user: AnyUser) -> dict[str, Any]:
    """A post's earlier versions, newest first, and the people they all mention."""
    revisions = list(post.revisions.select_related("edited_by__profile"))
    bodies = [post.body_html, *(revision.body_html for revision in revisions)]
    return {"revisions": revisions, "mentioned_people": mentioned_people(bodies, user)}


def moderation_queue(space: LearningProcessPage, moderator: AnyUser) -> dict[str, Any]:
    from community.exchange.models import ModerationLog

    flags = (
        Flag.objects.filter(post__thread__space=space, resolved_at__isnull=True)
        .select_related("post", "post__thread", "post__author__profile", "reporter__profile")
        .order_by("-created_at")
    )
    removed = (
        Post.objects.filter(thread__space=space)
        .exclude(deleted_at__isnull=True, hidden_at__isnull=True)
        .select_related("thread", "author__profile")
        .order_by("-pk")[:50]
    )
    log = (
        ModerationLog.objects.filter(space=space)
        .select_related("actor__profile", "thread", "post", "post__thread")
        .order_by("-created_at", "-pk")[:100]
    )
    flag_list = list(flags)
    return {
        "flags": flag_list,
        "removed": removed,
        "log": log,
        "mentioned_people": mentioned_people(
            (flag.post.body_html for flag in flag_list), moderator
        ),
    }
