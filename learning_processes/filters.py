"""Filters for the two listings: learning processes and the practice library.

Every filter is a single-choice select whose options come from the listing
itself (`practice_facets`, `learning_process_facets`): topic fields, SDGs and
population bands are the full lists; countries, years and tags are those that occur among the
published pages of the index (for processes: the partners' countries, and DE for
the hosts).

Invalid values (an unknown country, `year=abc`, a phase that does not exist) do
not crash and do not empty the listing: the form reports the error next to the
field, and only the valid filters are applied. django-filter's `qs` already
filters with the form's `cleaned_data`, which holds the valid fields only.

Each filter but the phase selects by the content type's facet rule
(learning_processes.facets), the one search uses. Filters across to-many relations
(SDGs, tags, partner municipalities) select the page ids in a subquery instead of
joining, so a process with two partners from Ghana appears once and no DISTINCT
over the page columns is needed.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

import django_filters
from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from learning_processes import countries
from learning_processes.facets import PRACTICES, PROCESSES, ContentFacets
from learning_processes.models import (
    LearningProcessPage,
    LearningProcessTag,
    PracticePage,
    PracticeTag,
    SustainableDevelopmentGoal,
    TopicField,
)
from learning_processes.models.practices import PopulationBand
from learning_processes.models.processes import Phase

REGION_CHOICES = [
    (countries.GERMANY, _("Germany")),
    (countries.GLOBAL_SOUTH, _("Global South")),
    (countries.OTHER, _("Other countries")),
]
PROCESS_REGION_CHOICES = [
    (countries.GERMANY, _("Germany (all hosts)")),
    (countries.GLOBAL_SOUTH, _("Global South partners")),
    (countries.OTHER, _("Partners from other countries")),
]


# A label as shown: a string, or one translated lazily when it is shown.
Label = str | Promise


@dataclass
class Facets:
    """The options a listing offers, as (value, label) pairs."""

    topic: Sequence[tuple[str, Label]] = field(default_factory=list)
    sdg: Sequence[tuple[str, Label]] = field(default_factory=list)
    country: Sequence[tuple[str, Label]] = field(default_factory=list)
    region: Sequence[tuple[str, Label]] = field(default_factory=list)
    tag: Sequence[tuple[str, Label]] = field(default_factory=list)
    year: Sequence[tuple[str, Label]] = field(default_factory=list)
    population: Sequence[tuple[str, Label]] = field(default_factory=list)
    phase: Sequence[tuple[str, Label]] = field(default_factory=list)


def _topic_choices() -> list[tuple[str, str]]:
    return [(topic.slug, topic.label) for topic in TopicField.objects.only("slug", "name")]


def _sdg_choices() -> list[tuple[str, str]]:
    return [(str(goal.number), str(goal)) for goal in SustainableDevelopmentGoal.objects.all()]


def _year_choices(pages: QuerySet) -> list[tuple[str, str]]:
    years = pages.order_by("-year").values_list("year", flat=True).distinct()
    return [(str(year), str(year)) for year in years]


def _tag_choices(through, pages: QuerySet) -> list[tuple[str, str]]:
    return list(
        through.objects.filter(content_object__in=pages)
        .order_by("tag__name")
        .values_list("tag__slug", "tag__name")
        .distinct()
    )


def practice_facets(practices: QuerySet) -> Facets:
    return Facets(
        topic=_topic_choices(),
        sdg=_sdg_choices(),
        country=countries.country_choices(PRACTICES.countries(practices)),
        region=REGION_CHOICES,
        tag=_tag_choices(PracticeTag, practices),
        year=_year_choices(practices),
        population=list(PopulationBand.choices),
    )


def learning_process_facets(processes: QuerySet) -> Facets:
    return Facets(
        topic=_topic_choices(),
        sdg=_sdg_choices(),
        country=countries.country_choices(PROCESSES.countries(processes)),
        region=PROCESS_REGION_CHOICES,
        tag=_tag_choices(LearningProcessTag, processes),
        year=_year_choices(processes),
        phase=list(Phase.choices),
    )


def _facet(label: Label, empty_label: Label, facet: str) -> django_filters.ChoiceFilter:
    """A filter that selects by the content type's facet rule (learning_processes.facets)."""
    return django_filters.ChoiceFilter(
        field_name=facet, label=label, empty_label=empty_label, method="filter_facet"
    )


class FacetFilterSet(django_filters.FilterSet):
    """Takes its select options from `facets`, computed once per request, and filters
    by `content_facets`: the same rule as search (slugs in the URL, not names)."""

    content_facets: ContentFacets

    def __init__(self, data=None, queryset=None, *, facets: Facets, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        for name, filter_ in self.filters.items():
            filter_.extra["choices"] = getattr(facets, name)

    def active_filters(self) -> list[tuple[str, str, str]]:
        """(name, label, value label) for each filter that is set and valid."""
        self.form.is_valid()  # cleans a bound form; keeps the valid fields only
        cleaned = getattr(self.form, "cleaned_data", {})
        active = []
        for name, form_field in self.form.fields.items():
            value = cleaned.get(name)
            if value in (None, ""):
                continue
            labels = {str(key): label for key, label in form_field.choices}
            active.append((name, str(form_field.label), str(labels.get(str(value), value))))
        return active

    def filter_facet(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(self.content_facets.match(name, [value], key="slug"))


class _TopicAndPlaceFilterSet(FacetFilterSet):
    """The filters both listings offer first, in this order."""

    topic = _facet(_("Topic field"), _("All topic fields"), "topic_field")
    sdg = _facet(_("Sustainable Development Goal"), _("All SDGs"), "sdgs")
    country = _facet(_("Country"), _("All countries"), "country")
    region = _facet(_("Region"), _("All regions"), "region")
    tag = _facet(_("Tag"), _("All tags"), "tags")


class PracticeFilter(_TopicAndPlaceFilterSet):
    content_facets = PRACTICES

    year = _facet(_("Year"), _("All years"), "year")
    population = _facet(_("Population"), _("All city sizes"), "population_band")

    class Meta:
        model = PracticePage
        fields: list[str] = []


class LearningProcessFilter(_TopicAndPlaceFilterSet):
    """Filters a queryset annotated by `LearningProcessPage.objects.with_phase()`.

    Every host is German, so country DE and region "germany" keep all
    processes; other countries and regions select by partner municipality.
    """

    content_facets = PROCESSES

    phase = django_filters.ChoiceFilter(
        field_name="phase", label=_("Phase"), empty_label=_("All phases")
    )
    year = _facet(_("Year"), _("All years"), "year")

    class Meta:
        model = LearningProcessPage
        fields: list[str] = []
