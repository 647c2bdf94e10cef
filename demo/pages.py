"""The demo's page tree: learning processes and the practice library, and the demo accounts.

Builds the page tree (home → learning processes, home → practices) from `data/processes.yaml`
and `data/practices.yaml`: ten learning processes in every phase, each with its dialogue event,
follow-up activities and, once completed, its outcome; sixty-odd practices; and one demo
account per role (`data/people.yaml`). Dates are computed from today, so the phases stay varied
whatever the day the demo is seeded.

Everything is looked up by slug or e-mail before it is created, so seeding twice leaves
one copy of each thing; a complete site is recognised with two queries and left alone.
"""

import datetime as dt
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext_noop
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from connective_site.home.models import HomePage
from demo.images import DemoPictures
from demo.loader import load
from learning_processes.models import (
    DialogueEventPage,
    FollowUpActivityPage,
    LearningProcessIndexPage,
    LearningProcessPage,
    OutcomePage,
    PartnerMunicipality,
    PracticeIndexPage,
    PracticePage,
    SustainableDevelopmentGoal,
    TopicField,
)
from learning_processes.models.processes import ActivityStatus
from learning_processes.roles import do_add_host, ensure_staff_group

PROCESSES: list[dict[str, Any]] = load("processes")
PRACTICES: list[dict[str, Any]] = load("practices")
DEMO_ACCOUNTS: list[dict[str, Any]] = load("people")["accounts"]

# Titles and introductions are interface words: marked for the catalogue, shown
# translated while unedited (see learning_processes.interface_text).
PROCESS_INDEX = {
    "slug": "learning-processes",
    "title": gettext_noop("Learning processes"),
    "intro": gettext_noop(
        "One-year learning processes between German and international municipalities: "
        "an international dialogue event, follow-up activities and the outcomes."
    ),
}
PRACTICE_INDEX = {
    "slug": "practices",
    "title": gettext_noop("Practices"),
    "intro": gettext_noop(
        "How other cities solved it: practices shared by the community, searchable by "
        "topic field, country and population."
    ),
}
EVENT_SLUG = "dialogue-event"
OUTCOME_SLUG = "outcomes"
EVENT_STARTS_AT = dt.time(9, 0)


def _expected_paths(home: Page) -> set[str]:
    processes = f"{home.url_path}{PROCESS_INDEX['slug']}/"
    practices = f"{home.url_path}{PRACTICE_INDEX['slug']}/"
    paths = {processes, practices}
    for process in PROCESSES:
        base = f"{processes}{process['slug']}/"
        paths.add(base)
        if process.get("dialogue_event"):
            paths.add(f"{base}{EVENT_SLUG}/")
        paths.update(f"{base}{activity['slug']}/" for activity in process.get("activities", ()))
        if process.get("outcome"):
            paths.add(f"{base}{OUTCOME_SLUG}/")
    paths.update(f"{practices}{practice['slug']}/" for practice in PRACTICES)
    return paths


def is_complete(home: Page) -> bool:
    paths = _expected_paths(home)
    if Page.objects.filter(url_path__in=paths).count() != len(paths):
        return False
    emails = [account["email"] for account in DEMO_ACCOUNTS]
    return get_user_model().objects.filter(username__in=emails).count() == len(emails)


class DemoSeeder:
    """Adds the missing demo pages below the home page, then the demo accounts."""

    def __init__(self, home: HomePage, today: dt.date) -> None:
        self.home = home
        self.today = today
        self.topics = {topic.slug: topic for topic in TopicField.objects.all()}
        self.sdgs = SustainableDevelopmentGoal.objects.in_bulk(field_name="number")
        self.pictures = DemoPictures()
        self.created: list[Page] = []

    def run(self) -> None:
        # Each page is saved three times while it is added and published; index its
        # references once, at the end, when everything it points to exists.
        with disable_reference_index_auto_update():
            processes = self.seed_processes()
            practices = self.seed_practices(processes)
            for data in PROCESSES:
                if data.get("outcome"):
                    self.seed_outcome(processes[data["slug"]], data, practices)
        for page in self.created:
            ReferenceIndex.create_or_update_for_object(page)
        _seed_accounts(processes)

    def publish(self, parent: Page, page: Page) -> Page:
        """Add the page below its parent and publish it, as an editor would.

        Publishing sends `page_published`, which the search outbox listens to.
        """
        self.pictures.illustrate(page, parent)
        parent.add_child(instance=page)  # validates the page
        page.save_revision(clean=False).publish()
        self.created.append(page)
        return page

    def index_page(self, model: type[Page], data: dict[str, str]) -> Page:
        existing = model.objects.child_of(self.home).filter(slug=data["slug"]).first()
        if existing:
            return existing
        page = model(slug=data["slug"], title=data["title"], intro=_paragraphs(data["intro"]))
        return self.publish(self.home, page)

    # --- Learning processes and what happens in them ------------------------------------

    def seed_processes(self) -> dict[str, LearningProcessPage]:
        index = self.index_page(LearningProcessIndexPage, PROCESS_INDEX)
        existing = {page.slug: page for page in LearningProcessPage.objects.child_of(index)}
        processes = {}
        for data in PROCESSES:
            process = existing.get(data["slug"]) or self.publish(index, self.process_page(data))
            processes[data["slug"]] = process
            if data.get("dialogue_event"):
                self.seed_event_and_activities(process, data)
        return processes

    def process_page(self, data: dict) -> LearningProcessPage:
        schedule = data["schedule"]
        proposed = _day(self.today, schedule["proposed"])
        selected = schedule["selected"]
        selected = _day(self.today, selected) if selected is not None else None
        contact_name, contact_position = data["contact"]
        host_latitude, host_longitude = data.get("host_coordinates") or (None, None)
        page = LearningProcessPage(
            slug=data["slug"],
            title=data["title"],
            topic_field=self.topics[data["topic"]],
            year=_call_year(proposed, selected),
            summary=data["summary"],
            background=_paragraphs(data["background"]),
            learning_goals=_bullets(data["learning_goals"]),
            contribution=_paragraphs(data["contribution"]),
            host_name=data["host_name"],
            host_type=data["host_type"],
            host_city=data["host_city"],
            host_latitude=host_latitude,
            host_longitude=host_longitude,
            contact_name=contact_name,
            contact_position=contact_position,
            contact_email=_email(contact_name),
            proposed_on=proposed,
            selected_on=selected,
            sdgs=[self.sdgs[number] for number in data["sdgs"]],
            partners=[_partner(order, *partner) for order, partner in enumerate(data["partners"])],
        )
        page.tags.add(*data["tags"])
        return page

    def seed_event_and_activities(self, process: LearningProcessPage, data: dict) -> None:
        existing = set(Page.objects.child_of(process).values_list("slug", flat=True))
        first_day = _event_day(self.today, data["schedule"]["event"])
        if EVENT_SLUG not in existing:
            event = DialogueEventPage(
                slug=EVENT_SLUG,
                title=f"International dialogue event in {data['host_city']}",
                start=timezone.make_aware(dt.datetime.combine(first_day, EVENT_STARTS_AT)),
                venue=data["dialogue_event"]["venue"],
                city=data["host_city"],
                programme=_programme(data, first_day),
            )
            self.publish(process, event)
        for activity in data.get("activities", ()):
            if activity["slug"] not in existing:
                self.publish(process, self.activity_page(activity, first_day))

    def activity_page(self, data: dict, event_day: dt.date) -> FollowUpActivityPage:
        start = event_day + dt.timedelta(days=data["after_event"])
        end = start + dt.timedelta(days=data["duration"])
        if end < self.today:
            status = ActivityStatus.COMPLETED
        elif start <= self.today:
            status = ActivityStatus.IN_PROGRESS
        else:
            status = ActivityStatus.PLANNED
        return FollowUpActivityPage(
            slug=data["slug"],
            title=data["title"],
            activity_type=data["type"],
            start_date=start,
            end_date=end,
            is_virtual=data.get("virtual", False),
            place=data.get("place", ""),
            description=_paragraphs(data["description"]),
            status=status,
            report=_paragraphs(data.get("report")) if status == ActivityStatus.COMPLETED else "",
        )

    def seed_outcome(
        self, process: LearningProcessPage, data: dict, practices: dict[str, PracticePage]
    ) -> None:
        if Page.objects.child_of(process).filter(slug=OUTCOME_SLUG).exists():
            return
        outcome = data["outcome"]
        event_day = _event_day(self.today, data["schedule"]["event"])
        published_on = min(
            event_day + dt.timedelta(days=outcome["published_after_event"]), self.today
        )
        page = OutcomePage(
            slug=OUTCOME_SLUG,
            title=f"Outcomes: {data['title']}",
            results=_paragraphs(outcome["results"]),
            lessons_learned=_paragraphs(outcome["lessons_learned"]),
            next_steps=_paragraphs(outcome["next_steps"]),
            practices=[
                practices[practice["slug"]]
                for practice in PRACTICES
                if practice["process"] == data["slug"]
            ],
            # Kept by publish(): the timeline dates an outcome by its first publication.
            first_published_at=timezone.make_aware(dt.datetime.combine(published_on, dt.time(10))),
        )
        self.publish(process, page)

    # --- The practice library -----------------------------------------------------------

    def seed_practices(self, processes: dict[str, LearningProcessPage]) -> dict[str, PracticePage]:
        index = self.index_page(PracticeIndexPage, PRACTICE_INDEX)
        existing = {page.slug: page for page in PracticePage.objects.child_of(index)}
        return {
            data["slug"]: existing.get(data["slug"])
            or self.publish(index, self.practice_page(data, processes))
            for data in PRACTICES
        }

    def practice_page(self, data: dict, processes: dict[str, LearningProcessPage]) -> PracticePage:
        contact_name, organisation = data["contact"]
        page = PracticePage(
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            challenge=_paragraphs(data["challenge"]),
            approach=_paragraphs(data["approach"]),
            results=_paragraphs(data["results"]),
            indicators=[
                {
                    "type": "indicator",
                    "value": {
                        "label": label,
                        "value": value,
                        "unit": unit,
                        "baseline": baseline,
                        "year": year,
                    },
                }
                for label, value, unit, baseline, year in data["indicators"]
            ],
            resources_needed=_paragraphs(data["resources"]),
            transferability=_paragraphs(data["transferability"]),
            city=data["city"],
            country=data["country"],
            population_band=data["population"],
            year=data["year"],
            topic_field=self.topics[data["topic"]],
            learning_process=processes[data["process"]] if data["process"] else None,
            contact_name=contact_name,
            contact_organisation=organisation,
            contact_email=_email(contact_name),
            sdgs=[self.sdgs[number] for number in data["sdgs"]],
        )
        page.tags.add(*data["tags"])
        return page


def _programme(data: dict, first_day: dt.date) -> list[dict]:
    """Two full days and a morning (`data/programme.yaml`), built around the process's own
    sessions and visit."""
    event = data["dialogue_event"]
    visit, visit_by = event["site_visit"]
    delegations = ", ".join(name for name, *_ in data["partners"]) + f" and {data['host_city']}"
    values = {
        "host": data["host_name"],
        "contact": data["contact"][0],
        "delegations": delegations,
        "visit": visit,
        "visit_by": visit_by,
    }
    sessions = zip(("first", "second", "third"), event["sessions"], strict=True)
    for name, (session, speakers) in sessions:
        values |= {name: session, f"{name}_by": speakers}
    return [
        {
            "type": "day",
            "value": {
                "day": f"Day {number + 1}",
                "date": (first_day + dt.timedelta(days=number)).isoformat(),
                "items": [
                    {
                        "start_time": item["start"],
                        "end_time": item["end"],
                        "session": item["session"].format_map(values),
                        "speakers": item["speakers"].format_map(values),
                    }
                    for item in items
                ],
            },
        }
        for number, items in enumerate(load("programme")["days"])
    ]


# --- Accounts ---------------------------------------------------------------------------


def _seed_accounts(processes: dict[str, LearningProcessPage]) -> None:
    User = get_user_model()
    staff_group = ensure_staff_group()
    for account in DEMO_ACCOUNTS:
        email = account["email"]
        user = User.objects.filter(username=email).first()
        if user is None:
            superuser = account.get("superuser", False)
            user = User.objects.create_user(
                username=email,
                email=email,
                password=account["password"],
                is_staff=superuser,
                is_superuser=superuser,
            )
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if account.get("staff_group"):
            user.groups.add(staff_group)
        if account.get("host_of"):
            do_add_host(processes[account["host_of"]], user)


# --- Helpers ----------------------------------------------------------------------------


def _partner(
    order: int,
    name: str,
    country: str,
    latitude: float | None = None,
    longitude: float | None = None,
) -> PartnerMunicipality:
    """A partner from its [city, country] or [city, country, latitude, longitude]."""
    return PartnerMunicipality(
        name=name, country=country, latitude=latitude, longitude=longitude, sort_order=order
    )


def _day(today: dt.date, offset: int) -> dt.date:
    return today + dt.timedelta(days=offset)


def _event_day(today: dt.date, offset: int) -> dt.date:
    """The Tuesday on or before the day `offset` days away: events run Tuesday to Thursday."""
    day = _day(today, offset)
    return day - dt.timedelta(days=(day.weekday() - 1) % 7)


def _call_year(proposed: dt.date, selected: dt.date | None) -> int:
    """The year of the call: proposals are due in mid-February and selected by its end."""
    if selected:
        return selected.year
    return proposed.year if proposed.month <= 2 else proposed.year + 1


def _email(name: str) -> str:
    return f"{slugify(name).replace('-', '.')}@example.org"


def _paragraphs(value: str | list[str] | None) -> str:
    if not value:
        return ""
    texts = [value] if isinstance(value, str) else value
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def _bullets(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"
