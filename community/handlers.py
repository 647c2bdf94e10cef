"""Signal receivers: the host groups of `learning_processes.roles` decide who hosts a
space, so their users become `HOST` members of it whenever that changes."""

from allauth.account.signals import user_signed_up
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from community.actions import do_add_member, do_sync_hosts_from_group, get_or_create_profile
from community.models import Membership, SpaceRole
from community.signals import collect_user_data
from learning_processes.models import LearningProcessPage

HOST_GROUP_PREFIX = "Hosts: "


def _spaces_of_host_groups(group_ids) -> list[tuple[int, LearningProcessPage]]:
    """(group id, space) for each host group among the ids."""
    groups = Group.objects.filter(pk__in=group_ids, name__startswith=HOST_GROUP_PREFIX)
    pairs = groups.values_list("pk", "page_permissions__page_id").distinct()
    space_ids = {page_id for _, page_id in pairs if page_id}
    spaces = LearningProcessPage.objects.in_bulk(space_ids)
    return [(group_id, spaces[page_id]) for group_id, page_id in pairs if page_id in spaces]


@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="community_host_groups")
def host_group_members_become_hosts(
    sender, instance, action: str, reverse: bool, pk_set, **kwargs
) -> None:
    if action != "post_add" or not pk_set:
        return
    User = get_user_model()
    if reverse:  # group.user_set.add(users)
        pairs = [(user, instance) for user in User.objects.filter(pk__in=pk_set)]
        spaces = _spaces_of_host_groups([instance.pk])
        targets = [(user, space) for user, _ in pairs for _, space in spaces]
    else:  # user.groups.add(groups)
        targets = [(instance, space) for _, space in _spaces_of_host_groups(pk_set)]
    for user, space in targets:
        role = Membership.objects.filter(space=space, user=user).values_list("role", flat=True)
        if role.first() != SpaceRole.HOST:
            do_add_member(space, user, SpaceRole.HOST)


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
    from learning_processes.privacy import proposal_data

    return proposal_data(user)
