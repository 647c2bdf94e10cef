"""The exchange's part in a person's data export and account deletion.

Connected to `community.signals` by `community.exchange.receivers`. On deletion a person's
posts are either kept without the author (shown as "Former member") or deleted. A
deleted post that others replied to, or a thread that others took part in, keeps its
place so their contributions stay readable, but loses its text, title, attachments and
history; everything else of theirs is removed outright.
"""

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext

from community.exchange.models import (
    Attachment,
    Flag,
    NotificationPreference,
    Post,
    PostRevision,
    Reaction,
    Thread,
)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def export_exchange_data(user: User) -> dict[str, Any]:
    posts = (
        Post.objects.filter(author=user)
        .select_related("thread", "thread__space")
        .prefetch_related("attachments", "revisions")
        .order_by("created_at", "pk")
    )
    return {
        "exchange": {
            "threads": _thread_rows(user),
            "posts": [
                {
                    "id": post.pk,
                    "thread": post.thread.title,
                    "space": post.thread.space.title,
                    "text": post.body,
                    "created_at": _iso(post.created_at),
                    "edited_at": _iso(post.edited_at),
                    "deleted": post.deleted_at is not None,
                    "hidden_by_moderator": post.hidden_at is not None,
                    "attachments": [a.filename for a in post.attachments.all()],
                    "earlier_versions": [
                        {"text": r.body, "written_at": _iso(r.written_at)}
                        for r in post.revisions.all()
                    ],
                }
                for post in posts
            ],
            "reactions": [
                {"post": post_id, "kind": kind, "at": _iso(at)}
                for post_id, kind, at in Reaction.objects.filter(user=user)
                .order_by("pk")
                .values_list("post_id", "kind", "created_at")
            ],
            "flags": [
                {"post": post_id, "reason": reason, "note": note, "at": _iso(at)}
                for post_id, reason, note, at in Flag.objects.filter(reporter=user)
                .order_by("pk")
                .values_list("post_id", "reason", "note", "created_at")
            ],
            "email_settings": [
                {"space": title, "email": email}
                for title, email in NotificationPreference.objects.filter(user=user)
                .order_by("space__title")
                .values_list("space__title", "email")
            ],
        }
    }


def _thread_rows(user: User) -> list[dict[str, Any]]:
    # django-stubs does not know taggit's manager as a relation to prefetch (a stub gap).
    threads = Thread.objects.filter(author=user).select_related("space")
    threads = threads.prefetch_related("tags")  # type: ignore[misc]
    return [
        {
            "id": thread.pk,
            "space": thread.space.title,
            "title": thread.title,
            "visibility": thread.visibility,
            "tags": sorted(tag.name for tag in thread.tags.all()),
            "created_at": _iso(thread.created_at),
            "deleted": thread.deleted_at is not None,
        }
        for thread in threads.order_by("created_at", "pk")
    ]


def _delete_files(attachments) -> None:
    files = [(a.file.storage, a.file.name) for a in attachments]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])


def remove_exchange_content(user: User, keep_anonymised: bool) -> None:
    posts = Post.objects.filter(author=user)
    if keep_anonymised:
        posts.update(author=None)
        Thread.objects.filter(author=user).update(author=None)
        return
    affected_threads = set(posts.values_list("thread_id", flat=True))
    others = ~Q(author=user) | Q(author__isnull=True)
    # Threads they started: gone entirely unless someone else wrote in them.
    own_threads = Thread.objects.filter(author=user).annotate(
        others=Count("posts", filter=~Q(posts__author=user) | Q(posts__author__isnull=True))
    )
    lonely = [t.pk for t in own_threads if t.others == 0]
    _delete_files(Attachment.objects.filter(post__thread_id__in=lonely))
    Thread.objects.filter(pk__in=lonely).delete()
    Thread.objects.filter(author=user).update(
        author=None, title=gettext("Thread by a former member")
    )
    # Posts others replied to keep their place, emptied; the rest go.
    with_replies = Post.objects.filter(author=user).filter(
        Q(is_opening=True) | Q(children__in=Post.objects.filter(others))
    )
    keep_ids = set(with_replies.values_list("pk", flat=True))
    _delete_files(Attachment.objects.filter(post__author=user))
    Attachment.objects.filter(post__author=user).delete()
    PostRevision.objects.filter(post_id__in=keep_ids).delete()
    Post.objects.filter(pk__in=keep_ids).update(
        author=None, body="", body_html="", deleted_at=timezone.now()
    )
    Post.objects.filter(author=user).exclude(pk__in=keep_ids).delete()
    for thread in Thread.objects.filter(pk__in=affected_threads):
        count = thread.posts.filter(is_opening=False, deleted_at__isnull=True).count()
        Thread.objects.filter(pk=thread.pk).update(reply_count=count)
