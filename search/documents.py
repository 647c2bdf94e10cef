"""Search documents, written once against the elasticsearch-dsl API.

Each builder takes a DSL module (see engine.dsl_module) so the same definition
serves Elasticsearch and OpenSearch and can be compared in contract tests.
Everything searchable lives in one index (alias `<prefix>-content`), one
document per page, with a `content_type` field for the facet.
"""

from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, NotRequired, TypedDict

SYNONYMS_FILE = Path(__file__).resolve().parent / "data" / "synonyms.txt"
LANGUAGES = ("german", "french", "spanish", "portuguese")
LANGUAGE_CODES = {"de": "german", "fr": "french", "es": "spanish", "pt": "portuguese"}
STEM_EXCLUSIONS = ["heating", "heated", "heater", "heaters", "mobile"]
# The analyser the index is written with: English, without the query-time synonyms.
INDEX_ANALYZER = "cc_english"


@cache
def synonyms() -> tuple[str, ...]:
    lines = SYNONYMS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def analyzers(dsl: ModuleType) -> dict[str, Any]:
    """English with stemming and accent folding; synonyms only at query time."""
    stop = dsl.token_filter("cc_english_stop", type="stop", stopwords="_english_")
    stemmer = dsl.token_filter("cc_english_stemmer", type="stemmer", language="english")
    possessive = dsl.token_filter(
        "cc_english_possessive", type="stemmer", language="possessive_english"
    )
    synonym = dsl.token_filter("cc_synonyms", type="synonym_graph", synonyms=list(synonyms()))
    # The English stemmer folds "heating" into "heat" and "mobile" into "mobility";
    # in municipal texts those are different topics.
    keep = dsl.token_filter("cc_stem_exclusions", type="keyword_marker", keywords=STEM_EXCLUSIONS)
    base = ["lowercase", "asciifolding"]
    return {
        "index": dsl.analyzer(
            INDEX_ANALYZER, tokenizer="standard", filter=[possessive, *base, stop, keep, stemmer]
        ),
        "search": dsl.analyzer(
            "cc_english_search",
            tokenizer="standard",
            filter=[possessive, *base, synonym, stop, keep, stemmer],
        ),
        "shingle": dsl.analyzer(
            "cc_shingle",
            tokenizer="standard",
            filter=[
                "lowercase",
                "asciifolding",
                dsl.token_filter("cc_shingle_filter", type="shingle", max_shingle_size=3),
            ],
        ),
    }


def _text(dsl: ModuleType, analysis: dict[str, Any], **extra: Any) -> Any:
    fields = {lang: dsl.Text(analyzer=lang) for lang in LANGUAGES}
    fields.update(extra.pop("fields", {}))
    return dsl.Text(
        analyzer=analysis["index"], search_analyzer=analysis["search"], fields=fields, **extra
    )


def content_document(dsl: ModuleType, index: str) -> type[Any]:
    """One searchable page: practice, outcome, learning process (threads later)."""
    analysis = analyzers(dsl)
    # The engine's DSL module is chosen at run time, so its Document base is untyped.
    document: Any = dsl.Document

    class ContentDocument(document):
        content_type = dsl.Keyword()
        title = _text(
            dsl,
            analysis,
            fields={
                "raw": dsl.Keyword(),
                "suggest": dsl.SearchAsYouType(analyzer="simple"),
            },
        )
        summary = _text(dsl, analysis)
        text = _text(dsl, analysis, fields={"shingle": dsl.Text(analyzer=analysis["shingle"])})
        language = dsl.Keyword()
        topic_field = dsl.Keyword()
        sdgs = dsl.Integer(multi=True)
        # Keywords for the facets, with a text sub-field so "Kumasi" or "mobility" match.
        tags = dsl.Keyword(multi=True, fields={"text": dsl.Text(analyzer=analysis["index"])})
        city = dsl.Keyword(fields={"text": dsl.Text(analyzer=analysis["index"])})
        country = dsl.Keyword()
        region = dsl.Keyword()
        population_band = dsl.Keyword()
        year = dsl.Integer()
        learning_process = dsl.Keyword()
        learning_process_title = dsl.Text(analyzer=analysis["index"])
        url = dsl.Keyword(index=False)
        published_at = dsl.Date()
        # "public", or "space:<id>" for members-only content of one space.
        visibility = dsl.Keyword()
        # The page revision indexed, so `search_index --check` can spot stale documents.
        revision = dsl.Integer()

        class Index:
            name = index
            settings = {"number_of_shards": 1, "number_of_replicas": 0}

    return ContentDocument


class FacetSpec(TypedDict):
    field: str
    size: int
    # An Integer field in the index; a value that cannot be one matches nothing.
    integer: NotRequired[bool]


FACETS: dict[str, FacetSpec] = {
    "content_type": {"field": "content_type", "size": 10},
    "topic_field": {"field": "topic_field", "size": 10},
    "sdgs": {"field": "sdgs", "size": 17, "integer": True},
    "country": {"field": "country", "size": 60},
    "region": {"field": "region", "size": 3},
    "tags": {"field": "tags", "size": 30},
    "year": {"field": "year", "size": 20, "integer": True},
    # Practices only: a practice's city size (PracticePage.population_band).
    "population_band": {"field": "population_band", "size": 5},
}
# Typo-tolerant matching runs on these only: fuzzy expansion over the language
# sub-fields too doubled the engine's p95 at 100,000 documents (bench/search_latency.py).
BASE_SEARCH_FIELDS = [
    "title^4",
    "summary^2",
    "text",
    "learning_process_title",
    "city.text^3",
    "tags.text^2",
]
SEARCH_FIELDS = [
    *BASE_SEARCH_FIELDS,
    "title.german^2",
    "title.french^2",
    "title.spanish^2",
    "title.portuguese^2",
    "summary.german",
    "summary.french",
    "summary.spanish",
    "summary.portuguese",
    "text.german",
    "text.french",
    "text.spanish",
    "text.portuguese",
]
