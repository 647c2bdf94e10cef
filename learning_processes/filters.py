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

Filters across to-many relations (SDGs, tags, partner municipalities) select
the page ids in a subquery instead of joining, so a process with two partners
from Ghana appears once and no DISTINCT over the page columns is needed.
"""

from dataclasses import dataclass, field

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from learning_processes import countries
from learning_processes.models import (
    LearningProcessPage,
    LearningProcessTag,
    PartnerMunicipality,
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


@dataclass
class Facets:
    """The options a listing offers, as (value, label) pairs."""

    topic: list[tuple[str, str]] = field(default_factory=list)
    sdg: list[tuple[str, str]] = field(default_factory=list)
    country: list[tuple[str, str]] = field(default_factory=list)
    region: list[tuple[str, str]] = field(default_factory=list)
    tag: list[tuple[str, str]] = field(default_factory=list)
    year: list[tuple[str, str]] = field(default_factory=list)
    population: list[tuple[str, str]] = field(default_factory=list)
    phase: list[tuple[str, str]] = field(default_factory=list)


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
        country=countries.country_choices(
            practices.order_by().values_list("country", flat=True).distinct()
        ),
        region=REGION_CHOICES,
        tag=_tag_choices(PracticeTag, practices),
        year=_year_choices(practices),
        population=list(PopulationBand.choices),
    )


def learning_process_facets(processes: QuerySet) -> Facets:
    partner_countries = (
        PartnerMunicipality.objects.filter(page__in=processes)
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )
    years = _year_choices(processes)
    hosts = ["DE"] if years else []  # every host is German
    return Facets(
        topic=_topic_choices(),
        sdg=_sdg_choices(),
        country=countries.country_choices([*hosts, *partner_countries]),
        region=PROCESS_REGION_CHOICES,
        tag=_tag_choices(LearningProcessTag, processes),
        year=years,
        phase=list(Phase.choices),
    )


def _with_related(queryset: QuerySet, **lookup) -> QuerySet:
    """Pages with at least one related row matching `lookup`, each page once."""
    matching = queryset.model.objects.filter(**lookup).values("pk")
    return queryset.filter(pk__in=matching)


def _with_partners(queryset: QuerySet, partners: QuerySet) -> QuerySet:
    """Processes with at least one of these partner municipalities, each once."""
    return queryset.filter(pk__in=partners.values("page_id"))


class FacetFilterSet(django_filters.FilterSet):
    """Takes its select options from `facets`, computed once per request."""

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


class PracticeFilter(FacetFilterSet):
    topic = django_filters.ChoiceFilter(
        field_name="topic_field__slug", label=_("Topic field"), empty_label=_("All topic fields")
    )
    sdg = django_filters.ChoiceFilter(
        label=_("Sustainable Development Goal"), empty_label=_("All SDGs"), method="filter_sdg"
    )
    country = django_filters.ChoiceFilter(
        field_name="country", label=_("Country"), empty_label=_("All countries")
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), empty_label=_("All regions"), method="filter_region"
    )
    tag = django_filters.ChoiceFilter(
        label=_("Tag"), empty_label=_("All tags"), method="filter_tag"
    )
    year = django_filters.ChoiceFilter(
        field_name="year", label=_("Year"), empty_label=_("All years")
    )
    population = django_filters.ChoiceFilter(
        field_name="population_band", label=_("Population"), empty_label=_("All city sizes")
    )

    class Meta:
        model = PracticePage
        fields: list[str] = []

    def filter_sdg(self, queryset, name, value):
        return _with_related(queryset, sdgs__number=value)

    def filter_tag(self, queryset, name, value):
        return _with_related(queryset, tags__slug=value)

    def filter_region(self, queryset, name, value):
        south = countries.global_south_codes()
        if value == countries.GERMANY:
            return queryset.filter(country="DE")
        if value == countries.GLOBAL_SOUTH:
            return queryset.filter(country__in=south)
        return queryset.exclude(country="DE").exclude(country__in=south)


class LearningProcessFilter(FacetFilterSet):
    """Filters a queryset annotated by `LearningProcessPage.objects.with_phase()`.

    Every host is German, so country DE and region "germany" keep all
    processes; other countries and regions select by partner municipality.
    """

    topic = django_filters.ChoiceFilter(
        field_name="topic_field__slug", label=_("Topic field"), empty_label=_("All topic fields")
    )
    sdg = django_filters.ChoiceFilter(
        label=_("Sustainable Development Goal"), empty_label=_("All SDGs"), method="filter_sdg"
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), empty_label=_("All countries"), method="filter_country"
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), empty_label=_("All regions"), method="filter_region"
    )
    tag = django_filters.ChoiceFilter(
        label=_("Tag"), empty_label=_("All tags"), method="filter_tag"
    )
    phase = django_filters.ChoiceFilter(
        field_name="phase", label=_("Phase"), empty_label=_("All phases")
    )
    year = django_filters.ChoiceFilter(
        field_name="year", label=_("Year"), empty_label=_("All years")
    )

    class Meta:
        model = LearningProcessPage
        fields: list[str] = []

    def filter_sdg(self, queryset, name, value):
        return _with_related(queryset, sdgs__number=value)

    def filter_tag(self, queryset, name, value):
        return _with_related(queryset, tags__slug=value)

    def filter_country(self, queryset, name, value):
        if value == "DE":
            return queryset
        return _with_partners(queryset, PartnerMunicipality.objects.filter(country=value))

    def filter_region(self, queryset, name, value):
        if value == countries.GERMANY:
            return queryset
        south = countries.global_south_codes()
        if value == countries.GLOBAL_SOUTH:
            partners = PartnerMunicipality.objects.filter(country__in=south)
        else:
            partners = PartnerMunicipality.objects.exclude(country="DE").exclude(country__in=south)
        return _with_partners(queryset, partners)
