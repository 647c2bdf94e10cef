"""Similar practices: precision@3, recall@3 and MRR of the engine and of the database fallback.

Seeds the demo content into a database of its own, indexes it into the engine
under its own prefix, asks both backends for the practices like each demo
practice (as many as a practice page shows) and scores the first three against
tests/data/similar_practices_judged.json. Prints the figures per practice, the
means per backend (and for what a practice page lists on the full stack) and the
practices each does worst on.

    .venv/bin/python bench/similar_precision.py
        # fallback on SQLite: a fresh database file in a temporary directory
    .venv/bin/python bench/similar_precision.py \\
        --database-url postgres://connective:connective@127.0.0.1:5432/connective_similar
        # fallback on PostgreSQL: the database is created if missing, then migrated

The engine is the one at SEARCH_URL (default http://127.0.0.1:9200, OpenSearch);
its indices (prefix `ccsim`) are deleted at the end.
"""

import argparse
import json
import sys
from pathlib import Path

from search_relevance import (  # bench/ is the script's directory
    ROOT,
    add_scratch_arguments,
    check_scratch_arguments,
    print_table,
    scratch_content,
)

JUDGEMENTS = ROOT / "tests" / "data" / "similar_practices_judged.json"
DEFAULT_PREFIX = "ccsim"
K = 3
# As many as a practice page lists (search_tags.similar_practices).
SHOWN = 4


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_scratch_arguments(parser, DEFAULT_PREFIX)
    parser.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    parser.add_argument("--worst", type=int, default=8, help="worst practices listed per backend")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    check_scratch_arguments(parser, args)
    return args


def judged_practices(path: Path) -> dict[str, dict[str, int]]:
    """Practice slug → {similar practice slug: 1}, the shape search.metrics reads."""
    entries = json.loads(path.read_text(encoding="utf-8"))["practices"]
    return {entry["practice"]: dict.fromkeys(entry["similar"], 1) for entry in entries}


def score(ranked: list[str], judgements: dict[str, int]) -> dict:
    from search.metrics import precision_at_k, recall_at_k, reciprocal_rank

    return {
        "precision": precision_at_k(ranked, judgements, K),
        # The best precision@3 the judgements allow: fewer than three similar practices
        # caps it below 1.
        "ideal": min(K, len(judgements)) / K,
        "recall": recall_at_k(ranked, judgements, K),
        "rr": reciprocal_rank(ranked, judgements, K),
        "ranked": ranked,
    }


def run_backend(neighbours, judged: dict[str, dict[str, int]]) -> dict[str, dict]:
    from learning_processes.models import PracticePage

    pages = {page.slug: page for page in PracticePage.objects.live().public()}
    slugs = {page.pk: slug for slug, page in pages.items()}
    missing = sorted(set(judged) - set(pages))
    if missing:
        sys.exit(f"judged practices not in the demo content: {', '.join(missing)}")
    return {
        slug: score([slugs[pk] for pk in neighbours(pages[slug], SHOWN)], judgements)
        for slug, judgements in judged.items()
    }


def print_report(results: dict[str, dict[str, dict]], judged: dict, worst: int) -> None:
    from search.metrics import mean

    names = list(results)
    header = f"{'practice':<46} {'ideal':>5}" + "".join(
        f" {name + ' P@3':>14} {'R@3':>5} {'RR':>5}" for name in names
    )

    def cells(row: dict) -> str:
        return f" {row['precision']:>14.2f} {row['recall']:>5.2f} {row['rr']:>5.2f}"

    print_table(
        header,
        [
            f"{slug[:46]:<46} {results[names[0]][slug]['ideal']:>5.2f}"
            + "".join(cells(results[name][slug]) for name in names)
            for slug in judged
        ],
    )
    ideal = mean(row["ideal"] for row in results[names[0]].values())
    print(
        f"\nMeans over {len(judged)} practices (the first {K} of the {SHOWN} a page lists; "
        f"the judgements allow precision@{K} {ideal:.3f} at best):"
    )
    for name in names:
        rows = results[name].values()
        print(
            f"  {name:<10} precision@{K} {mean(r['precision'] for r in rows):.3f}   "
            f"recall@{K} {mean(r['recall'] for r in rows):.3f}   "
            f"MRR@{K} {mean(r['rr'] for r in rows):.3f}   "
            f"none similar in the top {K}: {sum(1 for r in rows if r['precision'] == 0)}"
        )
    for name in names:
        print(f"\nWorst {worst} practices for {name}:")
        order = sorted(
            judged, key=lambda s: results[name][s]["precision"] - results[name][s]["ideal"]
        )
        for slug in order[:worst]:
            row = results[name][slug]
            got = [f"{key}{'' if key in judged[slug] else ' (x)'}" for key in row["ranked"][:K]]
            print(f"  {slug}: precision@{K} {row['precision']:.2f} of {row['ideal']:.2f}")
            print(f"      top {K}:  {', '.join(got) or 'nothing'}")
            print(f"      wanted: {', '.join(judged[slug])}")


def main() -> None:
    args = parse_args()
    judged = judged_practices(args.judgements)
    with scratch_content(args) as _engine:
        from django.conf import settings
        from django.db import connection

        from search.backends.database import DatabaseSearchBackend
        from search.backends.engine import EngineSearchBackend
        from search.service import similar_practices

        def served(page, size: int) -> list[int]:
            return [practice.pk for practice in similar_practices(page, size)]

        results = {
            "engine": run_backend(
                EngineSearchBackend(settings.SEARCH_ENGINE).more_like_this, judged
            ),
            "fallback": run_backend(DatabaseSearchBackend().more_like_this, judged),
            "page": run_backend(served, judged),
        }
        print(
            f"\nengine = {args.engine}; fallback = the database ({connection.vendor}); "
            "page = what a practice page lists (the engine, or the fallback when the "
            "engine finds nothing)"
        )
        print_report(results, judged, args.worst)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
            print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
