"""A learning process and what happens in it: dialogue event, follow-ups, outcomes."""

from datetime import timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.functional import Promise, cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

if TYPE_CHECKING:  # the stubs' name for a lazily translated string
    from django_stubs_ext import StrOrPromise

from learning_processes.blocks import AgendaDayBlock, DocumentationBlock
from learning_processes.countries import MunicipalCountries, code_of, is_global_south
from learning_processes.models.base import (
    IllustratedPage,
    ListingPage,
    lead_image_api_fields,
    lead_image_panel,
)
from learning_processes.serializers import (
    LivePageLinkListField,
    SustainableDevelopmentGoalSerializer,
    TagNamesField,
    TopicFieldSerializer,
)

# Two full days and a morning: 09:00 on day one to 13:00 on day three.
DIALOGUE_EVENT_DURATION = timedelta(days=2, hours=4)
CAPACITY_LIMITS = (5, 100)


def LatitudeField(verbose_name: "StrOrPromise") -> models.FloatField:  # noqa: N802
    """An optional latitude in degrees, for the network map."""
    return models.FloatField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("In decimal degrees, north positive (e.g. 50.73)."),
    )


def LongitudeField(verbose_name: "StrOrPromise") -> models.FloatField:  # noqa: N802
    """An optional longitude in degrees, for the network map."""
    return models.FloatField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("In decimal degrees, east positive (e.g. 7.10)."),
    )


class HostType(models.TextChoices):
    CITY = "city", _("City")
    MUNICIPALITY = "municipality", _("Municipality")
    DISTRICT = "district", _("District (Landkreis)")
    MUNICIPAL_COMPANY = "municipal_company", _("Municipal company")


class Phase(models.TextChoices):
    CALL = "call", _("Call for proposals")
    SELECTED = "selected", _("Selected")
    DIALOGUE_EVENT = "dialogue_event", _("Dialogue event")
    FOLLOW_UP = "follow_up", _("Follow-up")
    COMPLETED = "completed", _("Completed")


class LearningProcessTag(TaggedItemBase):
    content_object = ParentalKey(
        "learning_processes.LearningProcessPage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


def _children_of_outer(model: type[Page]):
    """Live child pages of the outer learning process, for subqueries."""
    return model.objects.filter(
        path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1, live=True
    )


class LearningProcessQuerySet(PageQuerySet):
    def with_phase(self, now=None) -> "LearningProcessQuerySet":
        """Annotate `phase`, derived in SQL from the dates of the process's parts.

        completed: an outcome is published; follow_up: the dialogue event is over;
        dialogue_event: it is under way; selected: the topic was selected or an
        event is scheduled; call: still a proposal.
        """
        now = now or timezone.now()
        events = _children_of_outer(DialogueEventPage).order_by("start")
        return self.annotate(
            event_start=Subquery(events.values("start")[:1]),
            event_end=Subquery(events.values("end")[:1]),
            has_outcome=Exists(_children_of_outer(OutcomePage)),
        ).annotate(
            phase=Case(
                When(has_outcome=True, then=Value(Phase.COMPLETED.value)),
                When(event_end__lt=now, then=Value(Phase.FOLLOW_UP.value)),
                When(event_start__lte=now, then=Value(Phase.DIALOGUE_EVENT.value)),
                When(
                    Q(event_start__isnull=False) | Q(selected_on__isnull=False),
                    then=Value(Phase.SELECTED.value),
                ),
                default=Value(Phase.CALL.value),
                output_field=models.CharField(),
            )
        )


class LearningProcessIndexPage(ListingPage):
    subpage_types = ["learning_processes.LearningProcessPage"]
    listing = "learning_process_listing"

    class Meta:
        verbose_name = _("learning process index")


class LearningProcessPage(IllustratedPage):
    """A one-year learning process hosted by a German municipality or municipal company.

    Its title is the technical topic. Children: at most one dialogue event, the
    follow-up activities and the outcomes.
    """

    topic_field = models.ForeignKey(
        "learning_processes.TopicField",
        verbose_name=_("topic field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learning_processes",
    )
    sdgs = ParentalManyToManyField(
        "learning_processes.SustainableDevelopmentGoal",
        verbose_name=_("SDGs"),
        blank=True,
        related_name="learning_processes",
    )
    tags = ClusterTaggableManager(through=LearningProcessTag, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), help_text=_("Year of the call"))
    summary = models.TextField(_("summary"), max_length=600)
    background = RichTextField(
        _("background"), blank=True, help_text=_("Challenges and opportunities of the topic")
    )
    learning_goals = RichTextField(_("what the host wants to learn"), blank=True)
    contribution = RichTextField(_("what the host can contribute"), blank=True)
    host_name = models.CharField(_("host municipality or company"), max_length=200)
    host_type = models.CharField(
        _("type of host"), max_length=30, choices=HostType.choices, default=HostType.CITY
    )
    host_city = models.CharField(_("host city"), max_length=120)
    # Where the host is marked on the network map; without them, at Germany's centre.
    host_latitude = LatitudeField(_("latitude of the host city"))
    host_longitude = LongitudeField(_("longitude of the host city"))
    contact_name = models.CharField(_("responsible contact person"), max_length=120, blank=True)
    contact_position = models.CharField(
        _("position of the contact person"), max_length=160, blank=True
    )
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("Not shown to the public.")
    )
    proposed_on = models.DateField(_("proposal submitted on"), null=True, blank=True)
    selected_on = models.DateField(_("selected on"), null=True, blank=True)

    objects = PageManager.from_queryset(LearningProcessQuerySet)()

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("background"),
        index.SearchField("host_name"),
        index.FilterField("year"),
    ]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("topic_field"), FieldPanel("sdgs"), FieldPanel("tags"), FieldPanel("year")],
            heading=_("Topic"),
        ),
        FieldPanel("summary"),
        lead_image_panel(),
        FieldPanel("background"),
        FieldPanel("learning_goals"),
        FieldPanel("contribution"),
        MultiFieldPanel(
            [
                FieldPanel("host_name"),
                FieldRowPanel([FieldPanel("host_type"), FieldPanel("host_city")]),
                FieldRowPanel([FieldPanel("host_latitude"), FieldPanel("host_longitude")]),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_position")]),
                FieldPanel("contact_email"),
            ],
            heading=_("Host"),
        ),
        InlinePanel("partners", heading=_("Partner municipalities"), label=_("partner")),
        FieldRowPanel([FieldPanel("proposed_on"), FieldPanel("selected_on")], heading=_("Call")),
    ]
    api_fields = [
        APIField("topic_field", serializer=TopicFieldSerializer()),
        APIField("sdgs", serializer=SustainableDevelopmentGoalSerializer(many=True)),
        APIField("tags", serializer=TagNamesField()),
        APIField("year"),
        APIField("summary"),
        *lead_image_api_fields(),
        APIField("background"),
        APIField("learning_goals"),
        APIField("contribution"),
        APIField("host_name"),
        APIField("host_type"),
        APIField("host_city"),
        APIField("partners"),
        APIField("phase"),
        APIField("proposed_on"),
        APIField("selected_on"),
    ]
    parent_page_types = ["learning_processes.LearningProcessIndexPage"]
    subpage_types = [
        "learning_processes.DialogueEventPage",
        "learning_processes.FollowUpActivityPage",
        "learning_processes.OutcomePage",
    ]

    class Meta:
        verbose_name = _("learning process")
        verbose_name_plural = _("learning processes")

    @cached_property
    def phase(self) -> str:
        """Listings set this from `with_phase()`; a single page asks the same SQL."""
        return (
            type(self)
            .objects.with_phase()
            .filter(pk=self.pk)
            .values_list("phase", flat=True)
            .first()
            or Phase.CALL.value
        )

    @property
    def phase_label(self) -> str | Promise:
        return Phase(self.phase).label

    @cached_property
    def proposal_call(self) -> "Page | None":
        """The live call page of the proposal this process was selected from, if any.

        Reached through the relation the call's proposals declare
        (`TopicProposal.learning_process`): a process does not import the call, which
        builds on processes (a selected proposal becomes one)."""
        proposals = self._meta.get_field("proposal").related_model.objects
        proposal = (
            proposals.filter(learning_process=self, call__live=True).select_related("call").first()
        )
        return proposal.call if proposal else None

    @property
    def dialogue_event(self) -> "DialogueEventPage | None":
        return DialogueEventPage.objects.child_of(self).live().order_by("start").first()

    def timeline(self) -> list[dict]:
        """Proposal → dialogue event → each follow-up activity → outcomes, in date order."""
        entries: list[dict] = []
        if self.proposed_on:
            entry = {"kind": "proposal", "date": self.proposed_on, "title": _("Topic proposed")}
            call = self.proposal_call
            if call is not None:
                entry["title"] = _("Topic proposed in the %(year)s call") % {"year": call.year}
                entry["page"] = call
            entries.append(entry)
        if self.selected_on:
            entries.append(
                {"kind": "selection", "date": self.selected_on, "title": _("Topic selected")}
            )
        event = self.dialogue_event
        if event:
            entries.append(
                {"kind": "event", "date": event.start.date(), "page": event, "title": event.title}
            )
        for activity in FollowUpActivityPage.objects.child_of(self).live().order_by("start_date"):
            entries.append(
                {
                    "kind": "activity",
                    "date": activity.start_date,
                    "page": activity,
                    "title": activity.title,
                }
            )
        for outcome in OutcomePage.objects.child_of(self).live().order_by("first_published_at"):
            published = outcome.first_published_at
            entries.append(
                {
                    "kind": "outcome",
                    "date": published.date() if published else None,
                    "page": outcome,
                    "title": outcome.title,
                }
            )
        return entries

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["timeline"] = self.timeline()
        context["partners"] = list(self.partners.all())
        context["practices"] = self.practices.live().public().order_by("title")
        return context


class PartnerMunicipality(Orderable):
    """A municipality from abroad that takes part in the learning process."""

    page = ParentalKey(LearningProcessPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("municipality"), max_length=160)
    country = CountryField(_("country"), countries=MunicipalCountries)
    # Where it is marked on the network map; without them, at its country's centre.
    latitude = LatitudeField(_("latitude"))
    longitude = LongitudeField(_("longitude"))

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("country")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]
    api_fields = [APIField("name"), APIField("country_code"), APIField("is_global_south")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner municipality")
        verbose_name_plural = _("partner municipalities")

    def __str__(self) -> str:
        return f"{self.name} ({code_of(self.country)})"

    @property
    def country_code(self) -> str:
        return code_of(self.country)

    @property
    def is_global_south(self) -> bool:
        """From the shipped DAC list, never typed by hand."""
        return is_global_south(code_of(self.country))


class WorkingLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    PORTUGUESE = "pt", _("Portuguese")
    GERMAN = "de", _("German")
    ARABIC = "ar", _("Arabic")


class DialogueEventPage(IllustratedPage):
    """The 2.5-day international dialogue event that opens a learning process."""

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(
        _("end"),
        null=True,
        blank=True,
        help_text=_("Left empty: two and a half days after the start."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=120)
    capacity_min = models.PositiveSmallIntegerField(_("minimum participants"), default=25)
    capacity_max = models.PositiveSmallIntegerField(_("maximum participants"), default=35)
    working_language = models.CharField(
        _("working language"),
        max_length=5,
        choices=WorkingLanguage.choices,
        default=WorkingLanguage.ENGLISH,
    )
    programme = StreamField([("day", AgendaDayBlock())], verbose_name=_("programme"), blank=True)
    documentation = StreamField(DocumentationBlock(), verbose_name=_("documentation"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Dates")),
        lead_image_panel(),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("city")], heading=_("Place")),
        FieldRowPanel(
            [FieldPanel("capacity_min"), FieldPanel("capacity_max")], heading=_("Capacity")
        ),
        FieldPanel("working_language"),
        FieldPanel("programme"),
        FieldPanel("documentation"),
    ]
    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("venue"),
        APIField("city"),
        APIField("capacity_min"),
        APIField("capacity_max"),
        APIField("working_language"),
        APIField("programme"),
        *lead_image_api_fields(),
    ]
    parent_page_types = ["learning_processes.LearningProcessPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("dialogue event")

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str | Promise] = {}
        if self.start and not self.end:
            self.end = self.start + DIALOGUE_EVENT_DURATION
        if self.start and self.end:
            if self.end <= self.start:
                errors["end"] = _("The event must end after it starts.")
            elif self.end - self.start > timedelta(days=14):
                errors["end"] = _("A dialogue event lasts at most two weeks; check the dates.")
        low, high = CAPACITY_LIMITS
        if self.capacity_min is not None and not low <= self.capacity_min <= high:
            errors["capacity_min"] = _(
                "A dialogue event needs between %(low)s and %(high)s participants (usually 25-35)."
            ) % {"low": low, "high": high}
        if self.capacity_max is not None and not low <= self.capacity_max <= high:
            errors["capacity_max"] = _(
                "A dialogue event takes between %(low)s and %(high)s participants (usually 25-35)."
            ) % {"low": low, "high": high}
        if (
            "capacity_min" not in errors
            and "capacity_max" not in errors
            and self.capacity_min is not None
            and self.capacity_max is not None
            and self.capacity_min > self.capacity_max
        ):
            errors["capacity_max"] = _("The maximum cannot be lower than the minimum.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.start and not self.end:
            self.end = self.start + DIALOGUE_EVENT_DURATION
        return super().save(*args, **kwargs)


class ActivityType(models.TextChoices):
    EXPERT_EXCHANGE = "expert_exchange", _("Expert exchange trip")
    PROJECT_WORKSHOP = "project_workshop", _("Project workshop")
    VIRTUAL_EXCHANGE = "virtual_exchange", _("Virtual exchange format")
    OTHER = "other", _("Other")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class FollowUpActivityPage(Page):
    """What happens after the dialogue event: trips, workshops, virtual formats."""

    activity_type = models.CharField(_("type"), max_length=30, choices=ActivityType.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    is_virtual = models.BooleanField(_("virtual"), default=False)
    place = models.CharField(_("place"), max_length=200, blank=True)
    description = RichTextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    report = RichTextField(_("report"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("activity_type"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldRowPanel([FieldPanel("is_virtual"), FieldPanel("place")], heading=_("Place")),
        FieldPanel("description"),
        FieldPanel("report"),
    ]
    api_fields = [
        APIField("activity_type"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("is_virtual"),
        APIField("place"),
        APIField("description"),
        APIField("status"),
        APIField("report"),
    ]
    parent_page_types = ["learning_processes.LearningProcessPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("follow-up activity")
        verbose_name_plural = _("follow-up activities")

    @property
    def place_label(self) -> str:
        return str(_("Virtual")) if self.is_virtual else self.place

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str | Promise] = {}
        if not self.is_virtual and not self.place.strip():
            errors["place"] = _("Name the place, or mark the activity as virtual.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if errors:
            raise ValidationError(errors)


class OutcomePage(IllustratedPage):
    """Results of a learning process, published by its host after staff approval."""

    results = RichTextField(_("results"))
    lessons_learned = RichTextField(_("lessons learned"), blank=True)
    next_steps = RichTextField(_("next steps"), blank=True)
    documentation = StreamField(
        DocumentationBlock(), verbose_name=_("documents and images"), blank=True
    )
    practices = ParentalManyToManyField(
        "learning_processes.PracticePage",
        verbose_name=_("linked practices"),
        blank=True,
        related_name="outcomes",
    )

    content_panels = [
        *Page.content_panels,
        lead_image_panel(),
        FieldPanel("results"),
        FieldPanel("lessons_learned"),
        FieldPanel("next_steps"),
        FieldPanel("documentation"),
        FieldPanel("practices"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("results"),
        index.SearchField("lessons_learned"),
    ]
    api_fields = [
        APIField("results"),
        APIField("lessons_learned"),
        APIField("next_steps"),
        APIField("practices", serializer=LivePageLinkListField()),
        *lead_image_api_fields(),
    ]
    parent_page_types = ["learning_processes.LearningProcessPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("outcome")

    @property
    def learning_process(self) -> LearningProcessPage:
        return self.get_parent().specific
