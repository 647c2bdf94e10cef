"""Learning processes and the practice library.

Tree: Home → LearningProcessIndexPage → LearningProcessPage → DialogueEventPage,
FollowUpActivityPage, OutcomePage; Home → PracticeIndexPage → PracticePage.
"""

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
