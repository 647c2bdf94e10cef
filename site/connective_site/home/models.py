from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

# The tagline the home page is created with (migration 0002), marked for the catalogue:
# the template shows it translated while it is unedited (see
# learning_processes.interface_text).
SEEDED_TAGLINE = gettext_noop(
    "Municipal practitioners from Germany and the Global South learn from each other."
)


class HomePage(Page):
    """The site's root page: what Connective Cities is, and the way in."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = [
        "learning_processes.LearningProcessIndexPage",
        "learning_processes.PracticeIndexPage",
        "learning_processes.CallIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from learning_processes.models import LearningProcessPage, PracticePage

        context = super().get_context(request, *args, **kwargs)
        context["latest_processes"] = (
            LearningProcessPage.objects.live()
            .public()
            .select_related("topic_field")
            .order_by("-year", "title")[:3]
        )
        context["latest_practices"] = (
            PracticePage.objects.live()
            .public()
            .select_related("topic_field")
            .order_by("-first_published_at")[:3]
        )
        return context

    class Meta:
        verbose_name = _("home page")
