from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

if TYPE_CHECKING:  # the stubs' name for a lazily translated string
    from django_stubs_ext import StrOrPromise

# The tagline the home page is created with (migration 0002), marked for the catalogue:
# the template shows it translated while it is unedited (see
# learning_processes.interface_text).
SEEDED_TAGLINE = gettext_noop(
    "Municipal practitioners from Germany and the Global South learn from each other."
)

# What staff may feature on the home page.
FEATURABLE = ["learning_processes.PracticePage", "learning_processes.LearningProcessPage"]


def _heading(verbose_name: "StrOrPromise") -> models.CharField:
    """An optional section heading: left empty, the page shows its translated default."""
    return models.CharField(
        verbose_name,
        max_length=80,
        blank=True,
        help_text=_("Left empty: the default heading, in the visitor's language."),
    )


class HomePage(Page):
    """The site's root page: what Connective Cities is, and the way in (search, the
    topic fields, what is happening now, the latest outcomes and practices, the network
    in figures; see `connective_site.home.selectors`).

    The editorial parts are fields staff edit in Wagtail; each is optional and has a
    default, so an unedited home page reads well. Interface text is translated; what
    staff enter is shown as entered.
    """

    hero_heading = models.CharField(
        _("heading"),
        max_length=120,
        blank=True,
        help_text=_("The large heading at the top. Left empty: the page title."),
    )
    intro = RichTextField(_("introduction"), blank=True)
    featured_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("featured practice or learning process"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: shown below the introduction while it is published."),
    )
    featured_text = models.CharField(
        _("why it is featured"),
        max_length=300,
        blank=True,
        help_text=_("Optional: one or two sentences. Left empty: the page's summary."),
    )
    topics_heading = _heading(_("heading of the topic fields"))
    now_heading = _heading(_("heading of what is happening now"))
    latest_heading = _heading(_("heading of the latest outcomes and practices"))
    figures_heading = _heading(_("heading of the network in figures"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [PageChooserPanel("featured_page", FEATURABLE), FieldPanel("featured_text")],
            heading=_("Featured"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics_heading"),
                FieldPanel("now_heading"),
                FieldPanel("latest_heading"),
                FieldPanel("figures_heading"),
            ],
            heading=_("Section headings"),
        ),
    ]
    subpage_types = [
        "learning_processes.LearningProcessIndexPage",
        "learning_processes.PracticeIndexPage",
        "learning_processes.CallIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from connective_site.home import selectors

        context = super().get_context(request, *args, **kwargs)
        private = selectors.private_sections()
        context.update(
            topics=selectors.topic_entry_points(private),
            dialogue_events=selectors.upcoming_dialogue_events(private),
            open_calls=selectors.open_calls(private),
            sessions=selectors.upcoming_sessions(request.user),
            latest_outcomes=selectors.latest_outcomes(private),
            latest_practices=selectors.latest_practices(private),
            figures=selectors.network_figures(private),
            index_links=selectors.index_links(request),
            featured=selectors.featured(self.featured_page_id, private),
        )
        return context
