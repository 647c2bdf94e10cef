"""The members area of a learning-process page: `{% load community_tags %}` and
`{% members_area page %}` in the process template (the process app does not import
the community app; the template asks for this block)."""

from django import template

from community.members.people import display_name
from community.members.selectors import coming_up, member_countries, members_in_order
from community.models import JoinRequest
from community.permissions import space_access

register = template.Library()

MEMBERS_SHOWN = 12


@register.inclusion_tag("community/members_area.html", takes_context=True)
def members_area(context, space) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    data = {"space": space, "request": request, "user": user}
    if user is None or not user.is_authenticated:
        return {**data, "state": "anonymous"}
    # One membership query and one staff check, whatever the template asks.
    access = space_access(user, space)
    membership, staff = access.membership, access.staff
    if membership is None and not staff:
        pending = JoinRequest.objects.filter(
            space=space, user=user, status=JoinRequest.Status.PENDING
        ).exists()
        return {**data, "state": "pending" if pending else "outsider"}
    moderating = access.can_facilitate
    everyone = members_in_order(space)
    return {
        **data,
        "state": "member",
        "membership": membership,
        "moderating": moderating,
        "members": everyone[:MEMBERS_SHOWN],
        "member_count": len(everyone),
        "countries": member_countries(everyone),
        **coming_up(space),
        "pending_requests": JoinRequest.objects.filter(
            space=space, status=JoinRequest.Status.PENDING
        ).count()
        if moderating
        else 0,
    }


@register.filter
def person(user) -> str:
    """A user's name as the platform shows it (never their e-mail address)."""
    return display_name(user)
