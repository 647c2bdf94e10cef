"""Thin views over `actions` and `selectors`: parse the request, call, render or redirect.

Every space view goes through `space_view`, which resolves the space and the viewer's
standing in it once (`community.spaces.access_space`) and turns a refusal into a login
redirect for visitors (a 403 for members who lack the right).
"""

import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from community.exchange import actions, notify, permissions, selectors
from community.exchange.forms import (
    EditForm,
    FlagForm,
    ModerationReasonForm,
    PreferenceForm,
    ReplyForm,
    ThreadForm,
    parse_id,
    parse_ids,
    read_switch,
)
from community.exchange.handles import member_handles
from community.exchange.models import ActivityVisit, Notification, NotificationPreference, Post
from community.members.people import display_name
from community.permissions import SpaceAccess
from community.spaces import access_space, spaces_of
from learning_processes.http import AuthenticatedHttpRequest
from learning_processes.usertext import clean_text


def space_view(view: Callable) -> Callable:
    @functools.wraps(view)
    def wrapper(request: HttpRequest, space_id: int, *args, **kwargs) -> HttpResponse:
        access = access_space(request.user, space_id, members_only=False)
        try:
            return view(request, access, *args, **kwargs)
        except PermissionDenied:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise

    return wrapper


def _form_errors(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, True):
        return redirect(target)
    return redirect(fallback)


# --- Threads -------------------------------------------------------------------------------


@space_view
@require_GET
def thread_list(request: HttpRequest, access: SpaceAccess) -> HttpResponse:
    tag = clean_text(request.GET.get("tag", ""))[:100]
    return render(
        request,
        "exchange/thread_list.html",
        {
            "space": access.space,
            "page_obj": selectors.thread_page(access, tag=tag, page=request.GET.get("page", 1)),
            "tag": tag,
            "latest_posts": selectors.latest_posts(access),
            "may_post": permissions.can_post(access),
            "moderator": permissions.can_moderate(access),
            "is_member": permissions.can_read_members_threads(access),
        },
    )


@space_view
def thread_create(request: HttpRequest, access: SpaceAccess) -> HttpResponse:
    actions.require(permissions.can_post(access))
    form = ThreadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            thread = actions.do_create_thread(
                space=access.space,
                author=access.actor,
                title=data["title"],
                body=data["body"],
                visibility=data["visibility"],
                tags=data["tags"],
                files=data["attachments"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your thread is posted."))
            return redirect(thread)
    status = 400 if form.errors else 200
    return render(
        request, "exchange/thread_form.html", {"space": access.space, "form": form}, status=status
    )


def _thread_context(
    request: HttpRequest,
    access: SpaceAccess,
    thread,
    reply_form: ReplyForm | None = None,
    page: str | int | None = None,
):
    data = selectors.thread_posts(thread, access, page=page or request.GET.get("page") or 1)
    if reply_form is None:
        initial: dict[str, Any] = {}
        quote_id = parse_id(request.GET.get("quote"))
        reply_to = parse_id(request.GET.get("reply_to"))
        posts = {p.pk: p for p in [data["opening"], *data["replies"]] if p}
        for post in data["replies"]:
            posts.update({child.pk: child for child in post.replies})
        if quote_id in posts and not posts[quote_id].removed:
            quoted = posts[quote_id]
            lines = "\n".join(f"> {line}" for line in quoted.body.splitlines())
            initial.update(
                quoted=quoted.pk,
                parent=quoted.parent_id or quoted.pk,
                body=_("%(name)s wrote:") % {"name": display_name(quoted.author)}
                + f"\n{lines}\n\n",
            )
        elif reply_to in posts:
            initial["parent"] = reply_to
        reply_form = ReplyForm(thread=thread, initial=initial)
    return {
        "space": access.space,
        "thread": thread,
        "reply_form": reply_form,
        "replying_to": reply_form["parent"].value(),
        **data,
    }


@space_view
@require_GET
def thread_detail(request: HttpRequest, access: SpaceAccess, thread_id: int) -> HttpResponse:
    thread = actions.access_thread(access, thread_id)
    return render(request, "exchange/thread_detail.html", _thread_context(request, access, thread))


@space_view
@require_GET
def post_permalink(
    request: HttpRequest, access: SpaceAccess, thread_id: int, post_id: int
) -> HttpResponse:
    """A post's lasting address: the page of its thread it is on now, at the post."""
    thread = actions.access_thread(access, thread_id)
    post = get_object_or_404(Post.objects.select_related("parent"), thread=thread, pk=post_id)
    post.thread = thread
    page = selectors.page_of(post)
    query = f"?page={page}" if page > 1 else ""
    return redirect(f"{thread.get_absolute_url()}{query}#post-{post.pk}")


@space_view
@require_POST
def reply(request: HttpRequest, access: SpaceAccess, thread_id: int) -> HttpResponse:
    thread = actions.access_thread(access, thread_id)
    actions.require(permissions.can_post(access))
    form = ReplyForm(request.POST, request.FILES, thread=thread)
    if form.is_valid():
        data = form.cleaned_data
        try:
            post = actions.do_post_reply(
                thread=thread,
                author=access.actor,
                body=data["body"],
                parent=data["parent"],
                quoted=data["quoted"],
                files=data["attachments"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your reply is posted."))
            return redirect(post.get_absolute_url())
    # Back to the page the reply was written on: its branch's, or the last one.
    branch = form.cleaned_data.get("parent")
    page = selectors.page_of(branch) if branch else "last"
    return render(
        request,
        "exchange/thread_detail.html",
        _thread_context(request, access, thread, reply_form=form, page=page),
        status=400,
    )


@space_view
@require_POST
def thread_pin(request: HttpRequest, access: SpaceAccess, thread_id: int) -> HttpResponse:
    thread = actions.access_thread(access, thread_id)
    actions.do_set_pinned(
        thread=thread, actor=access.actor, pinned=read_switch(request.POST, "pinned")
    )
    return redirect(thread)


@space_view
@require_POST
def thread_lock(request: HttpRequest, access: SpaceAccess, thread_id: int) -> HttpResponse:
    thread = actions.access_thread(access, thread_id)
    actions.do_set_locked(
        thread=thread, actor=access.actor, locked=read_switch(request.POST, "locked")
    )
    return redirect(thread)


@space_view
@require_POST
def thread_practice(request: HttpRequest, access: SpaceAccess, thread_id: int) -> HttpResponse:
    thread = actions.access_thread(access, thread_id)
    try:
        practice = actions.do_draft_practice(thread=thread, actor=access.actor)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(thread)
    messages.success(
        request,
        _(
            "A draft practice “%(title)s” was created. Complete it in the editor and "
            "submit it for review."
        )
        % {"title": practice.title},
    )
    return redirect(thread)


# --- Posts -----------------------------------------------------------------------------------


@space_view
def post_edit(request: HttpRequest, access: SpaceAccess, post_id: int) -> HttpResponse:
    post = actions.access_post(access, post_id)
    actions.require(permissions.can_edit_post(access, post))
    initial = {"body": post.body, "title": post.thread.title}
    form = EditForm(request.POST or None, initial=initial, opening=post.is_opening)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_edit_post(
                post=post,
                editor=access.actor,
                body=form.cleaned_data["body"],
                title=form.cleaned_data.get("title"),
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(post.get_absolute_url())
    status = 400 if form.errors else 200
    return render(
        request,
        "exchange/post_edit.html",
        {"space": access.space, "post": post, "form": form},
        status=status,
    )


@space_view
@require_GET
def post_history(request: HttpRequest, access: SpaceAccess, post_id: int) -> HttpResponse:
    post = actions.access_post(access, post_id)
    if post.deleted_at or post.hidden_at:
        actions.require(permissions.can_moderate(access))
    return render(
        request,
        "exchange/post_history.html",
        {
            "space": access.space,
            "post": post,
            "thread": post.thread,
            **selectors.post_versions(post, request.user),
        },
    )


@space_view
@require_POST
def post_delete(request: HttpRequest, access: SpaceAccess, post_id: int) -> HttpResponse:
    post = actions.access_post(access, post_id)
    reason = ModerationReasonForm(request.POST).reason_or_refuse()
    actions.do_delete_post(post=post, actor=access.actor, reason=reason)
    messages.success(request, _("The post is deleted. Moderators can restore it."))
    if post.is_opening:
        return redirect("exchange:threads", access.space.pk)
    return redirect(post.thread)


@space_view
@require_POST
def post_restore(request: HttpRequest, access: SpaceAccess, post_id: int) -> HttpResponse:
    post = actions.access_post(access, post_id)
    actions.do_restore_post(post=post, actor=access.actor)
    messages.success(request, _("The post is restored."))
    return _back(request, post.get_absolute_url())


@space_view
@require_POST
def post_hide(request: HttpRequest, access: SpaceAccess, post_id: int) -> HttpResponse:
    post = actions.access_post(access, post_id)
    reason = ModerationReasonForm(request.POST).reason_or_refuse()
    actions.do_hide_post(post=post, actor=access.actor, reason=reason)
    messages.success(request, _("The post is hidden from members."))
    return _back(request, post.get_absolute_url())


@space_view
@require_POST
def post_unhide(request: HttpRequest, access: SpaceAccess, post_id: int) -> HttpResponse:
    post = actions.access_post(access, post_id)
    actions.do_unhide_post(post=post, actor=access.actor)
    messages.success(request, _("The post is visible again."))
    return _back(request, post.get_absolute_url())


@space_view
@require_POST
def post_dismiss_flags(request: HttpRequest, access: SpaceAccess, post_id: int) -> HttpResponse:
    post = actions.access_post(access, post_id)
    actions.do_dismiss_flags(post=post, actor=access.actor)
    return _back(request, reverse("exchange:moderation", args=[access.space.pk]))


@space_view
@require_POST
def post_react(request: HttpRequest, access: SpaceAccess, post_id: int) -> HttpResponse:
    post = actions.access_post(access, post_id)
    try:
        actions.do_toggle_reaction(post=post, user=access.actor, kind=request.POST.get("kind", ""))
    except ValueError:
        return HttpResponse(_("Unknown reaction."), status=400)
    return redirect(post.get_absolute_url())


@space_view
@require_POST
def post_helpful(request: HttpRequest, access: SpaceAccess, post_id: int) -> HttpResponse:
    post = actions.access_post(access, post_id)
    actions.do_mark_helpful(
        post=post, actor=access.actor, helpful=read_switch(request.POST, "helpful")
    )
    return redirect(post.get_absolute_url())


@space_view
def post_flag(request: HttpRequest, access: SpaceAccess, post_id: int) -> HttpResponse:
    post = actions.access_post(access, post_id)
    actions.require(permissions.can_read_members_threads(access))
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.do_flag_post(
            post=post,
            reporter=access.actor,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Thank you. The hosts and facilitators will look at it."))
        return redirect(post.get_absolute_url())
    status = 400 if form.errors else 200
    return render(
        request,
        "exchange/flag_form.html",
        {"space": access.space, "post": post, "form": form},
        status=status,
    )


@space_view
@require_GET
def attachment_download(
    request: HttpRequest, access: SpaceAccess, attachment_id: int
) -> FileResponse:
    attachment = actions.access_attachment(access, attachment_id)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Even opened directly, the file runs no script and reaches nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@space_view
@require_GET
def moderation(request: HttpRequest, access: SpaceAccess) -> HttpResponse:
    actions.require(permissions.can_moderate(access))
    return render(
        request,
        "exchange/moderation.html",
        {"space": access.space, **selectors.moderation_queue(access.space, request.user)},
    )


@space_view
@require_GET
def mention_candidates(request: HttpRequest, access: SpaceAccess) -> JsonResponse:
    actions.require(permissions.can_read_members_threads(access))
    members = [
        {"handle": handle, "name": display_name(user)}
        for handle, user in member_handles(access.space).items()
    ]
    return JsonResponse({"members": members})


# --- Notifications and activity ---------------------------------------------------------------


@login_required
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "POST":
        # No id is "all of them"; an id that is not one is a malformed request.
        ids = parse_ids(request.POST.getlist("notification"))
        actions.do_mark_read(user=request.user, ids=ids or None)
        return _back(request, reverse("exchange:notifications"))
    notifications = (
        Notification.objects.filter(recipient=request.user)
        .select_related("space", "thread", "post", "actor__profile")
        .order_by("-created_at", "-pk")[:100]
    )
    return render(request, "exchange/notifications.html", {"notifications": notifications})


@login_required
@require_GET
def notification_open(request: AuthenticatedHttpRequest, notification_id: int) -> HttpResponse:
    notification = get_object_or_404(
        Notification.objects.select_related("post", "thread"),
        pk=notification_id,
        recipient=request.user,
    )
    if notification.read_at is None:
        actions.do_mark_read(user=request.user, ids=[notification.pk])
    return redirect(notification.post.get_absolute_url())


@login_required
def notification_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    spaces = spaces_of(request.user).order_by("title")
    current = {
        space_id: (frequency, mentions)
        for space_id, frequency, mentions in NotificationPreference.objects.filter(
            user=request.user
        ).values_list("space_id", "email", "mentions_at_once")
    }
    form = PreferenceForm(request.POST or None, spaces=spaces, current=current)
    if request.method == "POST" and form.is_valid():
        for space, frequency, mentions in form.chosen():
            actions.do_set_email_frequency(
                user=request.user, space=space, frequency=frequency, mentions_at_once=mentions
            )
        messages.success(request, _("Your e-mail settings are saved."))
        return redirect("exchange:notification_settings")
    return render(request, "exchange/notification_settings.html", {"form": form})


@csrf_exempt  # the signed token is the proof; mail clients post here without a session
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user, space_id = notify.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "exchange/unsubscribe.html", {"invalid": True}, status=400)
    space = None
    if space_id:
        from learning_processes.models import LearningProcessPage

        space = LearningProcessPage.objects.filter(pk=space_id).first()
    if request.method == "POST":
        actions.do_unsubscribe(user=user, space_id=space_id)
        return render(request, "exchange/unsubscribe.html", {"done": True, "space": space})
    return render(request, "exchange/unsubscribe.html", {"space": space, "token": token})


@login_required
@require_GET
def activity(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The dashboard: what is new in all the user's spaces since the previous visit."""
    now = timezone.now()
    visit = ActivityVisit.objects.filter(user=request.user).first()
    if visit is None:
        visit = ActivityVisit.objects.create(user=request.user, previous_at=None, last_at=now)
    elif now - visit.last_at > ActivityVisit.SAME_VISIT:
        visit.previous_at, visit.last_at = visit.last_at, now
        visit.save(update_fields=["previous_at", "last_at"])
    since = visit.previous_at
    return render(
        request,
        "exchange/activity.html",
        {
            "since": since,
            "groups": actions.new_activity(request.user, since),
            "spaces": spaces_of(request.user).order_by("title"),
        },
    )
