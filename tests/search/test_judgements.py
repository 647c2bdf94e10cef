"""The judged query set is well-formed, and the relevance metrics compute what they should.

No database: the judged pages are checked against the demo data module itself.
"""

import importlib
import json
import math
from pathlib import Path

import pytest

from demo.pages import PRACTICES, PROCESSES
from learning_processes.countries import region_of
from search.documents import FACETS
from search.metrics import (
    dcg,
    mean,
    ndcg_at_k,
    precision_at_k,
    recall_at_k,
    reciprocal_rank,
)

JUDGEMENTS = Path(__file__).resolve().parent.parent / "data" / "search_judgements.json"
KINDS = {
    "single_word",
    "phrase",
    "synonym",
    "misspelling",
    "german",
    "place",
    "question",
    "filtered",
}


def _topic_names() -> dict[str, str]:
    migration = importlib.import_module("learning_processes.migrations.0002_seed_topic_fields")
    return {slug: name for slug, name, _ in migration.TOPIC_FIELDS}


def _facet_values() -> dict[str, dict[str, set[str]]]:
    """Judgement key → facet → values, as the serializers would index the demo pages."""
    topics = _topic_names()
    pages: dict[str, dict[str, set[str]]] = {}
    for practice in PRACTICES:
        pages[practice["slug"]] = {
            "content_type": {"practice"},
            "topic_field": {topics[practice["topic"]]},
            "country": {practice["country"]},
            "region": {region_of(practice["country"])},
            "tags": set(practice["tags"]),
            "sdgs": {str(n) for n in practice["sdgs"]},
        }
    for process in PROCESSES:
        countries = {country for _, country, *_where in process["partners"]}
        common = {
            "topic_field": {topics[process["topic"]]},
            "tags": set(process["tags"]),
            "sdgs": {str(n) for n in process["sdgs"]},
        }
        pages[process["slug"]] = {
            **common,
            "content_type": {"learning_process"},
            "country": {"DE", *countries},
            "region": {"germany", *(region_of(code) for code in countries)},
        }
        if process.get("outcome"):
            pages[f"{process['slug']}/outcomes"] = {
                **common,
                "content_type": {"outcome"},
                "country": {"DE"},
                "region": {"germany"},
            }
    return pages


@pytest.fixture(scope="module")
def judged() -> dict:
    return json.loads(JUDGEMENTS.read_text(encoding="utf-8"))


def test_the_file_describes_its_grading_scale(judged):
    assert "perfect" in judged["description"]
    assert set(judged["grades"]) == {"1", "2", "3"}


def test_at_least_25_distinct_queries_with_a_note_each(judged):
    queries = judged["queries"]
    assert len(queries) >= 25
    assert len({q["id"] for q in queries}) == len(queries)
    assert len({(q["query"].lower(), json.dumps(q.get("filters"))) for q in queries}) == len(
        queries
    )
    for query in queries:
        assert query["query"].strip(), query["id"]
        assert query["note"].strip(), query["id"]
        assert query["kind"] in KINDS, query["id"]


def test_every_kind_of_query_is_represented(judged):
    assert {q["kind"] for q in judged["queries"]} == KINDS


def test_grades_are_1_to_3_and_each_query_has_a_relevant_page(judged):
    for query in judged["queries"]:
        grades = query["judgements"].values()
        assert grades, query["id"]
        assert all(type(g) is int and 1 <= g <= 3 for g in grades), query["id"]
        assert max(grades) >= 2, query["id"]


def test_every_judged_page_exists_in_the_demo_content(judged):
    keys = set(_facet_values())
    # Practice and process slugs must not collide, or a judgement would be ambiguous.
    assert len(keys) == len(PRACTICES) + len(PROCESSES) + sum(
        1 for p in PROCESSES if p.get("outcome")
    )
    for query in judged["queries"]:
        unknown = set(query["judgements"]) - keys
        assert not unknown, f"{query['id']}: {sorted(unknown)}"


def test_filters_name_facets_and_every_judged_page_passes_them(judged):
    pages = _facet_values()
    filtered = [q for q in judged["queries"] if q.get("filters")]
    assert filtered
    for query in filtered:
        assert query["kind"] == "filtered", query["id"]
        for name, values in query["filters"].items():
            assert name in FACETS, query["id"]
            assert values, query["id"]
            assert all(isinstance(v, str) for v in values), query["id"]
            for key in query["judgements"]:
                assert pages[key][name] & set(values), f"{query['id']}: {key} fails {name}"


# --- the metrics, on examples worked out by hand ------------------------------------

JUDGED = {"a": 3, "b": 2, "c": 1}


def test_dcg_uses_exponential_gain_and_a_log2_discount():
    # (2^3-1)/log2(2) + (2^0-1)/log2(3) + (2^2-1)/log2(4) = 7 + 0 + 3/2
    assert dcg([3, 0, 2]) == pytest.approx(8.5)
    assert dcg([3, 0, 2], k=1) == pytest.approx(7.0)
    assert dcg([]) == 0.0


def test_ndcg_of_a_hand_computed_ranking():
    # Returned b, x, a: DCG = 3/log2(2) + 0 + 7/log2(4) = 6.5
    # Ideal a, b, c:    IDCG = 7 + 3/log2(3) + 1/log2(4) = 9.39279...
    expected = 6.5 / (7 + 3 / math.log2(3) + 0.5)
    assert expected == pytest.approx(0.69202, abs=1e-5)
    assert ndcg_at_k(["b", "x", "a"], JUDGED) == pytest.approx(expected)


def test_ndcg_bounds_cutoff_and_repeats():
    assert ndcg_at_k(["a", "b", "c"], JUDGED) == pytest.approx(1.0)
    assert ndcg_at_k(["a", "b", "c", "x"], JUDGED) == pytest.approx(1.0)
    assert ndcg_at_k([], JUDGED) == 0.0
    assert ndcg_at_k(["x", "y"], JUDGED) == 0.0
    assert ndcg_at_k(["a"], {}) == 0.0
    # Only the first k count, against an ideal also cut at k: x, a → 7/log2(3) / 7.
    assert ndcg_at_k(["x", "a", "b"], JUDGED, k=2) == pytest.approx(
        (7 / math.log2(3)) / (7 + 3 / math.log2(3))
    )
    # A repeated document is counted once.
    assert ndcg_at_k(["a", "a", "b"], JUDGED) == ndcg_at_k(["a", "b"], JUDGED)


def test_reciprocal_rank_and_its_grade_threshold():
    assert reciprocal_rank(["b", "x", "a"], JUDGED) == 1.0
    assert reciprocal_rank(["x", "c", "a"], JUDGED) == 0.5
    assert reciprocal_rank(["x", "c", "a"], JUDGED, min_grade=2) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x", "c", "a"], JUDGED, min_grade=3) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x", "y"], JUDGED) == 0.0
    assert reciprocal_rank(["x", "y", "a"], JUDGED, k=2) == 0.0


def test_mean_reciprocal_rank():
    ranks = [
        reciprocal_rank(["a"], JUDGED),
        reciprocal_rank(["x", "b"], JUDGED),
        reciprocal_rank(["x"], JUDGED),
    ]
    assert mean(ranks) == pytest.approx(0.5)
    assert mean([]) == 0.0


def test_precision_at_k_counts_empty_places_as_misses():
    assert precision_at_k(["a", "x", "c"], JUDGED, k=3) == pytest.approx(2 / 3)
    assert precision_at_k(["a"], JUDGED, k=3) == pytest.approx(1 / 3)
    assert precision_at_k(["a", "a", "b"], JUDGED, k=3) == pytest.approx(2 / 3)
    assert precision_at_k(["x", "c", "a"], JUDGED, k=3, min_grade=2) == pytest.approx(1 / 3)
    assert precision_at_k([], JUDGED, k=3) == 0.0


def test_recall_at_k_is_the_share_of_judged_results_found():
    assert recall_at_k(["a", "x", "c"], JUDGED, k=3) == pytest.approx(2 / 3)
    assert recall_at_k(["x", "y", "z", "a"], JUDGED, k=3) == 0.0
    assert recall_at_k(["b", "c"], JUDGED, k=3, min_grade=2) == pytest.approx(1 / 2)
    assert recall_at_k(["a"], {}, k=3) == 0.0
