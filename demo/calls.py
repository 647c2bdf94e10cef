"""Demo content for the call for proposals (`data/calls.yaml`): three calls, one in each
state staff meet.

- two years ago: reviewed, decided and published; its selected topic is a live process;
- last year: closed, its proposals submitted, two of them scored and decided but the
  decisions not published, one waiting for its review, so that staff can try the whole
  review from the listing: score, decide, publish;
- this year: open, so that a new account can propose a topic straight away.

Which years these are follows from today's date: the open call is the next one whose
deadline (the end of 17 February, Berlin time) has not passed. Everything is looked
up before it is created, so seeding twice changes nothing.
"""

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_noop

from demo.loader import load
from learning_processes.calls import actions
from learning_processes.calls.models import (
    CallIndexPage,
    CallPage,
    Decision,
    ProposalReview,
    ProposalStatus,
    ProposedPartner,
    Requirement,
    RequirementScore,
    TopicProposal,
    end_of_day,
)
from learning_processes.models import LearningProcessPage, SustainableDevelopmentGoal, TopicField

# The index's title and introduction are interface words: marked for the catalogue,
# shown translated while unedited (see learning_processes.interface_text).
CALL_INDEX = {
    "slug": "calls",
    "title": gettext_noop("Calls for topic proposals"),
    "intro": gettext_noop(
        "Each year Connective Cities asks German municipalities and municipal companies to "
        "propose topics for new learning processes."
    ),
}
CALLS: dict[str, Any] = load("calls")
APPLICANTS: dict[str, list[str]] = CALLS["applicants"]
PAST_PROPOSALS: list[dict[str, Any]] = CALLS["past"]
CLOSED_PROPOSALS: list[dict[str, Any]] = CALLS["closed"]
OPEN_PROPOSALS: list[dict[str, Any]] = CALLS["open"]
DEADLINE_DAY = (CALLS["deadline"]["month"], CALLS["deadline"]["day"])


def open_call_year(now: dt.datetime) -> int:
    year = timezone.localtime(now).year
    return year if now <= end_of_day(dt.date(year, *DEADLINE_DAY)) else year + 1


def seed_calls(now: dt.datetime | None = None) -> None:
    """The call index and the decided, the closed and the open call, with proposals.

    A seeded site is recognised with one query and left alone.
    """
    now = now or timezone.now()
    year = open_call_year(now)
    years = (year - 2, year - 1, year)
    seeded = (
        CallPage.objects.filter(year__in=years, proposals__isnull=False)
        .values("year")
        .distinct()
        .count()
    )
    if seeded == len(years):
        return
    with transaction.atomic():
        index = _call_index()
        past, closed, current = (_call(index, y) for y in years)
        users = _applicants()
        staff = get_user_model().objects.filter(username="staff@example.org").first()
        if not past.proposals.exists():
            for data in PAST_PROPOSALS:
                _past_proposal(past, users, data, staff)
            # Told long ago: history, not a publication to make now (which would mail).
            CallPage.objects.filter(pk=past.pk).update(
                decisions_published_at=past.deadline + dt.timedelta(days=11),
                decisions_published_by=staff,
            )
        if not closed.proposals.exists():
            for data in CLOSED_PROPOSALS:
                _closed_proposal(closed, users, data, staff)
        if not current.proposals.exists():
            for data in OPEN_PROPOSALS:
                _open_proposal(current, users, data, now)


def _call_index() -> CallIndexPage:
    index = CallIndexPage.objects.filter(slug=CALL_INDEX["slug"]).first()
    if index:
        return index
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    index = CallIndexPage(
        slug=CALL_INDEX["slug"],
        title=CALL_INDEX["title"],
        intro=f"<p>{escape(CALL_INDEX['intro'])}</p>",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _call(index: CallIndexPage, year: int) -> CallPage:
    call = CallPage.objects.filter(year=year).first()
    if call:
        return call
    deadline_day = dt.date(year, *DEADLINE_DAY)
    call = CallPage(
        slug=str(year),
        title=f"Call for topic proposals {year}",
        year=year,
        deadline=end_of_day(deadline_day),
        selection_expected=dt.date(
            year, CALLS["selection_expected"]["month"], CALLS["selection_expected"]["day"]
        ),
        description="".join(
            f"<p>{escape(text.format(year=year))}</p>" for text in CALLS["description"]
        ),
        contact_name=CALLS["contact_name"],
        contact_email=CALLS["contact_email"],
    )
    index.add_child(instance=call)
    call.save_revision().publish()
    return call


def _applicants() -> dict:
    User = get_user_model()
    users = {}
    for key, (email, *_rest) in APPLICANTS.items():
        user = User.objects.filter(username=email).first()
        if user is None:
            # Only the demo participant can log in; the other applicants are names.
            user = User.objects.create_user(username=email, email=email, password=None)
        users[key] = user
    return users


def _proposal(call: CallPage, users: dict, data: dict, submitted_at: dt.datetime | None):
    _email, organisation, kind, city = APPLICANTS[data["applicant"]]
    organisation = data.get("organisation", organisation)
    kind = data.get("organisation_type", kind)
    city = data.get("city", city)
    user = users[data["applicant"]]
    usual = CALLS["proposal"]
    contact = usual["company_contact_name" if kind == "municipal_company" else "contact_name"]
    proposal = TopicProposal.objects.create(
        call=call,
        applicant=user,
        organisation=organisation,
        organisation_type=kind,
        city=city,
        contact_name=data.get("contact_name") or contact,
        contact_position=data.get("contact_position") or usual["contact_position"],
        contact_email=user.email,
        title=data["title"],
        topic_background=data.get("topic_background")
        or usual["topic_background"].format(organisation=organisation),
        learning_and_contribution=data.get("learning_and_contribution")
        or usual["learning_and_contribution"],
        knowledge_transfer=data.get("knowledge_transfer") or usual["knowledge_transfer"],
        further_goals=usual["further_goals"],
        topic_field=TopicField.objects.filter(slug=data["topic"]).first()
        if data["topic"]
        else None,
        confirms_backing=True,
        confirms_follow_up=True,
        status=data.get("status", ProposalStatus.SUBMITTED),
        submitted_at=submitted_at,
        created_at=submitted_at or timezone.now(),
        updated_at=submitted_at or timezone.now(),
    )
    proposal.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=data["sdgs"]))
    ProposedPartner.objects.bulk_create(
        ProposedPartner(proposal=proposal, name=name, country=country, sort_order=i)
        for i, (name, country) in enumerate(data["partners"])
    )
    return proposal


def _past_proposal(call: CallPage, users: dict, data: dict, staff) -> None:
    submitted = call.deadline - dt.timedelta(days=5)
    process = None
    if data["decision"] == Decision.SELECTED:
        # The selected topic is one of the demo's learning processes, so that its public
        # timeline starts with this proposal; its content comes from the process.
        process = _process_for(call)
        if process is not None:
            data = {**data, **_from_process(process)}
    proposal = _proposal(call, users, data, submitted)
    if staff is not None:
        review = ProposalReview.objects.create(
            proposal=proposal,
            reviewer=staff,
            total=sum(data["scores"]),
            comment=CALLS["review_comment"],
        )
        RequirementScore.objects.bulk_create(
            RequirementScore(review=review, requirement=requirement.value, score=score)
            for requirement, score in zip(Requirement, data["scores"], strict=True)
        )
        proposal.refresh_score()
    proposal.decision = data["decision"]
    proposal.decision_reason = data["reason"]
    proposal.decided_at = call.deadline + dt.timedelta(days=10)
    proposal.decided_by = staff
    proposal.learning_process = process
    proposal.save()


def _process_for(call: CallPage) -> LearningProcessPage | None:
    candidates = LearningProcessPage.objects.live().filter(
        selected_on__isnull=False, proposal__isnull=True
    )
    return (
        candidates.filter(year=call.year).order_by("selected_on").first()
        or candidates.order_by("-year", "selected_on").first()
    )


def _from_process(process: LearningProcessPage) -> dict:
    first_paragraph = strip_tags(process.background).strip() or process.summary
    return {
        "title": process.title,
        "organisation": process.host_name,
        "organisation_type": process.host_type,
        "city": process.host_city,
        "contact_name": process.contact_name,
        "contact_position": process.contact_position,
        "topic": process.topic_field.slug if process.topic_field else None,
        "sdgs": list(process.sdgs.values_list("number", flat=True)),
        "partners": [(p.name, p.country.code) for p in process.partners.all()],
        "topic_background": Truncator(first_paragraph).chars(1500),
        "learning_and_contribution": Truncator(strip_tags(process.learning_goals)).chars(1500),
        "knowledge_transfer": Truncator(strip_tags(process.contribution)).chars(1500),
    }


def _closed_proposal(call: CallPage, users: dict, data: dict, staff) -> None:
    proposal = _proposal(call, users, data, call.deadline - dt.timedelta(days=2))
    if staff is None or "decision" not in data:
        return
    decided = call.deadline + dt.timedelta(days=3)
    actions.do_score(
        proposal,
        reviewer=staff,
        scores={r.value: (score, "") for r, score in zip(Requirement, data["scores"], strict=True)},
        comment=CALLS["review_comment"],
        now=decided,
    )
    actions.do_decide(
        proposal, by=staff, decision=data["decision"], reason=data["reason"], now=decided
    )


def _open_proposal(call: CallPage, users: dict, data: dict, now: dt.datetime) -> None:
    submitted = now - dt.timedelta(days=3) if data["status"] == ProposalStatus.SUBMITTED else None
    _proposal(call, users, data, submitted)
