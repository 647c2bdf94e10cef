"""State changes of the community, each with its log entry, in one transaction."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from community.models import Membership, MembershipChange, SpaceRole
from learning_processes.models import LearningProcessPage


@transaction.atomic
def do_add_member(
    space: LearningProcessPage,
    user: AbstractBaseUser,
    role: SpaceRole | str,
    *,
    actor: AbstractBaseUser | None = None,
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


@transaction.atomic
def do_change_role(
    membership: Membership, role: SpaceRole | str, *, actor: AbstractBaseUser | None
) -> Membership:
    role = SpaceRole(role)
    old_role = membership.role
    if old_role == role:
        return membership
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
