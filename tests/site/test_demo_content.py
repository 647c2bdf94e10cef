"""seed_demo builds a realistic site with processes in every phase, and can run twice."""

from collections import Counter

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Revision

from demo.seed import seed_demo
from learning_processes.countries import is_global_south
from learning_processes.models import (
    DialogueEventPage,
    FollowUpActivityPage,
    LearningProcessPage,
    OutcomePage,
    PartnerMunicipality,
    PracticePage,
)
from learning_processes.models.processes import DIALOGUE_EVENT_DURATION, ActivityStatus, Phase
from learning_processes.roles import STAFF_GROUP, host_group_of

pytestmark = pytest.mark.django_db

TOPIC_FIELDS = [
    "integrated-urban-development",
    "municipal-services",
    "good-urban-governance",
    "local-economic-development",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, seeded once for this module's content tests and rolled back afterwards.

    Each test still runs in its own savepoint, so what a test changes is undone.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed_demo()
        transaction.set_rollback(True)


def test_seed_demo_is_idempotent_and_prints_credentials(capsys):
    call_command("seed_demo")
    first = (LearningProcessPage.objects.count(), PracticePage.objects.count())
    call_command("seed_demo")
    assert (LearningProcessPage.objects.count(), PracticePage.objects.count()) == first
    assert first[0] >= 3 and first[1] >= 4
    out = capsys.readouterr().out
    assert "admin@example.org" in out
    assert "participant@example.org" in out


def test_demo_pages_are_served(client, demo):
    for path in [
        "/",
        "/learning-processes/",
        "/practices/",
        "/learning-processes/circular-waste-management/",
    ]:
        assert client.get(path).status_code == 200, path
    html = client.get("/").content.decode()
    assert "Circular municipal waste management" in html


def test_demo_participant_can_log_in(client, demo):
    assert client.login(username="participant@example.org", password="connective-demo")


def test_wagtail_admin_is_served_to_the_demo_admin(client, demo):
    assert client.get("/admin/").status_code == 302
    client.login(username="admin@example.org", password="connective-admin")
    assert client.get("/admin/").status_code == 200


# --- Content ------------------------------------------------------------------------------


def test_seeding_again_creates_nothing_and_stops_early(demo, django_assert_max_num_queries):
    def counts():
        return {
            model.__name__: model.objects.count()
            for model in (Page, Revision, PartnerMunicipality, Group, EmailAddress)
        } | {"users": get_user_model().objects.count()}

    before = counts()
    # The page tree's checks, one query per app that seeds demo data of its own, and the
    # lead pictures' check (the images by title, and pages still without one).
    with django_assert_max_num_queries(15):
        summary = seed_demo()
    assert counts() == before
    assert summary["processes"] == LearningProcessPage.objects.live().count()
    assert summary["practices"] == PracticePage.objects.live().count()


def test_kept_slugs_and_facts_are_in_the_demo(demo):
    process = LearningProcessPage.objects.get(slug="circular-waste-management")
    assert process.title == "Circular municipal waste management"
    assert process.host_name == "Stadtreinigung Leipzig"
    practice = PracticePage.objects.get(slug="market-waste-composting-kumasi")
    assert practice.title == "Composting market waste with women's cooperatives"
    assert (practice.city, practice.country.code) == ("Kumasi", "GH")
    assert practice.learning_process_id == process.pk
    assert set(Page.objects.filter(depth=3).values_list("slug", flat=True)) >= {
        "learning-processes",
        "practices",
    }


def test_every_topic_field_has_at_least_two_processes(demo):
    per_topic = Counter(
        LearningProcessPage.objects.live().values_list("topic_field__slug", flat=True)
    )
    assert LearningProcessPage.objects.live().count() >= 8
    assert all(per_topic[slug] >= 2 for slug in TOPIC_FIELDS), per_topic


def test_processes_are_hosted_by_six_german_municipalities_of_every_kind(demo):
    processes = LearningProcessPage.objects.live()
    assert processes.values("host_name").distinct().count() >= 6
    assert set(processes.values_list("host_type", flat=True)) == {
        "city",
        "municipality",
        "district",
        "municipal_company",
    }
    assert {p.year for p in processes} <= set(range(2023, 2100))


def test_each_process_is_fully_described(demo):
    for process in LearningProcessPage.objects.live():
        assert process.summary and process.background, process.slug
        assert process.learning_goals and process.contribution, process.slug
        assert process.contact_name and process.contact_position, process.slug
        assert process.contact_email.endswith("@example.org"), process.slug
        assert process.proposed_on, process.slug
        assert 2 <= process.sdgs.count() <= 4, process.slug
        assert process.tags.exists(), process.slug
        assert 3 <= process.partners.count() <= 5, process.slug


def test_partners_come_from_twelve_countries_eight_of_them_in_the_global_south(demo):
    countries = {partner.country.code for partner in PartnerMunicipality.objects.all()}
    global_south = {code for code in countries if is_global_south(code)}
    assert len(countries) >= 12
    assert len(global_south) >= 8
    assert countries - global_south, "some partners come from outside the Global South"


def test_processes_are_in_every_phase(demo):
    phases = Counter(
        LearningProcessPage.objects.live().with_phase().values_list("phase", flat=True)
    )
    assert phases[Phase.COMPLETED] >= 3
    assert phases[Phase.FOLLOW_UP] >= 2
    assert phases[Phase.SELECTED] >= 1
    assert phases[Phase.CALL] >= 1


def test_completed_processes_have_a_past_event_and_a_live_outcome(demo):
    completed = LearningProcessPage.objects.with_phase().filter(phase=Phase.COMPLETED)
    for process in completed:
        outcome = OutcomePage.objects.child_of(process).live().get()
        assert outcome.results and outcome.lessons_learned and outcome.next_steps
        assert outcome.practices.exists(), process.slug
        assert process.dialogue_event.end < outcome.first_published_at


def test_processes_before_their_event_are_selected_or_in_the_call(demo):
    call = LearningProcessPage.objects.with_phase().filter(phase=Phase.CALL)
    for process in call:
        assert process.selected_on is None
        assert not Page.objects.child_of(process).exists()
    selected = LearningProcessPage.objects.with_phase().filter(phase=Phase.SELECTED)
    assert any(process.dialogue_event for process in selected)


def test_dialogue_events_last_two_and_a_half_days_with_a_full_programme(demo):
    events = DialogueEventPage.objects.live()
    assert events.count() == LearningProcessPage.objects.exclude(selected_on=None).count()
    for event in events:
        assert event.end - event.start == DIALOGUE_EVENT_DURATION
        assert event.venue and event.city
        assert (event.capacity_min, event.capacity_max) == (25, 35)
        days = [block.value for block in event.programme]
        assert len(days) == 3, event.url_path
        assert all(4 <= len(day["items"]) <= 6 for day in days), event.url_path
        assert all(item["speakers"] for day in days for item in day["items"])


def test_follow_up_activities_match_their_dates(demo):
    for process in LearningProcessPage.objects.live().exclude(selected_on=None):
        assert 1 <= FollowUpActivityPage.objects.child_of(process).count() <= 3, process.slug
    activities = FollowUpActivityPage.objects.live()
    assert activities.filter(is_virtual=True).exists()
    assert activities.filter(is_virtual=False).exists()
    assert len(set(activities.values_list("activity_type", flat=True))) >= 3
    event_starts = {
        event.get_parent().pk: event.start.date() for event in DialogueEventPage.objects.all()
    }
    for activity in activities:
        assert activity.start_date > event_starts[activity.get_parent().pk]
        assert activity.is_virtual or activity.place
        if activity.status == ActivityStatus.COMPLETED:
            assert activity.report, activity.url_path
        else:
            assert not activity.report, activity.url_path
    statuses = set(activities.values_list("status", flat=True))
    assert {ActivityStatus.COMPLETED, ActivityStatus.PLANNED} <= statuses


def test_practice_library_is_broad(demo):
    practices = PracticePage.objects.live()
    assert practices.count() >= 60
    assert len(set(practices.values_list("country", flat=True))) >= 15
    per_topic = Counter(practices.values_list("topic_field__slug", flat=True))
    assert all(per_topic[slug] >= 10 for slug in TOPIC_FIELDS), per_topic
    assert len(set(practices.values_list("population_band", flat=True))) == 5
    assert len(set(practices.values_list("year", flat=True))) >= 5
    linked = practices.exclude(learning_process=None).count()
    assert 0.4 <= linked / practices.count() <= 0.65


def test_each_practice_is_fully_described(demo):
    for practice in PracticePage.objects.live().prefetch_related("sdgs"):
        assert practice.summary and practice.challenge and practice.approach, practice.slug
        assert practice.results and practice.resources_needed, practice.slug
        assert practice.transferability, practice.slug
        assert 1 <= len(practice.indicators) <= 3, practice.slug
        assert practice.sdgs.all(), practice.slug
        assert practice.tags.exists(), practice.slug
        assert practice.contact_name and practice.contact_organisation, practice.slug
        assert practice.contact_email.endswith("@example.org"), practice.slug
    summaries = PracticePage.objects.values_list("summary", flat=True)
    assert len(set(summaries)) == len(summaries)


def test_host_account_hosts_circular_waste_management_only(demo):
    host = get_user_model().objects.get(username="host@example.org")
    process = LearningProcessPage.objects.get(slug="circular-waste-management")
    host_groups = host.groups.filter(name__startswith="Hosts: ")
    assert list(host_groups) == [host_group_of(process)]
    assert not host.groups.filter(name=STAFF_GROUP).exists()
    assert not host.is_superuser


def test_staff_accounts_are_in_the_staff_group(demo):
    User = get_user_model()
    staff = User.objects.get(username="staff@example.org")
    admin = User.objects.get(username="admin@example.org")
    assert staff.groups.filter(name=STAFF_GROUP).exists()
    assert not staff.is_superuser
    assert staff.has_perm("wagtailadmin.access_admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.groups.filter(name=STAFF_GROUP).exists()


def test_demo_accounts_have_verified_addresses_and_log_in(demo, client):
    for account in demo["accounts"]:
        assert EmailAddress.objects.filter(
            email=account["email"], verified=True, primary=True
        ).exists()
        assert client.login(username=account["email"], password=account["password"])
    assert {account["role"] for account in demo["accounts"]} == {
        "admin",
        "staff",
        "host",
        "participant",
    }
