"""Each page type renders its fields, keeps contact e-mails private, shows the
timeline in date order, marks Global South partners, and keeps a clean heading
outline without inline scripts or styles (the CSP forbids them)."""

import datetime as dt
import json
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from learning_processes.models import SustainableDevelopmentGoal
from tests.factories import (
    DialogueEventFactory,
    FollowUpActivityFactory,
    LearningProcessFactory,
    OutcomeFactory,
    PracticeFactory,
    add_partners,
    topic,
)

pytestmark = pytest.mark.django_db

HOST_EMAIL = "klima@bonn.example"
PRACTICE_EMAIL = "compost@kumasi.example"


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker, tmp_path_factory):
    """A complete learning process with its parts and a practice, built once."""
    media = tmp_path_factory.mktemp("media")
    with (
        override_settings(MEDIA_ROOT=str(media)),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        today = timezone.localdate()
        now = timezone.now()
        document = Document.objects.create(
            title="Event report", file=ContentFile(b"%PDF-1.4 report", name="report.pdf")
        )
        image = Image.objects.create(title="Composting site", file=get_test_image_file())
        process = add_partners(
            LearningProcessFactory(
                title="Climate-resilient public spaces",
                topic_field=topic("integrated-urban-development"),
                sdgs=list(SustainableDevelopmentGoal.objects.filter(number__in=[11, 13])),
                tags=["heat", "stormwater"],
                summary="How cities redesign squares for heat and heavy rain.",
                background="<p>Heat waves hit dense neighbourhoods hardest.</p>",
                learning_goals="<p>How partners involve residents.</p>",
                contribution="<p>Ten years of blue-green infrastructure.</p>",
                host_name="City of Bonn",
                host_type="city",
                host_city="Bonn",
                contact_name="Dr. Anna Weber",
                contact_position="Head of the climate office",
                contact_email=HOST_EMAIL,
                proposed_on=today - dt.timedelta(days=400),
                selected_on=today - dt.timedelta(days=300),
            ),
            ("Kumasi", "GH"),
            ("Lyon", "FR"),
        )
        start = timezone.make_aware(
            dt.datetime.combine(today - dt.timedelta(days=200), dt.time(9, 0))
        )
        event = DialogueEventFactory(
            parent=process,
            title="International dialogue event in Bonn",
            start=start,
            venue="Altes Rathaus",
            city="Bonn",
            capacity_min=25,
            capacity_max=35,
            working_language="en",
            programme=json.dumps(
                [
                    {
                        "type": "day",
                        "value": {
                            "day": "Day 1",
                            "date": start.date().isoformat(),
                            "items": [
                                {
                                    "start_time": "09:00:00",
                                    "end_time": "10:30:00",
                                    "session": "Opening and city walk",
                                    "speakers": "Mayor of Bonn",
                                },
                                {
                                    "start_time": "11:00:00",
                                    "end_time": None,
                                    "session": "Peer advice in small groups",
                                    "speakers": "",
                                },
                            ],
                        },
                    }
                ]
            ),
            documentation=json.dumps([{"type": "document", "value": document.pk}]),
        )
        # Created out of date order: the timeline sorts them.
        late_activity = FollowUpActivityFactory(
            parent=process,
            title="Virtual exchange on heat plans",
            activity_type="virtual_exchange",
            start_date=today - dt.timedelta(days=50),
            is_virtual=True,
            place="",
            status="completed",
            description="<p>Three online sessions.</p>",
            report="<p>Partners drafted heat action plans.</p>",
        )
        early_activity = FollowUpActivityFactory(
            parent=process,
            title="Expert trip to Kumasi",
            activity_type="expert_exchange",
            start_date=today - dt.timedelta(days=100),
            end_date=today - dt.timedelta(days=96),
            place="Kumasi",
            status="in_progress",
        )
        practice = PracticeFactory(
            title="Shaded market squares",
            summary="Trees and awnings cool a central market.",
            challenge="<p>Market traders suffer in the heat.</p>",
            approach="<p>Planting and shade sails with the traders.</p>",
            results="<p>Surface temperature down by 8 degrees.</p>",
            indicators=json.dumps(
                [
                    {
                        "type": "indicator",
                        "value": {
                            "label": "Surface temperature",
                            "value": "-8",
                            "unit": "°C",
                            "baseline": "52 °C",
                            "year": 2025,
                        },
                    }
                ]
            ),
            resources_needed="<p>Two gardeners and a small budget.</p>",
            transferability="<p>Works wherever traders are organised.</p>",
            city="Kumasi",
            country="GH",
            population_band="1m_5m",
            topic_field=topic("integrated-urban-development"),
            sdgs=list(SustainableDevelopmentGoal.objects.filter(number__in=[11])),
            tags=["heat"],
            learning_process=process,
            contact_name="Ama Mensah",
            contact_organisation="Kumasi Metropolitan Assembly",
            contact_email=PRACTICE_EMAIL,
            media=json.dumps(
                [{"type": "image", "value": {"image": image.pk, "caption": "The new shade"}}]
            ),
        )
        PracticeFactory(title="Unpublished practice", learning_process=process, publish=False)
        outcome = OutcomeFactory(
            parent=process,
            title="What the process achieved",
            results="<p>Two partner cities adopted heat plans.</p>",
            lessons_learned="<p>Involve traders early.</p>",
            next_steps="<p>A second exchange in 2027.</p>",
        )
        outcome.practices.add(practice)
        outcome.save_revision().publish()
        yield {
            "now": now,
            "process": process,
            "event": event,
            "early_activity": early_activity,
            "late_activity": late_activity,
            "outcome": outcome,
            "practice": practice,
        }
        transaction.set_rollback(True)


class Outline(HTMLParser):
    """Collects the heading levels inside <main> and any inline script or style."""

    def __init__(self):
        super().__init__()
        self.levels: list[int] = []
        self.inline: list[str] = []
        self.in_main = False

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main = True
        if self.in_main and tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.levels.append(int(tag[1]))
        if (
            tag == "style"
            or ("style" in dict(attrs))
            or (tag == "script" and not dict(attrs).get("src"))
        ):
            self.inline.append(tag)

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False


def render(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def main_of(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize(
    "name", ["process", "event", "early_activity", "late_activity", "outcome", "practice"]
)
def test_page_has_one_h1_no_skipped_heading_levels_and_no_inline_code(client, tree, name):
    outline = Outline()
    outline.feed(render(client, tree[name]))

    assert outline.levels.count(1) == 1 and outline.levels[0] == 1, outline.levels
    for previous, current in zip(outline.levels, outline.levels[1:], strict=False):
        assert current <= previous + 1, f"{name}: heading levels {outline.levels}"
    assert outline.inline == [], f"{name} has inline {outline.inline}"


def test_learning_process_page_shows_topic_host_and_goals(client, tree):
    html = main_of(render(client, tree["process"]))

    for text in [
        "<h1>Climate-resilient public spaces</h1>",
        "Integrated urban development",
        "SDG 11: Sustainable Cities and Communities",
        "SDG 13: Climate Action",
        "stormwater",
        "How cities redesign squares for heat and heavy rain.",
        "Heat waves hit dense neighbourhoods hardest.",
        "How partners involve residents.",
        "Ten years of blue-green infrastructure.",
        "City of Bonn",
        "City</dd>",
        "Bonn",
        "Dr. Anna Weber, Head of the climate office",
        "Completed",
    ]:
        assert text in html, text


def test_learning_process_page_never_shows_the_contact_email(client, tree):
    html = render(client, tree["process"])
    assert HOST_EMAIL not in html
    assert "mailto:" not in html


def test_partner_list_marks_global_south_partners_only(client, tree):
    html = main_of(render(client, tree["process"]))
    partners = html.split('<ul class="partner-list">', 1)[1].split("</ul>", 1)[0]
    kumasi, lyon = partners.split("</li>")[:2]

    assert "Kumasi, Ghana" in kumasi and "Global South" in kumasi
    assert "Lyon, France" in lyon and "Global South" not in lyon


def test_timeline_lists_proposal_event_activities_and_outcome_in_date_order(client, tree):
    html = main_of(render(client, tree["process"]))
    timeline = html.split('<ol class="timeline">', 1)[1].split("</ol>", 1)[0]
    entries = [
        "Topic proposed",
        "Topic selected",
        f'<a href="{tree["event"].url}">International dialogue event in Bonn</a>',
        f'<a href="{tree["early_activity"].url}">Expert trip to Kumasi</a>',
        f'<a href="{tree["late_activity"].url}">Virtual exchange on heat plans</a>',
        f'<a href="{tree["outcome"].url}">What the process achieved</a>',
    ]

    positions = [timeline.find(entry) for entry in entries]

    assert -1 not in positions, dict(zip(entries, positions, strict=True))
    assert positions == sorted(positions)
    dates = [item.split('datetime="', 1)[1][:10] for item in timeline.split("<li")[1:]]
    assert dates == sorted(dates)


def test_learning_process_page_lists_its_live_practices(client, tree):
    html = main_of(render(client, tree["process"]))
    assert f'<a href="{tree["practice"].url}">Shaded market squares</a>' in html
    assert "Unpublished practice" not in html


def test_dialogue_event_page_shows_dates_in_site_time_zone_and_programme(client, tree):
    event = tree["event"]
    html = main_of(render(client, event))
    start = date_format(timezone.localtime(event.start), "j F Y, H:i")
    end = date_format(timezone.localtime(event.end), "j F Y, H:i")

    assert start.endswith("09:00")
    assert f"{start}</time> – <time" in html and end in html
    for text in [
        "Altes Rathaus",
        "25–35 participants",
        "English",
        '<th scope="col">Time</th>',
        '<th scope="row">Opening and city walk</th>',
        "Mayor of Bonn",
        "Peer advice in small groups",
        "<h3>Day 1",
        "Event report",
        "(PDF",
        f'href="{tree["process"].url}"',
    ]:
        assert text in html, text


def test_follow_up_activity_pages_show_type_dates_place_and_status(client, tree):
    virtual = main_of(render(client, tree["late_activity"]))
    trip = main_of(render(client, tree["early_activity"]))

    for text in [
        "Virtual exchange format",
        "<dd>Virtual</dd>",
        "Completed",
        "Three online sessions.",
        "Partners drafted heat action plans.",
    ]:
        assert text in virtual, text
    for text in ["Expert exchange trip", "<dd>Kumasi</dd>", "In progress", "</time> – <time"]:
        assert text in trip, text


def test_outcome_page_shows_results_practices_and_links_back(client, tree):
    html = main_of(render(client, tree["outcome"]))

    for text in [
        "Two partner cities adopted heat plans.",
        "Involve traders early.",
        "A second exchange in 2027.",
        f'<a href="{tree["practice"].url}">Shaded market squares</a>',
        f'Part of the learning process <a href="{tree["process"].url}">',
    ]:
        assert text in html, text


def test_practice_page_shows_every_section_and_classification(client, tree):
    html = main_of(render(client, tree["practice"]))

    for text in [
        "Trees and awnings cool a central market.",
        "Market traders suffer in the heat.",
        "Planting and shade sails with the traders.",
        "Surface temperature down by 8 degrees.",
        "Surface temperature",
        "-8 °C",
        "Baseline: 52 °C",
        "Two gardeners and a small budget.",
        "Works wherever traders are organised.",
        "<dd>Kumasi</dd>",
        "<dd>Ghana</dd>",
        "Global South",
        "1 – 5 million",
        "Integrated urban development",
        "SDG 11: Sustainable Cities and Communities",
        "?tag=heat",
        f'<a href="{tree["process"].url}">Climate-resilient public spaces</a>',
        "Ama Mensah, Kumasi Metropolitan Assembly",
        "The new shade",
        '<img alt="Composting site"',
    ]:
        assert text in html, text


def test_practice_page_never_shows_the_contact_email(client, tree):
    html = render(client, tree["practice"])
    assert PRACTICE_EMAIL not in html
    assert "mailto:" not in html
