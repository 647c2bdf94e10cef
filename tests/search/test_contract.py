"""Contract: elasticsearch.dsl and opensearch-py's DSL send the same bodies.

No Elasticsearch node can run here, so this keeps the Elasticsearch path
honest: index definitions and queries are written once and must serialise
identically through both DSL modules.
"""

from search.documents import practice_document, practice_query
from search.engine import dsl_module

INDEX = "cc-contract-practices"


def both(build):
    return build(dsl_module("elasticsearch")), build(dsl_module("opensearch"))


def test_both_dsls_build_the_same_index_definition():
    es, os_ = both(lambda dsl: practice_document(dsl, INDEX)._index.to_dict())
    assert es == os_
    assert es["settings"]["analysis"]["analyzer"]["cc_english"]["filter"][:2] == [
        "lowercase",
        "asciifolding",
    ]
    assert es["mappings"]["properties"]["title"]["analyzer"] == "cc_english"


def test_both_dsls_build_the_same_search_body():
    es, os_ = both(lambda dsl: practice_query(dsl, INDEX, "waste composting", size=5).to_dict())
    assert es == os_
    assert es["query"]["multi_match"]["fields"] == ["title^3", "summary^2", "body"]
    assert es["size"] == 5
    assert set(es["aggs"]) == {"topic_field", "country"}


def test_both_dsls_build_the_same_document_body():
    values = {"title": "Composting", "tags": ["waste"], "year": 2025}
    es, os_ = both(lambda dsl: practice_document(dsl, INDEX)(**values).to_dict())
    assert es == os_ == values


def test_clients_are_the_official_ones_for_each_engine():
    from elasticsearch import Elasticsearch
    from opensearchpy import OpenSearch

    from search.engine import new_client

    assert isinstance(new_client("elasticsearch", "http://127.0.0.1:9200"), Elasticsearch)
    assert isinstance(new_client("opensearch", "http://127.0.0.1:9200"), OpenSearch)
