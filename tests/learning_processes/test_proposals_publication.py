"""Decisions stay with staff until the call's decisions are published: publishing waits for
the deadline, tells each applicant once, creates the selected topics' processes and shows
them on the call page; before it, nothing an applicant or visitor sees gives a decision away.
"""

import datetime as dt
import importlib
import json

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from learning_processes.calls import actions
from learning_processes.calls.models import Decision, ProposalStatus
from learning_processes.models import CallPage, LearningProcessPage
from mailing.models import OutgoingEmail
from tests.learning_processes.conftest import AFTER, BEFORE, DEADLINE_2026, complete_values

pytestmark = pytest.mark.django_db


def submitted(call, applicant, now=BEFORE, **overrides):
    proposal = actions.do_start_proposal(call=call, applicant=applicant, now=now)
    return actions.do_submit_proposal(
        proposal, by=applicant, values=complete_values(**overrides), now=now
    )


def decision_emails(to: str | None = None):
    emails = OutgoingEmail.objects.filter(purpose="proposal_decision")
    return emails.filter(to=to) if to else emails


@pytest.fixture
def staff(staff_factory):
    return staff_factory(email="staff@connective-cities.example")


@pytest.fixture
def anna(user_factory):
    return user_factory(email="anna@bonn.example")


@pytest.fixture
def proposal(call, anna):
    return submitted(call, anna)


# --- Recording a decision tells nobody ------------------------------------------------------


def test_a_decision_recorded_while_the_call_is_open_is_sent_to_nobody_and_locks_nothing(
    proposal, staff
):
    actions.do_decide(proposal, by=staff, decision=Decision.SELECTED, reason="Early.", now=BEFORE)
    assert not decision_emails().exists()
    assert not LearningProcessPage.objects.exists()
    proposal.refresh_from_db()
    # A lock would tell the applicant; until the deadline the proposal stays theirs.
    assert proposal.is_editable(BEFORE) and not proposal.decision_is_published
    actions.do_submit_proposal(
        proposal, by=proposal.applicant, values={"title": "Cooler streets"}, now=BEFORE
    )
    actions.do_withdraw_proposal(proposal, by=proposal.applicant, now=BEFORE)
    assert proposal.status == ProposalStatus.WITHDRAWN


def test_an_unpublished_decision_is_not_shown_to_the_applicant(
    client, open_call, user_factory, staff
):
    applicant = user_factory()
    proposal = submitted(open_call, applicant, now=None)
    actions.do_decide(proposal, by=staff, decision="not_selected", reason="No.")
    client.force_login(applicant)

    mine = client.get(reverse("proposals:mine")).content.decode()
    assert "pending" in mine and "Not selected" not in mine and "locked" not in mine
    detail = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert "Not selected" not in detail and "No." not in detail
    assert "Change the proposal" in detail
    page = client.get(open_call.url).content.decode()
    assert "Not selected" not in page
    edit = client.get(reverse("proposals:edit", args=[proposal.pk]))
    assert edit.status_code == 200  # not refused "decided"

    from community.members.actions import build_user_data_export

    (exported,) = json.loads(json.dumps(build_user_data_export(applicant)))["topic_proposals"]
    assert (exported["decision"], exported["decision_reason"], exported["decided_at"]) == (
        "",
        "",
        None,
    )


def test_the_call_page_lists_selected_topics_only_after_publication(client, proposal, staff):
    call = proposal.call
    actions.do_decide(proposal, by=staff, decision=Decision.SELECTED, reason="Yes.", now=AFTER)
    html = client.get(call.url).content.decode()
    assert "Selected topics" not in html and "Heat-resilient neighbourhoods" not in html
    assert "the proposals are being reviewed" in html

    actions.do_publish_decisions(call, by=staff, now=AFTER)
    html = client.get(call.url).content.decode()
    assert "Selected topics" in html and "Heat-resilient neighbourhoods" in html
    assert "the topics have been selected" in html


def test_the_applicant_sees_the_decision_once_published(client, proposal, staff):
    actions.do_decide(proposal, by=staff, decision="reserve", reason="Third place.", now=AFTER)
    actions.do_publish_decisions(proposal.call, by=staff, now=AFTER + dt.timedelta(days=1))
    client.force_login(proposal.applicant)
    mine = client.get(reverse("proposals:mine")).content.decode()
    assert "decision-reserve" in mine
    detail = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert "Third place." in detail
    assert "2 March 2026" in detail or "March 2, 2026" in detail  # the day they were told


# --- Publishing -----------------------------------------------------------------------------


def test_publishing_is_refused_before_the_deadline(proposal, staff):
    actions.do_decide(proposal, by=staff, decision="selected", reason="Yes.", now=BEFORE)
    with pytest.raises(actions.ProposalError, match="open until .*2026 at 23:59:59"):
        actions.do_publish_decisions(proposal.call, by=staff, now=DEADLINE_2026)
    assert not CallPage.objects.get(pk=proposal.call_id).decisions_published
    assert not decision_emails().exists() and not LearningProcessPage.objects.exists()
    actions.do_publish_decisions(
        proposal.call, by=staff, now=DEADLINE_2026 + dt.timedelta(seconds=1)
    )
    assert decision_emails().count() == 1


def test_the_publish_page_refuses_an_open_call_with_the_reason(
    client, open_call, staff, user_factory
):
    proposal = submitted(open_call, user_factory(), now=None)
    actions.do_decide(proposal, by=staff, decision="selected", reason="Yes.")
    client.force_login(staff)
    url = reverse("topic_proposals:publish", args=[open_call.pk])
    html = client.get(url).content.decode()
    assert "is open until" in html and "Publish decisions and notify" not in html
    response = client.post(url, follow=True)
    assert "is open until" in response.content.decode()
    assert not decision_emails().exists()


def test_each_applicant_is_told_once_and_withdrawn_proposals_not_at_all(call, staff, user_factory):
    ben, cleo, dora = (user_factory(email=f"{n}@town.example") for n in ("ben", "cleo", "dora"))
    chosen = submitted(call, ben, title="Chosen")
    kept = submitted(call, cleo, title="Kept")
    gone = submitted(call, dora, title="Gone")
    for proposal, decision in ((chosen, "selected"), (kept, "reserve"), (gone, "not_selected")):
        actions.do_decide(proposal, by=staff, decision=decision, reason="Because.", now=BEFORE)
    actions.do_withdraw_proposal(gone, by=dora, now=BEFORE)

    told = actions.do_publish_decisions(call, by=staff, now=AFTER)
    assert {p.title for p in told} == {"Chosen", "Kept"}
    assert sorted(decision_emails().values_list("to", flat=True)) == [
        "ben@town.example",
        "cleo@town.example",
    ]
    email = decision_emails("ben@town.example").get()
    assert "Decision: Selected" in email.text and "You are its host" in email.text
    assert f"{settings.SITE_URL.rstrip('/')}/proposals/{chosen.pk}/" in email.text
    chosen.refresh_from_db()
    assert chosen.learning_process.selected_on == dt.date(2026, 3, 1)  # the day it was told

    with pytest.raises(actions.ProposalError, match="were published on .*2026"):
        actions.do_publish_decisions(call, by=staff, now=AFTER + dt.timedelta(days=1))
    assert decision_emails().count() == 2
    assert LearningProcessPage.objects.count() == 1


def test_publishing_waits_until_every_submitted_proposal_has_a_decision(
    call, proposal, staff, user_factory
):
    submitted(call, user_factory(), title="Undecided")
    actions.do_decide(proposal, by=staff, decision="selected", reason="Yes.", now=AFTER)
    with pytest.raises(actions.ProposalError, match="1 submitted proposal has no decision yet"):
        actions.do_publish_decisions(call, by=staff, now=AFTER)
    assert not decision_emails().exists()


def test_a_call_without_submitted_proposals_has_nothing_to_publish(call, staff):
    with pytest.raises(actions.ProposalError, match="nothing to publish"):
        actions.do_publish_decisions(call, by=staff, now=AFTER)


def test_only_those_who_may_decide_may_publish(client, proposal, staff, user_factory):
    actions.do_decide(proposal, by=staff, decision="selected", reason="Yes.", now=AFTER)
    reviewer = user_factory()
    reviewer.user_permissions.add(
        Permission.objects.get(codename="review_topicproposal"),
        Permission.objects.get(codename="access_admin"),
    )
    for outsider in (reviewer, user_factory()):
        with pytest.raises(PermissionDenied):
            actions.do_publish_decisions(proposal.call, by=outsider, now=AFTER)
    client.force_login(reviewer)
    url = reverse("topic_proposals:publish", args=[proposal.call.pk])
    # Wagtail answers a refusal in its admin with a redirect to the dashboard.
    assert client.get(url).status_code in (302, 403)
    assert client.post(url).status_code in (302, 403)
    index = client.get(reverse("topic_proposals:index")).content.decode()
    assert url not in index
    assert not decision_emails().exists()


# --- After publication ----------------------------------------------------------------------


def test_after_publication_a_reserve_decision_can_change_and_is_sent_at_once(proposal, staff):
    actions.do_decide(proposal, by=staff, decision="reserve", reason="Third.", now=AFTER)
    actions.do_publish_decisions(proposal.call, by=staff, now=AFTER)
    later = AFTER + dt.timedelta(days=20)
    actions.do_decide(proposal, by=staff, decision="selected", reason="A host withdrew.", now=later)
    first, second = decision_emails().order_by("pk")
    assert "Decision: Reserve" in first.text and "Decision: Selected" in second.text
    proposal.refresh_from_db()
    assert proposal.learning_process is not None
    assert proposal.decision_published_at == later


@pytest.mark.parametrize("told", ["selected", "not_selected"])
def test_after_publication_selected_or_not_selected_is_final(proposal, staff, told):
    actions.do_decide(proposal, by=staff, decision=told, reason="Told.", now=AFTER)
    actions.do_publish_decisions(proposal.call, by=staff, now=AFTER)
    proposal.refresh_from_db()
    assert not actions.decision_can_change(proposal)
    with pytest.raises(actions.ProposalError, match="only a Reserve decision can change"):
        actions.do_decide(proposal, by=staff, decision="reserve", reason="Oops.", now=AFTER)
    proposal.refresh_from_db()
    assert (proposal.decision, proposal.decision_reason) == (told, "Told.")
    assert decision_emails().count() == 1


def test_publishing_an_older_revision_of_the_call_page_keeps_the_publication(proposal, staff):
    call = proposal.call
    old_revision = call.get_latest_revision()
    actions.do_decide(proposal, by=staff, decision="selected", reason="Yes.", now=AFTER)
    actions.do_publish_decisions(call, by=staff, now=AFTER)
    old_revision.publish()  # e.g. an editor reverts the call's text
    call = CallPage.objects.get(pk=call.pk)
    assert call.decisions_published_at == AFTER and call.decisions_published_by == staff
    with pytest.raises(actions.ProposalError, match="were published"):
        actions.do_publish_decisions(call, by=staff, now=AFTER)


def test_calls_whose_decisions_were_sent_before_publication_existed_count_as_published(
    proposal, open_call
):
    """The migration: until now a decision was e-mailed as soon as it was taken."""
    proposal.decision, proposal.decided_at = "selected", AFTER
    proposal.save()
    migration = importlib.import_module(
        "learning_processes.migrations.0006_call_decisions_published"
    )
    migration.mark_told_calls_published(apps, None)
    assert CallPage.objects.get(pk=proposal.call_id).decisions_published_at == AFTER
    assert not CallPage.objects.get(pk=open_call.pk).decisions_published


# --- The admin ------------------------------------------------------------------------------


def test_the_admin_says_the_decision_waits_for_publication_and_links_to_it(client, proposal, staff):
    client.force_login(staff)
    response = client.post(
        reverse("topic_proposals:decide", args=[proposal.pk]),
        {"decision": "selected", "reason": "Yes."},
        follow=True,
    )
    html = response.content.decode()
    assert "The applicant is told when the decisions on the 2026 call are published." in html
    publish = reverse("topic_proposals:publish", args=[proposal.call.pk])
    assert f'href="{publish}"' in html  # from the proposal
    index = client.get(reverse("topic_proposals:index")).content.decode()
    assert f'href="{publish}"' in index and "Publish decisions" in index
    assert "Selected (not published)" in index

    confirm = client.get(publish).content.decode()
    assert "1 applicant will be told by e-mail" in confirm and "Yes." in confirm
    response = client.post(publish, follow=True)
    html = response.content.decode()
    assert "The decisions on the 2026 call are published: 1 e-mail" in html
    assert "Heat-resilient neighbourhoods" in html
    assert f'href="{publish}"' not in html
    assert decision_emails().count() == 1


def test_the_inspect_view_warns_when_the_proposal_changed_after_the_decision(
    client, proposal, staff
):
    actions.do_decide(proposal, by=staff, decision="selected", reason="Yes.", now=BEFORE)
    later = BEFORE + dt.timedelta(hours=2)
    actions.do_submit_proposal(
        proposal, by=proposal.applicant, values={"title": "Cooler streets"}, now=later
    )
    client.force_login(staff)
    html = client.get(reverse("topic_proposals:inspect", args=[proposal.pk])).content.decode()
    assert "resubmitted the proposal after the decision was recorded" in html
