"""Learning processes and the practice library as Wagtail pages.

Tree: Home → LearningProcessIndexPage → LearningProcessPage, and
Home → PracticeIndexPage → PracticePage. A practice may point back to the
learning process it came out of.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class TopicField(models.Model):
    """One of the programme's four topic fields, e.g. municipal services."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(_("description"), blank=True)
    examples = models.CharField(_("examples"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("examples"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("topic field")
        verbose_name_plural = _("topic fields")

    def __str__(self) -> str:
        return self.name


class LearningProcessTag(TaggedItemBase):
    content_object = ParentalKey(
        "learning_processes.LearningProcessPage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class PracticeTag(TaggedItemBase):
    content_object = ParentalKey(
        "learning_processes.PracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class LearningProcessIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["learning_processes.LearningProcessPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["processes"] = (
            LearningProcessPage.objects.child_of(self)
            .live()
            .public()
            .select_related("topic_field")
            .order_by("-year", "title")
        )
        return context

    class Meta:
        verbose_name = _("learning process index")


class LearningProcessPage(Page):
    """A one-year learning process hosted by a German municipality."""

    topic_field = models.ForeignKey(
        TopicField,
        verbose_name=_("topic field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learning_processes",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.TextField(_("summary"), max_length=600)
    background = RichTextField(_("background"), blank=True)
    host_name = models.CharField(_("host municipality or company"), max_length=200)
    host_city = models.CharField(_("host city"), max_length=120)
    tags = ClusterTaggableManager(through=LearningProcessTag, blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("background"),
        index.FilterField("year"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("topic_field"),
        FieldPanel("year"),
        FieldPanel("summary"),
        FieldPanel("background"),
        FieldPanel("host_name"),
        FieldPanel("host_city"),
        FieldPanel("tags"),
    ]
    parent_page_types = ["learning_processes.LearningProcessIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("learning process")
        verbose_name_plural = _("learning processes")


class PracticeIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["learning_processes.PracticePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["practices"] = (
            PracticePage.objects.child_of(self)
            .live()
            .public()
            .select_related("topic_field")
            .order_by("-first_published_at")
        )
        return context

    class Meta:
        verbose_name = _("practice index")


class PracticePage(Page):
    """A shared practice: how a city tackled a challenge, for others to learn from."""

    topic_field = models.ForeignKey(
        TopicField,
        verbose_name=_("topic field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    learning_process = models.ForeignKey(
        LearningProcessPage,
        verbose_name=_("learning process"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.TextField(_("summary"), max_length=600)
    body = RichTextField(_("body"))
    tags = ClusterTaggableManager(through=PracticeTag, blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.FilterField("year"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("topic_field"),
        FieldPanel("learning_process"),
        FieldPanel("city"),
        FieldPanel("country"),
        FieldPanel("year"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    parent_page_types = ["learning_processes.PracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
