"""Staff review in the admin: conflict of interest, scoring and ranking, the decision and
its e-mail, selection into a draft learning process, the listing's filters and CSV."""

import csv
import io
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from learning_processes.calls import actions, selectors
from learning_processes.calls.models import Decision, ProposalStatus, Requirement
from learning_processes.models import LearningProcessPage, TopicProposal
from mailing.models import OutgoingEmail
from tests.learning_processes.conftest import AFTER, BEFORE, complete_values

pytestmark = pytest.mark.django_db

# The listing's queries, whatever the number of rows (session, user, permissions,
# count, page of rows with their call, filters' choices, the calls awaiting publication).
LISTING_QUERIES = 15


def submitted(call, applicant, **overrides) -> TopicProposal:
    proposal = actions.do_start_proposal(call=call, applicant=applicant, now=BEFORE)
    return actions.do_submit_proposal(
        proposal, by=applicant, values=complete_values(**overrides), now=BEFORE
    )


def scores(*values: int) -> dict[int, tuple[int, str]]:
    return {r.value: (v, f"comment {r.value}") for r, v in zip(Requirement, values, strict=True)}


@pytest.fixture
def proposal(call, user_factory):
    return submitted(call, user_factory(email="anna@bonn.example"))


@pytest.fixture
def reviewer(staff_factory):
    return staff_factory(email="reviewer@connective-cities.example")


# --- Conflict of interest -------------------------------------------------------------------


def test_reviewer_from_the_applicants_organisation_is_refused(proposal, staff_factory):
    colleague = staff_factory(email="ben@bonn.example")
    with pytest.raises(actions.ConflictOfInterest) as refused:
        actions.do_score(proposal, reviewer=colleague, scores=scores(3, 3, 3, 3, 3, 3, 3))
    assert "You work for the applicant's organisation (bonn.example)" in refused.value.message
    with pytest.raises(actions.ConflictOfInterest):
        actions.do_decide(proposal, by=colleague, decision="selected", reason="x", now=AFTER)
    assert not proposal.reviews.exists()


def test_the_contact_persons_domain_counts_too(call, user_factory, staff_factory):
    proposal = submitted(
        call, user_factory(email="anna@gmail.com"), contact_email="anna@koeln.example"
    )
    with pytest.raises(actions.ConflictOfInterest):
        actions.check_no_conflict(proposal, staff_factory(email="carl@koeln.example"))
    # Two people at the same public mail provider are not colleagues.
    actions.check_no_conflict(proposal, staff_factory(email="dora@gmail.com"))


def test_a_reviewer_who_proposed_for_the_same_organisation_is_refused(
    call, proposal, staff_factory
):
    insider = staff_factory(email="insider@connective-cities.example")
    own = actions.do_start_proposal(call=call, applicant=insider, now=BEFORE)
    actions.do_save_draft(own, by=insider, values={"organisation": "city of bonn"}, now=BEFORE)
    with pytest.raises(actions.ConflictOfInterest, match="City of Bonn yourself"):
        actions.check_no_conflict(proposal, insider)


def test_nobody_reviews_their_own_proposal(call, staff_factory):
    applicant = staff_factory(email="self@gmail.com")
    proposal = submitted(call, applicant, contact_email="self@gmail.com")
    with pytest.raises(actions.ConflictOfInterest, match="your own proposal"):
        actions.check_no_conflict(proposal, applicant)


def test_the_admin_score_page_refuses_a_conflicted_reviewer(client, proposal, staff_factory):
    client.force_login(staff_factory(email="ben@bonn.example"))
    response = client.get(reverse("topic_proposals:score", args=[proposal.pk]), follow=True)
    assert "conflict of interest" in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("topic_proposals:inspect", args=[proposal.pk])


# --- Scoring and ranking ----------------------------------------------------------------------


def test_members_without_the_review_permission_cannot_score(proposal, user_factory, client):
    outsider = user_factory(email="outsider@elsewhere.example")
    with pytest.raises(PermissionDenied):
        actions.do_score(proposal, reviewer=outsider, scores=scores(3, 3, 3, 3, 3, 3, 3))
    client.force_login(outsider)
    assert client.get(reverse("topic_proposals:score", args=[proposal.pk])).status_code in (
        302,
        403,
    )
    assert client.get(reverse("topic_proposals:index")).status_code in (302, 403)


def test_scores_are_0_to_3_for_every_requirement(proposal, reviewer):
    with pytest.raises(actions.ProposalError, match="whole number from 0 to 3"):
        actions.do_score(proposal, reviewer=reviewer, scores=scores(4, 3, 3, 3, 3, 3, 3))
    incomplete = scores(3, 3, 3, 3, 3, 3, 3)
    del incomplete[7]
    with pytest.raises(actions.ProposalError, match="Score every requirement"):
        actions.do_score(proposal, reviewer=reviewer, scores=incomplete)


def test_a_reviewer_changes_their_scores_rather_than_adding_a_second_review(proposal, reviewer):
    actions.do_score(proposal, reviewer=reviewer, scores=scores(1, 1, 1, 1, 1, 1, 1))
    review = actions.do_score(proposal, reviewer=reviewer, scores=scores(3, 2, 3, 2, 3, 2, 3))
    assert proposal.reviews.count() == 1
    assert review.total == 18
    assert [s.score for s in review.scores.order_by("requirement")] == [3, 2, 3, 2, 3, 2, 3]
    assert review.scores.get(requirement=4).comment == "comment 4"


def test_ranking_by_mean_score_with_ties_sharing_a_rank(call, user_factory, staff_factory):
    first, second = staff_factory(), staff_factory()
    a = submitted(call, user_factory(), title="A")
    b = submitted(call, user_factory(), title="B")
    c = submitted(call, user_factory(), title="C")
    d = submitted(call, user_factory(), title="D: not scored")
    actions.do_score(a, reviewer=first, scores=scores(3, 3, 3, 3, 3, 3, 3))  # 21
    actions.do_score(a, reviewer=second, scores=scores(2, 2, 2, 2, 2, 2, 2))  # 14 → mean 17.5
    actions.do_score(b, reviewer=first, scores=scores(3, 3, 3, 3, 3, 3, 0))  # 18
    actions.do_score(c, reviewer=first, scores=scores(3, 3, 3, 3, 3, 3, 0))  # 18
    ranked = selectors.ranking(call)
    assert [(p.title, p.rank, p.score) for p in ranked] == [
        ("B", 1, 18.0),
        ("C", 1, 18.0),
        ("A", 3, 17.5),
        ("D: not scored", None, None),
    ]
    assert d.status == ProposalStatus.SUBMITTED


# --- Decision and selection -------------------------------------------------------------------


def test_a_decision_needs_a_reason(proposal, reviewer):
    with pytest.raises(actions.ProposalError, match="Give a reason"):
        actions.do_decide(proposal, by=reviewer, decision="reserve", reason=" ", now=AFTER)


@pytest.mark.parametrize(
    ("decision", "label"),
    [(Decision.NOT_SELECTED, "Not selected"), (Decision.RESERVE, "Reserve")],
)
def test_the_decision_and_its_reason_are_sent_to_the_applicant_on_publication(
    proposal, reviewer, decision, label
):
    actions.do_decide(
        proposal,
        by=reviewer,
        decision=decision,
        reason="The topic sits at regional level.",
        now=AFTER,
    )
    assert not OutgoingEmail.objects.filter(purpose="proposal_decision").exists()
    actions.do_publish_decisions(proposal.call, by=reviewer, now=AFTER)
    email = OutgoingEmail.objects.get(purpose="proposal_decision")
    assert email.to == "anna@bonn.example"
    assert f"Decision on your proposal “Heat-resilient neighbourhoods”: {label}" in email.subject
    assert f"Decision: {label}" in email.text
    assert "The topic sits at regional level." in email.text
    assert not LearningProcessPage.objects.exists()


def test_publishing_a_selection_creates_a_draft_learning_process_filled_from_the_proposal(
    proposal, reviewer
):
    actions.do_decide(
        proposal, by=reviewer, decision=Decision.SELECTED, reason="Ranked first.", now=AFTER
    )
    # Recorded only: no process yet, and the applicant is no host (that would tell them).
    assert not LearningProcessPage.objects.exists()
    assert not proposal.applicant.has_perm("wagtailadmin.access_admin")
    actions.do_publish_decisions(proposal.call, by=reviewer, now=AFTER)
    proposal.refresh_from_db()
    page = LearningProcessPage.objects.get()
    assert proposal.learning_process_id == page.pk
    assert page.proposal == proposal  # linked both ways
    assert not page.live and page.has_unpublished_changes
    assert page.title == "Heat-resilient neighbourhoods"
    assert page.slug == "heat-resilient-neighbourhoods"
    assert page.year == 2026
    assert page.topic_field.slug == "integrated-urban-development"
    assert sorted(goal.number for goal in page.sdgs.all()) == [11, 13]
    assert page.summary == "Summers get hotter."
    assert page.background == "<p>Summers get hotter.</p>\n\n<p>Dense districts suffer most.</p>"
    assert "we bring data" in page.learning_goals
    assert "City teams" in page.contribution and "A pilot" in page.contribution
    assert (page.host_name, page.host_type, page.host_city) == ("City of Bonn", "city", "Bonn")
    assert page.contact_name == "Dr. Anna Becker"
    assert [(p.name, p.country.code) for p in page.partners.all()] == [
        ("Kumasi", "GH"),
        ("Lyon", "FR"),
    ]
    assert page.proposed_on.isoformat() == "2026-02-10"
    assert page.selected_on.isoformat() == "2026-03-01"
    assert page.get_latest_revision() is not None
    # The applicant becomes a host and can complete the page in the admin.
    assert proposal.applicant.has_perm("wagtailadmin.access_admin")
    # The public timeline starts with the proposal, linked to its call.
    timeline = page.timeline()
    assert timeline[0]["kind"] == "proposal"
    assert timeline[0]["title"] == "Topic proposed in the 2026 call"
    assert timeline[0]["page"].pk == proposal.call.pk
    assert timeline[1]["kind"] == "selection"
    email = OutgoingEmail.objects.get(purpose="proposal_decision")
    assert "Decision: Selected" in email.text and "You are its host" in email.text


def test_selecting_twice_creates_one_learning_process(proposal, reviewer):
    for _ in range(2):
        actions.do_decide(proposal, by=reviewer, decision="selected", reason="Yes", now=AFTER)
        proposal.refresh_from_db()
    actions.do_publish_decisions(proposal.call, by=reviewer, now=AFTER)
    assert LearningProcessPage.objects.count() == 1


# --- The admin ------------------------------------------------------------------------------


def test_admin_listing_filters_and_hides_drafts(client, call, user_factory, reviewer):
    a = submitted(
        call, user_factory(), title="Water topic", topic_field=_topic("municipal-services")
    )
    b = submitted(call, user_factory(), title="Heat topic")
    draft = actions.do_start_proposal(call=call, applicant=user_factory(), now=BEFORE)
    actions.do_save_draft(draft, by=draft.applicant, values={"title": "Secret draft"}, now=BEFORE)
    actions.do_score(a, reviewer=reviewer, scores=scores(3, 3, 3, 3, 3, 3, 3))
    client.force_login(reviewer)
    index = reverse("topic_proposals:index")

    html = client.get(index).content.decode()
    assert "Water topic" in html and "Heat topic" in html and "Secret draft" not in html
    html = client.get(index, {"topic_field": _topic("municipal-services").pk}).content.decode()
    assert "Water topic" in html and "Heat topic" not in html
    html = client.get(index, {"score": "14-21"}).content.decode()
    assert "Water topic" in html and "Heat topic" not in html
    html = client.get(index, {"score": "unscored"}).content.decode()
    assert "Water topic" not in html and "Heat topic" in html
    html = client.get(index, {"call": call.pk, "status": "submitted"}).content.decode()
    assert "Water topic" in html and "Heat topic" in html
    assert client.get(reverse("topic_proposals:inspect", args=[draft.pk])).status_code == 404
    assert b.pk


def test_admin_listing_rows_link_to_the_proposal_and_offer_score_and_decide(
    client, call, user_factory, reviewer, django_assert_max_num_queries
):
    """Each title opens the proposal; its "More" menu offers Score, Decide and Inspect.
    A withdrawn proposal is no longer reviewed, so its menu has neither."""
    open_ones = [submitted(call, user_factory(), title=f"Topic {n}") for n in range(3)]
    withdrawn = submitted(call, user_factory(), title="Changed our minds")
    actions.do_withdraw_proposal(withdrawn, by=withdrawn.applicant, now=BEFORE)
    client.force_login(reviewer)
    index = reverse("topic_proposals:index")
    client.get(index)  # warm the permission and content-type caches
    with django_assert_max_num_queries(LISTING_QUERIES):
        html = client.get(index).content.decode()
    for proposal in [*open_ones, withdrawn]:
        inspect = reverse("topic_proposals:inspect", args=[proposal.pk])
        assert f'<a href="{inspect}">' in html.replace("\n", "").replace("  ", "")
        assert f"More options for &#x27;{proposal.title}&#x27;" in html
    for proposal in open_ones:
        assert reverse("topic_proposals:score", args=[proposal.pk]) in html
        assert reverse("topic_proposals:decide", args=[proposal.pk]) in html
    assert reverse("topic_proposals:score", args=[withdrawn.pk]) not in html
    assert reverse("topic_proposals:decide", args=[withdrawn.pk]) not in html
    assert "Withdrawn" in html
    # Seven columns, so that the table fits a 1280-pixel screen; topic field and status
    # are filters.
    head = re.search(r'<table class="listing[^"]*".*?<thead>(.*?)</thead>', html, re.S)
    assert head and head.group(1).count("<th") == 7


def test_proposals_are_never_edited_or_added_in_the_admin(client, proposal, reviewer):
    client.force_login(reviewer)
    assert client.get(reverse("topic_proposals:edit", args=[proposal.pk])).status_code in (
        302,
        403,
    )
    assert client.get(reverse("topic_proposals:add")).status_code in (302, 403)
    assert client.get(reverse("topic_proposals:delete", args=[proposal.pk])).status_code in (
        302,
        403,
    )


def test_scoring_and_deciding_through_the_admin(client, proposal, reviewer):
    client.force_login(reviewer)
    data = {f"score_{r.value}": "2" for r in Requirement}
    data.update({f"comment_{r.value}": "" for r in Requirement}, comment="Solid.")
    response = client.post(reverse("topic_proposals:score", args=[proposal.pk]), data)
    assert response.status_code == 302
    assert proposal.reviews.get().total == 14

    html = client.get(reverse("topic_proposals:inspect", args=[proposal.pk])).content.decode()
    assert "14.0 / 21" in html and "Solid." in html

    proposal.call.deadline = AFTER.replace(year=2020)
    proposal.call.save()
    response = client.post(
        reverse("topic_proposals:decide", args=[proposal.pk]),
        {"decision": "selected", "reason": "Ranked first."},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.decision == "selected" and proposal.learning_process is None

    publish = reverse("topic_proposals:publish", args=[proposal.call.pk])
    html = client.get(publish).content.decode()
    assert "1 applicant will be told by e-mail" in html
    response = client.post(publish)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.learning_process is not None


def test_csv_export_has_one_row_per_proposal_with_its_scores(client, call, user_factory, reviewer):
    a = submitted(call, user_factory(), title="Water topic")
    actions.do_score(a, reviewer=reviewer, scores=scores(3, 2, 1, 0, 3, 2, 1))
    submitted(call, user_factory(), title="Heat topic")
    client.force_login(reviewer)
    response = client.get(reverse("topic_proposals:index"), {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="topic-proposals')
    text = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["Technical topic"] for row in rows] == ["Water topic", "Heat topic"]
    water = rows[0]
    assert water["Call"] == "2026"
    assert water["Mean score (0-21)"] == "12.0"
    assert water["Rank"] == "1"
    assert water["Reviews"] == "1"
    assert [water[f"Requirement {n} (0-3)"] for n in range(1, 8)] == [
        "3.0",
        "2.0",
        "1.0",
        "0.0",
        "3.0",
        "2.0",
        "1.0",
    ]
    assert water["Partners"] == "Kumasi (GH); Lyon (FR)"
    assert water["SDGs"] == "11, 13"
    assert water["Submitted (Berlin time)"] == "2026-02-10 13:00:00"
    assert water["Status"] == "Submitted"
    assert rows[1]["Mean score (0-21)"] == "" and rows[1]["Rank"] == ""


def _topic(slug):
    from learning_processes.models import TopicField

    return TopicField.objects.get(slug=slug)


def test_a_reviewer_who_deletes_their_account_leaves_the_scores(proposal, reviewer):
    actions.do_score(proposal, reviewer=reviewer, scores=scores(3, 3, 3, 3, 3, 3, 3))
    reviewer.delete()
    review = proposal.reviews.get()
    assert review.reviewer is None and review.total == 21
    assert selectors.ranking(proposal.call)[0].score == 21.0


def test_deleting_an_applicant_deletes_their_proposals_and_files(
    call, user_factory, tmp_path, settings, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.learning_processes.test_proposals_validation import PDF

    settings.PROPOSAL_FILES_ROOT = tmp_path
    applicant = user_factory()
    proposal = submitted(call, applicant)
    proposal.call.deadline = AFTER.replace(year=2099)
    attachment = actions.do_add_attachment(
        proposal, by=applicant, upload=SimpleUploadedFile("a.pdf", PDF)
    )
    stored = tmp_path / attachment.file.name
    assert stored.exists()
    with django_capture_on_commit_callbacks(execute=True):
        applicant.delete()
    assert not TopicProposal.objects.exists()
    assert not stored.exists()


def test_admin_listing_queries_do_not_grow_with_the_proposals(
    client, call, user_factory, reviewer, django_assert_max_num_queries
):
    for n in range(12):
        proposal = submitted(call, user_factory(), title=f"Topic {n:02d}")
        actions.do_score(proposal, reviewer=reviewer, scores=scores(*[n % 4] * 7))
    client.force_login(reviewer)
    index = reverse("topic_proposals:index")
    client.get(index)  # warm the permission and content-type caches
    with django_assert_max_num_queries(20) as captured:
        html = client.get(index).content.decode()
    assert html.count("Topic ") >= 12
    few = len(captured.captured_queries)
    for n in range(12, 24):
        submitted(call, user_factory(), title=f"Topic {n:02d}")
    with django_assert_max_num_queries(few):
        client.get(index)


def test_a_persons_data_export_includes_their_proposals(proposal, user_factory):
    import json

    from community.members.actions import build_user_data_export

    data = json.loads(json.dumps(build_user_data_export(proposal.applicant)))
    (exported,) = data["topic_proposals"]
    assert exported["title"] == "Heat-resilient neighbourhoods"
    assert exported["status"] == "submitted" and exported["call"] == 2026
    assert exported["partners"] == [
        {"name": "Kumasi", "country": "GH"},
        {"name": "Lyon", "country": "FR"},
    ]
    assert exported["sdgs"] == [11, 13]
    assert build_user_data_export(user_factory())["topic_proposals"] == []
