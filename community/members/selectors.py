"""What the community reads: a space's members and what comes up in it, the members
directory, the sections of a person's data export. Nothing here changes state
(`community.members.actions` does)."""

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from community.models import (
    Invitation,
    JoinRequest,
    Membership,
    MembershipChange,
    Profile,
    SpaceRole,
)
from community.permissions import AnyUser
from learning_processes.countries import code_of, country_choices
from learning_processes.models import (
    DialogueEventPage,
    FollowUpActivityPage,
    LearningProcessPage,
)

# --- A space's members --------------------------------------------------------------------


def members_in_order(space: LearningProcessPage) -> list[Membership]:
    """Every member, by role (hosts first), then by name."""
    members = Membership.objects.filter(space=space).select_related("user__profile")
    order = {role: index for index, role in enumerate(SpaceRole.values)}
    return sorted(
        members,
        key=lambda m: (
            order[m.role],
            getattr(getattr(m.user, "profile", None), "display_name", ""),
        ),
    )


def member_countries(members: list[Membership]) -> list[str]:
    """The names of the countries the members' profiles give, each once."""
    return [
        name
        for _code, name in country_choices(
            code_of(m.user.profile.country)
            for m in members
            if getattr(m.user, "profile", None) is not None and m.user.profile.country
        )
    ]


def coming_up(space: LearningProcessPage) -> dict[str, Any]:
    """The space's next dialogue event and up to five current or coming activities."""
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
    return {"event": event, "activities": activities}


# --- The directory ------------------------------------------------------------------------


def directory_profiles(
    profiles: QuerySet[Profile],
    data: dict[str, Any],
    *,
    viewer: AnyUser,
    space_ids: list[int],
) -> QuerySet[Profile]:
    """`profiles` narrowed by the directory's filters (`data`: the form's valid fields).
    Membership is members-only knowledge: only the spaces the viewer may enter
    (`space_ids`) count for the process and topic filters."""
    if data.get("q"):
        profiles = profiles.filter(display_name__icontains=data["q"]) | profiles.filter(
            organisation__icontains=data["q"]
        )
    if data.get("expertise"):
        profiles = profiles.filter(expertise__name__iexact=data["expertise"].strip())
    if data.get("country"):
        profiles = profiles.filter(country=data["country"])
    if data.get("language"):
        profiles = profiles.filter(languages__code=data["language"])
    if data.get("process") and data["process"] in space_ids:
        profiles = profiles.filter(
            Exists(Membership.objects.filter(user=OuterRef("user"), space=data["process"]))
        )
    if data.get("topic") and viewer.is_authenticated:
        in_topic = Membership.objects.filter(
            user=OuterRef("user"), space__in=space_ids, space__topic_field__slug=data["topic"]
        )
        profiles = profiles.filter(Exists(in_topic))
    return profiles


# --- A person's data export ---------------------------------------------------------------


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def account_data(user: User) -> dict[str, Any]:
    return {
        "username": user.get_username(),
        "email": user.email,
        "date_joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
    }


def profile_data(user: User) -> dict[str, Any] | None:
    profile = Profile.objects.filter(user=user).prefetch_related("languages").first()
    if profile is None:
        return None
    return {
        "display_name": profile.display_name,
        "organisation_type": profile.organisation_type,
        "organisation": profile.organisation,
        "position": profile.position,
        "country": code_of(profile.country) or "",
        "city": profile.city,
        "languages": profile.language_codes,
        "time_zone": profile.time_zone,
        "expertise": sorted(profile.expertise.names()),
        "bio": profile.bio,
        "avatar": profile.avatar.url if profile.avatar else None,
        "visibility": profile.visibility,
        "updated_at": _iso(profile.updated_at),
    }


def membership_data(user: User) -> dict[str, list[dict[str, Any]]]:
    """The person's memberships and every logged change of them."""
    return {
        "memberships": [
            {
                "space": membership.space.title,
                "space_id": membership.space_id,
                "role": membership.role,
                "joined_at": _iso(membership.joined_at),
            }
            for membership in Membership.objects.filter(user=user).select_related("space")
        ],
        "membership_log": [
            {
                "space_id": change.space_id,
                "action": change.action,
                "old_role": change.old_role,
                "new_role": change.new_role,
                "at": _iso(change.created_at),
            }
            for change in MembershipChange.objects.filter(user=user).order_by("created_at")
        ],
    }


def invitation_data(user: User) -> dict[str, list[dict[str, Any]]]:
    """Invitations the person accepted and sent, and their requests to join."""
    return {
        "invitations_received": [
            {
                "space_id": invitation.space_id,
                "email": invitation.email,
                "role": invitation.role,
                "created_at": _iso(invitation.created_at),
                "accepted_at": _iso(invitation.accepted_at),
            }
            for invitation in Invitation.objects.filter(accepted_by=user)
        ],
        "invitations_sent": [
            {
                "space_id": invitation.space_id,
                "email": invitation.email,
                "role": invitation.role,
                "created_at": _iso(invitation.created_at),
                "accepted": invitation.is_used,
            }
            for invitation in Invitation.objects.filter(invited_by=user)
        ],
        "join_requests": [
            {
                "space_id": join_request.space_id,
                "message": join_request.message,
                "status": join_request.status,
                "created_at": _iso(join_request.created_at),
            }
            for join_request in JoinRequest.objects.filter(user=user)
        ],
    }
