"""Interface words stored in the database (topic fields, SDGs, index page titles and
introductions, the home page's tagline) are shown in German to German visitors, and
as written once staff have edited them."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from connective_site.home.models import SEEDED_TAGLINE, HomePage
from demo.calls import CALL_INDEX
from demo.pages import PRACTICE_INDEX, PROCESS_INDEX
from learning_processes.interface_text import interface_richtext, interface_text
from learning_processes.models import PracticeIndexPage, SustainableDevelopmentGoal, TopicField
from learning_processes.taxonomy_data import SDGS, TOPIC_FIELDS
from tests.factories import LearningProcessFactory, PracticeFactory, practice_index, topic

GERMAN = {"HTTP_ACCEPT_LANGUAGE": "de"}


def seeded_texts() -> list[str]:
    texts = [name for _slug, name, _examples in TOPIC_FIELDS]
    texts += [examples for _slug, _name, examples in TOPIC_FIELDS]
    texts += [name for _number, name in SDGS]
    texts += [SEEDED_TAGLINE]
    for index in (PROCESS_INDEX, PRACTICE_INDEX, CALL_INDEX):
        texts += [index["title"], index["intro"]]
    return texts


@pytest.mark.parametrize("text", seeded_texts())
def test_every_seeded_interface_text_has_a_german_translation(text):
    with translation.override("de"):
        assert gettext(text) != text


def test_an_edited_text_is_shown_as_written():
    with translation.override("de"):
        assert interface_text("Water and wastewater") == "Water and wastewater"
        assert interface_text("") == ""
        two_paragraphs = "<p>Learning processes.</p><p>More.</p>"
        assert interface_richtext(two_paragraphs) == two_paragraphs
        linked = '<p>See <a href="/x/">this</a></p>'
        assert interface_richtext(linked) == linked


def test_a_seeded_introduction_is_translated_with_its_markup():
    intro = f'<p data-block-key="ab1c2">{PRACTICE_INDEX["intro"]}</p>'
    with translation.override("de"):
        translated = interface_richtext(intro)
    assert translated.startswith("<p>") and translated.endswith("</p>")
    assert "Einwohnerzahl" in translated
    with translation.override("en"):
        assert interface_richtext(intro) == intro


@pytest.mark.django_db
def test_topic_fields_and_sdgs_are_named_in_the_viewers_language():
    municipal = TopicField.objects.get(slug="municipal-services")
    goal = SustainableDevelopmentGoal.objects.get(number=11)
    with translation.override("de"):
        assert municipal.label == "Kommunale Daseinsvorsorge"
        assert str(goal) == "SDG 11: Nachhaltige Städte und Gemeinden"
    with translation.override("en"):
        assert str(municipal) == "Municipal services"
        assert str(goal) == "SDG 11: Sustainable Cities and Communities"


@pytest.mark.django_db
def test_german_practice_library_shows_german_title_intro_topics_and_sdgs(client):
    index = practice_index()
    index.intro = f"<p>{PRACTICE_INDEX['intro']}</p>"
    index.save_revision().publish()
    PracticeFactory(
        title="Market waste composting",
        topic_field=topic("municipal-services"),
        sdgs=list(SustainableDevelopmentGoal.objects.filter(number=11)),
    )
    html = client.get(index.url, **GERMAN).content.decode()
    assert "<title>Praxisbeispiele · Connective Cities</title>" in html
    assert "<h1>Praxisbeispiele</h1>" in html
    assert "durchsuchbar nach Themenfeld, Land und Einwohnerzahl" in html
    assert "Kommunale Daseinsvorsorge" in html  # card and topic filter
    assert "SDG 11: Nachhaltige Städte und Gemeinden" in html
    assert "Municipal services" not in html and "Sustainable Cities" not in html
    english = client.get(index.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<h1>Practices</h1>" in english and "Municipal services" in english


@pytest.mark.django_db
def test_german_home_page_shows_the_tagline_and_topic_fields_in_german(client):
    home = HomePage.objects.get()
    home.intro = f"<p>{SEEDED_TAGLINE}</p>"
    home.save_revision().publish()
    LearningProcessFactory(title="Circular waste", topic_field=topic("municipal-services"))
    html = client.get("/", **GERMAN).content.decode()
    assert "lernen voneinander" in html
    assert "Kommunale Daseinsvorsorge" in html


@pytest.mark.django_db
def test_german_search_page_offers_topic_fields_and_facets_in_german(client, settings):
    # About labels, not an engine: the database backend reads the test's own rows
    # (an engine index would hold whatever other tests left in it).
    settings.SEARCH_ENGINE = "database"
    PracticeFactory(
        title="Market waste composting",
        summary="Market waste is composted.",
        topic_field=topic("municipal-services"),
        sdgs=list(SustainableDevelopmentGoal.objects.filter(number=6)),
    )
    start = client.get("/search/", **GERMAN).content.decode()
    assert "Integrierte Stadtentwicklung" in start and "z.\u00a0B. Klimaresilienz" in start
    results = client.get("/search/?q=waste", **GERMAN).content.decode()
    assert "Kommunale Daseinsvorsorge" in results
    assert "SDG 6: Sauberes Wasser und Sanitäreinrichtungen" in results
    # The filter keeps the stored value; only its label is translated.
    assert "topic_field=Municipal+services" in results


@pytest.mark.django_db
def test_an_index_page_renamed_by_staff_keeps_its_name_in_german(client):
    index = practice_index()
    index.title = "Good practice library"
    index.save_revision().publish()
    html = client.get(PracticeIndexPage.objects.get().url, **GERMAN).content.decode()
    assert "<h1>Good practice library</h1>" in html
