"""The demo's calls: a decided call with a selected topic that is now a live learning
process, a closed call whose decisions wait to be published, and this year's open call,
ready for a new applicant."""

import pytest
from django.urls import reverse

from learning_processes.calls.models import CallStatus, Decision, ProposalStatus
from learning_processes.models import CallPage, TopicProposal

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_decided_a_closed_and_an_open_call(demo_site, client):
    past, closed, current = CallPage.objects.order_by("year")
    assert (closed.year, current.year) == (past.year + 1, past.year + 2)
    assert past.status() == CallStatus.DECIDED
    assert closed.status() == CallStatus.CLOSED
    assert current.is_open()
    html = client.get("/calls/").content.decode()
    assert past.title in html and closed.title in html and current.title in html


def test_the_selected_demo_topic_is_a_live_process_whose_timeline_starts_with_it(demo_site, client):
    proposal = TopicProposal.objects.get(decision=Decision.SELECTED)
    process = proposal.learning_process
    assert process is not None and process.live
    assert process.title == proposal.title
    html = client.get(process.url).content.decode()
    entry = f"Topic proposed in the {proposal.call.year} call"
    assert entry in html
    assert html.index(entry) < html.index("Topic selected")
    assert f'href="{proposal.call.url}"' in html


def test_the_demo_participant_sees_their_proposal_and_staff_see_it_for_review(demo_site, client):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    participant = User.objects.get(username="participant@example.org")
    client.force_login(participant)
    html = client.get(reverse("proposals:mine")).content.decode()
    own = TopicProposal.objects.get(applicant=participant)
    assert own.title in html and own.status == ProposalStatus.SUBMITTED

    client.force_login(User.objects.get(username="staff@example.org"))
    html = client.get(reverse("topic_proposals:index")).content.decode()
    for proposal in TopicProposal.objects.exclude(status=ProposalStatus.DRAFT):
        assert proposal.title.replace("'", "&#x27;") in html
    assert "Citizen budgets for climate adaptation" not in html  # a draft
    response = client.get(reverse("topic_proposals:score", args=[own.pk]))
    assert response.status_code == 200
