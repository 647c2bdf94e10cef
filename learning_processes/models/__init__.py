"""Learning processes and the practice library.

Tree: Home → LearningProcessIndexPage → LearningProcessPage → DialogueEventPage,
FollowUpActivityPage, OutcomePage; Home → PracticeIndexPage → PracticePage;
Home → CallIndexPage → CallPage, with its TopicProposals.
"""

from learning_processes.calls.models import (
    CallIndexPage,
    CallPage,
    ProposalAttachment,
    ProposalReview,
    ProposedPartner,
    RequirementScore,
    TopicProposal,
)
from learning_processes.models.practices import PracticeIndexPage, PracticePage, PracticeTag
from learning_processes.models.processes import (
    DialogueEventPage,
    FollowUpActivityPage,
    LearningProcessIndexPage,
    LearningProcessPage,
    LearningProcessTag,
    OutcomePage,
    PartnerMunicipality,
)
from learning_processes.models.taxonomy import SustainableDevelopmentGoal, TopicField

__all__ = [
    "CallIndexPage",
    "CallPage",
    "ProposalAttachment",
    "ProposalReview",
    "ProposedPartner",
    "RequirementScore",
    "TopicProposal",
    "DialogueEventPage",
    "FollowUpActivityPage",
    "LearningProcessIndexPage",
    "LearningProcessPage",
    "LearningProcessTag",
    "OutcomePage",
    "PartnerMunicipality",
    "PracticeIndexPage",
    "PracticePage",
    "PracticeTag",
    "SustainableDevelopmentGoal",
    "TopicField",
]
