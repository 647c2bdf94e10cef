"""The snippets under a hit, on the engine and in the database fallback alike: passages
of whole words, none shown twice (an outcome's summary is the start of its results)."""

import pytest
from wagtail.models import Page

from search import indexing
from search.backends import get_backend
from search.backends.database import DatabaseSearchBackend
from search.queries import SearchQuery
from search.serializers import document_for
from search.snippets import plain
from tests.factories import LearningProcessFactory, OutcomeFactory, PracticeFactory
from tests.search.test_engine_node import engine_index  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

RESULTS = (
    "<p>Nairobi ran its first innovation challenge on waste-to-value, and Surabaya linked "
    "its start-up programme to its network of neighbourhood waste banks. Dortmund opened "
    "its incubator to founders from the partner cities for a month each year.</p>"
    "<p>The partners agreed to meet again online to compare how the waste banks fared.</p>"
)
CHALLENGE = (
    "<p>The municipal streams had been buried under avenues since the 1970s. Streams that "
    "had been buried under avenues flooded regularly during the rainy season, and the "
    "culverts were expensive to maintain. Families living on the banks were affected every "
    "year, and the sewage company could not keep the culverts clear of silt.</p>"
)


@pytest.fixture
def pages(db):
    process = LearningProcessFactory(title="Municipal support for green start-ups")
    outcome = OutcomeFactory(parent=process, title="Outcomes: green start-ups", results=RESULTS)
    practice = PracticeFactory(
        title="Reopening buried streams as linear parks",
        summary="Instead of channelling streams into concrete culverts, the city reopened them.",
        challenge=CHALLENGE,
        city="Belo Horizonte",
        country="BR",
    )
    return {"outcome": outcome, "practice": practice}


def assert_whole_word_passages(hit, page) -> None:
    doc = document_for(page.specific)
    sources = [" ".join(doc["summary"].split()), " ".join(doc["text"].split())]
    shown = [plain(fragment) for fragment in hit.highlights]
    assert shown, "the hit has snippets"
    assert len({s.casefold() for s in shown}) == len(shown), shown
    for passage in shown:
        source = next((s for s in sources if passage in s), None)
        assert source is not None, f"{passage!r} is not a passage of the page"
        start = source.index(passage)
        end = start + len(passage)
        assert start == 0 or not (source[start - 1].isalnum() and source[start].isalnum())
        assert end == len(source) or not (source[end - 1].isalnum() and source[end].isalnum())
    assert all("<mark>" in fragment for fragment in hit.highlights)


def check_snippets(search) -> None:
    waste = search(SearchQuery(text="waste", filters={"content_type": ("outcome",)}))
    [outcome] = waste.hits
    assert_whole_word_passages(outcome, pages_by_title(outcome.title))
    culverts = search(SearchQuery(text="culverts"))
    [practice] = culverts.hits
    assert_whole_word_passages(practice, pages_by_title(practice.title))


def pages_by_title(title: str) -> Page:
    return Page.objects.get(title=title)


def test_database_fallback_snippets_are_whole_words_and_never_repeat(pages):
    check_snippets(DatabaseSearchBackend().search)


@pytest.mark.search_engine
def test_engine_snippets_are_whole_words_and_never_repeat(pages, engine_index):  # noqa: F811
    assert indexing.drain_outbox(refresh=True).failed == 0
    check_snippets(get_backend().search)
