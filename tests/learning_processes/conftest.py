"""Fixtures for the call for proposals: a call page, complete proposal values, staff."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from learning_processes.calls.models import end_of_day
from learning_processes.models import (
    CallIndexPage,
    CallPage,
    SustainableDevelopmentGoal,
    TopicField,
)
from learning_processes.roles import STAFF_GROUP, ensure_staff_group
from tests.factories import home_page, process_index

# The 2026 call closes at the end of 17 February 2026, Berlin time (CET, UTC+1).
DEADLINE_2026 = end_of_day(dt.date(2026, 2, 17))
BEFORE = dt.datetime(2026, 2, 10, 12, 0, tzinfo=dt.UTC)
AFTER = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _english():
    """The messages these tests read are the English ones, whatever ran before."""
    from django.utils import translation

    with translation.override("en"):
        yield


def call_index() -> CallIndexPage:
    index = CallIndexPage.objects.first()
    if index is None:
        index = CallIndexPage(title="Calls", slug="calls")
        home_page().add_child(instance=index)
        index.save_revision().publish()
    return index


def make_call(year: int = 2026, deadline: dt.datetime | None = None) -> CallPage:
    call = CallPage(
        title=f"Call for topic proposals {year}",
        slug=str(year),
        year=year,
        deadline=deadline or end_of_day(dt.date(year, 2, 17)),
        selection_expected=dt.date(year, 2, 28),
        contact_name="The Connective Cities team",
        contact_email="calls@example.org",
    )
    call_index().add_child(instance=call)
    call.save_revision().publish()
    return call


@pytest.fixture
def call(db) -> CallPage:
    process_index()
    return make_call(2026)


@pytest.fixture
def open_call(db) -> CallPage:
    """A call whose deadline is far ahead of the real clock, for tests through views."""
    process_index()
    return make_call(2099)


def complete_values(**overrides) -> dict:
    """Values of a proposal that meets every rule."""
    values = {
        "organisation": "City of Bonn",
        "organisation_type": "city",
        "city": "Bonn",
        "contact_name": "Dr. Anna Becker",
        "contact_position": "Head of the international office",
        "contact_email": "anna.becker@bonn.example",
        "contact_phone": "+49 228 123",
        "title": "Heat-resilient neighbourhoods",
        "topic_background": "Summers get hotter.\n\nDense districts suffer most.",
        "learning_and_contribution": "We learn how partners cool streets; we bring data.",
        "knowledge_transfer": "City teams work on real cases together.",
        "further_goals": "A pilot in one partner city.",
        "topic_field": TopicField.objects.get(slug="integrated-urban-development"),
        "confirms_backing": True,
        "confirms_follow_up": True,
        "sdgs": list(SustainableDevelopmentGoal.objects.filter(number__in=[11, 13])),
        "partners": [("Kumasi", "GH"), ("Lyon", "FR")],
    }
    values.update(overrides)
    return values


@pytest.fixture
def values(db) -> dict:
    return complete_values()


@pytest.fixture
def staff_factory(user_factory):
    def make(email: str | None = None):
        user = user_factory(email=email)
        ensure_staff_group()
        user.groups.add(Group.objects.get(name=STAFF_GROUP))
        return user

    return make


def form_data(values: dict, proposal=None, **extra) -> dict:
    """The proposal form's POST data for these values, as a browser sends it: every text
    field and select (empty when not given), the partner formset and, for `proposal`,
    the version of it the form was loaded with (its current one)."""
    from learning_processes.calls.forms import TEXT_FIELDS, version_token

    data = dict.fromkeys(TEXT_FIELDS, "")
    if proposal is not None:
        proposal.refresh_from_db(fields=["updated_at"])
        data["version"] = version_token(proposal.updated_at)
    for key, value in values.items():
        if key == "partners":
            continue
        if key == "sdgs":
            data["sdgs"] = [goal.pk for goal in value]
        elif key == "topic_field":
            data[key] = value.pk if value else ""
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        else:
            data[key] = value
    partners = values.get("partners", [])
    rows = max(4, len(partners) + 2)
    data["partners-TOTAL_FORMS"] = str(rows)
    data["partners-INITIAL_FORMS"] = "0"
    for i in range(rows):
        name, country = partners[i] if i < len(partners) else ("", "")
        data[f"partners-{i}-name"] = name
        data[f"partners-{i}-country"] = country
    data.update(extra)
    return data
