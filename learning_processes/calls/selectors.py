"""What the call's pages and the review read: a proposal's values, the ranking, the
decisions waiting to be published, an applicant's proposals. Reads only; changes are
in `actions`."""

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.db.models import F, QuerySet
from django.utils import timezone

from learning_processes.calls.models import (
    PROPOSAL_FIELDS,
    CallPage,
    Decision,
    ProposalAttachment,
    ProposalStatus,
    TopicProposal,
)
from learning_processes.countries import code_of


def proposal_values(proposal: TopicProposal) -> dict[str, Any]:
    """What a proposal holds, in the shape check_proposal() reads."""
    values: dict[str, Any] = {name: getattr(proposal, name) for name in PROPOSAL_FIELDS}
    values["sdgs"] = list(proposal.sdgs.all()) if proposal.pk else []
    values["partners"] = (
        [(p.name, code_of(p.country) or "") for p in proposal.partners.all()] if proposal.pk else []
    )
    return values


def proposal_attachment(proposal: TopicProposal, attachment_id: int) -> ProposalAttachment | None:
    """One of the proposal's attachments; None for one it does not have (any more)."""
    return ProposalAttachment.objects.filter(pk=attachment_id, proposal=proposal).first()


def proposals_of(user: User) -> QuerySet[TopicProposal]:
    """ "My proposals": the applicant's own, newest call first."""
    return (
        TopicProposal.objects.filter(applicant_id=user.pk)
        .select_related("call", "learning_process")
        .order_by("-call__year", "-updated_at")
    )


def ranking(call: CallPage) -> list[TopicProposal]:
    """The call's submitted proposals, best mean score first, each with its `rank`."""
    return list(
        TopicProposal.objects.filter(call=call, status=ProposalStatus.SUBMITTED)
        .with_rank()
        .order_by(F("rank").asc(nulls_last=True), "submitted_at", "pk")
    )


def calls_awaiting_publication(now: dt.datetime | None = None) -> list[CallPage]:
    """Closed calls with submitted proposals whose decisions are not published yet."""
    return list(
        CallPage.objects.filter(
            deadline__lt=now or timezone.now(),
            decisions_published_at__isnull=True,
            proposals__status=ProposalStatus.SUBMITTED,
        )
        .distinct()
        .order_by("-year")
    )


def decisions_to_publish(call: CallPage) -> list[TopicProposal]:
    """The proposals whose applicants learn their decision when the call's decisions are
    published: every submitted one (withdrawn ones are not told), selected first."""
    order: dict[str, int] = {Decision.SELECTED: 0, Decision.RESERVE: 1, Decision.NOT_SELECTED: 2}
    proposals = list(
        TopicProposal.objects.filter(call=call, status=ProposalStatus.SUBMITTED)
        .select_related("applicant")
        .order_by("title", "pk")
    )
    return sorted(proposals, key=lambda p: order.get(p.decision, 3))
