"""Pages of the live sessions of a space: the list, scheduling, the room (which is
also the read-only view and, once ended, the minutes) and the calendar file."""

import zoneinfo

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from community.live import actions, selectors
from community.live.app_settings import app_settings
from community.live.forms import SessionForm
from community.live.ics import session_calendar
from community.live.models import SessionState, VirtualSession
from community.live.permissions import can_schedule_sessions
from community.permissions import SpaceAccess
from community.spaces import access_space, check_space_access
from community.templatetags.time_tags import zone_label
from learning_processes.http import AuthenticatedHttpRequest
from mailing.links import absolute_url, site_domain


def access_session(
    request: HttpRequest, space_id: int, pk: int
) -> tuple[SpaceAccess, VirtualSession]:
    """The space (with the viewer's standing in it) and one of its sessions."""
    access = access_space(request.user, space_id)
    session = get_object_or_404(VirtualSession, pk=pk, space=access.space)
    session.space = access.space
    return access, session


@login_required
def session_list(request: HttpRequest, space_id: int) -> HttpResponse:
    access = access_space(request.user, space_id)
    space = access.space
    sessions = VirtualSession.objects.filter(space=space).order_by("-starts_at")
    return render(
        request,
        "live/session_list.html",
        {
            "space": space,
            "upcoming": [s for s in sessions if s.state != SessionState.ENDED][::-1],
            "ended": [s for s in sessions if s.state == SessionState.ENDED],
            "can_schedule": can_schedule_sessions(access),
        },
    )


@login_required
def session_create(request: AuthenticatedHttpRequest, space_id: int) -> HttpResponse:
    space = access_space(request.user, space_id, facilitate=True).space
    form = SessionForm(request.POST or None, space=space)
    if request.method == "POST" and form.is_valid():
        session = actions.do_schedule_session(space=space, actor=request.user, **form.cleaned_data)
        return redirect(session)
    return render(request, "live/session_form.html", {"space": space, "form": form})


@login_required
def session_edit(request: AuthenticatedHttpRequest, space_id: int, pk: int) -> HttpResponse:
    access, session = access_session(request, space_id, pk)
    check_space_access(access, facilitate=True)
    if session.state != SessionState.SCHEDULED:
        return redirect(session)
    zone = zoneinfo.ZoneInfo(session.host_time_zone)
    initial = {
        "title": session.title,
        "agenda": session.agenda,
        "host_time_zone": session.host_time_zone,
        # The form reads times in the host's zone; show them so.
        "starts_at": session.starts_at.astimezone(zone).replace(tzinfo=None),
        "ends_at": session.ends_at.astimezone(zone).replace(tzinfo=None),
        "video_url": session.video_url,
        "facilitators": list(session.facilitators.all()),
    }
    form = SessionForm(request.POST or None, space=session.space, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.do_update_session(session, actor=request.user, **form.cleaned_data)
        return redirect(session)
    return render(
        request,
        "live/session_form.html",
        {"space": session.space, "form": form, "session": session},
    )


def client_strings() -> dict[str, str]:
    """What the room's script says, translated here (the script carries no text)."""
    return {
        "connecting": _("Connecting…"),
        "online": _("Connected: live"),
        "retrying": _("Offline: read-only view. Reconnecting in %(seconds)s s…"),
        "loggedOut": _("You logged out; the room is closed for you."),
        "noAccess": _("You are no longer a member of this space; the room is closed for you."),
        "notConnected": _("Not connected: your message was not sent."),
        "former": _("Former member"),
        "pin": _("Pin"),
        "unpin": _("Unpin"),
        "remove": _("Remove"),
        "pinnedMark": _("pinned"),
        "messageActions": _("Message actions"),
        "actionsFor": _("Actions for the message of %(name)s"),
        "removedMessage": _("Message of %(name)s removed for everyone."),
        "restored": _("The message is back in the chat."),
        "noMessages": _("No messages yet."),
        "mute": _("Mute"),
        "unmute": _("Unmute"),
        "muted": _("muted"),
        "raiseHand": _("Raise hand"),
        "lowerHand": _("Lower hand"),
        "yourTurn": _("A facilitator gives you the floor: your turn."),
        "called": _("%(name)s has the floor."),
        "votes": _("%(n)s votes"),
        "upvote": _("Upvote"),
        "answered": _("answered"),
        "markAnswered": _("Mark answered"),
        "vote": _("Vote"),
        "closePoll": _("Close the poll"),
        "closed": _("closed"),
        "confirmEnd": _("End the session for everyone? The minutes are written then."),
        "endedNotice": _("The session has ended. Reload the page to read the minutes."),
        "state_scheduled": _("Scheduled"),
        "state_live": _("Live"),
        "state_ended": _("Ended"),
    }


@login_required
def room(request: AuthenticatedHttpRequest, space_id: int, pk: int) -> HttpResponse:
    _access, session = access_session(request, space_id, pk)
    snapshot = selectors.room_snapshot(session.pk, request.user)
    return render(
        request,
        "live/room.html",
        {
            "space": session.space,
            "session": session,
            "snapshot": snapshot,
            "facilitators": session.facilitators.all(),
            "can_run": snapshot["you"]["facilitator"],
            "strings": client_strings(),
            "max_chars": app_settings.MAX_TEXT_CHARS,
            "zone_label": zone_label(timezone.now()),
        },
    )


@login_required
def ics(request: HttpRequest, space_id: int, pk: int) -> HttpResponse:
    _access, session = access_session(request, space_id, pk)
    body = session_calendar(
        session,
        room_url=absolute_url(session.get_absolute_url()),
        domain=site_domain(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="session-{session.pk}.ics"'
    return response
