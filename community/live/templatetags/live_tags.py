"""The live sessions block of the members area on a learning-process page:
`{% load live_tags %}{% live_sessions space %}` (shown to those who may enter)."""

from django import template

from community.live.models import SessionState, VirtualSession
from community.permissions import can_facilitate

register = template.Library()

SESSIONS_SHOWN = 3


@register.inclusion_tag("live/includes/members_area_sessions.html", takes_context=True)
def live_sessions(context, space) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    sessions = VirtualSession.objects.filter(space=space).exclude(state=SessionState.ENDED)
    return {
        "space": space,
        "sessions": list(sessions.order_by("starts_at")[:SESSIONS_SHOWN]),
        "can_schedule": user is not None and can_facilitate(user, space),
    }
