"""Who may edit what, through Wagtail's page permissions and the staff workflow."""

import pytest
from django.contrib.auth.models import Group

from learning_processes.roles import STAFF_GROUP, do_add_host, ensure_staff_group, host_group_of
from tests.factories import DialogueEventFactory, LearningProcessFactory, OutcomeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_processes(user_factory):
    process_a = LearningProcessFactory(title="Heat-resilient neighbourhoods")
    process_b = LearningProcessFactory(title="Inclusive digital services")
    host_a = user_factory(email="host-a@example.org")
    host_b = user_factory(email="host-b@example.org")
    staff = user_factory(email="staff@example.org")
    do_add_host(process_a, host_a)
    do_add_host(process_b, host_b)
    staff.groups.add(ensure_staff_group())
    return process_a, process_b, host_a, host_b, staff


def test_creating_a_process_creates_its_own_host_group():
    process = LearningProcessFactory(title="Water loss reduction")
    group = host_group_of(process)
    assert group is not None
    assert "Water loss reduction" in group.name
    assert {p.permission.codename for p in group.page_permissions.all()} == {
        "add_page",
        "change_page",
        "lock_page",
        "unlock_page",
    }
    assert group.page_permissions.get(permission__codename="add_page").page_id == process.pk
    assert group.permissions.filter(codename="access_admin").exists()


def test_staff_group_and_workflow_exist_after_migrate():
    staff = Group.objects.get(name=STAFF_GROUP)
    assert staff.page_permissions.filter(permission__codename="publish_page").exists()
    from wagtail.models import Site

    workflow = Site.objects.get(is_default_site=True).root_page.get_workflow()
    assert workflow.name == "Connective Cities staff approval"
    assert list(workflow.tasks.get().specific.groups.all()) == [staff]


def test_host_edits_own_process_and_pages_below_it(two_processes):
    process_a, _, host_a, _, _ = two_processes
    event = DialogueEventFactory(parent=process_a)
    assert process_a.permissions_for_user(host_a).can_edit()
    assert event.permissions_for_user(host_a).can_edit()
    assert process_a.permissions_for_user(host_a).can_add_subpage()


def test_host_cannot_edit_other_hosts_process(two_processes):
    _, process_b, host_a, _, _ = two_processes
    event_b = DialogueEventFactory(parent=process_b)
    assert not process_b.permissions_for_user(host_a).can_edit()
    assert not event_b.permissions_for_user(host_a).can_edit()
    assert not process_b.permissions_for_user(host_a).can_add_subpage()


def test_host_cannot_publish_but_staff_can(two_processes):
    process_a, process_b, host_a, _, staff = two_processes
    assert not process_a.permissions_for_user(host_a).can_publish()
    assert process_a.permissions_for_user(staff).can_publish()
    assert process_b.permissions_for_user(staff).can_edit()


def test_admin_edit_view_follows_the_permissions(client, two_processes):
    process_a, process_b, host_a, _, _ = two_processes
    client.force_login(host_a)
    assert client.get(f"/admin/pages/{process_a.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{process_b.pk}/edit/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/" in response["Location"]


def test_host_submits_outcome_and_staff_approval_makes_it_live(two_processes):
    process_a, _, host_a, _, staff = two_processes
    outcome = OutcomeFactory(parent=process_a, publish=False, owner=host_a)
    outcome.save_revision(user=host_a)
    assert not outcome.live

    outcome.get_workflow().start(outcome, user=host_a)
    outcome.refresh_from_db()
    assert not outcome.live
    state = outcome.current_workflow_task_state
    task = state.task.specific
    # The host has no approve action; staff do.
    assert task.get_actions(outcome, host_a) == []
    assert "approve" in [name for name, *_ in task.get_actions(outcome, staff)]

    task.on_action(state, user=staff, action_name="approve")
    outcome.refresh_from_db()
    assert outcome.live
    assert outcome.current_workflow_task_state is None


def test_host_publish_button_submits_for_moderation_instead(client, two_processes):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    process_a, _, host_a, _, _ = two_processes
    outcome = OutcomeFactory(parent=process_a, publish=False)
    client.force_login(host_a)
    data = nested_form_data(
        {
            "title": outcome.title,
            "slug": outcome.slug,
            "results": rich_text("<p>Pilots started in three cities.</p>"),
            "lessons_learned": rich_text("<p>Start small.</p>"),
            "next_steps": rich_text("<p>Share the toolkit.</p>"),
            "documentation": streamfield([]),
        }
    )
    response = client.post(f"/admin/pages/{outcome.pk}/edit/", {**data, "action-publish": "1"})
    assert response.status_code == 302
    outcome.refresh_from_db()
    assert not outcome.live
    # Nothing typed is lost: the draft revision holds it.
    assert "Pilots started in three cities." in outcome.latest_revision.content["results"]

    response = client.post(f"/admin/pages/{outcome.pk}/edit/", {**data, "action-submit": "1"})
    assert response.status_code == 302
    outcome.refresh_from_db()
    assert not outcome.live
    assert outcome.current_workflow_task_state is not None
    assert outcome.current_workflow_task_state.task.name == "Connective Cities staff approval"
