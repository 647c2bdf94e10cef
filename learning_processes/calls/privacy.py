"""What the platform holds about a person's topic proposals, for their data export.

The community app connects `proposal_data` to its export signal (this app does not
import the community app). Deleting an account deletes its proposals with it (the
foreign key cascades, and each attachment's file follows); a learning process that
grew out of a selected proposal stays, without the link.
"""

from typing import Any

from django.contrib.auth.models import User

from learning_processes.calls.models import PROPOSAL_FIELDS, TopicProposal
from learning_processes.countries import code_of


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def proposal_data(user: User) -> dict[str, Any]:
    proposals = (
        TopicProposal.objects.filter(applicant_id=user.pk)
        .select_related("call", "topic_field")
        .prefetch_related("partners", "sdgs", "attachments")
        .order_by("created_at")
    )
    return {
        "topic_proposals": [
            {
                "call": proposal.call.year,
                "status": proposal.status,
                **{
                    name: str(getattr(proposal, name) or "")
                    if name == "topic_field"
                    else getattr(proposal, name)
                    for name in PROPOSAL_FIELDS
                },
                "sdgs": [goal.number for goal in proposal.sdgs.all()],
                "partners": [
                    {"name": p.name, "country": code_of(p.country) or ""}
                    for p in proposal.partners.all()
                ],
                "attachments": [a.original_name for a in proposal.attachments.all()],
                "created_at": _iso(proposal.created_at),
                "submitted_at": _iso(proposal.submitted_at),
                "withdrawn_at": _iso(proposal.withdrawn_at),
                # An unpublished decision is staff's deliberation, not yet taken towards
                # the applicant; the export would tell it before the applicants are told.
                **(
                    {
                        "decision": proposal.decision,
                        "decision_reason": proposal.decision_reason,
                        "decided_at": _iso(proposal.decision_published_at),
                    }
                    if proposal.decision_is_published
                    else {"decision": "", "decision_reason": "", "decided_at": None}
                ),
            }
            for proposal in proposals
        ]
    }
