"""The practice library: how a city tackled a challenge, for others to learn from."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from learning_processes.blocks import DocumentationBlock, IndicatorBlock
from learning_processes.countries import MunicipalCountries, code_of, region_of
from learning_processes.models.base import (
    IllustratedPage,
    ListingPage,
    lead_image_api_fields,
    lead_image_panel,
)
from learning_processes.serializers import (
    LivePageLinkField,
    SustainableDevelopmentGoalSerializer,
    TagNamesField,
    TopicFieldSerializer,
)


class PopulationBand(models.TextChoices):
    SMALL = "lt_50k", _("under 50,000")
    MEDIUM = "50k_250k", _("50,000 – 250,000")
    LARGE = "250k_1m", _("250,000 – 1 million")
    CITY = "1m_5m", _("1 – 5 million")
    METROPOLIS = "gt_5m", _("over 5 million")


class PracticeTag(TaggedItemBase):
    content_object = ParentalKey(
        "learning_processes.PracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PracticeIndexPage(ListingPage):
    subpage_types = ["learning_processes.PracticePage"]
    listing = "practice_listing"

    class Meta:
        verbose_name = _("practice index")


class PracticePage(IllustratedPage):
    """A shared practice: the challenge, the approach, what it achieved, and how to copy it."""

    summary = models.TextField(_("summary"), max_length=600)
    challenge = RichTextField(_("challenge"))
    approach = RichTextField(_("approach"))
    results = RichTextField(_("results and impact"), blank=True)
    indicators = StreamField(
        [("indicator", IndicatorBlock())], verbose_name=_("indicators"), blank=True
    )
    resources_needed = RichTextField(_("resources needed"), blank=True)
    transferability = RichTextField(_("transferability and lessons"), blank=True)

    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"), countries=MunicipalCountries)
    population_band = models.CharField(
        _("population"), max_length=10, choices=PopulationBand.choices, blank=True
    )
    year = models.PositiveSmallIntegerField(_("year"))
    topic_field = models.ForeignKey(
        "learning_processes.TopicField",
        verbose_name=_("topic field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    sdgs = ParentalManyToManyField(
        "learning_processes.SustainableDevelopmentGoal",
        verbose_name=_("SDGs"),
        blank=True,
        related_name="practices",
    )
    tags = ClusterTaggableManager(through=PracticeTag, blank=True)
    learning_process = models.ForeignKey(
        "learning_processes.LearningProcessPage",
        verbose_name=_("learning process"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    media = StreamField(DocumentationBlock(), verbose_name=_("images and documents"), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("city"),
        index.FilterField("year"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        lead_image_panel(),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("indicators"),
        FieldPanel("resources_needed"),
        FieldPanel("transferability"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("population_band"), FieldPanel("year")]),
            ],
            heading=_("Where and when"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topic_field"),
                FieldPanel("sdgs"),
                FieldPanel("tags"),
                FieldPanel("learning_process"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_organisation"),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("media"),
    ]
    api_fields = [
        APIField("summary"),
        *lead_image_api_fields(),
        APIField("challenge"),
        APIField("approach"),
        APIField("results"),
        APIField("indicators"),
        APIField("resources_needed"),
        APIField("transferability"),
        APIField("city"),
        APIField("country_code"),
        APIField("region"),
        APIField("population_band"),
        APIField("year"),
        APIField("topic_field", serializer=TopicFieldSerializer()),
        APIField("sdgs", serializer=SustainableDevelopmentGoalSerializer(many=True)),
        APIField("tags", serializer=TagNamesField()),
        APIField("learning_process", serializer=LivePageLinkField()),
    ]
    parent_page_types = ["learning_processes.PracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    @property
    def country_code(self) -> str:
        return code_of(self.country)

    @property
    def region(self) -> str:
        """germany, global_south or other (see learning_processes.countries)."""
        return region_of(code_of(self.country))
