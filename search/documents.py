"""Search documents, written once against the elasticsearch-dsl API.

Each builder takes a DSL module (see engine.dsl_module) and returns the
Document class for it, so the same definition serves Elasticsearch and
OpenSearch and can be compared in contract tests.
"""

from types import ModuleType
from typing import Any


def english_analyzer(dsl: ModuleType) -> Any:
    """English text with accent folding: "Kompostierung" and "compostage" fold alike."""
    return dsl.analyzer(
        "cc_english",
        tokenizer="standard",
        filter=[
            "lowercase",
            "asciifolding",
            dsl.token_filter("cc_english_stop", type="stop", stopwords="_english_"),
            dsl.token_filter("cc_english_stemmer", type="stemmer", language="english"),
        ],
    )


def practice_document(dsl: ModuleType, index: str) -> type:
    """A shared practice: how one city solved a municipal challenge."""
    english = english_analyzer(dsl)

    class PracticeDocument(dsl.Document):
        title = dsl.Text(analyzer=english, fields={"raw": dsl.Keyword()})
        summary = dsl.Text(analyzer=english)
        body = dsl.Text(analyzer=english)
        topic_field = dsl.Keyword()
        tags = dsl.Keyword(multi=True)
        city = dsl.Keyword()
        country = dsl.Keyword()
        year = dsl.Integer()
        url = dsl.Keyword(index=False)
        published_at = dsl.Date()

        class Index:
            name = index
            settings = {"number_of_shards": 1, "number_of_replicas": 0}

    return PracticeDocument


def practice_query(dsl: ModuleType, index: str, text: str, size: int = 10) -> Any:
    """Full-text search over practices, titles weighted above bodies."""
    search = dsl.Search(index=index)
    if text:
        search = search.query(
            "multi_match", query=text, fields=["title^3", "summary^2", "body"], type="best_fields"
        )
    search = search.highlight("title", "summary", "body", fragment_size=160)
    search.aggs.bucket("topic_field", "terms", field="topic_field", size=10)
    search.aggs.bucket("country", "terms", field="country", size=50)
    # Explicit from/size: the two DSLs serialise slices differently.
    return search.extra(from_=0, size=size)
