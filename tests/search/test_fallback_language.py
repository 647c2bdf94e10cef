"""The database fallback's tolerance, on SQLite (embedded pass) and PostgreSQL
(full-stack pass): a word finds its family ("cooperative" finds "cooperatives"), a
German word its English synonym, a misspelt word the nearest indexed word, offered as
"did you mean"; and no correction ever names a word only members may read."""

import pytest
from wagtail.models import PageViewRestriction

from search.backends.database import DatabaseSearchBackend
from search.queries import SearchQuery
from search.spelling import (
    Vocabulary,
    corrected_text,
    expand,
    forget_vocabulary,
    refresh_vocabulary,
    synonyms,
)
from tests.factories import PracticeFactory

COMPOSTING = "Composting market waste with women's cooperatives"
INCUBATOR = "A municipal incubator for green start-ups"


@pytest.fixture(autouse=True)
def _fresh_vocabulary():
    forget_vocabulary()
    yield
    forget_vocabulary()


# --- The expansion, on a vocabulary of its own -------------------------------------

WORDS = Vocabulary(
    {
        "flood": 5,
        "floods": 2,
        "flooding": 2,
        "waste": 9,
        "composting": 3,
        "compost": 2,
        "led": 4,
        "heat": 3,
        "management": 4,
    }
)


def test_a_word_stands_for_its_family_in_english_and_german():
    expansion = expand(["flooding"], WORDS)
    assert set(expansion.words) == {"flooding", "flood", "floods"}
    assert expansion.corrections == {}


def test_a_german_word_stands_for_its_english_synonym():
    assert ("waste",) in synonyms(["Abfall"])
    # By stem, and phrases too: "refugee" finds the synonyms of "refugees".
    assert ("internally", "displaced") in synonyms(["refugee"])
    assert ("participatory", "budgeting") in synonyms(["Bürgerhaushalt"])
    assert ("klimaanpassung",) in synonyms(["Climate", "adaptation"])
    assert "waste" in expand(["Abfall"], WORDS).synonyms
    assert "flooding" in expand(["Überschwemmung"], WORDS).synonyms
    # Synonyms of more than one word are phrases, never their words one by one.
    expansion = expand(["waste"], WORDS)
    assert "solid waste management" in expansion.phrases
    assert "management" not in expansion.words + expansion.synonyms


def test_a_misspelt_word_is_read_as_the_nearest_indexed_word():
    expansion = expand(["compostng"], WORDS)
    assert expansion.corrections == {"compostng": "composting"}
    assert "composting" in expansion.words
    # A word whose stem is indexed is searched by its family and still corrected.
    expansion = expand(["wast", "managment"], WORDS)
    assert "waste" in expansion.words and "management" in expansion.words
    assert corrected_text(["wast", "managment"], expansion.corrections) == "waste management"


def test_short_and_distant_words_are_left_alone():
    assert expand(["lex"], WORDS).corrections == {}  # three letters: no correction
    assert expand(["xylophone"], WORDS).corrections == {}  # nothing near it
    assert expand(["heat"], WORDS).corrections == {}  # an indexed word


# --- On the database ---------------------------------------------------------------


@pytest.mark.django_db
def test_the_singular_finds_the_plural_and_a_german_word_the_english_practice(practices):
    backend = DatabaseSearchBackend()
    assert [hit.title for hit in backend.search(SearchQuery(text="cooperative")).hits] == [
        COMPOSTING
    ]
    found = [hit.title for hit in backend.search(SearchQuery(text="Abfall")).hits]
    assert COMPOSTING in found


@pytest.mark.django_db
def test_a_misspelling_finds_the_practice_and_offers_the_correction(practices):
    results = DatabaseSearchBackend().search(SearchQuery(text="compostng"))
    assert [hit.title for hit in results.hits] == [COMPOSTING]
    # A word, never an English stem such as "compost" from PostgreSQL's vectors.
    assert results.suggestion == "composting"
    assert DatabaseSearchBackend().search(SearchQuery(text="composting")).suggestion is None


@pytest.mark.django_db
def test_a_correction_never_names_a_word_only_members_may_read(practices):
    restricted = PracticeFactory(
        title="Seaweed fertiliser from the harbour",
        summary="Zanzibarite seaweed is dried and sold to farmers.",
        city="Kumasi",
        country="GH",
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    forget_vocabulary()
    backend = DatabaseSearchBackend()
    visitor = backend.search(SearchQuery(text="zanzibarrite seaweed"))
    assert visitor.total == 0 and visitor.suggestion is None
    # With something public around it, the private word is still not offered.
    mixed = backend.search(SearchQuery(text="composting zanzibarrite"))
    assert [hit.title for hit in mixed.hits] == [COMPOSTING]
    assert mixed.suggestion is None


@pytest.mark.django_db
def test_publishing_has_a_task_read_the_new_words(practices, django_capture_on_commit_callbacks):
    backend = DatabaseSearchBackend()
    assert backend.search(SearchQuery(text="vermicompostng")).suggestion is None
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for city in ("Kumasi", "Tamale"):
            PracticeFactory(
                title=f"Vermicomposting in {city}",
                summary="Worms turn market waste into fertiliser.",
                city=city,
                country="GH",
            )
    assert len(callbacks) >= 2
    # The task read the words after the commit: the search reads nothing itself.
    assert refresh_vocabulary() is False
    results = backend.search(SearchQuery(text="vermicompostng"))
    assert results.suggestion == "vermicomposting"
    assert len(results.hits) == 2
