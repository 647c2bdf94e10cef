"""Search relevance: nDCG@10 and MRR of the engine and of the database fallback.

Seeds the demo content into a database of its own, indexes it into the engine
under its own prefix, runs every judged query of tests/data/search_judgements.json
through both backends and prints per-query nDCG@10 and reciprocal rank, the
means per backend and the worst queries of each backend.

    .venv/bin/python bench/search_relevance.py
        # fallback on SQLite: a fresh database file in a temporary directory
    .venv/bin/python bench/search_relevance.py \\
        --database-url postgres://connective:connective@127.0.0.1:5432/connective_relevance
        # fallback on PostgreSQL: the database is created if missing, then migrated

The engine is the one at SEARCH_URL (default http://127.0.0.1:9200, OpenSearch);
its indices (prefix `ccrel`) are deleted at the end.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]

JUDGEMENTS = ROOT / "tests" / "data" / "search_judgements.json"
DEFAULT_PREFIX = "ccrel"
# What other people's runs use on the same services.
FORBIDDEN_PREFIXES = ("cc", "ccbench")
FORBIDDEN_DATABASES = ("connective", "connective_bench")
K = 10


def add_scratch_arguments(parser: argparse.ArgumentParser, default_prefix: str) -> None:
    """The options of a bench that seeds the demo content into its own database and index."""
    parser.add_argument(
        "--database-url",
        help="postgres://... for the PostgreSQL fallback (database created if missing); "
        "default: a fresh SQLite file in a temporary directory",
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="drop and recreate the PostgreSQL database first",
    )
    parser.add_argument(
        "--engine",
        default=os.environ.get("SEARCH_ENGINE")
        if os.environ.get("SEARCH_ENGINE") in ("opensearch", "elasticsearch")
        else "opensearch",
    )
    parser.add_argument(
        "--search-url", default=os.environ.get("SEARCH_URL", "http://127.0.0.1:9200")
    )
    parser.add_argument("--index-prefix", default=default_prefix)
    parser.add_argument("--keep-index", action="store_true", help="leave the engine index in place")


def check_scratch_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse a database or index prefix that other people's runs use."""
    if args.index_prefix in FORBIDDEN_PREFIXES:
        parser.error(f"index prefix {args.index_prefix!r} belongs to someone else")
    if args.database_url:
        url = urlsplit(args.database_url)
        if not url.scheme.startswith("postgres"):
            parser.error("--database-url must be a postgres://... URL")
        if url.path.lstrip("/") in FORBIDDEN_DATABASES:
            parser.error(f"database {url.path.lstrip('/')!r} belongs to someone else")
    elif args.fresh:
        parser.error("--fresh only applies to --database-url (SQLite is always fresh)")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_scratch_arguments(parser, DEFAULT_PREFIX)
    parser.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    parser.add_argument(
        "--mrr-grade",
        type=int,
        default=2,
        choices=(1, 2, 3),
        help="the grade a result needs to count for the reciprocal rank (default 2: relevant)",
    )
    parser.add_argument("--worst", type=int, default=5, help="worst queries listed per backend")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    check_scratch_arguments(parser, args)
    return args


# --- the database -------------------------------------------------------------------


def ensure_postgres_database(database_url: str, fresh: bool) -> None:
    """Create the database named in the URL if it does not exist (drop it first if fresh)."""
    import psycopg
    from psycopg import sql

    url = urlsplit(database_url)
    name = unquote(url.path.lstrip("/"))
    params = {
        "host": url.hostname or "127.0.0.1",
        "port": url.port or 5432,
        "user": unquote(url.username or ""),
        "password": unquote(url.password or ""),
    }
    last_error: Exception | None = None
    # The maintenance database, or the user's own if `postgres` is not open to them.
    for maintenance in ("postgres", params["user"]):
        try:
            with psycopg.connect(dbname=maintenance, autocommit=True, **params) as conn:
                if fresh:
                    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
                exists = conn.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [name]
                ).fetchone()
                if not exists:
                    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                    print(f"created database {name}")
                return
        except psycopg.OperationalError as exc:
            last_error = exc
    raise SystemExit(f"cannot reach PostgreSQL to create {name}: {last_error}")


def configure(args: argparse.Namespace) -> Path | None:
    """Point Django at the bench's own database and index; returns a temp dir to remove."""
    tmpdir = None
    if args.database_url:
        ensure_postgres_database(args.database_url, args.fresh)
        os.environ["DATABASE_URL"] = args.database_url
    else:
        tmpdir = Path(tempfile.mkdtemp(prefix="cc-relevance-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{tmpdir / 'relevance.sqlite3'}"
    os.environ["SEARCH_ENGINE"] = args.engine
    os.environ["SEARCH_URL"] = args.search_url
    os.environ["SEARCH_INDEX_PREFIX"] = args.index_prefix
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "connective_site.settings.dev")
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    return tmpdir


def prepare_content() -> dict:
    """Migrate, seed the demo content and fill the engine index; returns what was done."""
    from django.core.management import call_command
    from django.test import override_settings

    from demo.seed import seed_demo
    from search.indexing import rebuild

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrated = time.perf_counter()
    # Seed without the outbox: the engine index is built once, below, by rebuild().
    # Wagtail's own search index (the fallback's) is filled by the page signals.
    with override_settings(SEARCH_ENGINE="database"):
        seeded = seed_demo()
    seeded_at = time.perf_counter()
    result = rebuild()
    return {
        "processes": seeded["processes"],
        "practices": seeded["practices"],
        "documents": result.documents,
        "index": result.index,
        "migrate_s": migrated - started,
        "seed_s": seeded_at - migrated,
        "index_s": result.seconds,
    }


def document_keys() -> dict[str, str]:
    """Search document id → judgement key (page slug; '<process-slug>/outcomes';
    'thread/<id>' for follow-up threads, which the judgements do not grade)."""
    from learning_processes.models import OutcomePage
    from search.serializers import INDEXED_MODELS, doc_id, searchable_querysets

    keys = {}
    for queryset in searchable_querysets():
        content_type = INDEXED_MODELS[queryset.model][0]
        for page in queryset:
            key = getattr(page, "slug", f"{content_type}/{page.pk}")
            if isinstance(page, OutcomePage):
                key = f"{page.get_parent().slug}/{page.slug}"
            keys[doc_id(content_type, page.pk)] = key
    return keys


# --- running the queries --------------------------------------------------------------


def run_backend(backend, queries: list[dict], keys: dict[str, str], mrr_grade: int) -> list:
    from search.metrics import ndcg_at_k, reciprocal_rank
    from search.queries import SearchQuery

    rows = []
    for spec in queries:
        query = SearchQuery(
            text=spec["query"],
            filters={name: tuple(values) for name, values in spec.get("filters", {}).items()},
            page_size=K,
        )
        started = time.perf_counter()
        results = backend.search(query)
        elapsed = (time.perf_counter() - started) * 1000
        ranked = [keys.get(hit.id, hit.id) for hit in results.hits]
        judgements = spec["judgements"]
        rows.append(
            {
                "id": spec["id"],
                "query": spec["query"],
                "kind": spec.get("kind", ""),
                "filters": spec.get("filters", {}),
                "ndcg": ndcg_at_k(ranked, judgements, K),
                "rr": reciprocal_rank(ranked, judgements, K, min_grade=mrr_grade),
                "total": results.total,
                "ranked": ranked,
                "ms": elapsed,
            }
        )
    return rows


def describe_engine(engine_backend) -> str:
    info = engine_backend.ping()
    return f"{info['distribution']} {info['version']} (cluster {info['cluster_status']})"


def describe_database() -> str:
    import sqlite3

    from django.db import connection
    from wagtail.search.backends import get_search_backend

    backend = type(get_search_backend())
    wagtail_backend = (
        f"{backend.__module__.removeprefix('modelsearch.backends.')}.{backend.__name__}"
    )
    if connection.vendor == "postgresql":
        version = connection.pg_version
        version = f"{version // 10000}.{version % 10000}"
        name = connection.settings_dict["NAME"]
        return f"PostgreSQL {version} (database {name}); Wagtail backend {wagtail_backend}"
    return (
        f"{connection.vendor} {sqlite3.sqlite_version} ({connection.settings_dict['NAME']});"
        f" Wagtail backend {wagtail_backend}"
    )


# --- the report -----------------------------------------------------------------------


def _label(row: dict) -> str:
    text = row["query"]
    if row["filters"]:
        text += " [" + "; ".join(f"{k}={','.join(v)}" for k, v in row["filters"].items()) + "]"
    return text if len(text) <= 44 else text[:43] + "…"


def print_table(header: str, lines: list[str]) -> None:
    """One row per line under a header, between rules as wide as the header."""
    print()
    print(header)
    print("-" * len(header))
    for line in lines:
        print(line)
    print("-" * len(header))


def print_report(results: dict[str, list], queries: list[dict], mrr_grade: int, worst: int):
    from search.metrics import mean

    names = list(results)
    by_id = {spec["id"]: spec for spec in queries}
    header = f"{'query':<45} {'kind':<12}" + "".join(
        f" {name + ' nDCG':>14} {'RR':>5} {'hits':>5}" for name in names
    )
    lines = []
    for i, spec in enumerate(queries):
        line = f"{_label(results[names[0]][i]):<45} {spec.get('kind', ''):<12}"
        for name in names:
            row = results[name][i]
            line += f" {row['ndcg']:>14.3f} {row['rr']:>5.2f} {row['total']:>5}"
        lines.append(line)
    print_table(header, lines)
    print(
        f"\nMeans over {len(queries)} queries (nDCG@{K}; MRR@{K}: first result graded "
        f">= {mrr_grade}):"
    )
    for name in names:
        rows = results[name]
        zero = sum(1 for r in rows if r["total"] == 0)
        print(
            f"  {name:<10} nDCG@{K} {mean(r['ndcg'] for r in rows):.3f}   "
            f"MRR {mean(r['rr'] for r in rows):.3f}   "
            f"no hits: {zero}   median {sorted(r['ms'] for r in rows)[len(rows) // 2]:.0f} ms"
        )
    kinds = sorted({spec.get("kind", "") for spec in queries})
    print("\nnDCG@10 by kind of query:")
    print(f"  {'kind':<14} {'n':>3}" + "".join(f" {name:>10}" for name in names))
    for kind in kinds:
        index = [i for i, spec in enumerate(queries) if spec.get("kind", "") == kind]
        line = f"  {kind:<14} {len(index):>3}"
        for name in names:
            line += f" {mean(results[name][i]['ndcg'] for i in index):>10.3f}"
        print(line)
    for name in names:
        zero = [r["query"] for r in results[name] if r["ndcg"] == 0]
        print(f"\n{name}: nDCG 0 on {len(zero)} queries: {', '.join(map(repr, zero))}")
    for name in names:
        print(f"\nWorst {worst} queries for {name}:")
        # Ties (often several at 0) go first where another backend did better: fixable.
        others = [
            max((results[o][i]["ndcg"] for o in names if o != name), default=0.0)
            for i in range(len(queries))
        ]
        order = sorted(
            range(len(queries)),
            key=lambda i: (results[name][i]["ndcg"], results[name][i]["rr"], -others[i]),
        )
        rows = [results[name][i] for i in order[:worst]]
        for row in rows:
            judged = by_id[row["id"]]["judgements"]
            best = sorted(judged, key=lambda key: -judged[key])[:3]
            got = [f"{key}({judged.get(key, 0)})" for key in row["ranked"][:3]] or ["nothing"]
            print(
                f"  {_label(row)!r}: nDCG {row['ndcg']:.3f}, RR {row['rr']:.2f}, "
                f"{row['total']} hits"
            )
            print(f"      top 3:  {', '.join(got)}")
            print(f"      wanted: {', '.join(f'{key}({judged[key]})' for key in best)}")


def cleanup_indices(prefix: str) -> list[str]:
    """Delete every index of the bench's prefix, by name (never a wildcard delete)."""
    from search import engine

    client = engine.client()
    names = sorted(client.indices.get(index=f"{prefix}-*", ignore_unavailable=True))
    for name in names:
        if name.startswith(f"{prefix}-"):
            client.indices.delete(index=name, ignore_unavailable=True)
    return names


@contextmanager
def scratch_content(args: argparse.Namespace) -> Iterator:
    """Seed the demo content into the bench's own database and index, print what was
    built and yield the engine backend; afterwards remove the indices and temp files."""
    tmpdir = configure(args)

    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()

    from django.db import connections

    from search.backends.engine import EngineSearchBackend

    try:
        engine_backend = EngineSearchBackend(args.engine)
        print(
            f"engine:   {describe_engine(engine_backend)} at {args.search_url}, "
            f"index prefix {args.index_prefix}"
        )
        prepared = prepare_content()
        # Only after migrate: Wagtail picks (and caches) SQLite FTS5 when its table exists.
        print(f"database: {describe_database()}")
        print(
            f"content:  {prepared['processes']} learning processes, {prepared['practices']} "
            f"practices, {prepared['documents']} documents in {prepared['index']} "
            f"(migrate {prepared['migrate_s']:.1f}s, seed {prepared['seed_s']:.1f}s, "
            f"index {prepared['index_s']:.1f}s)"
        )
        yield engine_backend
    finally:
        if not args.keep_index:
            try:
                removed = cleanup_indices(args.index_prefix)
                print(f"\nremoved indices: {', '.join(removed) or 'none'}")
            except Exception as exc:  # noqa: BLE001 - report, then still remove the temp dir
                print(f"\ncould not remove the {args.index_prefix}-* indices: {exc}")
        connections.close_all()
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)


def main() -> None:
    args = parse_args()
    queries = json.loads(args.judgements.read_text(encoding="utf-8"))["queries"]
    with scratch_content(args) as engine_backend:
        from django.db import connection

        from search.backends.database import DatabaseSearchBackend

        keys = document_keys()
        known = set(keys.values())
        unknown = sorted({k for spec in queries for k in spec["judgements"]} - known)
        if unknown:
            print(f"WARNING: judged pages not in the index: {', '.join(unknown)}")
        results = {
            "engine": run_backend(engine_backend, queries, keys, args.mrr_grade),
            "fallback": run_backend(DatabaseSearchBackend(), queries, keys, args.mrr_grade),
        }
        print(
            f"\nengine = EngineSearchBackend({args.engine!r}); "
            f"fallback = DatabaseSearchBackend on {connection.vendor}"
        )
        print_report(results, queries, args.mrr_grade, args.worst)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
            print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
