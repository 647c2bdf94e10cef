import pytest

from community.actions import do_add_member
from community.models import MembershipChange, SpaceRole
from community.spaces import can_enter_space, can_facilitate, space_role, spaces_of
from learning_processes.roles import ensure_staff_group
from tests.factories import LearningProcessFactory

pytestmark = pytest.mark.django_db


def test_adding_a_member_logs_the_join_and_later_role_changes(user_factory):
    space = LearningProcessFactory()
    host, member = user_factory(), user_factory()

    do_add_member(space, member, SpaceRole.PARTICIPANT, actor=host)
    do_add_member(space, member, SpaceRole.PARTICIPANT, actor=host)
    do_add_member(space, member, SpaceRole.OBSERVER, actor=host)

    assert space_role(member, space) == SpaceRole.OBSERVER
    log = list(MembershipChange.objects.filter(space=space).order_by("pk"))
    assert [(c.action, c.old_role, c.new_role, c.actor) for c in log] == [
        ("joined", "", "participant", host),
        ("role_changed", "participant", "observer", host),
    ]


def test_only_members_and_staff_enter_and_only_hosts_facilitators_and_staff_facilitate(
    user_factory,
):
    space, other_space = LearningProcessFactory(), LearningProcessFactory()
    participant, facilitator, outsider, staff = (user_factory() for _ in range(4))
    staff.groups.add(ensure_staff_group())
    do_add_member(space, participant, SpaceRole.PARTICIPANT)
    do_add_member(space, facilitator, SpaceRole.FACILITATOR)

    assert can_enter_space(participant, space) and not can_facilitate(participant, space)
    assert can_enter_space(facilitator, space) and can_facilitate(facilitator, space)
    assert can_enter_space(staff, space) and can_facilitate(staff, space)
    assert not can_enter_space(outsider, space)
    assert not can_enter_space(participant, other_space)
    assert list(spaces_of(participant)) == [space]
