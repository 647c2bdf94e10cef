from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
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
