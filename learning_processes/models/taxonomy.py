"""Topic fields of the programme and the UN Sustainable Development Goals."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from learning_processes.interface_text import interface_text


# django-stubs cannot resolve the reverse managers of relations declared on models
# whose base is untyped (Wagtail's Page): a stub gap.
@register_snippet
class TopicField(models.Model):  # type: ignore[django-manager-missing]
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
    api_fields = ["name", "slug"]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("topic field")
        verbose_name_plural = _("topic fields")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the viewer's language (see learning_processes.interface_text)."""
        return interface_text(self.name)

    @property
    def examples_label(self) -> str:
        return interface_text(self.examples)


@register_snippet
class SustainableDevelopmentGoal(models.Model):
    """One of the 17 SDGs of the 2030 Agenda, by its official number and short name."""

    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    name = models.CharField(_("short name"), max_length=80)

    panels = [FieldPanel("number"), FieldPanel("name")]

    class Meta:
        ordering = ["number"]
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")

    def __str__(self) -> str:
        return f"SDG {self.number}: {self.label}"

    @property
    def label(self) -> str:
        """The short name in the viewer's language."""
        return interface_text(self.name)
