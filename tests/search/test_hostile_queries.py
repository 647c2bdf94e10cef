"""Whatever someone types into search, or puts into its URL, gets an answer: results,
an empty list or a 400 with a message. Never a 500.

Each test runs against every backend a pass has: the database backend on the pass's
own database (SQLite in the embedded pass; PostgreSQL in the full-stack pass, where
those runs carry the `postgres` marker) and the search engine (`search_engine`,
full-stack pass only). The pages and, for the engine, the index are built once per
module; every test runs in a savepoint inside.
"""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from search.queries import MAX_QUERY_LENGTH, SearchQuery
from search.service import run_search, run_suggest
from tests.search.conftest import make_practices

pytestmark = pytest.mark.django_db

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
BACKENDS = [
    pytest.param(
        "database",
        id="postgres" if ON_POSTGRES else "sqlite",
        marks=[pytest.mark.postgres] if ON_POSTGRES else [],
    ),
    pytest.param("engine", id="engine", marks=[pytest.mark.search_engine]),
]
COMPOSTING = "Composting market waste with women's cooperatives"
HOSTILE_TITLE = 'Rain "barrels AND OR NOT ( title:* for schools'


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The search test practices and one whose title is itself hostile text."""
    from tests.factories import PracticeFactory

    with django_db_blocker.unblock(), transaction.atomic():
        practices = make_practices()
        practices.append(
            PracticeFactory(
                title=HOSTILE_TITLE,
                slug="hostile-title",
                summary="Rain barrels collect water for school gardens.",
                city="Accra",
                country="GH",
            )
        )
        yield practices
        transaction.set_rollback(True)


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request, corpus, django_db_blocker):
    """ "database" or "engine"; for the engine, the corpus is indexed once."""
    if request.param == "engine":
        from search import indexing
        from tests.search.test_engine_node import drop_indices

        with django_db_blocker.unblock():
            drop_indices()
            indexing.ensure_index()
            assert indexing.drain_outbox(refresh=True).failed == 0
        yield "engine"
        drop_indices()
    else:
        yield "database"


@pytest.fixture(autouse=True)
def _search_engine_setting(backend, settings):
    """Set per test, so it is undone before the next test's check for an engine."""
    if backend == "database":
        settings.SEARCH_ENGINE = "database"


def get(client: Client, path: str, params: dict | list) -> "HttpResponse":  # noqa: F821
    """A GET whose query string is sent byte for byte (a lone surrogate becomes the
    invalid UTF-8 a browser could send, which Django decodes as U+FFFD)."""
    items = params.items() if isinstance(params, dict) else params
    encoded = [(k, v.encode("utf-8", "surrogatepass")) for k, v in items]
    return client.get(f"{path}?{urlencode(encoded)}")


# What people (and scanners) type. The second value: the answer of /api/search/ and
# /search/; the third: the answer of the type-ahead.
TOO_LONG = "w" * 2000
HOSTILE_TEXTS = [
    ('"', 200, 200),
    ('water "quoted', 200, 200),
    ('"water supply"', 200, 200),
    ('""', 200, 200),
    ('"*"', 200, 200),
    ("title:*", 200, 200),
    ("AND OR NOT (", 200, 200),
    ("NOT", 200, 200),
    ("*", 200, 200),
    ("-", 200, 200),
    ("()", 200, 200),
    ("+composting -waste", 200, 200),
    ("composting~2 waste^3", 200, 200),
    ("title:composting OR summary:[a TO z]", 200, 200),
    ("/regex.*/", 200, 200),
    ("a:b & c | !d <-> e", 200, 200),
    ("'':*", 200, 200),
    ("'; DROP TABLE search; --", 200, 200),
    ("%s %(x)s {} {{ q }}", 200, 200),
    ("\\", 200, 200),
    ("_ %", 200, 200),
    ("<script>alert(1)</script>", 200, 200),
    ("a\x00b", 400, 400),
    ("\x00", 400, 400),
    ("water\x1b[31m\x7f", 200, 200),
    ("\ud800 waste \udfff", 200, 200),
    ("e\u0301 \u200b\ufeff\u202e", 200, 200),
    ("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 ﷺ İstanbul ß हिन्दी", 200, 200),
    ("   ", 200, 200),
    ("\t\n\u3000", 200, 200),
    ("!?.,;:-", 200, 200),
    ("waste " * 33, 200, 400),
    ("waste-" * 30, 200, 400),
    ("waste heat participation mobility", 200, 200),
    (" ".join(f"x{n}" for n in range(50)), 200, 400),
    ("waste " * 40, 400, 400),
    (TOO_LONG, 400, 400),
]
TEXT_IDS = [repr(text)[:30] for text, _, _ in HOSTILE_TEXTS]


@pytest.mark.parametrize(("text", "status", "_"), HOSTILE_TEXTS, ids=TEXT_IDS)
def test_search_api_answers_any_text_without_an_error(backend, client, text, status, _):
    response = get(client, "/api/search/", {"q": text})
    assert response.status_code == status
    body = response.json()
    if status == 400:
        assert body["error"] == "invalid request"
        assert body["fields"]["q"]  # the message says what is wrong with the text
    else:
        assert isinstance(body["total"], int) and isinstance(body["results"], list)
        assert body["degraded"] is False  # the engine itself answered


@pytest.mark.parametrize(("text", "status", "_"), HOSTILE_TEXTS, ids=TEXT_IDS)
def test_search_page_answers_any_text_and_keeps_what_was_typed(backend, client, text, status, _):
    response = get(client, "/search/", {"q": text})
    assert response.status_code == status
    html = response.content.decode()
    assert "Reduced search" not in html
    if status == 400:
        assert "Some of the search settings are not valid" in html
    else:
        assert 'id="results-heading"' in html
    if text == TOO_LONG:
        assert f'value="{TOO_LONG}"' in html  # what was typed is kept, to shorten it


@pytest.mark.parametrize(("text", "_", "status"), HOSTILE_TEXTS, ids=TEXT_IDS)
def test_type_ahead_answers_any_text_without_an_error(backend, client, text, _, status):
    response = get(client, "/api/search/suggest/", {"q": text})
    assert response.status_code == status
    body = response.json()
    if status == 400:
        assert body["error"]
    else:
        assert isinstance(body["suggestions"], list)


@pytest.mark.parametrize(
    "text",
    ['composting "', '"composting', '"composting market"', "composting AND (", "*composting*"],
)
def test_words_around_stray_syntax_are_still_found(backend, client, text):
    body = get(client, "/api/search/", {"q": text}).json()
    assert COMPOSTING in [result["title"] for result in body["results"]]


def test_type_ahead_completes_a_title_that_holds_a_quote(backend, client):
    body = get(client, "/api/search/suggest/", {"q": 'Rain "barr'}).json()
    assert HOSTILE_TITLE in [s["title"] for s in body["suggestions"]]


def test_practice_with_a_hostile_title_shows_its_page_and_similar_practices(
    backend, client, corpus
):
    response = client.get(corpus[-1].url)
    assert response.status_code == 200
    assert client.get(corpus[0].url).status_code == 200


# Every other parameter: (query string, status). A value that cannot be a facet
# value filters to nothing; a page or sort that cannot be read is refused.
PARAMETERS = [
    ([("page", "abc")], 400),
    ([("page", "99999999999999999999")], 400),
    ([("page", "-1")], 400),
    ([("page", "0")], 400),
    ([("page", "1.5")], 400),
    ([("page", "²")], 400),
    ([("page", "")], 200),
    ([("page", "500")], 200),
    ([("page_size", "0")], 400),
    ([("page_size", "51")], 400),
    ([("page_size", "abc")], 400),
    ([("page", "201"), ("page_size", "50")], 400),  # past the 10,000 results one can page
    ([("size", "100000")], 200),
    ([("sort", "random")], 400),
    ([("sort", "")], 200),
    ([("sort", "date"), ("sort", "relevance")], 200),
    ([("q", "composting"), ("q", '"')], 200),
    ([("sdgs", "abc")], 200),
    ([("sdgs", "²")], 200),
    ([("sdgs", "-1"), ("sdgs", "99999999999999999999")], 200),
    ([("year", "99999999999999999999")], 200),
    ([("year", "٢٠٢٥")], 200),
    ([("year", "2025\x00")], 200),
    ([("country", "\x00")], 200),
    ([("country", '"')], 200),
    ([("region", "moon"), ("content_type", "spaceship")], 200),
    ([("tags", "x" * 5000)], 200),
    ([("tags", str(n)) for n in range(200)], 200),
    ([("topic_field", "\ud800")], 200),
    ([("q", "composting"), ("unknown", "1"), ("q[]", "x"), ("format", "xml")], 200),
]
PARAMETER_IDS = ["&".join(f"{k}={v!r}"[:20] for k, v in params)[:40] for params, _ in PARAMETERS]


@pytest.mark.parametrize(("params", "status"), PARAMETERS, ids=PARAMETER_IDS)
def test_search_api_and_page_answer_any_parameter_without_an_error(backend, client, params, status):
    api = get(client, "/api/search/", params)
    assert api.status_code == status
    body = api.json()
    if status == 400:
        assert body["error"] == "invalid request" and body["fields"]
    else:
        assert body["degraded"] is False
    page = get(client, "/search/", params)
    assert page.status_code == status
    assert "Reduced search" not in page.content.decode()


def test_a_filter_repeated_many_times_gives_a_page_of_ordinary_size(backend, client):
    """Links carry the filters the search applied (20 values a facet at most), not
    every value the URL repeated: 900 values once made a 13 MB page."""
    response = get(client, "/search/", [("tags", str(n)) for n in range(900)])
    assert response.status_code == 200
    assert len(response.content) < 300_000


def test_a_page_past_the_last_result_window_is_refused_with_a_message(backend, client):
    body = get(client, "/api/search/", {"page": "201", "page_size": "50"}).json()
    assert "10,000" in str(body["fields"]["page"]) or "10000" in str(body["fields"]["page"])


@pytest.mark.parametrize("params", [[("sdgs", "abc")], [("year", "99999999999999999999")]])
def test_a_facet_value_of_the_wrong_type_matches_nothing(backend, client, params):
    body = get(client, "/api/search/", params).json()
    assert body["total"] == 0


def test_too_long_query_is_refused_with_the_limit_in_the_message(backend, client):
    body = get(client, "/api/search/", {"q": TOO_LONG}).json()
    assert str(MAX_QUERY_LENGTH) in body["fields"]["q"][0]


# --- properties ---------------------------------------------------------------------

# Any character, surrogates included, mixed with the pieces of query syntax that
# the engines and the databases give a meaning to.
SYNTAX = [
    '"', "'", "*", ":", "(", ")", "-", "+", "~", "^", "!", "&", "|", "<->", "\\", "/", "%",
    "_", "AND", "OR", "NOT", "NEAR", "title:", "\x00", "\ud800", "\udfff", " ", "\n",
]  # fmt: skip
hostile_text = st.lists(
    st.one_of(st.text(st.characters(exclude_categories=()), max_size=12), st.sampled_from(SYNTAX)),
    max_size=12,
).map("".join)
PARAMETER_NAMES = [
    "q", "page", "page_size", "sort", "size", "content_type", "topic_field", "sdgs", "country",
    "region", "tags", "year",
]  # fmt: skip


def test_search_service_never_raises_on_any_text(backend):
    @hypothesis_settings(
        max_examples=40 if backend == "engine" else 200,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(text=hostile_text, prefix=hostile_text)
    def check(text: str, prefix: str) -> None:
        results = run_search(SearchQuery(text=text))
        assert results.total >= 0
        assert results.degraded is False
        assert isinstance(run_suggest(prefix), list)

    check()


def test_search_endpoints_never_answer_500(backend):
    client = Client()

    @hypothesis_settings(
        max_examples=25 if backend == "engine" else 60,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        path=st.sampled_from(["/api/search/", "/search/", "/api/search/suggest/"]),
        params=st.lists(st.tuples(st.sampled_from(PARAMETER_NAMES), hostile_text), max_size=5),
    )
    def check(path: str, params: list[tuple[str, str]]) -> None:
        # The test client raises what a view raised, so an error fails here with its
        # traceback rather than as a bare 500.
        response = get(client, path, params)
        assert response.status_code in (200, 400)
        assert b"Reduced search" not in response.content
        if path == "/api/search/" and response.status_code == 200:
            assert response.json()["degraded"] is False

    check()
