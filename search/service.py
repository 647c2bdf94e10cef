"""The entry point views and templates call: the configured backend, or the database
when the engine cannot answer. A search never errors out because the engine is down.

`_answer` is the one place that decides between the engine and the database."""

import logging
from collections.abc import Callable
from typing import TypeVar

from learning_processes.models import PracticePage
from search.backends import SearchBackend, get_backend
from search.backends.database import DatabaseSearchBackend
from search.queries import MAX_SUGGEST_LENGTH, SearchQuery, SearchResults
from search.query_text import clean_text

logger = logging.getLogger(__name__)

Answer = TypeVar("Answer")


def _answer(
    ask: Callable[[SearchBackend], Answer], *, what: str, empty_asks_database: bool = False
) -> tuple[Answer, bool]:
    """`ask` put to the configured backend, or to the database when the engine fails
    (or, with `empty_asks_database`, finds nothing): (answer, whether the database
    stood in for the engine). In the embedded mode the database is the backend, and
    its errors are not hidden."""
    backend = get_backend()
    if isinstance(backend, DatabaseSearchBackend):
        return ask(backend), False
    try:
        found = ask(backend)
    except Exception:
        logger.exception("search engine failed; %s from the database", what)
    else:
        if found or not empty_asks_database:
            return found, False
    return ask(DatabaseSearchBackend()), True


def run_search(query: SearchQuery) -> SearchResults:
    results, degraded = _answer(lambda backend: backend.search(query), what="answering")
    results.degraded = results.degraded or degraded
    return results


def run_suggest(prefix: str, visibility: tuple[str, ...] = ("public",)) -> list[dict]:
    """Titles that start like `prefix`, made safe for every backend as a query's text is."""
    prefix = clean_text(prefix, MAX_SUGGEST_LENGTH)
    if not prefix:
        return []
    found, _ = _answer(lambda backend: backend.suggest(prefix, visibility), what="suggesting")
    return found


def similar_practices(page: PracticePage, size: int = 4) -> list[PracticePage]:
    """The published practices most like `page`, for its page: the engine's, or the
    database's when the engine fails or finds none."""
    ids, _ = _answer(
        lambda backend: backend.more_like_this(page, size),
        what="similar practices",
        empty_asks_database=True,
    )
    found = PracticePage.objects.live().public().select_related("topic_field").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
