"""Similar practices: the judged set is well-formed.

The judged set (tests/data/similar_practices_judged.json) names, for every demo
practice, the practices a municipal practitioner would find similar; it is read by
bench/similar_precision.py. No database: it is checked against the demo data module.
"""

import json
from pathlib import Path

import pytest

from connective_site.home.demo_data import PRACTICES

JUDGED = Path(__file__).resolve().parent.parent / "data" / "similar_practices_judged.json"


@pytest.fixture(scope="module")
def judged() -> dict:
    return json.loads(JUDGED.read_text(encoding="utf-8"))


def test_every_demo_practice_is_judged_once(judged):
    practices = [entry["practice"] for entry in judged["practices"]]
    assert sorted(practices) == sorted(p["slug"] for p in PRACTICES)
    assert len(set(practices)) == len(practices)


def test_each_judgement_names_demo_practices_with_a_reason(judged):
    slugs = {p["slug"] for p in PRACTICES}
    for entry in judged["practices"]:
        named = {**entry["similar"], **entry.get("not_similar", {})}
        assert entry["similar"], entry["practice"]
        assert set(named) <= slugs, entry["practice"]
        assert entry["practice"] not in named, entry["practice"]
        assert not set(entry["similar"]) & set(entry.get("not_similar", {})), entry["practice"]
        assert all(isinstance(r, str) and r.strip() for r in named.values()), entry["practice"]
