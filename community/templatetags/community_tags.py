"""The members area of a learning-process page: `{% load community_tags %}` and
`{% members_area page %}` in the process template (the process app does not import
the community app; the template asks for this block)."""

from django import template
from django.db.models import Q
from django.utils import timezone

from community.models import JoinRequest, Membership, SpaceRole
from community.people import display_name
from community.permissions import space_access
from learning_processes.countries import country_choices
from learning_processes.models import DialogueEventPage, FollowUpActivityPage

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
    moderating = staff or membership.is_moderator
    members = Membership.objects.filter(space=space).select_related("user__profile")
    order = {role: index for index, role in enumerate(SpaceRole.values)}
    everyone = sorted(
        members,
        key=lambda m: (
            order[m.role],
            getattr(getattr(m.user, "profile", None), "display_name", ""),
        ),
    )
    countries = [
        name
        for _code, name in country_choices(
            m.user.profile.country.code
            for m in everyone
            if getattr(m.user, "profile", None) is not None and m.user.profile.country
        )
    ]
    now = timezone.now()
    event = (
        DialogueEventPage.objects.child_of(space)
        .live()
        .filter(Q(end__gte=now))
        .order_by("start")
        .first()
    )
    activities = list(
        FollowUpActivityPage.objects.child_of(space)
        .live()
        .filter(Q(end_date__gte=now.date()) | Q(end_date__isnull=True, start_date__gte=now.date()))
        .order_by("start_date")[:5]
    )
    return {
        **data,
        "state": "member",
        "membership": membership,
        "moderating": moderating,
        "members": everyone[:MEMBERS_SHOWN],
        "member_count": len(everyone),
        "countries": countries,
        "event": event,
        "activities": activities,
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
