from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class ListingPage(Page):
    """An index page below Home that lists its children with filters.

    `listing` names the function in learning_processes.listings that builds the
    filtered, paginated listing for the template.
    """

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    listing: str = ""

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from learning_processes import listings

        context = super().get_context(request, *args, **kwargs)
        context.update(getattr(listings, self.listing)(request, self))
        return context
