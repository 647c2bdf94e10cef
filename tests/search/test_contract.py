"""Contract: elasticsearch.dsl and opensearch-py's DSL send the same bodies.

No Elasticsearch node can run here, so this keeps the Elasticsearch path
honest: index definitions and queries are written once and must serialise
identically through both DSL modules.
"""

from search.documents import content_document, synonyms
from search.engine import dsl_module
from search.queries import SearchQuery, build_search, build_suggest

INDEX = "cc-contract-content"


def both(build):
    return build(dsl_module("elasticsearch")), build(dsl_module("opensearch"))


def test_both_dsls_build_the_same_index_definition():
    es, os_ = both(lambda dsl: content_document(dsl, INDEX)._index.to_dict())
    assert es == os_
    analysis = es["settings"]["analysis"]
    assert analysis["analyzer"]["cc_english"]["filter"][1:3] == ["lowercase", "asciifolding"]
    assert "cc_synonyms" in analysis["analyzer"]["cc_english_search"]["filter"]
    assert "cc_synonyms" not in analysis["analyzer"]["cc_english"]["filter"]
    title = es["mappings"]["properties"]["title"]
    assert title["analyzer"] == "cc_english"
    assert set(title["fields"]) >= {"german", "french", "spanish", "portuguese", "raw", "suggest"}
    assert title["fields"]["suggest"]["type"] == "search_as_you_type"


def test_synonyms_come_from_the_data_file():
    es, _ = both(lambda dsl: content_document(dsl, INDEX)._index.to_dict())
    configured = es["settings"]["analysis"]["filter"]["cc_synonyms"]["synonyms"]
    assert configured == list(synonyms())
    assert any(line.startswith("waste,") and "garbage" in line for line in configured)


def test_both_dsls_build_the_same_search_body():
    query = SearchQuery(
        text="waste composting",
        filters={"country": ("GH", "KE"), "topic_field": ("Municipal services",)},
        sort="relevance",
        page=2,
        page_size=5,
        visibility=("public", "space:7"),
    )
    es, os_ = both(lambda dsl: build_search(dsl, INDEX, query).to_dict())
    assert es == os_
    assert es["from"] == 5 and es["size"] == 5
    assert es["query"]["bool"]["filter"] == [{"terms": {"visibility": ["public", "space:7"]}}]
    # Multi-select facets: the country facet counts ignore the country filter.
    country_filters = es["aggs"]["country"]["filter"]["bool"]["filter"]
    assert country_filters == [{"terms": {"topic_field": ["Municipal services"]}}]
    assert "post_filter" in es
    collate = es["suggest"]["did_you_mean"]["phrase"]["collate"]["query"]["source"]
    assert collate["bool"]["filter"] == {"terms": {"visibility": ["public", "space:7"]}}


def test_both_dsls_build_the_same_browse_and_suggest_bodies():
    es, os_ = both(lambda dsl: build_search(dsl, INDEX, SearchQuery()).to_dict())
    assert es == os_
    assert "suggest" not in es and "highlight" not in es
    es, os_ = both(lambda dsl: build_suggest(dsl, INDEX, "compo", ("public",)).to_dict())
    assert es == os_
    assert es["query"]["bool"]["must"][0]["multi_match"]["type"] == "bool_prefix"


def test_clients_are_the_official_ones_for_each_engine():
    from elasticsearch import Elasticsearch
    from opensearchpy import OpenSearch

    from search.engine import new_client

    assert isinstance(new_client("elasticsearch", "http://127.0.0.1:9200"), Elasticsearch)
    assert isinstance(new_client("opensearch", "http://127.0.0.1:9200"), OpenSearch)
