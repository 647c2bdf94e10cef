"""The call page and its deadline: open, closed, decided; exact to the second in Berlin."""

import datetime as dt

import pytest
from django.utils import timezone

from demo.calls import open_call_year, seed_calls
from learning_processes.calls import actions, selectors
from learning_processes.calls.models import CallStatus, Decision, ProposalStatus, end_of_day
from learning_processes.models import CallPage, TopicProposal
from mailing.models import OutgoingEmail
from tests.learning_processes.conftest import DEADLINE_2026, complete_values, make_call

pytestmark = pytest.mark.django_db

SECOND = dt.timedelta(seconds=1)


def test_the_2026_deadline_is_the_end_of_17_february_in_berlin():
    assert dt.datetime(2026, 2, 17, 22, 59, 59, tzinfo=dt.UTC) == DEADLINE_2026


def test_a_summer_deadline_is_an_hour_earlier_in_utc_because_of_daylight_saving():
    # 29 March 2026 is the day the clocks go forward: 23:59:59 is CEST, UTC+2.
    assert end_of_day(dt.date(2026, 3, 29)) == dt.datetime(2026, 3, 29, 21, 59, 59, tzinfo=dt.UTC)
    assert end_of_day(dt.date(2026, 3, 28)) == dt.datetime(2026, 3, 28, 22, 59, 59, tzinfo=dt.UTC)


def test_submission_is_accepted_in_the_last_second_and_refused_in_the_first_after(
    call, user_factory, values
):
    applicant = user_factory()
    early = DEADLINE_2026 - dt.timedelta(days=1)
    proposal = actions.do_start_proposal(call=call, applicant=applicant, now=early)

    last_second = DEADLINE_2026 + dt.timedelta(microseconds=999_999)
    actions.do_submit_proposal(proposal, by=applicant, values=values, now=last_second)
    assert proposal.status == ProposalStatus.SUBMITTED

    first_second_after = DEADLINE_2026 + SECOND
    with pytest.raises(actions.DeadlinePassed) as refused:
        actions.do_submit_proposal(proposal, by=applicant, values=values, now=first_second_after)
    assert "The 2026 call closed on" in refused.value.message
    assert "23:59:59 (Berlin time)" in refused.value.message
    with pytest.raises(actions.DeadlinePassed):
        actions.do_withdraw_proposal(proposal, by=applicant, now=first_second_after)
    with pytest.raises(actions.DeadlinePassed):
        actions.do_start_proposal(call=call, applicant=applicant, now=first_second_after)


def test_the_deadline_holds_across_the_daylight_saving_change(user_factory, values):
    call = make_call(2030, deadline=end_of_day(dt.date(2030, 3, 31)))  # clocks went forward
    applicant = user_factory()
    proposal = actions.do_start_proposal(
        call=call, applicant=applicant, now=dt.datetime(2030, 3, 1, tzinfo=dt.UTC)
    )
    # 21:59:59 UTC is 23:59:59 CEST: still open. 22:00:00 UTC is already the next day.
    last = dt.datetime(2030, 3, 31, 21, 59, 59, tzinfo=dt.UTC)
    actions.do_submit_proposal(proposal, by=applicant, values=values, now=last)
    with pytest.raises(actions.DeadlinePassed):
        actions.do_submit_proposal(proposal, by=applicant, values=values, now=last + SECOND)
    assert call.is_open(last) and not call.is_open(last + SECOND)


def test_call_is_open_then_closed_then_decided_once_its_decisions_are_published(
    call, user_factory, staff_factory, values
):
    assert call.status(DEADLINE_2026) == CallStatus.OPEN
    assert call.status(DEADLINE_2026 + SECOND) == CallStatus.CLOSED
    applicant = user_factory()
    proposal = actions.do_start_proposal(call=call, applicant=applicant, now=DEADLINE_2026)
    actions.do_submit_proposal(proposal, by=applicant, values=values, now=DEADLINE_2026)
    staff = staff_factory()
    actions.do_decide(proposal, by=staff, decision=Decision.SELECTED, reason="Yes.")
    assert call.status(DEADLINE_2026 + SECOND) == CallStatus.CLOSED  # recorded, not told
    actions.do_publish_decisions(call, by=staff, now=DEADLINE_2026 + SECOND)
    call.refresh_from_db()
    assert call.status(DEADLINE_2026 + SECOND) == CallStatus.DECIDED


def test_staff_can_extend_the_deadline_and_submission_opens_again(
    call, user_factory, staff_factory, values
):
    applicant = user_factory()
    proposal = actions.do_start_proposal(
        call=call, applicant=applicant, now=DEADLINE_2026 - dt.timedelta(days=3)
    )
    late = DEADLINE_2026 + dt.timedelta(hours=5)
    with pytest.raises(actions.DeadlinePassed):
        actions.do_submit_proposal(proposal, by=applicant, values=values, now=late)

    actions.do_extend_deadline(call, deadline=end_of_day(dt.date(2026, 2, 24)), by=staff_factory())
    call = CallPage.objects.get(pk=call.pk)
    assert call.live and call.deadline == end_of_day(dt.date(2026, 2, 24))
    proposal.refresh_from_db()
    actions.do_submit_proposal(proposal, by=applicant, values=values, now=late)
    assert proposal.status == ProposalStatus.SUBMITTED


def test_a_deadline_cannot_move_once_the_decisions_are_published(call):
    call.decisions_published_at = DEADLINE_2026 + dt.timedelta(days=10)
    with pytest.raises(actions.ProposalError, match="can no longer move"):
        actions.do_extend_deadline(call, deadline=end_of_day(dt.date(2026, 3, 24)))


def test_a_deadline_cannot_be_extended_into_the_past(call):
    with pytest.raises(actions.ProposalError, match="must be later"):
        actions.do_extend_deadline(call, deadline=DEADLINE_2026 - dt.timedelta(days=1))


def test_open_call_page_shows_deadline_countdown_requirements_and_start_button(
    client, open_call, user_factory
):
    client.force_login(user_factory())
    response = client.get(open_call.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Open" in html
    assert "17 February 2099, 23:59:59" in html or "February 17, 2099" in html
    assert "(Berlin time)" in html
    assert 'data-countdown-to="' in html
    assert html.count("<li>", html.index("requirements")) >= 7
    assert "at least two other countries, one in the Global South" in html
    assert f'action="/proposals/new/{open_call.pk}/"' in html
    assert "call_countdown.js" in html and "<script>" not in html


def test_closed_call_page_says_so_and_offers_no_start_button(client, call):
    response = client.get(call.url)
    html = response.content.decode()
    assert "Closed" in html
    assert "The call has closed; the proposals are being reviewed." in html
    assert "/proposals/new/" not in html
    assert "data-countdown-to" not in html


def test_anonymous_visitor_is_asked_to_log_in_or_sign_up(client, open_call):
    html = client.get(open_call.url).content.decode()
    assert f"/accounts/login/?next={open_call.url}" in html
    assert f"/accounts/signup/?next={open_call.url}" in html


def test_call_index_lists_the_calls_newest_first(client, call, open_call):
    html = client.get("/calls/").content.decode()
    assert html.index("Call for topic proposals 2099") < html.index("Call for topic proposals 2026")


def test_countdown_counts_to_the_end_of_the_last_second(call):
    from learning_processes.calls.models import countdown

    now = DEADLINE_2026 - dt.timedelta(days=2, hours=3, minutes=4, seconds=5)
    assert countdown(call.deadline, now) == {"days": 2, "hours": 3, "minutes": 4, "seconds": 6}
    assert countdown(call.deadline, DEADLINE_2026 + SECOND)["days"] == 0


def test_open_call_year_follows_the_deadline():
    berlin_deadline = end_of_day(dt.date(2026, 2, 17))
    assert open_call_year(berlin_deadline) == 2026
    assert open_call_year(berlin_deadline + SECOND) == 2027
    assert open_call_year(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)) == 2027


def test_demo_calls_are_idempotent_with_a_decided_a_closed_and_an_open_call(staff_factory):
    from tests.factories import process_index

    process_index()
    staff_factory(email="staff@example.org")
    now = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
    seed_calls(now)
    counts = (CallPage.objects.count(), TopicProposal.objects.count())
    seed_calls(now)
    assert (CallPage.objects.count(), TopicProposal.objects.count()) == counts == (3, 8)
    past, closed, current = (CallPage.objects.get(year=y) for y in (2025, 2026, 2027))
    assert past.status(now) == CallStatus.DECIDED
    # Staff can try the whole review on the closed call: score, decide, publish.
    assert closed.status(now) == CallStatus.CLOSED and not closed.decisions_published
    waiting = closed.proposals.get(decision="")
    assert waiting.status == ProposalStatus.SUBMITTED and waiting.review_count == 0
    assert closed.proposals.exclude(decision="").count() == 2
    assert current.status(now) == CallStatus.OPEN
    statuses = set(TopicProposal.objects.values_list("status", flat=True))
    assert statuses == {ProposalStatus.SUBMITTED, ProposalStatus.DRAFT}
    decisions = set(past.proposals.exclude(decision="").values_list("decision", flat=True))
    assert decisions == {Decision.SELECTED, Decision.RESERVE, Decision.NOT_SELECTED}
    # Seeding tells nobody anything: the past call's applicants were told long ago.
    assert not OutgoingEmail.objects.filter(purpose="proposal_decision").exists()
    # The demo's submitted proposals meet the rules a real submission must meet.
    for proposal in TopicProposal.objects.filter(status=ProposalStatus.SUBMITTED):
        assert actions.check_proposal(selectors.proposal_values(proposal)) == {}
    assert timezone.is_aware(current.deadline)
    assert complete_values()  # the shared helper builds on the same taxonomy
