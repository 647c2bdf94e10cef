"""Validation rules of the learning-process pages, with clear messages."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from learning_processes.countries import is_global_south, region_of
from learning_processes.models import (
    DialogueEventPage,
    FollowUpActivityPage,
    LearningProcessPage,
    PartnerMunicipality,
)
from learning_processes.models.processes import DIALOGUE_EVENT_DURATION

pytestmark = pytest.mark.django_db

START = timezone.make_aware(dt.datetime(2026, 6, 9, 9, 0))


def event(**fields) -> DialogueEventPage:
    return DialogueEventPage(
        title="Dialogue event", slug="event", city="Bonn", start=START, **fields
    )


def test_dialogue_event_lasts_two_and_a_half_days_by_default():
    page = event()
    page.clean()
    assert page.end - page.start == DIALOGUE_EVENT_DURATION
    assert page.end == timezone.make_aware(dt.datetime(2026, 6, 11, 13, 0))
    assert (page.capacity_min, page.capacity_max, page.working_language) == (25, 35, "en")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"capacity_max": 500}, "capacity_max", "between 5 and 100"),
        ({"capacity_min": 2}, "capacity_min", "between 5 and 100"),
        ({"capacity_min": 40, "capacity_max": 30}, "capacity_max", "cannot be lower"),
        ({"end": START - dt.timedelta(hours=1)}, "end", "must end after it starts"),
        ({"end": START + dt.timedelta(days=30)}, "end", "at most two weeks"),
    ],
)
def test_dialogue_event_rejects_insane_values_with_a_clear_message(fields, field, message):
    with pytest.raises(ValidationError) as excinfo:
        event(**fields).clean()
    assert message in " ".join(excinfo.value.message_dict[field])


def test_follow_up_needs_a_place_unless_virtual():
    activity = FollowUpActivityPage(
        title="Workshop", slug="w", activity_type="project_workshop", start_date=dt.date(2026, 9, 1)
    )
    with pytest.raises(ValidationError) as excinfo:
        activity.clean()
    assert "mark the activity as virtual" in excinfo.value.message_dict["place"][0]
    activity.is_virtual = True
    activity.clean()
    assert activity.place_label == "Virtual"


def test_follow_up_cannot_end_before_it_starts():
    activity = FollowUpActivityPage(
        title="Trip",
        slug="t",
        activity_type="expert_exchange",
        place="Kumasi",
        start_date=dt.date(2026, 9, 10),
        end_date=dt.date(2026, 9, 1),
    )
    with pytest.raises(ValidationError) as excinfo:
        activity.clean()
    assert "end_date" in excinfo.value.message_dict


@pytest.mark.parametrize(
    ("code", "global_south", "region"),
    [
        ("GH", True, "global_south"),
        ("VN", True, "global_south"),
        ("BR", True, "global_south"),
        ("DE", False, "germany"),
        ("FR", False, "other"),
        ("UA", False, "other"),  # on the DAC list, but in Europe
        ("", False, "other"),
    ],
)
def test_global_south_comes_from_the_shipped_dac_list(code, global_south, region):
    assert is_global_south(code) is global_south
    assert region_of(code) == region


def test_partner_municipality_derives_global_south_from_its_country():
    assert PartnerMunicipality(name="Kumasi", country="GH").is_global_south
    assert not PartnerMunicipality(name="Lyon", country="FR").is_global_south


@pytest.mark.django_db
def test_tree_rules_keep_the_page_tree_in_shape():
    from wagtail.models import Page

    from connective_site.home.models import HomePage
    from learning_processes.models import (
        LearningProcessIndexPage,
        OutcomePage,
        PracticeIndexPage,
        PracticePage,
    )

    assert LearningProcessPage.allowed_parent_page_models() == [LearningProcessIndexPage]
    assert set(LearningProcessPage.allowed_subpage_models()) == {
        DialogueEventPage,
        FollowUpActivityPage,
        OutcomePage,
    }
    assert PracticePage.allowed_parent_page_models() == [PracticeIndexPage]
    assert LearningProcessIndexPage.allowed_parent_page_models() == [HomePage]
    assert not PracticeIndexPage.can_create_at(Page.get_first_root_node())
    assert DialogueEventPage.max_count_per_parent == 1
