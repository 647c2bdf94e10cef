"""Search latency and indexing throughput at 100,000 practices: engine and PostgreSQL fallback.

Generates deterministic synthetic practices (bench/synthetic.py), bulk-indexes them
into a fresh versioned index with the project's mapping, writes them as real
PracticePage rows into a benchmark database (bulk inserts with computed tree
paths), measures `indexing.rebuild()` on those rows, fills Wagtail's database
search index for the fallback, then runs one query mix (words, phrases,
misspellings, facet filters, date sort, empty query with facets) through

* the engine backend (`EngineSearchBackend.search()`),
* the JSON endpoint `/api/search/` (Django test client, in-process),
* the database fallback (`DatabaseSearchBackend.search()`, PostgreSQL full-text),

and prints p50/p95/p99 and mean for each, where an engine request spends its time,
and how much each part of the request costs the engine. One command, with the
services of `make services` running:

    make bench-search            # = .venv/bin/python bench/search_latency.py

It only ever touches its own database (default `connective_bench` on the local
PostgreSQL, or --database-url / $BENCH_DATABASE_URL; the name must contain "bench";
it is created and migrated when missing) and its own index prefix (--index-prefix,
default `ccbench`), whatever DATABASE_URL and SEARCH_INDEX_PREFIX say. The engine is
$SEARCH_ENGINE at $SEARCH_URL (default: OpenSearch on 127.0.0.1:9200). The
PracticePage rows stay in that database for the next run (reused when seed and size
match, see --fresh); the indices are deleted at the end unless --keep is given.
The processes using the CPU are listed before and after the measurement, since
other work on the machine makes every figure pessimistic.
"""

import argparse
import gc
import math
import os
import statistics
import sys
import time
import urllib.parse
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]

import synthetic  # noqa: E402  (bench/ is the script's directory)

DEFAULT_DATABASE_URL = "postgres://connective:connective@127.0.0.1:5432/connective_bench"
GOAL_P95_MS = 50.0
GOAL_REBUILD_DOCS_PER_S = 1000.0


# --- set-up before Django ------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000, help="synthetic practices")
    parser.add_argument("--queries", type=int, default=240, help="size of the query mix")
    parser.add_argument(
        "--fallback-queries",
        type=int,
        default=40,
        help="queries of the mix (spread evenly) run against the database fallback",
    )
    parser.add_argument(
        "--fallback-budget",
        type=float,
        default=180.0,
        help="stop the fallback measurement after this many seconds",
    )
    parser.add_argument(
        "--ablation-queries",
        type=int,
        default=80,
        help="queries (spread over the mix) for the engine cost-by-part table; 0 skips it",
    )
    parser.add_argument(
        "--index-workers",
        type=int,
        default=2,
        help="processes that fill Wagtail's database search index for the fallback",
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
        help="the benchmark database (default: $BENCH_DATABASE_URL or %(default)s)",
    )
    parser.add_argument("--index-prefix", default="ccbench", help="index prefix of the bench")
    parser.add_argument("--fresh", action="store_true", help="recreate the PracticePage rows")
    parser.add_argument("--keep", action="store_true", help="keep the bench indices at the end")
    parser.add_argument(
        "--reuse-index",
        action="store_true",
        help="skip bulk indexing and rebuild when a kept bench index holds the same documents",
    )
    parser.add_argument("--skip-fallback", action="store_true")
    return parser.parse_args()


def configure_environment(args: argparse.Namespace) -> None:
    url = args.database_url
    os.environ["DATABASE_URL"] = url
    if os.environ.get("SEARCH_ENGINE", "database") == "database":
        os.environ["SEARCH_ENGINE"] = "opensearch"
    os.environ.setdefault("SEARCH_URL", "http://127.0.0.1:9200")
    os.environ["SEARCH_INDEX_PREFIX"] = args.index_prefix
    # Production-like settings: no debug toolbar, no SQL kept in memory.
    os.environ["DJANGO_SETTINGS_MODULE"] = "connective_site.settings.dev"
    # DEBUG would keep every SQL query in memory and slow everything down.
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    parsed = urllib.parse.urlparse(url)
    database = parsed.path.lstrip("/")
    if not parsed.scheme.startswith("postgres"):
        sys.exit(f"the fallback is measured on PostgreSQL; got {parsed.scheme}:// in DATABASE_URL")
    if "bench" not in database:
        sys.exit(f"refusing to use database {database!r}: its name must contain 'bench'")
    if "bench" not in os.environ["SEARCH_INDEX_PREFIX"]:
        sys.exit("refusing to run: SEARCH_INDEX_PREFIX must contain 'bench'")
    if os.environ["SEARCH_ENGINE"] not in ("opensearch", "elasticsearch"):
        sys.exit("SEARCH_ENGINE must be opensearch or elasticsearch")


def ensure_database(url: str) -> bool:
    """Create the benchmark database if it is missing; True when it was created."""
    import psycopg

    parsed = urllib.parse.urlparse(url)
    database = urllib.parse.unquote(parsed.path.lstrip("/"))
    params = {
        "host": parsed.hostname or "127.0.0.1",
        "port": parsed.port or 5432,
        "user": urllib.parse.unquote(parsed.username or ""),
        "password": urllib.parse.unquote(parsed.password or ""),
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if exists:
            return False
        conn.execute(f'CREATE DATABASE "{database}"')
        return True


# --- small helpers ----------------------------------------------------------------------------


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "n": len(ordered),
        "p50": percentile(ordered, 50),
        "p95": percentile(ordered, 95),
        "p99": percentile(ordered, 99),
        "mean": statistics.fmean(ordered) if ordered else float("nan"),
        "max": ordered[-1] if ordered else float("nan"),
    }


def step(message: str) -> None:
    load = os.getloadavg()[0]
    now = time.strftime("%H:%M:%S", time.gmtime())
    print(f"[{now} UTC load {load:4.1f}] {message}", flush=True)


def code_version() -> str:
    """The commit measured, and whether search/ or learning_processes/ had local changes."""
    import subprocess

    def git(*cmd: str) -> str:
        try:
            out = subprocess.run(["git", *cmd], cwd=ROOT, capture_output=True, text=True)
        except OSError:
            return ""
        return out.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "search", "learning_processes")
    return commit + (" + local changes in search/ or learning_processes/" if dirty else "")


def busy_processes(limit: int = 8) -> list[str]:
    """The processes using the CPU right now, other than this benchmark."""
    import subprocess

    try:
        out = subprocess.run(
            ["ps", "-eo", "pid,pcpu,etime,args", "--sort=-pcpu"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return ["(ps not available)"]
    rows = []
    for line in out[1:]:
        pid, cpu, elapsed, command = line.split(None, 3)
        if int(pid) == os.getpid() or float(cpu) < 1.0:
            continue
        # A JVM's command line is pages long; its main class says what it is.
        words = command.split()
        if "java" in words[0]:
            command = f"{words[0]} ... {words[-1]}"
        rows.append(f"pid {pid:>7} {cpu:>5}% cpu  up {elapsed:>11}  {command[:110]}")
        if len(rows) == limit:
            break
    return rows or ["(nothing else above 1% cpu)"]


def report_machine(when: str) -> None:
    """What else ran: the figures are only comparable with the machine's load in view."""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    step(f"machine {when}: {os.cpu_count()} cores, load average {load} (1, 5, 15 min)")
    for row in busy_processes():
        print(f"    {row}", flush=True)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


# --- the documents ------------------------------------------------------------------------


def document(record: "synthetic.Practice") -> dict:
    """What search.serializers.practice_to_document makes of the same practice."""
    from learning_processes.countries import region_of
    from search.serializers import PUBLIC, _plain

    return {
        "content_type": "practice",
        "title": record.title,
        "url": f"/practices/{record.slug}/",
        "published_at": record.published_at,
        "visibility": PUBLIC,
        "revision": None,
        "summary": record.summary,
        "text": _plain(
            record.challenge,
            record.approach,
            record.results,
            record.resources_needed,
            record.transferability,
        ),
        "topic_field": record.topic_field,
        "sdgs": record.sdgs,
        "tags": record.tags,
        "city": record.city,
        "country": record.country,
        "region": region_of(record.country),
        "population_band": record.population_band,
        "year": record.year,
        "learning_process": None,
        "learning_process_title": None,
    }


# --- engine: bulk index with the project's mapping ------------------------------------------


def bench_indices() -> list[str]:
    from search import engine

    client = engine.client()
    # A wildcard that matches nothing answers {} rather than 404.
    return sorted(client.indices.get(index=f"{engine.content_alias()}*").keys())


def kept_index_size() -> int:
    """Documents behind the bench alias (0 when there is none)."""
    from search import engine, indexing

    if not indexing.alias_targets():
        return 0
    return engine.client().count(index=engine.content_alias())["count"]


def delete_indices(names: list[str]) -> None:
    from search import engine

    for name in names:
        engine.client().indices.delete(index=name, ignore_unavailable=True)


def engine_bulk(records: list) -> dict:
    """A fresh versioned index, filled like indexing.rebuild() fills it, behind the alias."""
    from django.conf import settings

    from search import engine, indexing
    from search.serializers import doc_id

    client = engine.client()
    helpers = engine.helpers_module(settings.SEARCH_ENGINE)
    alias = engine.content_alias()
    name = indexing._versioned_name()
    actions = [
        {"_index": name, "_id": doc_id("practice", r.number + 1), "_source": document(r)}
        for r in records
    ]
    started = time.perf_counter()
    indexing.document_class(name).init(using=client)
    client.indices.put_settings(index=name, body={"index": {"refresh_interval": "-1"}})
    bulk_started = time.perf_counter()
    count, _ = helpers.bulk(client, actions, chunk_size=indexing.BATCH_SIZE, request_timeout=120)
    bulk_seconds = time.perf_counter() - bulk_started
    client.indices.put_settings(index=name, body={"index": {"refresh_interval": "1s"}})
    client.indices.refresh(index=name, request_timeout=120)
    old = indexing.alias_targets()
    client.indices.update_aliases(
        body={
            "actions": [
                *({"remove": {"index": index, "alias": alias}} for index in old),
                {"add": {"index": name, "alias": alias}},
            ]
        }
    )
    delete_indices(old)
    total = time.perf_counter() - started
    return {"index": name, "documents": count, "bulk_seconds": bulk_seconds, "seconds": total}


# --- PostgreSQL: real PracticePage rows, inserted in bulk -------------------------------------


def practice_index_page():
    from connective_site.home.models import HomePage
    from learning_processes.models import PracticeIndexPage

    home = HomePage.objects.get()
    index = PracticeIndexPage.objects.child_of(home).filter(slug="practices").first()
    if index is None:
        index = PracticeIndexPage(slug="practices", title="Practices", intro="")
        home.add_child(instance=index)
    return index


def marker(args: argparse.Namespace) -> str:
    return f"<p>bench seed={args.seed} documents={args.documents}</p>"


def delete_practices() -> None:
    """Remove earlier synthetic practices with plain SQL (the bench database holds no others)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page
    from wagtail.search.models import IndexEntry

    from learning_processes.models import PracticePage
    from learning_processes.models.practices import PracticeTag

    content_type = ContentType.objects.get_for_model(PracticePage)
    sdgs = PracticePage.sdgs.through._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {PracticeTag._meta.db_table}")
        cursor.execute(f"DELETE FROM {sdgs}")
        cursor.execute(
            f"DELETE FROM {IndexEntry._meta.db_table} WHERE content_type_id = %s",
            [content_type.pk],
        )
        cursor.execute(f"DELETE FROM {PracticePage._meta.db_table}")
        cursor.execute(
            f"DELETE FROM {Page._meta.db_table} WHERE content_type_id = %s", [content_type.pk]
        )


def insert_practices(records: list, index, batch_size: int = 1000) -> None:
    """Page rows and PracticePage rows in bulk, with treebeard paths computed up front.

    Equivalent to index.add_child() + publish for each practice, minus revisions and
    signals: materialised path = parent path + 4-character base-36 step, depth + 1,
    url_path = parent url_path + slug, then the child table rows (page_ptr_id), the
    SDG and tag links, and numchild on the parent.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from taggit.models import Tag
    from wagtail.models import Page

    from learning_processes.models import PracticePage, SustainableDevelopmentGoal, TopicField
    from learning_processes.models.practices import PracticeTag

    content_type = ContentType.objects.get_for_model(PracticePage)
    topics = dict(TopicField.objects.values_list("name", "pk"))
    goals = dict(SustainableDevelopmentGoal.objects.values_list("number", "pk"))
    tags = {}
    for name in synthetic.TAGS:
        tag = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)
        tags[name] = tag.pk
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    child_fields = list(PracticePage._meta.local_concrete_fields)
    sdg_link = PracticePage.sdgs.through
    depth = index.depth + 1
    for start in range(0, len(records), batch_size):
        chunk = records[start : start + batch_size]
        pages = []
        for position, record in enumerate(chunk, start=start + 1):
            pages.append(
                PracticePage(
                    path=Page._get_path(index.path, depth, position),
                    depth=depth,
                    numchild=0,
                    title=record.title,
                    draft_title=record.title,
                    slug=record.slug,
                    url_path=f"{index.url_path}{record.slug}/",
                    content_type_id=content_type.pk,
                    locale_id=index.locale_id,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=record.published_at,
                    last_published_at=record.published_at,
                    summary=record.summary,
                    challenge=record.challenge,
                    approach=record.approach,
                    results=record.results,
                    resources_needed=record.resources_needed,
                    transferability=record.transferability,
                    city=record.city,
                    country=record.country,
                    population_band=record.population_band,
                    year=record.year,
                    topic_field_id=topics[record.topic_field],
                    contact_name="Bench Contact",
                    contact_organisation=f"City of {record.city}",
                )
            )
        with transaction.atomic():
            rows = Page._base_manager._insert(
                pages, fields=page_fields, returning_fields=[Page._meta.pk]
            )
            for page, (pk,) in zip(pages, rows, strict=True):
                page.id = page.page_ptr_id = pk
            PracticePage._base_manager._insert(pages, fields=child_fields)
            sdg_link.objects.bulk_create(
                [
                    sdg_link(practicepage_id=page.pk, sustainabledevelopmentgoal_id=goals[n])
                    for page, record in zip(pages, chunk, strict=True)
                    for n in record.sdgs
                ]
            )
            PracticeTag.objects.bulk_create(
                [
                    PracticeTag(content_object_id=page.pk, tag_id=tags[name])
                    for page, record in zip(pages, chunk, strict=True)
                    for name in record.tags
                ]
            )
    Page.objects.filter(pk=index.pk).update(numchild=len(records))


def ensure_practices(args: argparse.Namespace, records: list) -> dict:
    from learning_processes.models import PracticeIndexPage, PracticePage

    index = practice_index_page()
    count = PracticePage.objects.count()
    if not args.fresh and index.intro == marker(args) and count == args.documents:
        return {"reused": True, "seconds": 0.0}
    started = time.perf_counter()
    delete_practices()
    PracticeIndexPage.objects.filter(pk=index.pk).update(intro="")
    index.refresh_from_db()
    insert_practices(records, index)
    PracticeIndexPage.objects.filter(pk=index.pk).update(intro=marker(args))
    # Fresh statistics for the planner after 100,000 new rows.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"reused": False, "seconds": time.perf_counter() - started}


def _index_pk_range(bounds: tuple[int, int]) -> int:
    """One worker: Wagtail's search index entries for the practices with lo <= pk < hi."""
    from django.db import connections
    from wagtail.search.backends import get_search_backend

    from learning_processes.models import PracticePage

    lo, hi = bounds
    index = get_search_backend().get_index_for_model(PracticePage)
    # add_items() recomputes the title norms of the whole table after every chunk; two
    # workers doing that at once would contend for the same rows. It is done once, in
    # full, at the end instead (as update_index's rebuilder.finish() does anyway).
    index._refresh_title_norms = lambda full=False: None
    queryset = PracticePage.get_indexed_objects().filter(pk__lt=hi).order_by("pk")
    last, count = lo - 1, 0
    while True:
        chunk = list(queryset.filter(pk__gt=last)[:1000])
        if not chunk:
            break
        index.add_items(PracticePage, chunk)
        last, count = chunk[-1].pk, count + len(chunk)
    connections.close_all()
    return count


def wagtail_search_index(args: argparse.Namespace, reused: bool) -> dict:
    """Wagtail's database search index (wagtailsearch_indexentry) for the practices.

    The same backend calls as `manage.py update_index` (index.add_items per chunk of
    1,000, title norms refreshed in full at the end), for PracticePage only, in
    --index-workers processes over pk ranges instead of one process with OFFSET paging.
    """
    import multiprocessing

    from django.contrib.contenttypes.models import ContentType
    from django.db import connections
    from django.db.models import Max, Min
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from learning_processes.models import PracticePage

    content_type = ContentType.objects.get_for_model(PracticePage)

    def entries() -> int:
        return IndexEntry.objects.filter(content_type=content_type).count()

    if reused and not args.fresh and entries() == args.documents:
        return {"reused": True, "seconds": 0.0, "entries": args.documents}
    started = time.perf_counter()
    IndexEntry.objects.filter(content_type=content_type)._raw_delete(IndexEntry.objects.db)
    bounds = PracticePage.objects.aggregate(lo=Min("pk"), hi=Max("pk"))
    lo, hi = bounds["lo"], bounds["hi"] + 1
    workers = max(1, args.index_workers)
    size = -(-(hi - lo) // workers)
    ranges = [(a, min(hi, a + size)) for a in range(lo, hi, size)]
    connections.close_all()  # the forked workers open their own
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.map(_index_pk_range, ranges)
    get_search_backend().get_index_for_model(PracticePage)._refresh_title_norms(full=True)
    return {
        "reused": False,
        "seconds": time.perf_counter() - started,
        "entries": entries(),
        "workers": workers,
    }


def check_document_shape(seed: int) -> list[str]:
    """Differences between the bench's document() and practice_to_document() for practice 0."""
    from learning_processes.models import PracticePage
    from search.serializers import practice_to_document

    page = (
        PracticePage.objects.select_related("topic_field", "learning_process")
        .prefetch_related("sdgs", "tagged_items__tag")
        .get(slug=synthetic.practice(0, seed).slug)
    )
    real = practice_to_document(page)
    ours = document(synthetic.practice(0, seed))
    problems = [f"key {k!r} only in practice_to_document" for k in real.keys() - ours.keys()]
    problems += [f"key {k!r} only in the bench document" for k in ours.keys() - real.keys()]
    for key in real.keys() & ours.keys():
        if key not in ("revision", "published_at") and real[key] != ours[key]:
            problems.append(f"{key}: {real[key]!r} != {ours[key]!r}")
    if real["published_at"] != ours["published_at"]:
        problems.append(f"published_at: {real['published_at']} != {ours['published_at']}")
    return problems


# --- the query mix ----------------------------------------------------------------------------


def to_queries(mix: list) -> list:
    from django.http import QueryDict

    from search.forms import SearchForm
    from search.permissions import viewer_visibility

    queries = []
    for kind, params in mix:
        data = QueryDict(urllib.parse.urlencode(params))
        form = SearchForm(data)
        if not form.is_valid():
            raise SystemExit(f"invalid bench query {params}: {form.errors}")
        queries.append((kind, params, form.to_query(data, viewer_visibility(None))))
    return queries


def run_backend(backend, queries: list, budget: float | None = None) -> tuple[dict, list]:
    """Milliseconds per query (by kind and overall) and the results."""
    timings: dict[str, list[float]] = defaultdict(list)
    results = []
    gc.collect()
    started = time.perf_counter()
    for kind, _, query in queries:
        t0 = time.perf_counter()
        result = backend.search(query)
        elapsed = (time.perf_counter() - t0) * 1000
        timings[kind].append(elapsed)
        timings["all"].append(elapsed)
        results.append(result)
        if budget is not None and time.perf_counter() - started > budget:
            break
    return timings, results


def run_endpoint(client, host: str, queries: list) -> dict:
    timings: dict[str, list[float]] = defaultdict(list)
    gc.collect()
    for kind, params, _ in queries:
        path = "/api/search/" + ("?" + urllib.parse.urlencode(params) if params else "")
        t0 = time.perf_counter()
        response = client.get(path, HTTP_HOST=host)
        elapsed = (time.perf_counter() - t0) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code} {response.content[:300]!r}")
        body = response.json()
        if body["degraded"] or body["backend"] == "database":
            raise SystemExit(f"{path}: answered by the database fallback, not the engine")
        timings[kind].append(elapsed)
        timings["all"].append(elapsed)
    return timings


def engine_breakdown(backend, queries: list) -> tuple[dict[str, list[float]], int]:
    """Where a backend.search() call spends its time, step by step, following its
    two tries (exact words first, the tolerant query below TOLERANT_BELOW hits);
    also how many queries needed the second request."""
    from search import engine
    from search.backends.engine import TOLERANT_BELOW
    from search.queries import build_search, parse_response

    parts: dict[str, list[float]] = defaultdict(list)
    alias = engine.content_alias()
    second = 0
    for _, _, query in queries:
        build = trip = took = 0.0
        for tolerant in (False, True) if query.text else (True,):
            t0 = time.perf_counter()
            body = build_search(backend.dsl, alias, query, tolerant=tolerant).to_dict()
            t1 = time.perf_counter()
            response = backend.client.search(index=alias, body=body)
            t2 = time.perf_counter()
            build, trip, took = build + t1 - t0, trip + t2 - t1, took + response["took"]
            if tolerant or response["hits"]["total"]["value"] >= TOLERANT_BELOW:
                break
        second += int(tolerant and bool(query.text))
        t3 = time.perf_counter()
        parse_response(query, response, backend.name)
        parse = time.perf_counter() - t3
        parts["build_search + to_dict"].append(build * 1000)
        parts["engine round trips"].append(trip * 1000)
        parts["  of which engine 'took'"].append(float(took))
        parts["parse_response"].append(parse * 1000)
    return parts, second


def _without(body: dict, *keys: str) -> dict:
    return {k: v for k, v in body.items() if k not in keys}


def _rewrite(value, fn):
    """A deep copy of a request body with fn applied to every dict in it."""
    if isinstance(value, dict):
        return fn({k: _rewrite(v, fn) for k, v in value.items()})
    if isinstance(value, list):
        return [_rewrite(v, fn) for v in value]
    return value


def _no_fuzziness(node: dict) -> dict:
    return {k: v for k, v in node.items() if k not in ("fuzziness", "prefix_length")}


def _no_language_fields(node: dict) -> dict:
    languages = (".german", ".french", ".spanish", ".portuguese")
    if isinstance(node.get("fields"), list) and "query" in node:
        fields = [f for f in node["fields"] if not any(lang in f for lang in languages)]
        return {**node, "fields": fields}
    return node


ABLATIONS: dict[str, Callable[[dict], dict]] = {
    "full request (as the site sends it)": lambda b: b,
    "without did-you-mean suggest": lambda b: _without(b, "suggest"),
    "without highlight": lambda b: _without(b, "highlight"),
    "without the facet aggregations": lambda b: _without(b, "aggs"),
    "without track_total_hits": lambda b: _without(b, "track_total_hits"),
    "without fuzziness": lambda b: _rewrite(b, _no_fuzziness),
    "without the 4 language sub-fields": lambda b: _rewrite(b, _no_language_fields),
    "query + post_filter only": lambda b: _without(
        b, "suggest", "highlight", "aggs", "track_total_hits"
    ),
}


def engine_ablation(backend, queries: list, rounds: int = 2) -> dict[str, list[float]]:
    """Engine-side 'took' of the same queries (their tolerant request, the one a
    misspelling gets) with one part of the request left out.

    The variants of one query run back to back and the best of `rounds` counts, so
    that load from other processes shifts all variants alike.
    """
    from search import engine
    from search.queries import build_search

    alias = engine.content_alias()
    took: dict[str, list[float]] = {label: [] for label in ABLATIONS}
    for _, _, query in queries:
        body = build_search(backend.dsl, alias, query).to_dict()
        variants = {label: strip(body) for label, strip in ABLATIONS.items()}
        best = dict.fromkeys(variants, math.inf)
        for _ in range(rounds):
            for label, variant in variants.items():
                response = backend.client.search(index=alias, body=variant)
                best[label] = min(best[label], float(response["took"]))
        for label, value in best.items():
            took[label].append(value)
    return took


def allowed_host() -> str:
    from django.conf import settings

    hosts = settings.ALLOWED_HOSTS
    if "localhost" in hosts or "*" in hosts or not hosts:
        return "localhost"
    return hosts[0].lstrip(".")


# --- output -------------------------------------------------------------------------------------


def print_latency_table(title: str, timings: dict[str, list[float]]) -> None:
    width = max(26, *(len(k) for k in timings))
    print(f"\n{title}")
    print(f"  {'kind':<{width}} {'n':>4} {'p50':>8} {'p95':>8} {'p99':>8} {'mean':>8} {'max':>8}")
    order = ["all", *sorted(k for k in timings if k != "all")] if "all" in timings else timings
    for kind in order:
        s = stats(timings[kind])
        print(
            f"  {kind:<{width}} {s['n']:>4} {s['p50']:>6.1f}ms {s['p95']:>6.1f}ms"
            f" {s['p99']:>6.1f}ms {s['mean']:>6.1f}ms {s['max']:>6.1f}ms"
        )


def main() -> None:
    args = parse_args()
    configure_environment(args)
    run_started = time.perf_counter()
    created = ensure_database(os.environ["DATABASE_URL"])

    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from search import engine, indexing
    from search.backends.database import DatabaseSearchBackend
    from search.backends.engine import EngineSearchBackend

    database = connection.settings_dict["NAME"]
    step(
        f"database {database} ({'created' if created else 'exists'}), engine "
        f"{settings.SEARCH_ENGINE} at {settings.SEARCH_URL}, alias {engine.content_alias()}, "
        f"{os.cpu_count()} cores"
    )
    measured_code = code_version()
    step(f"code: commit {measured_code}")
    report_machine("before the run")
    seconds, _ = timed(lambda: call_command("migrate", verbosity=0, interactive=False))
    step(f"migrate: {seconds:.1f}s")
    info = engine.client().info()
    step(
        f"engine {info['version'].get('distribution', 'elasticsearch')} {info['version']['number']}"
    )

    n = args.documents
    seconds, records = timed(lambda: [synthetic.practice(i, args.seed) for i in range(n)])
    text_sizes = [
        len(r.summary + r.challenge + r.approach + r.results + r.resources_needed)
        + len(r.transferability)
        for r in records
    ]
    step(
        f"generated {n:,} practices in {seconds:.1f}s "
        f"(text {statistics.fmean(text_sizes) / 1024:.2f} KB on average)"
    )

    # 1. Engine bulk indexing with the project's mapping.
    reuse = args.reuse_index and kept_index_size() == n
    bulk_rate = rebuild_rate = None
    if reuse:
        step(f"engine: reusing the kept index {', '.join(indexing.alias_targets())}")
    else:
        step("engine: bulk-indexing the synthetic documents into a fresh versioned index ...")
        bulk = engine_bulk(records)
        bulk_rate = bulk["documents"] / bulk["bulk_seconds"]
        step(
            f"engine bulk: {bulk['documents']:,} documents in {bulk['bulk_seconds']:.1f}s = "
            f"{bulk_rate:,.0f} docs/s (create + bulk + refresh + alias {bulk['seconds']:.1f}s)"
        )

    # 2. Real PracticePage rows in PostgreSQL.
    step("database: PracticePage rows ...")
    rows = ensure_practices(args, records)
    if rows["reused"]:
        step(f"database: reusing {n:,} PracticePage rows from an earlier run (--fresh to redo)")
    else:
        step(
            f"database: inserted {n:,} pages in {rows['seconds']:.1f}s "
            f"({n / rows['seconds']:,.0f} pages/s)"
        )
    del records
    problems = check_document_shape(args.seed)
    if problems:
        step(
            "WARNING: the bench documents differ from practice_to_document(): "
            + "; ".join(problems)
        )
    else:
        step("bench documents match practice_to_document() for the same practice")

    # 3. indexing.rebuild() from those rows.
    if not reuse:
        step("engine: indexing.rebuild() from PostgreSQL ...")
        rebuilt = indexing.rebuild()
        rebuild_rate = rebuilt.documents / rebuilt.seconds
        step(
            f"rebuild: {rebuilt.documents:,} documents in {rebuilt.seconds:.1f}s = "
            f"{rebuild_rate:,.0f} docs/s, force merge included: {rebuilt.merge_seconds:.1f}s "
            f"(index {rebuilt.index})"
        )

    # 4. Wagtail's database search index for the fallback.
    fallback_index = None
    if not args.skip_fallback:
        step(f"database: Wagtail search index, {args.index_workers} worker processes ...")
        fallback_index = wagtail_search_index(args, rows["reused"])
        if fallback_index["reused"]:
            step("database: search index entries already up to date, reused")
        else:
            step(
                f"Wagtail search index: {fallback_index['entries']:,} practice entries in "
                f"{fallback_index['seconds']:.1f}s "
                f"({fallback_index['entries'] / fallback_index['seconds']:,.0f} pages/s)"
            )

    # 5. Queries.
    queries = to_queries(synthetic.query_mix(args.queries, args.seed))
    backend = EngineSearchBackend(settings.SEARCH_ENGINE)
    step(f"queries: warming up the engine with {len(queries)} queries ...")
    run_backend(backend, queries)
    engine_timings, engine_results = run_backend(backend, queries)
    print_latency_table(f"engine: EngineSearchBackend.search(), {n:,} documents", engine_timings)
    totals = [r.total for r in engine_results]
    print(
        f"  hits per query: median {statistics.median(totals):,.0f}, "
        f"max {max(totals):,}; zero-hit queries: {sum(1 for t in totals if t == 0)}"
    )
    suggestions = sum(1 for r in engine_results if r.suggestion)
    print(f"  did-you-mean suggestions: {suggestions} of {len(engine_results)} queries")

    parts, second = engine_breakdown(backend, queries)
    print_latency_table(
        "engine breakdown (same queries, steps of EngineSearchBackend.search())", parts
    )
    texts = sum(1 for _, _, q in queries if q.text)
    print(f"  text queries that needed the tolerant second request: {second} of {texts}")
    if args.ablation_queries:
        stride = max(1, len(queries) // args.ablation_queries)
        sample = queries[::stride][: args.ablation_queries]
        step(f"engine cost by part of the request, {len(sample)} queries ...")
        print_latency_table(
            "engine 'took' with one part of the request left out (best of 2, same queries)",
            engine_ablation(backend, sample),
        )

    client = Client()
    host = allowed_host()
    run_endpoint(client, host, queries[:40])  # warm the URL resolver, middleware, forms
    endpoint_timings = run_endpoint(client, host, queries)
    report_machine("right after the engine and endpoint measurements")
    print_latency_table(
        f"JSON endpoint /api/search/ (test client), {n:,} documents", endpoint_timings
    )

    fallback_timings: dict[str, list[float]] = {}
    fallback_note = "skipped"
    if not args.skip_fallback:
        stride = max(1, len(queries) // max(1, args.fallback_queries))
        subset = queries[::stride][: args.fallback_queries]
        fallback = DatabaseSearchBackend()
        step(f"fallback: {len(subset)} queries (every {stride}th of the mix), warming up ...")
        run_backend(fallback, subset[:3])
        fallback_timings, fallback_results = run_backend(
            fallback, subset, budget=args.fallback_budget
        )
        measured = len(fallback_timings["all"])
        fallback_note = f"{measured} of {len(subset)} queries"
        if measured < len(subset):
            fallback_note += f" (stopped by the {args.fallback_budget:.0f}s budget)"
        print_latency_table(
            f"fallback: DatabaseSearchBackend.search() on PostgreSQL, {n:,} practices",
            fallback_timings,
        )
        by_query = {id(q): r for (_, _, q), r in zip(queries, engine_results, strict=True)}
        differ = sum(
            1
            for (_, _, q), r in zip(subset, fallback_results, strict=False)
            if r.total != by_query[id(q)].total
        )
        print(
            f"  totals differing from the engine: {differ} of {len(fallback_results)} "
            "(the engine also matches misspellings and the language sub-fields)"
        )

    # 6. Clean-up and summary.
    if args.keep:
        step(f"keeping indices: {', '.join(bench_indices())}")
    else:
        names = bench_indices()
        delete_indices(names)
        step(f"deleted indices: {', '.join(names) or 'none'}")

    print(f"\n=== summary: {n:,} synthetic practices, {os.cpu_count()} cores ===")
    print(f"{'measurement':<44} {'size':>8} {'result':>28}  goal")
    e = stats(engine_timings["all"])
    j = stats(endpoint_timings["all"])

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    if bulk_rate is None or rebuild_rate is None:
        print(f"{'engine bulk index and rebuild':<44} {n:>8,} {'not measured (--reuse-index)':>28}")
    else:
        print(f"{'engine bulk index (project mapping)':<44} {n:>8,} {bulk_rate:>22,.0f} doc/s")
        print(
            f"{'indexing.rebuild() from PostgreSQL':<44} {n:>8,} "
            f"{rebuild_rate:>22,.0f} doc/s  >= {GOAL_REBUILD_DOCS_PER_S:,.0f}/s: "
            f"{verdict(rebuild_rate >= GOAL_REBUILD_DOCS_PER_S)}"
        )
    if fallback_index and not fallback_index["reused"]:
        rate = fallback_index["entries"] / fallback_index["seconds"]
        label = f"Wagtail search index ({fallback_index['workers']} processes)"
        print(f"{label:<44} {n:>8,} {rate:>20,.0f} pages/s")
    print(
        f"\n{'latency':<44} {'size':>8} {'queries':>8} {'p50':>8} {'p95':>8} {'p99':>8} {'mean':>8}"
    )
    rows_out = [("engine: EngineSearchBackend.search()", e), ("JSON endpoint /api/search/", j)]
    if fallback_timings:
        rows_out.append(
            ("fallback: DatabaseSearchBackend.search()", stats(fallback_timings["all"]))
        )
    for label, s in rows_out:
        print(
            f"{label:<44} {n:>8,} {s['n']:>8} {s['p50']:>6.1f}ms {s['p95']:>6.1f}ms "
            f"{s['p99']:>6.1f}ms {s['mean']:>6.1f}ms"
        )
    print(
        f"\ngoal p95 <= {GOAL_P95_MS:.0f} ms through the JSON endpoint with facets: "
        f"{verdict(j['p95'] <= GOAL_P95_MS)} ({j['p95']:.1f} ms)"
    )
    print(f"fallback measured at {n:,} practices: {fallback_note}")
    moved = "" if code_version() == measured_code else f" (HEAD is {code_version()} by now)"
    print(f"code measured: {measured_code}{moved}; load average now {os.getloadavg()[0]:.1f}")
    print(f"total run time {time.perf_counter() - run_started:.0f}s")
    print("the processes listed above shared the machine's cores with this run")


if __name__ == "__main__":
    main()
