"""State changes of the community, each with its log entry and side effects, in one
transaction. Views and tests call these; `check_*` functions raise `CommunityError`
with a message meant for the person who asked."""

import datetime as dt
import secrets
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.app_settings import app_settings
from community.members import selectors
from community.members.people import display_name
from community.models import (
    Invitation,
    JoinRequest,
    Membership,
    MembershipChange,
    Profile,
    SpaceRole,
)
from community.models.invitations import hash_token
from community.permissions import can_facilitate, role_changes, roles_to_give
from community.signals import collect_user_data, delete_user_content
from learning_processes.models import LearningProcessPage
from learning_processes.refusals import Refusal
from learning_processes.roles import host_group_of
from mailing.links import absolute_url
from mailing.outbox import queue_templated_email


class CommunityError(Refusal):
    """A refused change; `str(error)` is shown to the user, `code` is for tests."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message, code)


# --- Membership ---------------------------------------------------------------------


@transaction.atomic
def do_add_member(
    space: LearningProcessPage,
    user: User,
    role: SpaceRole | str,
    *,
    actor: User | None = None,
) -> Membership:
    """Add a member, or change the role of one who already is; idempotent."""
    role = SpaceRole(role)
    membership, created = Membership.objects.select_for_update().get_or_create(
        space=space, user=user, defaults={"role": role}
    )
    if created:
        MembershipChange.objects.create(
            space=space,
            user=user,
            actor=actor,
            action=MembershipChange.Action.JOINED,
            new_role=role,
        )
    elif membership.role != role:
        do_change_role(membership, role, actor=actor)
    return membership


def check_can_assign_role(actor: User, space: LearningProcessPage, role: str) -> None:
    """The actor may give `role` in the space (see `roles_to_give`)."""
    giveable = roles_to_give(actor, space)
    if not giveable:
        raise CommunityError(_("Only hosts and facilitators can do this."), "not_allowed")
    if role not in giveable:
        raise CommunityError(
            _("Only Connective Cities staff can make someone a facilitator."), "facilitator_role"
        )


def check_can_change_role(
    actor: User, space: LearningProcessPage, membership: Membership, role: str
) -> None:
    """The actor may change the member's role to `role` (see `role_changes`); keeping
    the role one has is no change and always fine."""
    check_can_assign_role(actor, space, role)
    if role == membership.role:
        return
    last_host = is_last_host(membership)
    giveable = roles_to_give(actor, space)
    if role not in role_changes(giveable, membership, last_host=last_host):
        if last_host:
            raise CommunityError(
                _("This is the last host of the space; make someone else host first."),
                "last_host",
            )
        raise CommunityError(
            _("Only Connective Cities staff can change a facilitator's role."), "facilitator_role"
        )


def is_last_host(membership: Membership) -> bool:
    if membership.role != SpaceRole.HOST:
        return False
    others = Membership.objects.filter(space_id=membership.space_id, role=SpaceRole.HOST)
    return not others.exclude(pk=membership.pk).exists()


@transaction.atomic
def do_change_role(
    membership: Membership, role: SpaceRole | str, *, actor: User | None
) -> Membership:
    role = SpaceRole(role)
    old_role = membership.role
    if old_role == role:
        return membership
    if is_last_host(membership):
        raise CommunityError(
            _("This is the last host of the space; make someone else host first."), "last_host"
        )
    membership.role = role
    membership.save(update_fields=["role"])
    MembershipChange.objects.create(
        space_id=membership.space_id,
        user_id=membership.user_id,
        actor=actor,
        action=MembershipChange.Action.ROLE_CHANGED,
        old_role=old_role,
        new_role=role,
    )
    return membership


@transaction.atomic
def do_leave_space(
    membership: Membership, *, successor: Membership | None = None
) -> MembershipChange:
    """Leave a space. The last host names another member, who becomes host first."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if is_last_host(membership):
        if successor is None:
            raise CommunityError(
                _("You are the last host of this space: name another member as host first."),
                "last_host",
            )
        if successor.space_id != membership.space_id or successor.pk == membership.pk:
            raise CommunityError(
                _("The new host must be another member of this space."), "bad_successor"
            )
        do_change_role(successor, SpaceRole.HOST, actor=membership.user)
    change = MembershipChange.objects.create(
        space_id=membership.space_id,
        user_id=membership.user_id,
        actor_id=membership.user_id,
        action=MembershipChange.Action.LEFT,
        old_role=membership.role,
    )
    membership.delete()
    return change


@transaction.atomic
def do_sync_hosts_from_group(space: LearningProcessPage) -> int:
    """Make every user of the process's host group a host of its space; returns how many
    memberships were added or raised to host."""
    group = host_group_of(space)
    if group is None:
        return 0
    changed = 0
    current = dict(Membership.objects.filter(space_id=space.pk).values_list("user_id", "role"))
    for user in group.user_set.all():
        if current.get(user.pk) != SpaceRole.HOST:
            do_add_member(space, user, SpaceRole.HOST)
            changed += 1
    return changed


# --- Invitations --------------------------------------------------------------------


@transaction.atomic
def do_invite(
    space: LearningProcessPage,
    *,
    email: str,
    role: SpaceRole | str,
    actor: User,
) -> tuple[Invitation, str]:
    """Create a single-use invitation and queue its e-mail; returns it with its token
    (the token itself is not stored, only its hash)."""
    role = SpaceRole(role)
    check_can_assign_role(actor, space, role)
    email = email.strip()
    if Membership.objects.filter(space=space, user__emailaddress__email__iexact=email).exists():
        raise CommunityError(
            _("%(email)s is already a member of this space.") % {"email": email}, "already_member"
        )
    hour_ago = timezone.now() - dt.timedelta(hours=1)
    sent = Invitation.objects.filter(invited_by=actor, created_at__gte=hour_ago).count()
    if sent >= app_settings.INVITATIONS_PER_HOUR:
        raise CommunityError(
            _("You have sent many invitations in the last hour; please wait a little."),
            "rate_limited",
        )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        space=space,
        email=email,
        role=role,
        token_hash=hash_token(token),
        invited_by=actor,
        expires_at=timezone.now() + dt.timedelta(days=app_settings.INVITATION_DAYS),
    )
    queue_templated_email(
        to=email,
        template="community/email/invitation",
        context={
            "space": space,
            "role": invitation.get_role_display(),
            "inviter": display_name(actor),
            "url": absolute_url(reverse("community:invitation", args=[token])),
            "expires_at": invitation.expires_at,
        },
        purpose="invitation",
    )
    return invitation, token


def access_invitation(token: str) -> Invitation:
    """The open invitation behind a token, or a `CommunityError` saying what is wrong."""
    invitation = (
        Invitation.objects.select_related("space", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        raise CommunityError(_("This invitation link is not valid."), "unknown")
    if invitation.is_used:
        raise CommunityError(_("This invitation has already been used."), "used")
    if invitation.is_expired:
        raise CommunityError(
            _("This invitation has expired. Ask the host to send you a new one."), "expired"
        )
    return invitation


def check_invitation_addressee(invitation: Invitation, user: User) -> None:
    """An invitation is for the address it was sent to: the account must own it, verified."""
    owns_address = EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()
    if not owns_address:
        raise CommunityError(
            _(
                "This invitation was sent to another e-mail address. Log in with the account "
                "for that address, or add and verify the address in your account."
            ),
            "other_account",
        )


@transaction.atomic
def do_accept_invitation(token: str, user: User) -> Membership:
    invitation = access_invitation(token)
    # Lock the row so two tabs cannot both use the same link.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.is_used:
        raise CommunityError(_("This invitation has already been used."), "used")
    check_invitation_addressee(invitation, user)
    existing = Membership.objects.filter(space_id=invitation.space_id, user=user).first()
    if existing is not None:
        membership = existing
        if existing.role != SpaceRole.HOST and existing.role != invitation.role:
            membership = do_change_role(existing, invitation.role, actor=invitation.invited_by)
    else:
        membership = do_add_member(
            invitation.space, user, invitation.role, actor=invitation.invited_by
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    JoinRequest.objects.filter(
        space_id=invitation.space_id, user=user, status=JoinRequest.Status.PENDING
    ).update(status=JoinRequest.Status.APPROVED, decided_at=timezone.now())
    return membership


# --- Requests to join ---------------------------------------------------------------


def _moderator_emails(space: LearningProcessPage) -> list[str]:
    return list(
        Membership.objects.filter(space=space, role__in=SpaceRole.moderating())
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )


@transaction.atomic
def do_request_to_join(space: LearningProcessPage, user: User, *, message: str = "") -> JoinRequest:
    if Membership.objects.filter(space=space, user=user).exists():
        raise CommunityError(_("You are already a member of this space."), "already_member")
    pending = JoinRequest.objects.filter(space=space, user=user, status=JoinRequest.Status.PENDING)
    if pending.exists():
        raise CommunityError(_("Your request is already waiting for the hosts."), "pending")
    join_request = JoinRequest.objects.create(space=space, user=user, message=message.strip())
    url = absolute_url(reverse("community:space_members", args=[space.pk]))
    for email in _moderator_emails(space):
        queue_templated_email(
            to=email,
            template="community/email/join_request",
            context={
                "space": space,
                "requester": display_name(user),
                "message": message,
                "url": url,
            },
            purpose="join_request",
        )
    return join_request


@transaction.atomic
def do_decide_join_request(
    join_request: JoinRequest,
    *,
    actor: User,
    approve: bool,
    role: SpaceRole | str = SpaceRole.PARTICIPANT,
) -> Membership | None:
    join_request = (
        JoinRequest.objects.select_for_update()
        .select_related("space", "user")
        .get(pk=join_request.pk)
    )
    space = join_request.space
    if join_request.status != JoinRequest.Status.PENDING:
        raise CommunityError(_("This request has already been decided."), "decided")
    membership = None
    if approve:
        check_can_assign_role(actor, space, role)
        membership = do_add_member(space, join_request.user, role, actor=actor)
    elif not can_facilitate(actor, space):
        raise CommunityError(_("Only hosts and facilitators can do this."), "not_allowed")
    join_request.status = JoinRequest.Status.APPROVED if approve else JoinRequest.Status.DECLINED
    join_request.decided_at = timezone.now()
    join_request.decided_by = actor
    join_request.save(update_fields=["status", "decided_at", "decided_by"])
    if join_request.user.email:
        queue_templated_email(
            to=join_request.user.email,
            template="community/email/join_decision",
            context={
                "space": space,
                "approved": approve,
                "url": absolute_url(space.url or "/"),
            },
            purpose="join_decision",
        )
    return membership


# --- Profiles -----------------------------------------------------------------------


def get_or_create_profile(user: User) -> Profile:
    profile = Profile.objects.filter(user=user).first()
    if profile is None:
        profile = Profile.objects.create(user=user, display_name=display_name(user)[:80])
    return profile


def do_name_profile(user: User, *, name: str) -> Profile:
    """The person's profile, named as they typed it (at sign-up): other members see
    this name, never the account's e-mail address."""
    profile, created = Profile.objects.get_or_create(
        user=user, defaults={"display_name": name, "name_chosen": True}
    )
    if not created and (profile.display_name != name or not profile.name_chosen):
        profile.display_name, profile.name_chosen = name, True
        profile.save(update_fields=["display_name", "name_chosen", "updated_at"])
    return profile


# --- Data rights --------------------------------------------------------------------


def build_user_data_export(user: User) -> dict[str, Any]:
    """Everything the platform holds about a person, as JSON-ready data, read section by
    section (`community.members.selectors`). Other apps add their sections through
    `collect_user_data`."""
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": selectors.account_data(user),
        "profile": selectors.profile_data(user),
        **selectors.membership_data(user),
        **selectors.invitation_data(user),
    }
    for _receiver, section in collect_user_data.send(sender=Profile, user=user):
        if isinstance(section, dict):
            data.update(section)
    return data


def spaces_where_last_host(user: User) -> list[LearningProcessPage]:
    hosted = Membership.objects.filter(user=user, role=SpaceRole.HOST).values("space")
    lonely = (
        Membership.objects.filter(space__in=hosted, role=SpaceRole.HOST)
        .values("space")
        .annotate(hosts=Count("pk"))
        .filter(hosts=1)
        .values("space")
    )
    return list(LearningProcessPage.objects.filter(pk__in=lonely).order_by("title"))


@transaction.atomic
def do_delete_account(user: User, *, keep_anonymised: bool) -> None:
    """Delete the account and what belongs to it. Posts elsewhere go through
    `delete_user_content`: deleted, or kept without the author when `keep_anonymised`.
    The membership log keeps its rows, with the person cleared."""
    last_host_of = spaces_where_last_host(user)
    if last_host_of:
        raise CommunityError(
            _(
                "You are the last host of %(spaces)s: name another host before you "
                "delete your account."
            )
            % {"spaces": ", ".join(space.title for space in last_host_of)},
            "last_host",
        )
    delete_user_content.send(sender=Profile, user=user, keep_anonymised=keep_anonymised)
    profile = Profile.objects.filter(user=user).first()
    if profile is not None and profile.avatar.name:
        storage, name = profile.avatar.storage, profile.avatar.name
        transaction.on_commit(lambda: storage.delete(name))
    addresses = Q(email__iexact=user.email) if user.email else Q(pk__in=[])
    for address in EmailAddress.objects.filter(user=user).values_list("email", flat=True):
        addresses |= Q(email__iexact=address)
    # Invitations name the address: pending ones go, and so do the accepted ones.
    Invitation.objects.filter(addresses, accepted_at__isnull=True).delete()
    Invitation.objects.filter(accepted_by=user).delete()
    for membership in Membership.objects.filter(user=user):
        MembershipChange.objects.create(
            space_id=membership.space_id,
            user=None,
            actor=None,
            action=MembershipChange.Action.LEFT,
            old_role=membership.role,
        )
    user.delete()
