"""Receivers of the members app: the host groups of `learning_processes.roles` decide who hosts a
space, so their users become `HOST` members of it whenever that changes, and stop
hosting it (they stay in the space as participants) when they leave the group; a new
account gets its profile; a person's topic proposals go into their data export.
Connected when `CommunityConfig.ready` imports this module."""

import logging

from allauth.account.signals import user_signed_up
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from community.members.actions import (
    CommunityError,
    do_add_member,
    do_change_role,
    do_sync_hosts_from_group,
    get_or_create_profile,
)
from community.models import Membership, SpaceRole
from community.signals import collect_user_data
from learning_processes.models import LearningProcessPage

logger = logging.getLogger(__name__)

HOST_GROUP_PREFIX = "Hosts: "


def _spaces_of_host_groups(group_ids) -> list[tuple[int, LearningProcessPage]]:
    """(group id, space) for each host group among the ids."""
    groups = Group.objects.filter(pk__in=group_ids, name__startswith=HOST_GROUP_PREFIX)
    pairs = groups.values_list("pk", "page_permissions__page_id").distinct()
    space_ids = {page_id for _, page_id in pairs if page_id}
    spaces = LearningProcessPage.objects.in_bulk(space_ids)
    return [(group_id, spaces[page_id]) for group_id, page_id in pairs if page_id in spaces]


def _host_targets(instance, reverse: bool, pk_set) -> list[tuple]:
    """(user, space) for each user and host group a groups change touches."""
    User = get_user_model()
    if reverse:  # group.user_set.add/remove(users)
        spaces = _spaces_of_host_groups([instance.pk])
        return [(user, space) for user in User.objects.filter(pk__in=pk_set) for _, space in spaces]
    # user.groups.add/remove(groups)
    return [(instance, space) for _, space in _spaces_of_host_groups(pk_set)]


@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="community_host_groups")
def host_groups_decide_hosts(
    sender, instance, action: str, reverse: bool, pk_set, **kwargs
) -> None:
    if action == "pre_clear":
        # The set is gone by post_clear: read what is about to be removed.
        pk_set = set(
            instance.user_set.values_list("pk", flat=True)
            if reverse
            else instance.groups.values_list("pk", flat=True)
        )
    elif action not in ("post_add", "post_remove"):
        return
    if not pk_set:
        return
    for user, space in _host_targets(instance, reverse, pk_set):
        membership = Membership.objects.filter(space=space, user=user).first()
        if action == "post_add":
            if membership is None or membership.role != SpaceRole.HOST:
                do_add_member(space, user, SpaceRole.HOST)
        elif membership is not None and membership.role == SpaceRole.HOST:
            try:
                do_change_role(membership, SpaceRole.PARTICIPANT, actor=None)
            except CommunityError:
                # The space's last host stays its host until someone else is named.
                logger.warning("%s left the host group of %s but is its last host", user, space)


@receiver(post_save, sender=LearningProcessPage, dispatch_uid="community_space_hosts")
def process_hosts_become_members(
    sender, instance: LearningProcessPage, created: bool, raw: bool = False, **kwargs
) -> None:
    if created and not raw:
        do_sync_hosts_from_group(instance)


@receiver(user_signed_up, dispatch_uid="community_profile_at_signup")
def profile_at_signup(sender, request, user, **kwargs) -> None:
    """Everyone gets a profile (visible to the members of their spaces) to fill in."""
    get_or_create_profile(user)


@receiver(collect_user_data, dispatch_uid="community_export_topic_proposals")
def export_topic_proposals(sender, user, **kwargs) -> dict:
    """A person's topic proposals belong in their data export too."""
    from learning_processes.calls.privacy import proposal_data

    return proposal_data(user)
