"""What the home page reads: the topic fields with their counts, what is happening now
(dialogue events, open calls, the viewer's live sessions), the latest outcomes and
practices, and the network in figures. Reads only.

Every page listed is live and public, as on the listings; which pages sit in a
private section is read once (`private_sections`) and passed to each read, so the
page asks for Wagtail's view restrictions once, not once per section.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page
from wagtail.query import PageQuerySet

from community.live.models import SessionState, VirtualSession
from community.permissions import AnyUser
from community.spaces import enterable_space_ids
from learning_processes.models import (
    CallIndexPage,
    CallPage,
    DialogueEventPage,
    LearningProcessIndexPage,
    LearningProcessPage,
    OutcomePage,
    PartnerMunicipality,
    PracticeIndexPage,
    PracticePage,
    TopicField,
)

# How many items each list of the home page shows.
SHOWN = 3


def private_sections() -> Q:
    """The pages under a view restriction (one query), to exclude from every read."""
    return Page.objects.all().private_q()


def published(model: type[Page], private: Q) -> PageQuerySet:
    """The model's live pages outside private sections: what a visitor may see."""
    return model.objects.live().exclude(private)


@dataclass(frozen=True)
class IndexLinks:
    """Where the home page's "all ..." links and topic entry points lead ("" when
    that index is not published)."""

    practices: str = ""
    learning_processes: str = ""
    calls: str = ""


def index_links(request: HttpRequest) -> IndexLinks:
    """The published index pages' URLs, in one query."""
    indexes = Page.objects.live().type(PracticeIndexPage, LearningProcessIndexPage, CallIndexPage)
    found: dict[str, str] = {}
    for index in indexes.select_related("content_type").order_by("path"):
        model = index.content_type.model_class()
        name = {
            PracticeIndexPage: "practices",
            LearningProcessIndexPage: "learning_processes",
            CallIndexPage: "calls",
        }[model]
        found.setdefault(name, index.get_url(request) or "")
    return IndexLinks(**found)


def featured(page_id: int | None, private: Q) -> Page | None:
    """The page staff feature, as its specific type, while it is published and public."""
    if page_id is None:
        return None
    return published(Page, private).filter(pk=page_id).specific().first()


def topic_entry_points(private: Q) -> QuerySet[TopicField]:
    """The topic fields, each with `practice_count` and `process_count`: its published
    practices and learning processes, counted in one grouped query."""
    practices = published(PracticePage, private).values("pk")
    processes = published(LearningProcessPage, private).values("pk")
    return TopicField.objects.annotate(
        practice_count=Count("practices", filter=Q(practices__in=practices), distinct=True),
        process_count=Count(
            "learning_processes", filter=Q(learning_processes__in=processes), distinct=True
        ),
    ).order_by("sort_order", "name")


def _with_process(pages: Sequence[Page], private: Q) -> list[Page]:
    """`pages` (children of learning processes) each with `process`, its published
    learning process, in one query; those whose process is not published are left out."""
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    processes = {
        process.path: process
        for process in published(LearningProcessPage, private).filter(path__in=parent_paths)
    }
    shown = []
    for page in pages:
        page.process = processes.get(page.path[: -Page.steplen])
        if page.process is not None:
            shown.append(page)
    return shown


def upcoming_dialogue_events(
    private: Q, now: dt.datetime | None = None, limit: int = SHOWN
) -> list[DialogueEventPage]:
    """Dialogue events not over yet (those under way included), soonest first."""
    events = (
        published(DialogueEventPage, private)
        .filter(end__gte=now or timezone.now())
        .order_by("start", "pk")[:limit]
    )
    return _with_process(list(events), private)


def open_calls(private: Q, now: dt.datetime | None = None) -> list[CallPage]:
    """The published calls still taking proposals, the nearest deadline first; open as
    `CallPage.is_open` says: to the second, the deadline's own second included."""
    now = (now or timezone.now()).replace(microsecond=0)
    return list(published(CallPage, private).filter(deadline__gte=now).order_by("deadline"))


def upcoming_sessions(
    user: AnyUser, now: dt.datetime | None = None, limit: int = SHOWN
) -> list[VirtualSession]:
    """The live sessions not over yet in the spaces the person may enter
    (`community.spaces.enterable_space_ids`, the rule the live room applies): none
    for a visitor, whose spaces are none."""
    if not user.is_authenticated:
        return []
    return list(
        VirtualSession.objects.filter(
            space_id__in=enterable_space_ids(user), ends_at__gt=now or timezone.now()
        )
        .exclude(state=SessionState.ENDED)
        .select_related("space")
        .order_by("starts_at", "pk")[:limit]
    )


def latest_outcomes(private: Q, limit: int = SHOWN) -> list[OutcomePage]:
    outcomes = published(OutcomePage, private).order_by("-first_published_at", "-pk")[:limit]
    return _with_process(list(outcomes), private)


def latest_practices(private: Q, limit: int = SHOWN) -> list[PracticePage]:
    return list(
        published(PracticePage, private)
        .select_related("topic_field")
        .order_by("-first_published_at", "-pk")[:limit]
    )


@dataclass(frozen=True)
class NetworkFigures:
    countries: int
    cities: int
    learning_processes: int
    practices: int


def network_figures(private: Q) -> NetworkFigures:
    """The network of the published learning processes: the countries and cities of
    their hosts (all German) and partner municipalities, in three queries. A city is
    counted once however many processes it takes part in."""
    processes = published(LearningProcessPage, private)
    host_cities = list(processes.values_list("host_city", flat=True))
    partners = set(
        PartnerMunicipality.objects.filter(page__in=processes.values("pk"))
        .order_by()
        .values_list("name", "country")
        .distinct()
    )
    cities = {(city.strip().casefold(), "DE") for city in host_cities}
    cities |= {(name.strip().casefold(), str(country)) for name, country in partners}
    countries = {country for _, country in cities}
    return NetworkFigures(
        countries=len(countries),
        cities=len(cities),
        learning_processes=len(host_cities),
        practices=published(PracticePage, private).count(),
    )
