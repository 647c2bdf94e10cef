"""Factories for pages and people, built with factory_boy.

Pages are added to the tree with `parent.add_child()` and published, as an
editor would; pass `parent=` to place them.
"""

import datetime as dt

import factory
from django.utils import timezone
from wagtail.models import Page

from connective_site.home.models import HomePage
from learning_processes.models import (
    DialogueEventPage,
    FollowUpActivityPage,
    LearningProcessIndexPage,
    LearningProcessPage,
    OutcomePage,
    PracticeIndexPage,
    PracticePage,
    TopicField,
)


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page below `parent` and publishes it unless `live=False`."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")

    @classmethod
    def _create(cls, model_class, *args, parent: Page, publish: bool = True, tags=(), **kwargs):
        sdgs = kwargs.pop("sdgs", None)
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        if sdgs is not None:
            page.sdgs.set(sdgs)
        if tags:
            page.tags.add(*tags)
        if sdgs is not None or tags:
            page.save()
        if publish:
            page.save_revision().publish()
        else:
            page.live = False
            page.save()
        return page


def home_page() -> HomePage:
    """The site's home page; recreated after a transactional test flushed the database."""
    home = HomePage.objects.first()
    if home is None:
        from django.conf import settings
        from wagtail.models import Locale, Site

        # A flush empties what Wagtail's own migrations created too: locale and root.
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = root.add_child(instance=HomePage(title="Home", slug="home"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
    return home


def process_index() -> LearningProcessIndexPage:
    existing = LearningProcessIndexPage.objects.first()
    if existing:
        return existing
    index = LearningProcessIndexPage(title="Learning processes", slug="learning-processes")
    home_page().add_child(instance=index)
    index.save_revision().publish()
    return index


def practice_index() -> PracticeIndexPage:
    existing = PracticeIndexPage.objects.first()
    if existing:
        return existing
    index = PracticeIndexPage(title="Practices", slug="practices")
    home_page().add_child(instance=index)
    index.save_revision().publish()
    return index


def topic(slug: str = "municipal-services") -> TopicField:
    return TopicField.objects.get(slug=slug)


class LearningProcessFactory(PageFactory):
    class Meta:
        model = LearningProcessPage

    title = factory.Sequence(lambda n: f"Learning process {n}")
    year = 2026
    summary = "Municipal practitioners compare how they organise a public service."
    host_name = "City of Bonn"
    host_city = "Bonn"
    topic_field = factory.LazyFunction(topic)
    parent = factory.LazyFunction(process_index)


class DialogueEventFactory(PageFactory):
    class Meta:
        model = DialogueEventPage

    title = "International dialogue event"
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    city = "Bonn"


class FollowUpActivityFactory(PageFactory):
    class Meta:
        model = FollowUpActivityPage

    title = factory.Sequence(lambda n: f"Follow-up {n}")
    activity_type = "project_workshop"
    start_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=90))
    place = "Kumasi"


class OutcomeFactory(PageFactory):
    class Meta:
        model = OutcomePage

    title = "Outcomes"
    results = "<p>Three pilot projects started in partner cities.</p>"


class PracticeFactory(PageFactory):
    class Meta:
        model = PracticePage

    title = factory.Sequence(lambda n: f"Practice {n}")
    summary = "How one city solved a municipal challenge."
    challenge = "<p>The challenge.</p>"
    approach = "<p>The approach.</p>"
    city = "Kumasi"
    country = "GH"
    year = 2025
    topic_field = factory.LazyFunction(topic)
    parent = factory.LazyFunction(practice_index)


class LearningProcessIndexFactory(PageFactory):
    """A further process index below the home page, for a listing of its own."""

    class Meta:
        model = LearningProcessIndexPage

    title = factory.Sequence(lambda n: f"Learning processes {n}")
    slug = factory.Sequence(lambda n: f"learning-processes-{n}")
    parent = factory.LazyFunction(home_page)


class PracticeIndexFactory(PageFactory):
    """A further practice index below the home page, for a listing of its own."""

    class Meta:
        model = PracticeIndexPage

    title = factory.Sequence(lambda n: f"Practices {n}")
    slug = factory.Sequence(lambda n: f"practices-{n}")
    parent = factory.LazyFunction(home_page)


def add_partners(process: LearningProcessPage, *partners: tuple[str, str]) -> LearningProcessPage:
    """Adds (name, country code) partner municipalities and publishes the process."""
    from learning_processes.models import PartnerMunicipality

    for name, country in partners:
        process.partners.add(PartnerMunicipality(name=name, country=country))
    process.save_revision().publish()
    return process
