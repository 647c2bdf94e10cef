"""Everything the exchange changes.

`access_*` return an object or refuse, `check_*` validate (who may do what is asked of
`community.exchange.permissions`), and `do_*` change state in one transaction together
with its side effects: notifications, queued e-mail (through the mailing outbox only)
and the moderation log. Views and the demo call these; tests call them directly.
"""

import datetime as dt
import html
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.exchange import notify
from community.exchange.app_settings import app_settings
from community.exchange.handles import member_handles
from community.exchange.markdown import (
    count_links,
    mentioned_handles,
    render_markdown,
    rich_text_html,
)
from community.exchange.mentions import mentioned_people, with_people
from community.exchange.models import (
    Attachment,
    EmailFrequency,
    Flag,
    Mention,
    ModerationLog,
    Notification,
    NotificationPreference,
    Post,
    PostRevision,
    Reaction,
    Thread,
    Visibility,
)
from community.exchange.permissions import (
    can_delete_post,
    can_draft_practice,
    can_edit_post,
    can_flag,
    can_mark_helpful,
    can_moderate,
    can_post,
    can_react,
    can_read_members_threads,
)
from community.exchange.uploads import check_attachment
from community.permissions import AnyUser, SpaceAccess, space_access
from learning_processes.models import LearningProcessPage
from learning_processes.refusals import Refusal

# --- Access: an object, or a refusal ---------------------------------------------------
#
# The space comes from `community.spaces.access_space`, resolved once with the viewer's
# membership; these narrow it down to one thread, post or attachment.


def access_thread(access: SpaceAccess, thread_id: int) -> Thread:
    """The thread if the person may read it. A thread they may not know of is a 404;
    a members-only thread is a PermissionDenied (the view sends visitors to log in)."""
    space = access.space
    thread = Thread.objects.filter(space=space, pk=thread_id).first()
    if thread is None:
        raise Http404
    thread.space = space
    if (thread.deleted_at or thread.hidden_at) and not can_moderate(access):
        raise Http404
    if not thread.is_public and not can_read_members_threads(access):
        raise PermissionDenied
    return thread


def access_post(access: SpaceAccess, post_id: int) -> Post:
    post = (
        Post.objects.select_related("thread", "author__profile")
        .filter(pk=post_id, thread__space=access.space)
        .first()
    )
    if post is None:
        raise Http404
    post.thread = access_thread(access, post.thread_id)
    removed = post.deleted_at or post.hidden_at
    # Authors still reach their own removed post (its place, not its content).
    own = access.user.is_authenticated and post.author_id == access.user.pk
    if removed and not own and not can_moderate(access):
        raise Http404
    return post


def access_attachment(access: SpaceAccess, attachment_id: int) -> Attachment:
    attachment = (
        Attachment.objects.select_related("post")
        .filter(pk=attachment_id, post__thread__space=access.space)
        .first()
    )
    if attachment is None:
        raise Http404
    post = access_post(access, attachment.post_id)
    if (post.deleted_at or post.hidden_at) and not can_moderate(access):
        raise Http404
    return attachment


class ExchangeDenied(Refusal, PermissionDenied):
    """The person may not do this in the space's exchange: a 403 (visitors are sent to
    log in by the views' `space_view`)."""

    code = "not_allowed"
    status = 403


def require(allowed: bool) -> None:
    if not allowed:
        raise ExchangeDenied(_("You may not do this here."))


# --- Rate and link limits --------------------------------------------------------------


def is_new_member(access: SpaceAccess) -> bool:
    """New until NEW_MEMBER_DAYS after joining or NEW_MEMBER_POSTS posts in the space,
    whichever comes first. Staff, hosts and facilitators are never new."""
    if access.can_facilitate:
        return False
    membership = access.membership
    if membership is None:
        return True
    if membership.joined_at <= timezone.now() - dt.timedelta(days=app_settings.NEW_MEMBER_DAYS):
        return False
    posts = Post.objects.filter(
        thread__space=access.space,
        author=access.actor,
        deleted_at__isnull=True,
        hidden_at__isnull=True,
    ).count()
    return posts < app_settings.NEW_MEMBER_POSTS


def check_thread_rate(access: SpaceAccess) -> None:
    if not is_new_member(access):
        return
    limit = app_settings.NEW_MEMBER_THREADS_PER_HOUR
    since = timezone.now() - dt.timedelta(hours=1)
    recent = Thread.objects.filter(
        space=access.space, author=access.actor, created_at__gte=since
    ).count()
    if recent >= limit:
        raise ValidationError(
            ngettext(
                "New members can start %(limit)d thread per hour. Your text is kept below: "
                "please post it a little later, or add it as a reply to an existing thread.",
                "New members can start %(limit)d threads per hour. Your text is kept below: "
                "please post it a little later, or add it as a reply to an existing thread.",
                limit,
            )
            % {"limit": limit},
            code="rate_limited",
        )


def check_links(access: SpaceAccess, text: str) -> None:
    new = is_new_member(access)
    limit = app_settings.NEW_MEMBER_MAX_LINKS if new else app_settings.MAX_LINKS
    links = count_links(text)
    if links <= limit:
        return
    if new:
        message = ngettext(
            "Posts of new members may carry at most %(limit)d link; this one has %(links)d. "
            "Please remove some; the limit rises once you have taken part for a while.",
            "Posts of new members may carry at most %(limit)d links; this one has %(links)d. "
            "Please remove some; the limit rises once you have taken part for a while.",
            limit,
        )
    else:
        message = ngettext(
            "A post may carry at most %(limit)d link; this one has %(links)d.",
            "A post may carry at most %(limit)d links; this one has %(links)d.",
            limit,
        )
    raise ValidationError(message % {"limit": limit, "links": links}, code="too_many_links")


def check_attachments(files: Sequence[UploadedFile]) -> list[tuple[UploadedFile, str, str]]:
    if len(files) > app_settings.ATTACHMENT_MAX_FILES:
        raise ValidationError(
            _("At most %(count)d files per post.") % {"count": app_settings.ATTACHMENT_MAX_FILES}
        )
    checked, errors = [], []
    for upload in files:
        try:
            name, content_type = check_attachment(upload)
        except ValidationError as error:
            errors.extend(error.messages)
        else:
            checked.append((upload, name, content_type))
    if errors:
        raise ValidationError(errors)
    return checked


# --- Writing ----------------------------------------------------------------------------


def _ids(handles: dict[str, User]) -> dict[str, int]:
    return {handle: user.pk for handle, user in handles.items()}


def _render(space: LearningProcessPage, text: str) -> tuple[str, dict[str, User]]:
    handles = member_handles(space)
    return render_markdown(text, handles=_ids(handles)), handles


def _save_attachments(post: Post, checked: Iterable[tuple[UploadedFile, str, str]]) -> None:
    # Called after every check passed, last in the transaction: a file is only written
    # for a post that is about to be saved.
    for upload, name, content_type in checked:
        attachment = Attachment(
            post=post, filename=name, content_type=content_type, size=upload.size or 0
        )
        attachment.file.save(name, upload, save=False)
        attachment.save()


def _record_mentions(post: Post, text: str, handles: dict[str, User]) -> list:
    mentioned = [handles[h] for h in mentioned_handles(text, _ids(handles))]
    existing = set(Mention.objects.filter(post=post).values_list("user_id", flat=True))
    new = [user for user in mentioned if user.pk not in existing and user.pk != post.author_id]
    Mention.objects.bulk_create([Mention(post=post, user=user) for user in new])
    return new


@transaction.atomic
def do_create_thread(
    *,
    space: LearningProcessPage,
    author: User,
    title: str,
    body: str,
    visibility: str = Visibility.MEMBERS,
    tags: Sequence[str] = (),
    files: Sequence[UploadedFile] = (),
) -> Thread:
    access = space_access(author, space)
    require(can_post(access))
    check_thread_rate(access)
    check_links(access, body)
    checked = check_attachments(files)
    now = timezone.now()
    thread = Thread.objects.create(
        space=space,
        author=author,
        title=title.strip(),
        visibility=Visibility(visibility),
        created_at=now,
        last_activity_at=now,
    )
    if tags:
        thread.tags.set(list(tags))
    body_html, handles = _render(space, body)
    post = Post.objects.create(
        thread=thread,
        author=author,
        body=body,
        body_html=body_html,
        is_opening=True,
        created_at=now,
    )
    _save_attachments(post, checked)
    mentioned = _record_mentions(post, body, handles)
    notify.new_thread(thread, post, mentioned=mentioned)
    return thread


@transaction.atomic
def do_post_reply(
    *,
    thread: Thread,
    author: User,
    body: str,
    parent: Post | None = None,
    quoted: Post | None = None,
    files: Sequence[UploadedFile] = (),
) -> Post:
    space = thread.space
    # The author's membership, looked up once for every rule and limit below.
    access = space_access(author, space)
    require(can_post(access))
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    thread.space = space
    if thread.is_locked or thread.deleted_at or thread.hidden_at:
        raise ValidationError(_("This thread is locked: no new replies."), code="locked")
    if parent is not None:
        if parent.thread_id != thread.pk:
            raise ValidationError(_("That post is not in this thread."))
        # One level of nesting: a reply to a reply joins its parent's branch.
        if parent.parent is not None:
            parent = parent.parent
        if parent.is_opening:
            parent = None
    check_links(access, body)
    checked = check_attachments(files)
    body_html, handles = _render(space, body)
    now = timezone.now()
    post = Post.objects.create(
        thread=thread,
        author=author,
        parent=parent,
        quoted=quoted if quoted is not None and quoted.thread_id == thread.pk else None,
        body=body,
        body_html=body_html,
        created_at=now,
    )
    _save_attachments(post, checked)
    Thread.objects.filter(pk=thread.pk).update(
        last_activity_at=now, reply_count=F("reply_count") + 1
    )
    mentioned = _record_mentions(post, body, handles)
    notify.reply(thread, post, mentioned=mentioned)
    return post


@transaction.atomic
def do_edit_post(*, post: Post, editor: User, body: str, title: str | None = None) -> Post:
    space = post.thread.space
    access = space_access(editor, space)
    require(can_edit_post(access, post))
    check_links(access, body)
    thread = post.thread
    new_title = title.strip() if (title is not None and post.is_opening) else thread.title
    if body == post.body and new_title == thread.title:
        return post
    PostRevision.objects.create(
        post=post,
        title=thread.title if post.is_opening else "",
        body=post.body,
        body_html=post.body_html,
        written_at=post.edited_at or post.created_at,
        edited_by=editor,
    )
    post.body = body
    post.body_html, handles = _render(space, body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at"])
    if post.is_opening and new_title != thread.title:
        thread.title = new_title
        thread.save(update_fields=["title"])
    mentioned = _record_mentions(post, body, handles)
    if mentioned:
        notify.mentions(thread, post, mentioned)
    return post


def _log(
    space: LearningProcessPage,
    actor: User,
    action: str,
    *,
    thread: Thread | None = None,
    post: Post | None = None,
    reason: str = "",
) -> ModerationLog:
    return ModerationLog.objects.create(
        space=space,
        actor=actor,
        action=action,
        thread=thread or (post.thread if post else None),
        post=post,
        reason=reason[:500],
    )


@transaction.atomic
def do_delete_post(*, post: Post, actor: User, reason: str = "") -> Post:
    require(can_delete_post(space_access(actor, post.thread.space), post))
    now = timezone.now()
    post.deleted_at, post.deleted_by = now, actor
    post.save(update_fields=["deleted_at", "deleted_by"])
    thread = post.thread
    if post.is_opening:
        thread.deleted_at = now
        thread.save(update_fields=["deleted_at"])
    else:
        Thread.objects.filter(pk=thread.pk).update(reply_count=F("reply_count") - 1)
    # Authors may delete their own posts; every deletion is logged so moderators can undo it.
    _log(thread.space, actor, ModerationLog.Action.DELETE, post=post, reason=reason)
    return post


@transaction.atomic
def do_restore_post(*, post: Post, actor: User) -> Post:
    require(can_moderate(space_access(actor, post.thread.space)) and post.deleted_at is not None)
    post.deleted_at, post.deleted_by = None, None
    post.save(update_fields=["deleted_at", "deleted_by"])
    thread = post.thread
    if post.is_opening:
        thread.deleted_at = None
        thread.save(update_fields=["deleted_at"])
    else:
        Thread.objects.filter(pk=thread.pk).update(reply_count=F("reply_count") + 1)
    _log(thread.space, actor, ModerationLog.Action.RESTORE, post=post)
    return post


@transaction.atomic
def do_hide_post(*, post: Post, actor: User, reason: str = "") -> Post:
    require(can_moderate(space_access(actor, post.thread.space)))
    if post.hidden_at is None:
        now = timezone.now()
        post.hidden_at = now
        post.save(update_fields=["hidden_at"])
        if post.is_opening:
            Thread.objects.filter(pk=post.thread_id).update(hidden_at=now)
            post.thread.hidden_at = now
        _resolve_flags(post, actor)
        _log(post.thread.space, actor, ModerationLog.Action.HIDE, post=post, reason=reason)
    return post


@transaction.atomic
def do_unhide_post(*, post: Post, actor: User) -> Post:
    require(can_moderate(space_access(actor, post.thread.space)))
    if post.hidden_at is not None:
        post.hidden_at = None
        post.save(update_fields=["hidden_at"])
        if post.is_opening:
            Thread.objects.filter(pk=post.thread_id).update(hidden_at=None)
            post.thread.hidden_at = None
        _log(post.thread.space, actor, ModerationLog.Action.UNHIDE, post=post)
    return post


def _resolve_flags(post: Post, actor: User) -> int:
    return Flag.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=actor
    )


@transaction.atomic
def do_dismiss_flags(*, post: Post, actor: User) -> int:
    require(can_moderate(space_access(actor, post.thread.space)))
    count = _resolve_flags(post, actor)
    if count:
        _log(post.thread.space, actor, ModerationLog.Action.RESOLVE_FLAGS, post=post)
    return count


@transaction.atomic
def do_flag_post(*, post: Post, reporter: User, reason: str, note: str = "") -> Flag:
    require(can_flag(space_access(reporter, post.thread.space)))
    flag, _created = Flag.objects.get_or_create(
        post=post,
        reporter=reporter,
        resolved_at__isnull=True,
        defaults={"reason": Flag.Reason(reason), "note": note[:500]},
    )
    return flag


@transaction.atomic
def do_set_locked(*, thread: Thread, actor: User, locked: bool) -> Thread:
    require(can_moderate(space_access(actor, thread.space)))
    if thread.is_locked != locked:
        thread.is_locked = locked
        thread.save(update_fields=["is_locked"])
        action = ModerationLog.Action.LOCK if locked else ModerationLog.Action.UNLOCK
        _log(thread.space, actor, action, thread=thread)
    return thread


@transaction.atomic
def do_set_pinned(*, thread: Thread, actor: User, pinned: bool) -> Thread:
    require(can_moderate(space_access(actor, thread.space)))
    if thread.is_pinned != pinned:
        thread.is_pinned = pinned
        thread.save(update_fields=["is_pinned"])
        action = ModerationLog.Action.PIN if pinned else ModerationLog.Action.UNPIN
        _log(thread.space, actor, action, thread=thread)
    return thread


@transaction.atomic
def do_toggle_reaction(*, post: Post, user: User, kind: str) -> bool:
    """Adds the reaction, or takes it back if it was there; returns whether it is there."""
    require(can_react(space_access(user, post.thread.space), post))
    kind = Reaction.Kind(kind)
    deleted, _ = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
    if deleted:
        return False
    Reaction.objects.create(post=post, user=user, kind=kind)
    return True


@transaction.atomic
def do_mark_helpful(*, post: Post, actor: User, helpful: bool) -> Post:
    require(can_mark_helpful(space_access(actor, post.thread.space), post))
    post.is_helpful = helpful
    post.save(update_fields=["is_helpful"])
    return post


@transaction.atomic
def do_draft_practice(*, thread: Thread, actor: User):
    """A draft practice page with the thread's content, for the host to complete and
    submit for review. Drafting twice returns the first draft."""
    from learning_processes.models import PracticeIndexPage, PracticePage

    space = thread.space
    require(can_draft_practice(space_access(actor, space)))
    if thread.practice_id:
        return thread.practice
    index = PracticeIndexPage.objects.first()
    if index is None:
        raise ValidationError(_("There is no practice library to add the practice to yet."))
    opening = thread.posts.get(is_opening=True)
    helpful = list(thread.posts.visible().filter(is_helpful=True).select_related("author__profile"))
    # Mentions as the people's names, without links: the page is public.
    people = mentioned_people([opening.body_html, *(post.body_html for post in helpful)], None)

    def body(post: Post) -> str:
        return with_people(post.body_html, people, links=False)

    # Rich text is built from escaped names and sanitised post HTML only: a name is
    # text, whatever markup it looks like.
    replies = "".join(
        format_html("<h3>{}</h3>", _("Reply by %(name)s") % {"name": _name(post.author)})
        + rich_text_html(body(post))
        for post in helpful
    )
    # The summary is plain text, shown escaped: entities of the HTML are decoded.
    summary = Truncator(html.unescape(strip_tags(body(opening)))).chars(590) or thread.title
    practice = PracticePage(
        title=thread.title,
        summary=summary,
        challenge=rich_text_html(body(opening)) or "<p></p>",
        approach=replies or "<p></p>",
        city=space.host_city,
        country="DE",
        year=timezone.localdate().year,
        topic_field=space.topic_field,
        learning_process=space,
        live=False,
    )
    for tag in thread.tags.names():
        practice.tags.add(tag)
    index.add_child(instance=practice)
    practice.save_revision(user=actor, log_action=True)
    thread.practice = practice
    thread.save(update_fields=["practice"])
    _log(space, actor, ModerationLog.Action.PRACTICE, thread=thread)
    return practice


def _name(user: User | None) -> str:
    from community.members.people import display_name

    return display_name(user)


# --- Notifications ------------------------------------------------------------------------


def unread_count(user: AnyUser) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def do_mark_read(*, user: User, ids: Iterable[int] | None = None) -> int:
    notifications = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        notifications = notifications.filter(pk__in=list(ids))
    return notifications.update(read_at=timezone.now())


def email_frequency(user: User, space: LearningProcessPage) -> str:
    preference = NotificationPreference.objects.filter(user=user, space=space).first()
    return preference.email if preference else app_settings.DEFAULT_EMAIL_FREQUENCY


@transaction.atomic
def do_set_email_frequency(
    *,
    user: User,
    space: LearningProcessPage,
    frequency: str,
    mentions_at_once: bool | None = None,
) -> NotificationPreference:
    """How the user hears about the space by e-mail; `mentions_at_once` is left as it
    was when not given."""
    defaults: dict[str, Any] = {"email": EmailFrequency(frequency)}
    if mentions_at_once is not None:
        defaults["mentions_at_once"] = mentions_at_once
    preference, _ = NotificationPreference.objects.update_or_create(
        user=user, space=space, defaults=defaults
    )
    return preference


@transaction.atomic
def do_unsubscribe(*, user: User, space_id: int | None) -> int:
    """E-mail off for one space, or for every space the user belongs to or heard from."""
    from community.spaces import spaces_of

    if space_id:
        space_ids = {space_id}
    else:
        space_ids = set(spaces_of(user).values_list("pk", flat=True)) | set(
            Notification.objects.filter(recipient=user).values_list("space_id", flat=True)
        )
    for pk in space_ids:
        NotificationPreference.objects.update_or_create(
            user=user, space_id=pk, defaults={"email": EmailFrequency.OFF}
        )
    return len(space_ids)


# --- Activity -------------------------------------------------------------------------------


def new_activity(user: User, since: dt.datetime | None, limit: int = 50) -> list[dict[str, Any]]:
    """What is new in all the spaces the user may enter now, grouped by space (an
    unpublished space's posts stay out of a participant's feed)."""
    from community.spaces import enterable_spaces_of

    spaces = list(enterable_spaces_of(user).order_by("title"))
    posts = (
        Post.objects.visible()
        .filter(
            thread__space__in=spaces,
            thread__deleted_at__isnull=True,
            thread__hidden_at__isnull=True,
        )
        .exclude(author=user)
        .select_related("thread", "author__profile")
        .order_by("-created_at", "-pk")
    )
    if since is not None:
        posts = posts.filter(created_at__gt=since)
    grouped: dict[int, list[Post]] = {}
    for post in posts[:limit]:
        grouped.setdefault(post.thread.space_id, []).append(post)
    return [{"space": space, "posts": grouped[space.pk]} for space in spaces if space.pk in grouped]
