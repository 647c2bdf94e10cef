"""Keeping the engine's index in step with the database.

* `enqueue_index(page)` (search/outbox.py): the only way content changes reach
  search. It writes an outbox row in the caller's transaction and, once that
  commits, asks the background task to drain the outbox.
* `process_outbox()`, `drain_outbox()`: write due rows with bulk requests through
  the outbox's drain loop; a failure leaves the rows in place with the outbox's
  back-off, so a stopped engine delays updates but loses none.
* `rebuild()`: a fresh versioned index filled with bulk requests, then the alias
  swapped atomically; edits made meanwhile are replayed from the outbox.
* `check()`: compares the database with the index and reports drift.
"""

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from django.db.models import Model
from django.utils import timezone
from wagtail.models import Page

from outbox.drain import OutboxResult, drain, process_due
from outbox.models import OutboxQuerySet
from search import engine
from search.app_settings import app_settings
from search.documents import content_document
from search.models import IndexOutbox
from search.serializers import INDEXED_MODELS, doc_id, document_for, searchable_querysets

BATCH_SIZE = 500
MERGE_TIMEOUT = 900


def engine_enabled() -> bool:
    return app_settings.ENGINE in engine.ENGINES


# --- the outbox ---------------------------------------------------------------------


def _actions_for(rows: Iterable[IndexOutbox], index: str) -> list[dict[str, Any]]:
    """Bulk actions from the current database state of each row's page."""
    wanted: dict[type[Model], set[int]] = {}
    for row in rows:
        model = row.content_type.model_class()
        if model in INDEXED_MODELS:
            wanted.setdefault(model, set()).add(row.object_id)
    actions: list[dict[str, Any]] = []
    for model, ids in wanted.items():
        content_type = INDEXED_MODELS[model][0]
        found = {page.pk: page for page in model._default_manager.filter(pk__in=ids)}
        for pk in sorted(ids):
            page = found.get(pk)
            body = document_for(page) if page is not None else None
            if body is None:
                actions.append(
                    {"_op_type": "delete", "_index": index, "_id": doc_id(content_type, pk)}
                )
            else:
                actions.append(
                    {
                        "_op_type": "index",
                        "_index": index,
                        "_id": doc_id(content_type, pk),
                        "_source": body,
                    }
                )
    return actions


def _bulk(
    actions: list[dict[str, Any]], refresh: bool = False, require_alias: bool = False
) -> None:
    if not actions:
        return
    helpers = engine.helpers_module(app_settings.ENGINE)
    extra = {"require_alias": "true"} if require_alias else {}
    _, errors = helpers.bulk(
        engine.client(),
        actions,
        raise_on_error=False,
        refresh=refresh,
        chunk_size=BATCH_SIZE,
        **extra,
    )
    # Deleting what is not there is fine; anything else is a real failure.
    real = [e for e in errors if next(iter(e.values())).get("status") != 404]
    if real:
        raise RuntimeError(f"{len(real)} bulk errors, first: {real[0]}")


def _outbox_rows() -> OutboxQuerySet:
    return IndexOutbox.objects.select_related("content_type")


def _write_rows(refresh: bool) -> Callable[[Sequence[IndexOutbox]], None]:
    def write(rows: Sequence[IndexOutbox]) -> None:
        ensure_index()
        # require_alias: never let the engine auto-create a concrete index by that name.
        _bulk(_actions_for(rows, engine.content_alias()), refresh=refresh, require_alias=True)

    return write


def process_outbox(limit: int = BATCH_SIZE, refresh: bool = False) -> OutboxResult:
    """Write one batch of due outbox rows to the index; on failure, back off and
    keep them."""
    if not engine_enabled():
        return OutboxResult()
    return process_due(_outbox_rows(), _write_rows(refresh), batch_size=limit)


def drain_outbox(refresh: bool = False) -> OutboxResult:
    """Process every due row now (the task, the management command, tests)."""
    total = OutboxResult()
    if engine_enabled():
        total = drain(_outbox_rows(), _write_rows(False), batch_size=BATCH_SIZE)
    if refresh and not total.failed:
        # Also covers rows that a commit hook already wrote without a refresh.
        engine.client().indices.refresh(index=engine.content_alias())
    return total


# --- index lifecycle ------------------------------------------------------------------


def document_class(index: str) -> type[Any]:
    return content_document(engine.dsl_module(app_settings.ENGINE), index)


def _versioned_name() -> str:
    return f"{engine.content_alias()}-{timezone.now():%Y%m%d%H%M%S%f}"


def alias_targets() -> list[str]:
    client = engine.client()
    alias = engine.content_alias()
    if not client.indices.exists_alias(name=alias):
        return []
    return sorted(client.indices.get_alias(name=alias))


def ensure_index() -> str:
    """Create the first versioned index behind the alias if there is none."""
    targets = alias_targets()
    if targets:
        return targets[0]
    name = _versioned_name()
    document_class(name).init(using=engine.client())
    engine.client().indices.update_aliases(
        body={"actions": [{"add": {"index": name, "alias": engine.content_alias()}}]}
    )
    return name


def iter_documents(index: str) -> Iterator[dict[str, Any]]:
    # The querysets hold only live, public pages, so the serializer is called directly.
    try:
        for queryset in searchable_querysets():
            content_type, serialize = INDEXED_MODELS[queryset.model]
            for page in queryset.iterator(chunk_size=BATCH_SIZE):
                yield {
                    "_index": index,
                    "_id": doc_id(content_type, page.pk),
                    "_source": serialize(page),
                }
    finally:
        # parallel_bulk reads this generator in a worker thread; close the database
        # connection that thread opened rather than leave it to linger.
        if threading.current_thread() is not threading.main_thread():
            connections.close_all()


@dataclass
class RebuildResult:
    index: str
    documents: int
    replayed: int
    seconds: float
    removed_indices: list[str]
    merge_seconds: float = 0.0


def rebuild() -> RebuildResult:
    """Build a fresh index and swap the alias to it without a moment of downtime."""
    import time

    started = time.perf_counter()
    client = engine.client()
    helpers = engine.helpers_module(app_settings.ENGINE)
    alias = engine.content_alias()
    # Edits from here on are replayed onto the new index before and after the swap.
    marker = IndexOutbox.objects.order_by("-id").values_list("id", flat=True).first() or 0
    name = _versioned_name()
    document_class(name).init(using=client)
    client.indices.put_settings(index=name, body={"index": {"refresh_interval": "-1"}})
    # Two sender threads overlap the engine's indexing with building the next chunk.
    count = 0
    for ok, item in helpers.parallel_bulk(
        client, iter_documents(name), thread_count=2, chunk_size=BATCH_SIZE, request_timeout=120
    ):
        if not ok:
            raise RuntimeError(f"rebuild failed on {item}")
        count += 1
    client.indices.put_settings(index=name, body={"index": {"refresh_interval": "1s"}})
    # A bulk load leaves a dozen segments; every query visits each of them. Merged
    # into one before the swap, searches at 100,000 documents took less than half
    # the time (bench/search_latency.py). Later edits add small segments that the
    # engine's merge policy keeps in check.
    merge_started = time.perf_counter()
    # A client of its own for the long request: both clients take a timeout there.
    slow = engine.new_client(app_settings.ENGINE, app_settings.URL, timeout=MERGE_TIMEOUT)
    slow.indices.forcemerge(index=name, max_num_segments=1)
    merge_seconds = time.perf_counter() - merge_started

    def replay() -> int:
        rows = list(IndexOutbox.objects.filter(id__gt=marker).select_related("content_type"))
        _bulk(_actions_for(rows, name))
        return len(rows)

    replayed = replay()
    client.indices.refresh(index=name)
    old = alias_targets()
    actions = [{"remove": {"index": index, "alias": alias}} for index in old]
    actions.append({"add": {"index": name, "alias": alias}})
    client.indices.update_aliases(body={"actions": actions})
    # Anything processed into the old index between the replay and the swap.
    replayed += replay()
    client.indices.refresh(index=name)
    for index in old:
        client.indices.delete(index=index, ignore_unavailable=True)
    return RebuildResult(name, count, replayed, time.perf_counter() - started, old, merge_seconds)


@dataclass
class Drift:
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    pending_outbox: int = 0

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.stale)


def check() -> Drift:
    """What the index lacks, holds in excess, or holds in an old revision."""
    client = engine.client()
    helpers = engine.helpers_module(app_settings.ENGINE)
    client.indices.refresh(index=engine.content_alias())
    expected: dict[str, int | None] = {}
    for queryset in searchable_querysets():
        content_type = INDEXED_MODELS[queryset.model][0]
        # Pages carry the revision indexed; threads have none, so only presence counts.
        columns = ["id", "live_revision_id"] if issubclass(queryset.model, Page) else ["id"]
        for row in queryset.values_list(*columns).iterator(chunk_size=BATCH_SIZE):
            expected[doc_id(content_type, row[0])] = row[1] if len(row) > 1 else None
    indexed = {
        hit["_id"]: hit["_source"].get("revision")
        for hit in helpers.scan(
            client, index=engine.content_alias(), query={"_source": ["revision"]}, size=1000
        )
    }
    return Drift(
        missing=sorted(set(expected) - set(indexed)),
        extra=sorted(set(indexed) - set(expected)),
        stale=sorted(k for k in set(expected) & set(indexed) if expected[k] != indexed[k]),
        pending_outbox=IndexOutbox.objects.pending().count(),
    )
