from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

# Listing name → the function that builds its context, filled by
# learning_processes.listings (loaded in the app's ready()): the listings import the
# models, so the models look their listing up here instead of importing it.
LISTINGS: dict[str, Callable[..., dict[str, Any]]] = {}


def register_listing(function: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    """Make `function` the listing of the index pages whose `listing` is its name."""
    LISTINGS[function.__name__] = function
    return function


class ListingPage(Page):
    """An index page below Home that lists its children with filters.

    `listing` names the function registered by learning_processes.listings that builds
    the filtered, paginated listing for the template.
    """

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    listing: str = ""

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(LISTINGS[self.listing](request, self))
        return context


class IllustratedPage(Page):
    """A page that may have a lead image: shown as its hero and on its card in listings.

    The alt text is required whenever an image is set. A lead image is chosen to show
    the place, the people or the work, so it always says something; there is no
    "decorative" option, because a picture that says nothing is not worth its bytes on
    a phone. Wagtail's focal point decides the crop of every `fill-` rendition.
    """

    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page and on its card in lists."),
    )
    lead_image_alt = models.CharField(
        _("alt text of the lead image"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, in one sentence, for people who cannot see it. "
            "Required with an image."
        ),
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        self.lead_image_alt = self.lead_image_alt.strip()
        if self.lead_image_id and not self.lead_image_alt:
            raise ValidationError(
                {
                    "lead_image_alt": _(
                        "Describe what the lead image shows, for people who cannot see it."
                    )
                }
            )


def lead_image_panel() -> MultiFieldPanel:
    """The admin panel of a page's lead image and its alt text."""
    return MultiFieldPanel(
        [FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Lead image")
    )


def lead_image_api_fields() -> list[APIField]:
    """The lead image (its id and detail URL in the images endpoint) and its alt text."""
    return [APIField("lead_image"), APIField("lead_image_alt")]
