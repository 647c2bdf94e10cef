"""A process's phase is derived from the dates of its parts."""

import datetime as dt

import pytest
from django.utils import timezone

from learning_processes.models import LearningProcessPage
from tests.factories import DialogueEventFactory, LearningProcessFactory, OutcomeFactory

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


def phase_of(process) -> str:
    return LearningProcessPage.objects.with_phase().get(pk=process.pk).phase


def test_a_proposal_without_selection_is_in_the_call_phase():
    process = LearningProcessFactory()
    assert phase_of(process) == "call"
    assert LearningProcessPage.objects.get(pk=process.pk).phase == "call"


def test_selection_moves_it_to_selected():
    process = LearningProcessFactory(selected_on=timezone.localdate() - DAY)
    assert phase_of(process) == "selected"


def test_an_upcoming_event_means_selected_and_a_running_one_dialogue_event():
    upcoming = LearningProcessFactory()
    DialogueEventFactory(parent=upcoming, start=timezone.now() + 10 * DAY)
    running = LearningProcessFactory()
    DialogueEventFactory(parent=running, start=timezone.now() - DAY)
    assert phase_of(upcoming) == "selected"
    assert phase_of(running) == "dialogue_event"


def test_after_the_event_comes_follow_up_and_an_outcome_completes_it():
    process = LearningProcessFactory()
    DialogueEventFactory(parent=process, start=timezone.now() - 60 * DAY)
    assert phase_of(process) == "follow_up"
    OutcomeFactory(parent=process)
    assert phase_of(process) == "completed"


def test_unpublished_parts_do_not_change_the_phase():
    process = LearningProcessFactory()
    DialogueEventFactory(parent=process, start=timezone.now() - 60 * DAY, publish=False)
    assert phase_of(process) == "call"
    DialogueEventFactory(parent=process, title="Second", start=timezone.now() - 60 * DAY)
    OutcomeFactory(parent=process, publish=False)
    assert phase_of(process) == "follow_up"


def test_phase_is_computed_for_a_whole_listing_in_one_query(django_assert_num_queries):
    for _ in range(5):
        DialogueEventFactory(parent=LearningProcessFactory(), start=timezone.now() - 60 * DAY)
    with django_assert_num_queries(1):
        phases = list(LearningProcessPage.objects.with_phase().values_list("phase", flat=True))
    assert phases == ["follow_up"] * 5
