"""Human labels for facet values, which the index stores as codes."""

from django.utils.translation import gettext_lazy as _

from learning_processes.countries import country_name
from learning_processes.interface_text import interface_text
from learning_processes.models.practices import PopulationBand

REGIONS = {
    "germany": _("Germany"),
    "global_south": _("Global South"),
    "other": _("Other countries"),
}
CONTENT_TYPES = {
    "practice": _("Practice"),
    "learning_process": _("Learning process"),
    "outcome": _("Outcome"),
    "thread": _("Follow-up thread"),
}
FACET_TITLES = {
    "content_type": _("Type"),
    "topic_field": _("Topic field"),
    "sdgs": _("SDG"),
    "country": _("Country"),
    "region": _("Region"),
    "tags": _("Tag"),
    "year": _("Year"),
    "population_band": _("Population"),
}
# Facets whose options read best in their own order rather than by count.
FACET_ORDER = {"population_band": {value: rank for rank, value in enumerate(PopulationBand.values)}}


def labeller():
    """A label function for facet values; SDG names are read once per call site."""
    from learning_processes.models import SustainableDevelopmentGoal

    sdg_labels = {str(goal.number): str(goal) for goal in SustainableDevelopmentGoal.objects.all()}

    def label(facet: str, value: str) -> str:
        if facet == "country":
            return country_name(value) or value
        if facet == "region":
            return str(REGIONS.get(value, value))
        if facet == "content_type":
            return str(CONTENT_TYPES.get(value, value))
        if facet == "population_band":
            return str(PopulationBand(value).label) if value in PopulationBand.values else value
        if facet == "sdgs":
            return sdg_labels.get(value, value)
        if facet == "topic_field":
            return interface_text(value)
        return value

    return label
